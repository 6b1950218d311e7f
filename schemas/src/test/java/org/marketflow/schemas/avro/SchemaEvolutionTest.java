package org.marketflow.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Records evolve by adding fields with defaults, so that consumers and producers of two versions
 * read each other's records both ways. Each case pins a released version of a schema.
 */
class SchemaEvolutionTest {

  /** {@code BookLevel} before the optional order count. */
  private static final Schema BOOK_LEVEL_V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"BookLevel\","
                  + "\"namespace\":\"org.marketflow.schemas.avro\",\"fields\":["
                  + "{\"name\":\"price\",\"type\":\"double\"},"
                  + "{\"name\":\"size\",\"type\":\"double\"}]}");

  /** {@code DeadLetter} before the truncation flag and the original size. */
  private static final Schema DEAD_LETTER_V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"DeadLetter\","
                  + "\"namespace\":\"org.marketflow.schemas.avro\",\"fields\":["
                  + "{\"name\":\"stage\",\"type\":\"string\"},"
                  + "{\"name\":\"reason\",\"type\":\"string\"},"
                  + "{\"name\":\"sourceTopic\",\"type\":[\"null\",\"string\"],\"default\":null},"
                  + "{\"name\":\"sourcePartition\",\"type\":[\"null\",\"int\"],\"default\":null},"
                  + "{\"name\":\"sourceOffset\",\"type\":[\"null\",\"long\"],\"default\":null},"
                  + "{\"name\":\"rejectedAtUs\",\"type\":\"long\"},"
                  + "{\"name\":\"raw\",\"type\":\"bytes\"}]}");

  @Test
  void bookLevelsWithAnOrderCountAreCompatibleBothWays() {
    assertCompatibleBothWays(BOOK_LEVEL_V1, BookLevel.getClassSchema());
  }

  @Test
  void deadLettersWithTruncationFieldsAreCompatibleBothWays() {
    assertCompatibleBothWays(DEAD_LETTER_V1, DeadLetter.getClassSchema());
  }

  private static void assertCompatibleBothWays(Schema older, Schema newer) {
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(newer, older).getType())
        .as("the new reader reads old records")
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(older, newer).getType())
        .as("an old reader reads new records")
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }
}
