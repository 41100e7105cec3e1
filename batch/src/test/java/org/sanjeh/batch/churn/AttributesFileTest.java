package org.sanjeh.batch.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributesFileTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void badRowsAreReportedWithLineAndReasonAndGoodRowsKept() throws IOException {
    Path csv =
        file(
            "customers.csv",
            String.join(
                "\n",
                "customerID,tenure,Contract,note",
                "c1,12,Month-to-month,\"a, quoted \"\"note\"\"\"",
                "c2,abc,One year,x",
                ",3,Two year,x",
                "c3,7,One year",
                "c1,5,Two year,again",
                "c4,,Two year,\"spans",
                "two lines\"",
                "c5,1.5,Month-to-month,ok",
                ""));
    Path mapping =
        file(
            "mapping.json",
            "{\"id\": \"customerID\", \"columns\": {\"tenure\": \"numeric\", \"Contract\": \"categorical\"}}");

    AttributesFile.Table table = AttributesFile.read(csv, AttributesFile.Mapping.read(mapping));

    assertThat(table.rows()).extracting(AttributesFile.Line::id).containsExactly("c1", "c4", "c5");
    assertThat(table.rows().get(1).values())
        .containsEntry("tenure", "")
        .containsEntry("Contract", "Two year");
    assertThat(table.problems())
        .containsExactly(
            "line 3: tenure=\"abc\" is not a number",
            "line 4: the id column is empty",
            "line 5: has 3 fields, the header has 4",
            "line 6: customer c1 appears again (its first row is kept)");
  }

  @Test
  void aMappingNamingAMissingColumnIsRefusedWithTheColumnsThereAre() throws IOException {
    Path csv = file("c.csv", "id,a\n1,2\n");
    Path mapping = file("m.json", "{\"id\": \"id\", \"columns\": {\"b\": \"numeric\"}}");

    assertThatThrownBy(() -> AttributesFile.read(csv, AttributesFile.Mapping.read(mapping)))
        .hasMessageContaining("no column \"b\"")
        .hasMessageContaining("[id, a]");
  }

  @Test
  void aColumnKindOtherThanNumericOrCategoricalIsRefused() throws IOException {
    Path mapping = file("m.json", "{\"id\": \"id\", \"columns\": {\"a\": \"date\"}}");

    assertThatThrownBy(() -> AttributesFile.Mapping.read(mapping))
        .hasMessageContaining("columns.a=\"date\": expected numeric or categorical");
  }

  @Test
  void withoutAMappingColumnsOfNumbersAreNumericAndTheRestCategorical() throws IOException {
    Path csv = file("c.csv", "customerID,tenure,Churn,plan\n1,2,Yes,a\n2,,No,b\n");

    AttributesFile.Table table = AttributesFile.inferred(csv, "customerID", "Churn");

    assertThat(table.columns())
        .containsEntry("tenure", AttributesFile.Kind.NUMERIC)
        .containsEntry("Churn", AttributesFile.Kind.CATEGORICAL)
        .containsEntry("plan", AttributesFile.Kind.CATEGORICAL);
  }

  @Test
  void binaryLabelsAcceptYesNoTrueFalseAndOneZero() {
    assertThat(TableTraining.label("Yes", "Churn", 2)).isEqualTo(1.0);
    assertThat(TableTraining.label("false", "Churn", 2)).isEqualTo(0.0);
    assertThat(TableTraining.label("1", "Churn", 2)).isEqualTo(1.0);
    assertThatThrownBy(() -> TableTraining.label("maybe", "Churn", 7))
        .hasMessage("line 7: Churn=\"maybe\" is not a binary label; use yes/no, true/false or 1/0");
  }
}
