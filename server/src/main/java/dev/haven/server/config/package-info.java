/**
 * The server's configuration: a YAML or JSON file merged over the built-in defaults, then
 * environment variables and command-line flags. Validated once at start; a bad value stops
 * the start with a message that names the setting.
 */
package dev.haven.server.config;
