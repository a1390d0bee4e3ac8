package org.herald.tagger.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tags' {@code implies} lists of a taxonomy file and checks that they go
 * nowhere in a circle, for {@link TaxonomyReader}.
 */
final class ImplicationParser {

    private ImplicationParser() {
    }

    /**
     * The tags' {@code implies} lists: each item names a defined tag other than its own,
     * once, with a reason and an optional weight (default 1); and no chain of
     * implications comes back to where it started.
     */
    static List<Implication> implications(Map<String, Node> tagNodes, Set<String> tagNames) {
        List<Implication> implications = new ArrayList<>();
        Map<Implication, Node> places = new HashMap<>();
        tagNodes.forEach((name, node) -> {
            Node implies = node.map().get("implies");
            if (implies == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : implies.list()) {
                Map<String, Node> fields = item.object(Set.of("tag", "weight", "reason"), Set.of("tag", "reason"));
                Node tag = fields.get("tag");
                String implied = tag.text();
                if (!tagNames.contains(implied)) {
                    throw tag.invalid("names tag '" + implied + "', which 'tags' does not define");
                }
                if (implied.equals(name)) {
                    throw tag.invalid("a tag cannot imply itself");
                }
                if (!seen.add(implied)) {
                    throw tag.invalid("implies '" + implied + "' a second time");
                }
                double weight = fields.containsKey("weight") ? fields.get("weight").fraction() : 1.0;
                Implication implication = new Implication(name, implied, weight, fields.get("reason").text());
                implications.add(implication);
                places.put(implication, tag);
            }
        });
        checkNoCycle(implications, places);
        return implications;
    }

    /**
     * Refuses implications that come back to a tag they started from ({@code a} implies
     * {@code b}, {@code b} implies {@code a}), naming the implication that closes the
     * circle and the circle itself.
     */
    private static void checkNoCycle(List<Implication> implications, Map<Implication, Node> places) {
        Map<String, List<Implication>> from = new LinkedHashMap<>();
        implications.forEach(
                (implication) -> from.computeIfAbsent(implication.tag(), (tag) -> new ArrayList<>()).add(implication));
        Set<String> done = new HashSet<>();
        for (String start : from.keySet()) {
            findCycle(start, from, new ArrayList<>(), done, places);
        }
    }

    private static void findCycle(String tag, Map<String, List<Implication>> from, List<String> path, Set<String> done,
            Map<Implication, Node> places) {
        if (done.contains(tag)) {
            return;
        }
        path.add(tag);
        for (Implication implication : from.getOrDefault(tag, List.of())) {
            int start = path.indexOf(implication.implied());
            if (start >= 0) {
                List<String> circle = new ArrayList<>(path.subList(start, path.size()));
                circle.add(implication.implied());
                throw places.get(implication)
                    .invalid("'" + implication.tag() + "' implies '" + implication.implied()
                            + "', and the implications go round in a circle (" + String.join(" -> ", circle)
                            + "); remove one of them");
            }
            findCycle(implication.implied(), from, path, done, places);
        }
        path.remove(path.size() - 1);
        done.add(tag);
    }

}
