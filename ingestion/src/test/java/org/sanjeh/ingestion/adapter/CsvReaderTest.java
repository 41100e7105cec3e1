package org.sanjeh.ingestion.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  /** Every quirk at once: BOM, quotes, doubled quotes, line breaks in quotes, CRLF, a lone CR. */
  static final String TRICKY =
      "\uFEFFid,text,note\r\n"
          + "1,\"a, b\",\"say \"\"hi\"\"\"\r\n"
          + "2,\"two\nlines\",x\"y\n"
          + "3,,\"\"\n"
          + "4,cr\rinside,\"\"after\n"
          + "5,\"ünïcode ✓ 😀\",end";

  static final List<String> EXPECTED =
      List.of(
          "1:[id, text, note]",
          "2:[1, a, b, say \"hi\"]",
          "3:[2, two\nlines, x\"y]",
          "5:[3, , ]",
          "6:[4, cr\rinside, after]",
          "7:[5, ünïcode ✓ 😀, end]");

  @Test
  void recordsKeepTheirFieldsAndTheLineTheyStartOn() throws IOException {
    assertThat(records(new StringReader(TRICKY))).isEqualTo(EXPECTED);
  }

  @Test
  void aReaderThatGivesOneCharacterAtATimeGivesTheSameRecords() throws IOException {
    assertThat(records(new Trickle(TRICKY))).isEqualTo(EXPECTED);
  }

  @Test
  void fieldsLongerThanTheReadersBlockAreWhole() throws IOException {
    String plain = "p".repeat(200_000);
    String quoted = "q,\n\"".repeat(50_000);
    String csv = plain + ",\"" + quoted.replace("\"", "\"\"") + "\"\nlast,line\n";

    List<CsvReader.Record> all = new ArrayList<>();
    CsvReader reader = new CsvReader(new StringReader(csv));
    for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
      all.add(r);
    }

    assertThat(all).hasSize(2);
    assertThat(all.get(0).fields()).containsExactly(plain, quoted);
    assertThat(all.get(1).line()).isEqualTo(50_002);
    assertThat(all.get(1).fields()).containsExactly("last", "line");
  }

  @Test
  void anUnclosedQuoteIsAnErrorNamingTheLineItStartsOn() {
    CsvReader reader = new CsvReader(new StringReader("a,b\n1,\"open\n\n"));
    assertThatThrownBy(
            () -> {
              while (reader.next() != null) {
                // read on
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessage("line 2: a quoted field is not closed before the end of the file");
  }

  @Test
  void anEmptyInputHasNoRecordsAndAFinalLineBreakEndsTheLastRecord() throws IOException {
    assertThat(records(new StringReader(""))).isEmpty();
    assertThat(records(new StringReader("a\n"))).containsExactly("1:[a]");
    assertThat(records(new StringReader("a\n\nb"))).containsExactly("1:[a]", "2:[]", "3:[b]");
  }

  private static List<String> records(Reader in) throws IOException {
    CsvReader reader = new CsvReader(in);
    List<String> out = new ArrayList<>();
    for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
      out.add(r.line() + ":" + r.fields());
    }
    return out;
  }

  /** Hands out one character per read, so every record crosses a block boundary. */
  private static final class Trickle extends Reader {
    private final String text;
    private int at;

    Trickle(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] into, int offset, int length) {
      if (at == text.length()) {
        return -1;
      }
      into[offset] = text.charAt(at++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
