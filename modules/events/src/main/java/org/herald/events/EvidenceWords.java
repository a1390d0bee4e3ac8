package org.herald.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tag's evidence in plain words, the same wherever people read it: the notifier's "why
 * you got this" and the tagger's preview:
 * <ul>
 * <li>terms: {@code "critical minerals" in the title; "mineral supply" in the
 * summary}</li>
 * <li>a similarity: {@code resembles: <example> (similarity 0.71) — "<sentence>"}</li>
 * <li>an implied tag's chain: {@code implied by critical-minerals (matched "critical
 * minerals" in the title): Aluminium is on the UK Critical Minerals List}</li>
 * </ul>
 */
public final class EvidenceWords {

    private EvidenceWords() {
    }

    /** The evidence in words, without the tag's name; empty for no evidence. */
    public static String explanation(List<Evidence> evidence) {
        List<String> found = new ArrayList<>();
        for (Evidence item : evidence) {
            if (item.kind() == Evidence.Kind.IMPLIED) {
                String chain = found.isEmpty() ? "" : " (" + matched(found, evidence) + ")";
                String reason = (item.sentence() != null && !item.sentence().isBlank()) ? ": " + item.sentence() : "";
                return "implied by " + item.term() + chain + reason;
            }
            found.add(words(item));
        }
        return String.join("; ", found);
    }

    private static String matched(List<String> found, List<Evidence> evidence) {
        String joined = String.join("; ", found);
        return (evidence.get(0).kind() == Evidence.Kind.TERM) ? "matched " + joined : joined;
    }

    private static String words(Evidence item) {
        if (item.kind() == Evidence.Kind.SIMILARITY) {
            String example = (item.example() != null) ? item.example() : item.term();
            String sentence = (item.sentence() != null) ? " — \"" + item.sentence() + "\"" : "";
            return "resembles: " + example + String.format(Locale.ROOT, " (similarity %.2f)", item.weight()) + sentence;
        }
        return "\"" + item.term() + "\" in the " + item.field();
    }

}
