package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTests {

    private final TextAnalysis analysis = new TextAnalysis(List.of("packaging", "cans"));

    @Test
    void lowerCasesFoldsAccentsAndDropsPossessives() {
        assertThat(this.analysis.tokens("Britain’s Café ZÜRICH's")).containsExactly("britain", "cafe", "zurich");
    }

    @Test
    void stemsPluralsAndVerbForms() {
        assertThat(this.analysis.tokens("tariffs minerals sanctioned consultations")).containsExactly("tariff",
                "mineral", "sanction", "consultation");
    }

    @Test
    void leavesUnstemmedWordsAlone() {
        assertThat(this.analysis.tokens("packaging package cans can")).containsExactly("packaging", "package", "cans",
                "can");
    }

    @Test
    void splitsOnPunctuationSoPhrasesMatchEitherWay() {
        assertThat(this.analysis.phrase("anti-dumping")).isEqualTo(this.analysis.phrase("anti dumping"));
        assertThat(this.analysis.phrase("UK-US")).isEqualTo("uk us");
    }

    @Test
    void surfaceTokensStemmedOneByOneGiveTheFullAnalysis() {
        String text = "Britain’s packaging producers’ tariffs: anti-dumping duties on CAFÉ minerals, 2024/25";
        List<String> stemmed = new ArrayList<>();
        this.analysis.surfaceTokens(text,
                (buffer, length) -> stemmed.add(this.analysis.stem(new String(buffer, 0, length))));

        assertThat(stemmed).isEqualTo(this.analysis.tokens(text)).contains("packaging", "tariff", "cafe", "mineral");
    }

    @Test
    void analysesNothingToNothing() {
        assertThat(this.analysis.tokens(null)).isEmpty();
        assertThat(this.analysis.phrase(" - ")).isEmpty();
    }

}
