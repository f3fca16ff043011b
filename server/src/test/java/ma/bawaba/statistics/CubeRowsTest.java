package ma.bawaba.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows a snapshot of the statistics holds: a new version never changes the one before it. */
class CubeRowsTest {

    @Test
    void aNewVersionReplacesChangedRowsAddsNewOnesDropsEmptyOnesAndLeavesTheOlderSnapshotAsItWas() {
        StatisticsCube.Rows<String, Integer> first = StatisticsCube.Rows.<String, Integer>none().with(Map.of("a", 1, "b", 2));
        Map<String, Integer> changed = new HashMap<>();
        changed.put("a", 10);
        changed.put("b", null);
        changed.put("c", 3);
        StatisticsCube.Rows<String, Integer> second = first.with(changed);
        StatisticsCube.Rows<String, Integer> third = second.with(Map.of("b", 5));

        assertEquals(Map.of("a", 1, "b", 2), contents(first));
        assertEquals(Map.of("a", 10, "c", 3), contents(second));
        assertEquals(Map.of("a", 10, "b", 5, "c", 3), contents(third));
        assertEquals(contents(third), contents(third.with(Map.of())));
    }

    private static Map<String, Integer> contents(StatisticsCube.Rows<String, Integer> rows) {
        Map<String, Integer> contents = new LinkedHashMap<>();
        rows.forEach(contents::put);
        return contents;
    }
}
