package org.herald.tagger.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analysis applied to announcements and to the taxonomy's terms alike: Unicode word
 * tokenising ({@link StandardTokenizer}), English possessives removed, lower case, accents folded to
 * ASCII, and Krovetz stemming ({@link KStemFilter}, which keeps words as words: "minerals" becomes
 * "mineral", "tariffs" "tariff"), except for the taxonomy's {@code unstemmed} words (so that
 * "packaging" need not meet "package"). No stop words are
 * removed, so a phrase matches only the same words in the same order.
 * <p>
 * Thread-safe: Lucene keeps one token stream per thread.
 */
final class TextAnalysis implements AutoCloseable {

    private static final String FIELD = "text";

    private final Analyzer analyzer;

    /** An analysis that stems every word. */
    TextAnalysis() {
        this(List.of());
    }

    /**
     * An analysis that leaves the given words unstemmed (they are still lower-cased and folded).
     */
    TextAnalysis(Collection<String> unstemmed) {
        CharArraySet keywords = new CharArraySet(unstemmed.size(), true);
        this.analyzer = new Analyzer() {

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                result = new SetKeywordMarkerFilter(result, keywords);
                result = new KStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }

        };
        for (String word : unstemmed) {
            keywords.add(this.analyzer.normalize(FIELD, word.strip()).utf8ToString());
        }
    }

    /** The analysed tokens of {@code text}. */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        analyse(text, (buffer, length) -> tokens.add(new String(buffer, 0, length)));
        return tokens;
    }

    /**
     * The analysed tokens of {@code text} appended to {@code out}, each followed by one space: the form the
     * phrase matcher searches, in which a phrase is its tokens joined by spaces.
     */
    void appendTokens(String text, StringBuilder out) {
        analyse(text, (buffer, length) -> out.append(buffer, 0, length).append(' '));
    }

    /** The analysed form of a taxonomy term: its tokens joined by single spaces. */
    String phrase(String term) {
        return String.join(" ", tokens(term));
    }

    private void analyse(String text, TokenSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try (TokenStream stream = this.analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                sink.accept(term.buffer(), term.length());
            }
            stream.end();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Analysing text from a String cannot fail", ex);
        }
    }

    @Override
    public void close() {
        this.analyzer.close();
    }

    @FunctionalInterface
    private interface TokenSink {

        void accept(char[] buffer, int length);

    }

}
