package ma.bawaba.cases.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import ma.bawaba.platform.Money;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue is written twice, as records here and as schemas in the contract (what the timeline, the change
 * feed, e-mail and webhooks publish): these tests keep the two the same, type by type and field by field.
 */
@QuarkusTest
class CaseEventCatalogueTest {

    private static final OpenAPI CONTRACT = new OpenAPIV3Parser()
            .read(Path.of("..", "api-spec", "openapi.yaml").toAbsolutePath().toString());

    @Inject
    ObjectMapper mapper;

    @Test
    void everyPayloadRecordIsAnEventTypeOfTheContractAndEveryTypeHasItsRecord() {
        Set<String> contractTypes = new TreeSet<>(schema("CaseEventType").getEnum().stream().map(Object::toString).toList());
        assertEquals(contractTypes, new TreeSet<>(CaseEventTypes.names()));
        assertEquals(contractTypes, new TreeSet<>(schema("CaseEventData").getDiscriminator().getMapping().keySet()),
                "each type maps to its payload schema");
    }

    @Test
    void everyPayloadRecordHasTheFieldsOfItsSchemaAndWhatItAlwaysHasIsRequired() {
        for (Class<?> payload : CaseEventData.class.getPermittedSubclasses()) {
            String type = CaseEventTypes.nameOf(payload);
            Map<String, Schema<?>> properties = new HashMap<>();
            Set<String> required = new HashSet<>();
            fieldsOf(payloadSchema(type), properties, required);
            properties.remove("type");
            required.remove("type");
            Map<String, Class<?>> components = Arrays.stream(payload.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
            assertEquals(new TreeSet<>(properties.keySet()), new TreeSet<>(components.keySet()), type + ": the fields");
            components.forEach((name, javaType) -> {
                if (javaType.isPrimitive()) {
                    assertTrue(required.contains(name), type + "." + name + " is always there: the contract requires it");
                }
                // Law 09-08: codes, not texts. A free text (a reason, a name) has no place in a payload.
                if (javaType == String.class) {
                    Integer maxLength = properties.get(name).getMaxLength();
                    assertTrue(maxLength != null && maxLength <= 40, type + "." + name + " is a short code");
                }
            });
        }
    }

    @Test
    void everyPayloadIsStoredAsJsonThatTheContractsSchemaOfItsTypeReadsBack() throws Exception {
        for (Class<?> payload : CaseEventData.class.getPermittedSubclasses()) {
            CaseEventData sample = sample(payload);
            String json = mapper.writerFor(CaseEventData.class).writeValueAsString(sample);
            JsonNode stored = mapper.readTree(json);
            assertEquals(sample.type(), stored.path("type").asText(), json);
            // The server reads stored payloads as the generated contract model, failing on any field it does not know.
            Object read = mapper.readValue(json, ma.bawaba.contract.model.CaseEventData.class);
            JsonTypeName readType = read.getClass().getAnnotation(JsonTypeName.class);
            assertNotNull(readType, json);
            assertEquals(sample.type(), readType.value(), json);
            assertEquals(stored, mapper.readTree(mapper.writeValueAsString(read)), "a payload reads back unchanged: " + json);
            assertEquals(sample, mapper.readValue(json, CaseEventData.class), "and reads back as its record: " + json);
        }
    }

    private static Schema<?> schema(String name) {
        Schema<?> schema = CONTRACT.getComponents().getSchemas().get(name);
        assertNotNull(schema, name + " is in the contract");
        return schema;
    }

    private static Schema<?> payloadSchema(String type) {
        String ref = schema("CaseEventData").getDiscriminator().getMapping().get(type);
        assertNotNull(ref, type + " has a payload schema");
        return schema(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** The properties of a payload schema, through its allOf (CaseEventData's type, then its own fields). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void fieldsOf(Schema<?> schema, Map<String, Schema<?>> properties, Set<String> required) {
        if (schema.get$ref() != null) {
            fieldsOf(schema(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)), properties, required);
            return;
        }
        if (schema.getProperties() != null) {
            properties.putAll((Map) schema.getProperties());
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        if (schema.getAllOf() != null) {
            for (Schema<?> part : (List<Schema<?>>) (List) schema.getAllOf()) {
                fieldsOf(part, properties, required);
            }
        }
    }

    /** A payload with every field set, so that every field is written and read. */
    private static CaseEventData sample(Class<?> payload) throws ReflectiveOperationException {
        RecordComponent[] components = payload.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(types[i], i);
        }
        return (CaseEventData) payload.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleValue(Class<?> type, int position) {
        if (type == long.class || type == Long.class) {
            return 20L + position;
        }
        if (type == int.class || type == Integer.class) {
            return 1 + position;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2027, 1, 27).plusDays(position);
        }
        if (type == String.class) {
            return "COMPLAINT";
        }
        if (type == Money.class) {
            return new Money("55.00", "MAD");
        }
        throw new AssertionError("No sample for a payload field of type " + type);
    }
}
