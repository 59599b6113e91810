package dev.haven.protocol.model;

import dev.haven.protocol.Fields;

/**
 * One way to reach a helpline.
 *
 * @param value the number to call or text, or the address of a chat or web page
 * @param label how to use it, in words, when the value alone does not say (e.g. "Dial 988, then
 *              press 1", "Text HOME"); null when it does
 */
public record ResourceChannel(ChannelType type, String value, String label) {
    public ResourceChannel {
        Fields.require(type, "type");
        Fields.requireText(value, "value");
    }
}
