package io.threatflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A timestamp in a report is ISO-8601 text. A bare number is refused rather than guessed at: tools send
 * seconds or milliseconds, and reading one as the other lands in 1970 or in the year 56040.
 */
@Configuration(proxyBeanMethods = false)
class StrictTimestamps {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer isoInstantsOnly() {
        return builder -> builder.deserializerByType(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return (Instant) context.handleUnexpectedToken(Instant.class, parser);
                }
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }
        });
    }
}
