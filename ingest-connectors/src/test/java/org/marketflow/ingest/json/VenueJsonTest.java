package org.marketflow.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VenueJsonTest {

  @Test
  void readsOneJsonValue() {
    assertThat(VenueJson.read(bytes("{\"s\":\"BTC/EUR\",\"p\":\"1.5\"}")).get("s").asText())
        .isEqualTo("BTC/EUR");
    assertThat(
            VenueJson.read("{\"s\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8))
                .get("s")
                .asText())
        .isEqualTo("caf\u00e9");
  }

  @Test
  void refusesBytesAfterTheValue() {
    assertThatThrownBy(() -> VenueJson.read(bytes("{\"u\":1,\"s\":\"BTCUSDT\"}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid JSON: Unexpected close marker '}': no open Object to close");
    assertThatThrownBy(() -> VenueJson.read(bytes("{\"u\":1}{\"u\":2}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON: Trailing token");
  }

  @Test
  void refusesBytesThatAreNotUtf8EvenWhereJacksonWouldDecodeThem() {
    // C0 AF is an overlong '/': Jackson reads "BTC/USDT"
    byte[] overlong = {
      '{', '"', 's', '"', ':', '"', 'B', 'T', 'C', (byte) 0xC0, (byte) 0xAF, 'U', '"', '}'
    };
    assertThatThrownBy(() -> VenueJson.read(overlong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid JSON: not UTF-8 (Input length = 1)");
    byte[] surrogate = {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'};
    assertThatThrownBy(() -> VenueJson.read(surrogate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON: not UTF-8");
  }

  @Test
  void readsPlainDecimalsFromBytesAsTheRegularExpressionAndParseDoubleDo() {
    SplittableRandom random = new SplittableRandom(20_240_808L);
    List<String> texts =
        new ArrayList<>(
            List.of(
                "0",
                "00.5",
                "61837.63000000",
                "0.00000001",
                "9007199254740993",
                "9007199254740992.5",
                "12345678901234567890",
                "12345678901234567890.12345678901234567890",
                "123456789012345678901",
                "0.123456789012345678901",
                "1.",
                ".5",
                "",
                "1e5",
                "-1",
                "+1",
                "0x1p16",
                " 1",
                "1 ",
                "1.5d",
                "NaN",
                "1\\u0030"));
    String alphabet = "0123456789012345678901234567890123456789..e-+ x";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(i % 2 == 0 ? 20 : 45);
      for (int j = 0; j < length; j++) {
        text.append(
            i % 4 == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : digitOrPoint(random));
      }
      texts.add(text.toString());
    }
    PlainDecimal decimal = new PlainDecimal();
    for (String text : texts) {
      byte[] json = bytes("[\"" + text + "\"]");
      int end = decimal.read(json, 1);
      Double expected;
      try {
        expected = VenueJson.decimal("p", text);
      } catch (IllegalArgumentException e) {
        expected = null;
      }
      if (expected == null) {
        assertThat(end).as(text).isEqualTo(-1);
      } else {
        assertThat(end).as(text).isEqualTo(json.length - 1);
        assertThat(Double.doubleToRawLongBits(decimal.value()))
            .as(text)
            .isEqualTo(Double.doubleToRawLongBits(expected));
      }
    }
  }

  /** Mostly digits, a point now and then, so that most are decimals of every length. */
  private static char digitOrPoint(SplittableRandom random) {
    return random.nextInt(12) == 0 ? '.' : (char) ('0' + random.nextInt(10));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
