package org.herald.tagger.taxonomy;

import java.util.List;

/**
 * A rule giving an announcement an overall relevance from its tags. An announcement's
 * relevance is the highest of the rules that hold, at least 1 when it has any tag, and 0
 * when it has none.
 *
 * @param relevance 1 to 3
 * @param any the rule holds if the announcement has one of these tags (ignored when
 * empty)
 * @param all the rule holds if the announcement has all of these tags (ignored when
 * empty)
 * @param minScore the tags named must have at least this score
 */
public record RelevanceRule(int relevance, List<String> any, List<String> all, double minScore) {

    public RelevanceRule {
        any = List.copyOf(any);
        all = List.copyOf(all);
    }

}
