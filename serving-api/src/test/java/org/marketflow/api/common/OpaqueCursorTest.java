package org.marketflow.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.api.error.InvalidParameterException;

class OpaqueCursorTest {

  private static String raw(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(String raw) {
    assertThatThrownBy(() -> OpaqueCursor.decode("cursor", raw, "k", 2))
        .isInstanceOf(InvalidParameterException.class)
        .extracting(e -> ((InvalidParameterException) e).problem().reason())
        .isEqualTo(OpaqueCursor.REASON);
  }

  @Test
  void roundTripsFieldsWithEscapesAndUnicode() {
    List<String> fields = List.of("PARIFLOW:evt_1:out-a:YES", "é%+ /:&=");

    String cursor = OpaqueCursor.encode("k", fields);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(OpaqueCursor.decode("cursor", cursor, "k", 2)).isEqualTo(fields);
  }

  @Test
  void rejectsAnotherKindAnotherFieldCountBadBase64AndBadEscapes() {
    assertRejected(OpaqueCursor.encode("other", List.of("a", "b")));
    assertRejected(OpaqueCursor.encode("k", List.of("a")));
    assertRejected("!!!");
    assertRejected(raw("k\n%G1\nb"));
    assertRejected("A".repeat(OpaqueCursor.MAX_LENGTH + 1));
  }

  @Test
  void rejectsControlCharactersThatTheDatabaseWouldRefuse() {
    assertRejected(raw("k\na%00b\nc"));
  }

  @Test
  void timeFieldsOutsideTheYearsZeroOneToNineThousandNineHundredNinetyNineAreRejected() {
    assertThatThrownBy(() -> OpaqueCursor.timeField("cursor", "x", Long.toString(Long.MAX_VALUE)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> OpaqueCursor.timeField("cursor", "x", "12a"))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(OpaqueCursor.timeField("cursor", "x", "1723161600000000"))
        .isEqualTo(java.time.Instant.parse("2024-08-09T00:00:00Z"));
  }
}
