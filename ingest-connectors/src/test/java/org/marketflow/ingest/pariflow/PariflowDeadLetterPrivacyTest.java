package org.marketflow.ingest.pariflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a dead letter keeps of a rejected engine message: everything but the values of fields
 * outside the engine format, and nothing past the point where the bytes stop being JSON.
 */
class PariflowDeadLetterPrivacyTest {

  private static EngineRedaction.Redacted redact(String json) {
    return EngineRedaction.redact(
        json.getBytes(StandardCharsets.UTF_8), PariflowParser.FORMAT_FIELDS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // user ids of any JSON kind are replaced, the rest kept byte for byte
        "{\"id\":\"t\", \"takerUserId\" : \"u-1\"}|{\"id\":\"t\", \"takerUserId\" : \"<removed>\"}",
        "{\"makerUserId\":12345,\"price\":0.5}|{\"makerUserId\":\"<removed>\",\"price\":0.5}",
        "{\"makerUserId\":{\"id\":\"u-1\"},\"x\":[\"u-2\"]}|{\"makerUserId\":\"<removed>\",\"x\":\"<removed>\"}",
        "{\"takerUserId\":\"caf\u00e9-\\\"u\\\"\"}|{\"takerUserId\":\"<removed>\"}",
        // a renamed field (a flipped byte) is not in the format: removed too
        "{\"takerUserIc\":\"u-1\"}|{\"takerUserIc\":\"<removed>\"}",
        // a level's unknown field inside a book change
        "{\"bids\":[{\"price\":0.5,\"owner\":\"u-1\"}]}|{\"bids\":[{\"price\":0.5,\"owner\":\"<removed>\"}]}",
        // broken JSON: cut where it breaks
        "{\"id\":\"t\",\"takerUserId\":u-1}|{\"id\":\"t\"",
        "{\"id\":\"t\",\"takerUserId\" \"u-1\"}|{\"id\":\"t\"",
        "{\"orderId\":\"o-1x,\"takerUserId\":\"u-1\"}|{\"orderId\":\"o-1x,\"",
        "{\"id\":\"t\"} \"u-1\"|{\"id\":\"t\"}",
        "{\"id\":\"t\",\"takerUserId\":\"u-1|{\"id\":\"t\",",
        // not an object: nothing kept
        "[\"u-1\"]|``",
        "\"u-1\"|``",
      })
  void keepsOnlyTheEngineFormatsValues(String raw, String kept) {
    EngineRedaction.Redacted redacted = redact(raw);
    assertThat(new String(redacted.raw(), StandardCharsets.UTF_8))
        .isEqualTo(kept)
        .doesNotContain("u-1", "u-2", "12345");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"id\":\"t\"}|``",
        "{\"id\":\"t\",\"takerUserId\":\"u\"}|` [1 value(s) of fields outside the engine format removed]`",
        "{\"id\":\"t\",\"takerUserId\":u}|` [raw cut at byte 9 where it stops being JSON]`",
        "[1]|` [raw removed: not a readable JSON object]`",
      })
  void saysWhatItRemoved(String raw, String note) {
    assertThat(redact(raw).note()).isEqualTo(note);
  }
}
