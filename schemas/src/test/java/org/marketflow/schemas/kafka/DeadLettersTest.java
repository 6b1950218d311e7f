package org.marketflow.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.DeadLetter;

class DeadLettersTest {

  private static final byte[] INVALID_UTF8 = {'{', (byte) 0xC3, (byte) 0x28, '}'};

  @Test
  void keepsTheExactBytesAndTheKafkaOrigin() {
    DeadLetter letter =
        DeadLetters.DEFAULT.of(
            "stage", "reason", RecordOrigin.kafka("topic", 3, 42L), 7L, INVALID_UTF8);
    assertThat(bytes(letter.getRaw())).isEqualTo(INVALID_UTF8);
    assertThat(letter.getSourceTopic()).isEqualTo("topic");
    assertThat(letter.getSourcePartition()).isEqualTo(3);
    assertThat(letter.getSourceOffset()).isEqualTo(42L);
    assertThat(letter.getRejectedAtUs()).isEqualTo(7L);
    assertThat(letter.getRawTruncated()).isFalse();
    assertThat(letter.getOriginalSize()).isEqualTo(4);
  }

  @Test
  void namesTheFileAndLineOfARecordReadFromAFile() {
    DeadLetter letter =
        DeadLetters.DEFAULT.of("s", "r", RecordOrigin.file("a.gz", 12), 0L, new byte[0]);
    assertThat(letter.getSourceTopic()).isEqualTo("file:a.gz");
    assertThat(letter.getSourcePartition()).isNull();
    assertThat(letter.getSourceOffset()).isEqualTo(12L);
  }

  @Test
  void cutsARecordLargerThanTheLimitAndSaysSo() {
    byte[] raw = new byte[10];
    raw[3] = 9;
    DeadLetter letter =
        DeadLetters.withMaxRawBytes(4).of("s", "r", RecordOrigin.kafka("t", 0, 0), 0L, raw);
    assertThat(bytes(letter.getRaw())).containsExactly(0, 0, 0, 9);
    assertThat(letter.getRawTruncated()).isTrue();
    assertThat(letter.getOriginalSize()).isEqualTo(10);
  }

  @Test
  void cutsLongReasons() {
    String reason = "x".repeat(DeadLetters.MAX_REASON_CHARS + 10);
    DeadLetter letter =
        DeadLetters.DEFAULT.of("s", reason, RecordOrigin.kafka("t", 0, 0), 0L, null);
    assertThat(letter.getReason()).hasSize(DeadLetters.MAX_REASON_CHARS).endsWith("\u2026");
    assertThat(letter.getRaw().remaining()).isZero();
  }

  @Test
  void rejectsANegativeLimit() {
    assertThatThrownBy(() -> DeadLetters.withMaxRawBytes(-1))
        .hasMessage("maxRawBytes must be >= 0, not -1");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
