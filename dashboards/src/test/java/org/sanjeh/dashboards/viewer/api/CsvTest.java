package org.sanjeh.dashboards.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
    assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.cell("plain")).isEqualTo("plain");
  }

  @Test
  void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
    assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
  }

  @Test
  void numbersStayNumbersAndAMissingRatioIsAnEmptyCell() {
    assertThat(Csv.cell(-120L)).isEqualTo("-120");
    assertThat(Csv.cell(0.25)).isEqualTo("0.25");
    assertThat(Csv.cell(Double.NaN)).isEmpty();
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell(LocalDate.of(2026, 11, 30))).isEqualTo("2026-11-30");
  }

  @Test
  void rowsAreWrittenInTheColumnsOrderWithCrLf() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("b", "x,y");
    row.put("a", 1L);

    assertThat(Csv.write(List.of("a", "b"), List.of(row))).isEqualTo("a,b\r\n1,\"x,y\"\r\n");
  }
}
