package org.kintsugi.shared;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Read request bodies with the application's JSON settings plus one rule: text from a client holds no control
 * characters but tab and line breaks. A NUL or an escape sequence in a title ends up in pages, exports, mails and
 * tickets, where it truncates, breaks or recolours what people read; it is refused with the field named. Only what
 * arrives over HTTP is checked, so JSON Kintsugi stored itself is read back as it was written.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJson {

    /**
     * Read JSON request bodies with the rule, ahead of the standard converters; it writes nothing and leaves bodies
     * taken as raw text or bytes (webhooks check signatures over them) to the converters made for those.
     */
    @Bean
    HttpMessageConverter<Object> strictJsonReader(JsonMapper jsonMapper) {
        return new Reader(new JacksonJsonHttpMessageConverter(strict(jsonMapper)));
    }

    static final class Reader implements SmartHttpMessageConverter<Object> {

        private final JacksonJsonHttpMessageConverter json;

        Reader(JacksonJsonHttpMessageConverter json) {
            this.json = json;
        }

        @Override
        public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
            Class<?> raw = type.toClass();
            return raw != String.class
                    && raw != byte[].class
                    && !Resource.class.isAssignableFrom(raw)
                    && json.canRead(type, mediaType);
        }

        @Override
        public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints)
                throws IOException {
            return json.read(type, input, hints);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
            return false;
        }

        @Override
        public void write(
                Object value,
                ResolvableType type,
                @Nullable MediaType contentType,
                HttpOutputMessage output,
                @Nullable Map<String, Object> hints) {
            // Never called: canWrite answers false, so responses go to the standard JSON converter.
            throw new HttpMessageNotWritableException(
                    "The strict JSON reader reads request bodies only; responses are written by the JSON converter");
        }

        @Override
        public List<MediaType> getSupportedMediaTypes() {
            return json.getSupportedMediaTypes();
        }
    }

    /** Return the mapper with the control-character rule, for a controller that binds a JSON tree itself. */
    public static JsonMapper strict(JsonMapper mapper) {
        return mapper.rebuild()
                .addModule(new SimpleModule("kintsugi-plain-text").addDeserializer(String.class, new PlainText()))
                .build();
    }

    static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws JacksonException {
            String text = super.deserialize(p, context);
            if (text == null) {
                return null;
            }
            String problem = PlainTextRule.problem(text);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, text, String.class);
            }
            return text;
        }
    }
}
