package io.threatflow.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body bound to one of ThreatFlow's own types is read exactly as sent or refused with a 400 that names
 * the field: a field the type does not have, a number or true for a text, a text for a number or a boolean. Spring's
 * Jackson setup ignores the first and converts the others, so a typo in an optional field or a number sent as
 * a title went unnoticed. Only reading, and only our own types: the Camunda REST API and webapps (their own
 * mappers), a tree such as an OCSF finding, and outgoing calls keep their settings.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies implements WebMvcConfigurer {

    private static final String OWN_TYPES = "io.threatflow.";

    private final ObjectMapper json;

    StrictRequestBodies(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new OwnTypesReader(strict(json)));
    }

    static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict;
    }

    /** Reads ThreatFlow's own types only; writing stays with Spring's converter. */
    private static final class OwnTypesReader extends MappingJackson2HttpMessageConverter {

        OwnTypesReader(ObjectMapper strict) {
            super(strict);
        }

        @Override
        public boolean canRead(Class<?> type, MediaType mediaType) {
            return type.getName().startsWith(OWN_TYPES) && super.canRead(type, mediaType);
        }

        @Override
        public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
            return ResolvableType.forType(type).toClass().getName().startsWith(OWN_TYPES)
                    && super.canRead(type, contextClass, mediaType);
        }

        @Override
        public boolean canWrite(Class<?> type, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Type type, Class<?> type2, MediaType mediaType) {
            return false;
        }
    }
}
