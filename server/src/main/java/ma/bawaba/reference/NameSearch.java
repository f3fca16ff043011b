package ma.bawaba.reference;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a q= search into a condition on the FULLTEXT index of a table's names: every word must be the start of a
 * word of the name (prefix match), in any of its languages; accents and case are ignored by the collation.
 * Words shorter than InnoDB's indexed token size fall back to a prefix LIKE on the names.
 */
final class NameSearch {

    /** innodb_ft_min_token_size's default. */
    private static final int MIN_INDEXED = 3;

    private final List<String> words;

    private NameSearch(List<String> words) {
        this.words = words;
    }

    static NameSearch of(String q) {
        String cleaned = q == null ? "" : q.replaceAll("[\\p{Punct}&&[^'’-]]|[+<>()~*\"@-]", " ");
        return new NameSearch(Arrays.stream(cleaned.trim().split("\\s+")).filter(word -> !word.isBlank()).toList());
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** SQL condition on the given FULLTEXT columns, with its parameters appended in order. */
    String condition(String fulltextColumns, List<String> nameColumns, List<Object> parameters) {
        List<String> indexed = words.stream().filter(word -> word.codePointCount(0, word.length()) >= MIN_INDEXED).toList();
        List<String> shortWords = words.stream().filter(word -> word.codePointCount(0, word.length()) < MIN_INDEXED).toList();
        StringBuilder sql = new StringBuilder("(1 = 1");
        if (!indexed.isEmpty()) {
            sql.append(" AND MATCH(").append(fulltextColumns).append(") AGAINST (? IN BOOLEAN MODE)");
            parameters.add(indexed.stream().map(word -> "+" + word.replace("'", "") + "*").collect(Collectors.joining(" ")));
        }
        for (String word : shortWords) {
            sql.append(" AND (").append(nameColumns.stream().map(column -> column + " LIKE ?").collect(Collectors.joining(" OR "))).append(')');
            nameColumns.forEach(column -> parameters.add(word.replace("%", "").replace("_", "") + "%"));
        }
        return sql.append(')').toString();
    }
}
