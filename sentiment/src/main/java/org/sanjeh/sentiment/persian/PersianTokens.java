package org.sanjeh.sentiment.persian;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianCharFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's Persian analysis as one function from text to normalised tokens: ZWNJ becomes a word
 * break ({@code PersianCharFilter}), Unicode word segmentation, lower case, digits of any script to
 * ASCII, then Arabic and Persian normalisation (Persian ی and ک map to the Arabic forms ي and ك,
 * alef and heh variants fold, diacritics and tatweel go). The lexicon goes through the same
 * function as the text, so "مي‌شود", "میشود" and "می شود" meet the same entries. No stop-word
 * filter: Persian stop-word lists contain the negation words this model needs.
 */
public final class PersianTokens {

  private static final Analyzer ANALYZER =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer tokenizer = new StandardTokenizer();
          TokenStream stream = new LowerCaseFilter(tokenizer);
          stream = new DecimalDigitFilter(stream);
          stream = new ArabicNormalizationFilter(stream);
          stream = new PersianNormalizationFilter(stream);
          return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
          return new PersianCharFilter(reader);
        }
      };

  private PersianTokens() {}

  public static List<String> of(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return tokens;
  }

  /** One word or phrase normalised to the form its tokens take in text, joined by single spaces. */
  public static String normalised(String wordOrPhrase) {
    return String.join(" ", of(wordOrPhrase));
  }
}
