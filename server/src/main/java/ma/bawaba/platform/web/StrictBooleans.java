package ma.bawaba.platform.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean parameters read {@code true} or {@code false} (in any case) and nothing else. JAX-RS's default is
 * {@code Boolean.valueOf}, which reads any other word as false: {@code ?overdue=maybe} would silently list the cases
 * that are not overdue. A value that is not a boolean fails conversion, which the problem mapper answers with a 400
 * naming the parameter.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    private static final ParamConverter<Boolean> STRICT = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (value.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("Not a boolean: " + value);
        }

        @Override
        public String toString(Boolean value) {
            return String.valueOf(value);
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Boolean.class ? (ParamConverter<T>) STRICT : null;
    }
}
