package dev.haven.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds the configuration: the built-in defaults ({@code haven-default.yaml} in the jar), the
 * file given with {@code --config} merged over them (objects merge key by key; a list, such as
 * {@code rooms}, replaces the default list), then environment variables.
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "/haven-default.yaml";
    public static final String ENV_HOST = "HAVEN_HOST";
    public static final String ENV_PORT = "HAVEN_PORT";
    public static final String ENV_TOKEN_SECRET = "HAVEN_TOKEN_SECRET";
    public static final String ENV_STATE_DIR = "HAVEN_STATE_DIR";
    public static final String ENV_LOG_FORMAT = "HAVEN_LOG_FORMAT";
    public static final String ENV_PAGING_SECRET = "HAVEN_PAGING_SECRET";
    public static final String ENV_REDIS_URI = "HAVEN_REDIS_URI";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * @param file a YAML or JSON file, or null for the defaults alone
     * @param env  the environment, usually {@link System#getenv()}
     */
    public HavenConfig load(Path file, Map<String, String> env) {
        ObjectNode tree = readDefaults();
        if (file != null) {
            merge(tree, readFile(file));
        }
        applyEnvironment(tree, env);
        return bind(tree, file == null ? "built-in configuration" : file.toString());
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the jar");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    private ObjectNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        try {
            // YAML 1.2 reads JSON as well, so one parser serves both formats.
            JsonNode node = yaml.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("configuration file " + file + " must hold a mapping at its top level");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration file " + file + " is not valid YAML or JSON: "
                    + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode overrides) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode override) {
                merge(existingObject, override);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> env) {
        ObjectNode server = tree.withObject("/server");
        String host = env.get(ENV_HOST);
        if (host != null && !host.isBlank()) {
            server.put("host", host);
        }
        String port = env.get(ENV_PORT);
        if (port != null && !port.isBlank()) {
            server.put("port", parsePort(port, ENV_PORT));
        }
        String secret = env.get(ENV_TOKEN_SECRET);
        if (secret != null && !secret.isEmpty()) {
            tree.withObject("/auth").put("tokenSecret", secret);
        }
        putIfSet(tree, env.get(ENV_STATE_DIR), "/state", "dir");
        putIfSet(tree, env.get(ENV_LOG_FORMAT), "/logging", "format");
        putIfSet(tree, env.get(ENV_PAGING_SECRET), "/paging", "secret");
        putIfSet(tree, env.get(ENV_REDIS_URI), "/cluster/redis", "uri");
    }

    private static void putIfSet(ObjectNode tree, String value, String section, String key) {
        if (value != null && !value.isBlank()) {
            tree.withObject(section).put(key, value);
        }
    }

    /** Parses a port given outside the file (environment or flag). */
    public static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new ConfigException(source + " must be a port number between 0 and 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(source + " must be a port number between 0 and 65535");
        }
    }

    private HavenConfig bind(ObjectNode tree, String source) {
        try {
            return yaml.treeToValue(tree, HavenConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException config) {
                throw new ConfigException("invalid configuration (" + source + "): " + config.getMessage(), config);
            }
            throw new ConfigException("invalid configuration (" + source + "): " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid configuration (" + source + "): " + e.getOriginalMessage()
                    + " at " + pathOf(e), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? "the top level" : path.toString();
        }
        return "the top level";
    }
}
