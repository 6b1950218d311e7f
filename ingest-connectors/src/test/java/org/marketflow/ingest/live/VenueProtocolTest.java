package org.marketflow.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.feed.Venue;

/** What each venue's protocol connects to and sends, as the venues document it. */
class VenueProtocolTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void binanceSubscribesInTheUrlAndSnapshotsOverRest() {
    VenueProtocol spot = VenueEndpoints.protocol(Venue.BINANCE_SPOT);
    assertThat(spot.streamUri(VenueEndpoints.webSocket(Venue.BINANCE_SPOT), List.of("BTCUSDT")))
        .isEqualTo(
            URI.create(
                "wss://stream.binance.com:9443/stream?streams="
                    + "btcusdt@depth@100ms/btcusdt@bookTicker/btcusdt@trade"));
    assertThat(spot.subscribeMessages(List.of("BTCUSDT"))).isEmpty();
    assertThat(spot.snapshotUri(VenueEndpoints.rest(Venue.BINANCE_SPOT), "btcusdt"))
        .contains(URI.create("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000"));
    assertThat(
            VenueEndpoints.protocol(Venue.BINANCE_USDM)
                .snapshotUri(URI.create("http://127.0.0.1:1/"), "BTCUSDT"))
        .contains(URI.create("http://127.0.0.1:1/fapi/v1/depth?symbol=BTCUSDT&limit=1000"));
  }

  @Test
  void coinbaseSubscribesToThePublicBookChannelAndResubscribesOneProduct() throws Exception {
    VenueProtocol coinbase = VenueEndpoints.protocol(Venue.COINBASE);
    List<String> subscribe = coinbase.subscribeMessages(List.of("BTC-USD", "ETH-USD"));
    assertThat(subscribe).hasSize(1);
    JsonNode message = JSON.readTree(subscribe.get(0));
    assertThat(message.get("type").asText()).isEqualTo("subscribe");
    assertThat(texts(message.get("product_ids"))).containsExactly("BTC-USD", "ETH-USD");
    assertThat(texts(message.get("channels")))
        .containsExactly("level2_batch", "matches", "ticker", "heartbeat");
    assertThat(coinbase.snapshotUri(VenueEndpoints.rest(Venue.COINBASE), "BTC-USD")).isEmpty();

    List<String> resubscribe = coinbase.resubscribeMessages("ETH-USD");
    assertThat(resubscribe).hasSize(2);
    assertThat(JSON.readTree(resubscribe.get(0)).get("type").asText()).isEqualTo("unsubscribe");
    JsonNode again = JSON.readTree(resubscribe.get(1));
    assertThat(again.get("type").asText()).isEqualTo("subscribe");
    assertThat(texts(again.get("product_ids"))).containsExactly("ETH-USD");
    assertThat(texts(again.get("channels"))).containsExactly("level2_batch");
  }

  @Test
  void krakenSubscribesBooksAtItsDepthAndTrades() throws Exception {
    VenueProtocol kraken = VenueEndpoints.protocol(Venue.KRAKEN);
    List<String> subscribe = kraken.subscribeMessages(List.of("XBT/USD"));
    assertThat(subscribe).hasSize(2);
    JsonNode book = JSON.readTree(subscribe.get(0));
    assertThat(book.get("event").asText()).isEqualTo("subscribe");
    assertThat(texts(book.get("pair"))).containsExactly("XBT/USD");
    assertThat(book.at("/subscription/name").asText()).isEqualTo("book");
    assertThat(book.at("/subscription/depth").asInt()).isEqualTo(VenueEndpoints.KRAKEN_DEPTH);
    assertThat(JSON.readTree(subscribe.get(1)).at("/subscription/name").asText())
        .isEqualTo("trade");
    assertThat(kraken.resubscribeMessages("XBT/USD"))
        .extracting(text -> JSON.readTree(text).get("event").asText())
        .containsExactly("unsubscribe", "subscribe");
  }

  @Test
  void theEngineIsNotALiveVenue() {
    assertThatThrownBy(() -> VenueEndpoints.protocol(Venue.PARIFLOW))
        .hasMessageContaining("ingest pariflow");
  }

  private static List<String> texts(JsonNode array) {
    return JSON.convertValue(
        array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
