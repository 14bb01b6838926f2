package io.threatflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * A JSON {@code true} or {@code false} and nothing else, for a flag where a guess would be costly (whether real
 * systems are touched): Jackson would also read the strings {@code "true"} and {@code "false"} and the numbers 0
 * and 1. Anything else is refused with a problem that names the field (see {@code ApiProblems}).
 */
public class StrictBoolean extends JsonDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
    }
}
