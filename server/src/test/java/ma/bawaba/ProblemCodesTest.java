package ma.bawaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import ma.bawaba.complaints.ComplaintLifecycle;
import ma.bawaba.documents.DocumentOrderLifecycle;
import ma.bawaba.information.InformationLifecycle;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.security.Role;
import org.junit.jupiter.api.Test;

/** The codes clients branch on are the contract's, and every word a problem shows exists in each language. */
class ProblemCodesTest {

    @Test
    void theServersProblemCodesAreExactlyTheContracts() {
        assertEquals(names(ma.bawaba.contract.model.ProblemCode.values()), names(ProblemCode.values()));
        assertEquals(names(ma.bawaba.contract.model.FieldErrorCode.values()), names(FieldErrorCode.values()));
    }

    @Test
    void everyMessageExistsInArabicFrenchAndEnglish() throws IOException {
        Map<String, Properties> bundles = bundles();
        TreeSet<String> english = new TreeSet<>(bundles.get("en").stringPropertyNames());
        assertEquals(english, new TreeSet<>(bundles.get("fr").stringPropertyNames()), "French keys");
        assertEquals(english, new TreeSet<>(bundles.get("ar").stringPropertyNames()), "Arabic keys");
    }

    @Test
    void everyStatusAndRoleAProblemCanNameHasAWordInEachLanguage() throws IOException {
        List<String> keys = Stream.of(
                Arrays.stream(ComplaintLifecycle.Status.values()).map(status -> "complaint.status." + status),
                Arrays.stream(ComplaintLifecycle.Kind.values()).map(kind -> "complaint.kind." + kind),
                Arrays.stream(InformationLifecycle.Status.values()).map(status -> "information-request.status." + status),
                Arrays.stream(DocumentOrderLifecycle.Status.values()).map(status -> "document-order.status." + status),
                Arrays.stream(Role.values()).map(role -> "role." + role)).flatMap(keyStream -> keyStream).toList();
        for (Map.Entry<String, Properties> bundle : bundles().entrySet()) {
            for (String key : keys) {
                String word = bundle.getValue().getProperty(key);
                assertTrue(word != null && !word.isBlank(), bundle.getKey() + " lacks " + key);
                if (bundle.getKey().equals("ar")) {
                    assertTrue(!word.matches(".*[A-Za-z].*"), key + " is not written in Arabic: " + word);
                }
            }
        }
    }

    private static TreeSet<String> names(Enum<?>[] values) {
        return new TreeSet<>(Arrays.stream(values).map(Enum::name).toList());
    }

    private static Map<String, Properties> bundles() throws IOException {
        return Map.of("en", load("i18n/messages.properties"), "fr", load("i18n/messages_fr.properties"),
                "ar", load("i18n/messages_ar.properties"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ProblemCodesTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
