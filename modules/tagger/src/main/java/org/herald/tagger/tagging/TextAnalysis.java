package org.herald.tagger.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analysis applied to announcements and to the taxonomy's terms alike: Unicode
 * word tokenising ({@link StandardTokenizer}), English possessives removed, lower case,
 * accents folded to ASCII, and Krovetz stemming ({@link KStemFilter}, which keeps words
 * as words: "minerals" becomes "mineral", "tariffs" "tariff"), except for the taxonomy's
 * {@code unstemmed} words (so that "packaging" need not meet "package"). No stop words
 * are removed, so a phrase matches only the same words in the same order.
 * <p>
 * The analysis comes in two steps so that the tagger can remember what each word becomes:
 * {@link #surfaceTokens} only splits a text into tokens as written, and {@link #stem}
 * applies the rest of the analysis (possessive, case, folding, stemming) to one of them,
 * which depends on nothing but the token; the two together give exactly {@link #tokens}.
 * <p>
 * Thread-safe: Lucene keeps one token stream per thread.
 */
final class TextAnalysis implements AutoCloseable {

    private static final String FIELD = "text";

    /** Tokenising to stemming: for the taxonomy's terms. */
    private final Analyzer full;

    /** Tokenising only: the surface tokens of announcements. */
    private final Analyzer surface;

    /**
     * The rest, on one surface token: possessive, lower case, folding, stemming (unless
     * unstemmed).
     */
    private final Analyzer stemming;

    /** An analysis that stems every word. */
    TextAnalysis() {
        this(List.of());
    }

    /**
     * An analysis that leaves the given words unstemmed (they are still lower-cased and
     * folded).
     */
    TextAnalysis(Collection<String> unstemmed) {
        CharArraySet keywords = new CharArraySet(unstemmed.size(), true);
        this.full = analyzer(StandardTokenizer::new, true, true, keywords);
        this.surface = analyzer(StandardTokenizer::new, false, false, keywords);
        this.stemming = analyzer(KeywordTokenizer::new, true, true, keywords);
        for (String word : unstemmed) {
            keywords.add(this.full.normalize(FIELD, word.strip()).utf8ToString());
        }
    }

    private static Analyzer analyzer(Supplier<Tokenizer> tokenizer, boolean normalise, boolean stem,
            CharArraySet unstemmed) {
        return new Analyzer() {

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                TokenStream result = source;
                if (normalise) {
                    result = new EnglishPossessiveFilter(result);
                    result = new LowerCaseFilter(result);
                    result = new ASCIIFoldingFilter(result);
                }
                if (stem) {
                    result = new SetKeywordMarkerFilter(result, unstemmed);
                    result = new KStemFilter(result);
                }
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }

        };
    }

    /** The analysed tokens of {@code text}. */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        analyse(this.full, text, (buffer, length) -> tokens.add(new String(buffer, 0, length)));
        return tokens;
    }

    /** The analysed form of a taxonomy term: its tokens joined by single spaces. */
    String phrase(String term) {
        return String.join(" ", tokens(term));
    }

    /**
     * Calls {@code sink} with each token of {@code text} as written (split, but not yet
     * lower-cased, folded or stemmed); the buffer is Lucene's and valid only during the
     * call.
     */
    void surfaceTokens(String text, TokenSink sink) {
        analyse(this.surface, text, sink);
    }

    /** What a surface token becomes: the token as {@link #tokens} would give it. */
    String stem(String surfaceToken) {
        StringBuilder stem = new StringBuilder(surfaceToken.length());
        analyse(this.stemming, surfaceToken, (buffer, length) -> stem.append(buffer, 0, length));
        return stem.toString();
    }

    private static void analyse(Analyzer analyzer, String text, TokenSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
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
        this.full.close();
        this.surface.close();
        this.stemming.close();
    }

    /** Receives tokens. */
    @FunctionalInterface
    interface TokenSink {

        void accept(char[] buffer, int length);

    }

}
