package org.marketflow.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
