package org.marketflow.api.export.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketflow.api.export.ExportFormat;
import org.marketflow.api.export.rows.ExportColumn;

class CsvRowWriterTest {

  private static final List<ExportColumn> COLUMNS =
      List.of(
          ExportColumn.string("id"),
          ExportColumn.decimal("price"),
          ExportColumn.int64("count"),
          ExportColumn.time("at"),
          ExportColumn.bool("amm"));

  private static String csv(Object[]... rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowWriter writer = RowWriter.open(ExportFormat.CSV, COLUMNS, out);
    for (Object[] row : rows) {
      writer.write(row);
    }
    writer.finish();
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@A1", "\tx", "\rx"})
  void prefixesTextThatStartsLikeAFormula(String text) {
    assertThat(CsvRowWriter.neutralize(text)).isEqualTo("'" + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "BTC", "1-2", "a=b", "'quoted", " -1"})
  void leavesOtherTextAlone(String text) {
    assertThat(CsvRowWriter.neutralize(text)).isEqualTo(text);
  }

  @Test
  void writesAHeaderAndRfc4180RowsWithNumbersUnprefixed() throws Exception {
    String csv =
        csv(
            new Object[] {"-3", -0.5, -7L, Instant.parse("2024-08-08T00:00:00.000001Z"), true},
            new Object[] {"a,\"b\"\nc", null, null, null, null});
    assertThat(csv)
        .isEqualTo(
            "id,price,count,at,amm\r\n"
                + "'-3,-0.5,-7,2024-08-08T00:00:00.000001Z,true\r\n"
                + "\"a,\"\"b\"\"\nc\",,,,\r\n");
  }
}
