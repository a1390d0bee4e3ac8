package org.herald.tagger.tagging;

import java.util.List;

import org.herald.tagger.tagging.Sentences.Sentence;
import org.herald.tagger.taxonomy.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentences the learned signal embeds, and the opening it embeds as one text.
 */
class SentencesTests {

    @Test
    void theOpeningIsTheTitleAndSummaryReadAsOneText() {
        List<Sentence> sentences = Sentences.of("UK and US sign a memorandum on critical minerals",
                "The partnership covers supply chains. It includes processing and recycling.", null);

        assertThat(sentences).extracting(Sentence::field).containsExactly(Field.TITLE, Field.SUMMARY, Field.SUMMARY);
        assertThat(Sentences.opening(sentences))
            .isEqualTo("UK and US sign a memorandum on critical minerals The partnership covers supply chains."
                    + " It includes processing and recycling.");
    }

    @Test
    void theOpeningStopsAtTheModelsWindow() {
        String sentence = "Aluminium producers warn about the cost of energy for smelters and rollers in the UK.";
        String body = (sentence + " ").repeat(60);
        List<Sentence> sentences = Sentences.of("Energy costs", null, body);

        String opening = Sentences.opening(sentences);

        int words = opening.split("\\s+").length;
        assertThat(opening).startsWith("Energy costs " + sentence);
        assertThat(Sentences.tokens(words)).isLessThanOrEqualTo(Sentences.WINDOW_TOKENS);
        assertThat(words).isGreaterThan(Sentences.WINDOW_TOKENS / 2);
    }

    @Test
    void aSentenceLongerThanTheWindowIsStillItsOwnOpening() {
        String title = "steel ".repeat(400).strip();
        List<Sentence> sentences = Sentences.of(title, "A short summary.", null);

        assertThat(Sentences.opening(sentences)).isEqualTo(title);
    }

}
