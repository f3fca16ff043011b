package ma.bawaba.cases.events;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The names of the event types, read from the records the sealed {@link CaseEventData} permits: adding a record is
 * adding a type, with no list to keep in step. Also Jackson's resolver of the {@code type} property, so that any
 * mapper writes and reads payloads without registering subtypes.
 */
public final class CaseEventTypes extends TypeIdResolverBase {

    private static final Map<String, Class<?>> BY_NAME = Arrays.stream(CaseEventData.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(CaseEventTypes::nameOf, Function.identity()));

    /** Every event type of the catalogue. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The type a payload record is recorded under. */
    public static String nameOf(Class<?> payload) {
        JsonTypeName name = payload.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalStateException(payload + " names no event type (@JsonTypeName)");
        }
        return name.value();
    }

    /** The record of a type, or null for a type this version does not know. */
    public static Class<?> recordOf(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public String idFromValue(Object value) {
        return nameOf(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return nameOf(suggestedType);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<?> type = BY_NAME.get(id);
        return type == null ? null : context.constructType(type);
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }
}
