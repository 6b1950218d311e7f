package org.marketflow.ingest.pariflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.ingest.pariflow.EngineMessages.MAKER;
import static org.marketflow.ingest.pariflow.EngineMessages.TAKER;
import static org.marketflow.ingest.pariflow.EngineMessages.TIME_US;
import static org.marketflow.ingest.pariflow.EngineMessages.YES;
import static org.marketflow.ingest.pariflow.EngineMessages.level;
import static org.marketflow.ingest.pariflow.EngineMessages.levels;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/** The engine's JSON, strictly: every field, its range, and the exact reason for bad input. */
class PariflowParserTest {

  private final PariflowParser parser = new PariflowParser();

  private PariflowMessage parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private String reasonOf(String json) {
    PariflowMessage message = parse(json);
    assertThat(message).isInstanceOf(PariflowMessage.Malformed.class);
    return ((PariflowMessage.Malformed) message).reason();
  }

  @Test
  void normalizesATradeAndReadsNoUserId() {
    Trade trade = ((PariflowMessage.TradeMessage) parse(EngineMessages.trade("t-1"))).trade();

    assertThat(trade.getInstrument()).isEqualTo(YES);
    assertThat(trade.getTradeId()).isEqualTo("t-1");
    assertThat(trade.getSequence()).isNull();
    assertThat(trade.getPrice()).isEqualTo(0.62);
    assertThat(trade.getSize()).isEqualTo(20.0);
    assertThat(trade.getSide()).isEqualTo(Side.BUY);
    assertThat(trade.getIsAmmTrade()).isFalse();
    assertThat(trade.getOrderId()).isEqualTo("ord-881");
    assertThat(trade.getExchangeTimeUs()).isEqualTo(TIME_US);
    assertThat(trade.toString()).doesNotContain(MAKER).doesNotContain(TAKER);
  }

  @Test
  void takesAnAmmTradeWithoutOrderOrMaker() {
    String json =
        "{\"id\":\"t-2\",\"eventId\":\"e1\",\"outcomeId\":\"o1\",\"option\":\"NO\",\"side\":\"sell\","
            + "\"price\":0.3,\"amount\":4.5,\"volume\":1.35,\"timestamp\":\"2024-05-01T12:00:00Z\","
            + "\"isAmmTrade\":true,\"takerUserId\":\"u-1\"}";

    Trade trade = ((PariflowMessage.TradeMessage) parse(json)).trade();

    assertThat(trade.getInstrument()).isEqualTo("PARIFLOW:e1:o1:NO");
    assertThat(trade.getSide()).isEqualTo(Side.SELL);
    assertThat(trade.getIsAmmTrade()).isTrue();
    assertThat(trade.getOrderId()).isNull();
    assertThat(trade.getExchangeTimeUs()).isEqualTo(1_714_564_800_000_000L);
  }

  @ParameterizedTest
  @CsvSource({"0.01", "0.99", "0.5", "0.123456"})
  void takesPricesWithinTheEngineRange(String price) {
    Trade trade =
        ((PariflowMessage.TradeMessage) parse(EngineMessages.trade("t", "YES", price, "1")))
            .trade();
    assertThat(trade.getPrice()).isEqualTo(Double.parseDouble(price));
  }

  @ParameterizedTest
  @CsvSource({"0.0099", "0.991", "0", "1", "-0.5", "1.5"})
  void refusesPricesOutsideTheEngineRange(String price) {
    assertThat(reasonOf(EngineMessages.trade("t", "YES", price, "1")))
        .isEqualTo("trade: field 'price' is outside [0.01, 0.99]: " + price);
  }

  @Test
  void refusesBadTrades() {
    String good = EngineMessages.trade("t-1");
    assertThat(reasonOf("{\"id\": ")).isEqualTo("invalid JSON");
    assertThat(reasonOf("[1,2]")).isEqualTo("not a JSON object");
    assertThat(reasonOf(good.replace("\"price\":0.62,", "")))
        .isEqualTo("trade: missing field 'price'");
    assertThat(reasonOf(good.replace("\"price\":0.62", "\"price\":\"0.62\"")))
        .isEqualTo("trade: field 'price' is not a number");
    assertThat(reasonOf(EngineMessages.trade("t", "YES", "0.5", "-3")))
        .isEqualTo("trade: field 'amount' is not positive: '-3.0'");
    assertThat(reasonOf(EngineMessages.trade("t", "YES", "0.5", "0")))
        .isEqualTo("trade: field 'amount' is not positive: '0.0'");
    assertThat(reasonOf(EngineMessages.trade("t", "YES", "0.5", "1e999")))
        .isEqualTo("trade: field 'amount' is not finite: \"Infinity\"");
    assertThat(reasonOf(EngineMessages.trade("t", "MAYBE", "0.5", "1")))
        .isEqualTo("trade: option must be YES or NO, not 'MAYBE'");
    assertThat(reasonOf(EngineMessages.trade("t", "yes", "0.5", "1")))
        .isEqualTo("trade: option must be YES or NO, not 'yes'");
    assertThat(reasonOf(good.replace("\"buy\"", "\"BUY\"")))
        .isEqualTo("trade: field 'side' must be 'buy' or 'sell', not 'BUY'");
    assertThat(reasonOf(good.replace("\"isAmmTrade\":false", "\"isAmmTrade\":\"no\"")))
        .isEqualTo("trade: field 'isAmmTrade' is not a boolean");
    assertThat(reasonOf(good.replace(EngineMessages.TIME, "1714564800123")))
        .isEqualTo("trade: field 'timestamp' is not an ISO 8601 instant: '1714564800123'");
    assertThat(reasonOf(good.replace("\"volume\":12.5", "\"volume\":-1")))
        .isEqualTo("trade: field 'volume' is negative: -1.0");
    assertThat(reasonOf(good.replace("\"id\":\"t-1\"", "\"id\":\"\"")))
        .isEqualTo("trade: field 'id' must be 1-128 printable characters");
  }

  @Test
  void readsABookSnapshotWithOrderCounts() {
    String json =
        EngineMessages.snapshot(
            41, levels(level(0.6, 100, 3), level(0.59, 50, 1)), levels(level(0.62, 80, 2)));

    PariflowMessage.BookChange change = (PariflowMessage.BookChange) parse(json);

    assertThat(change.instrument()).isEqualTo(YES);
    assertThat(change.book()).isEqualTo("evt-2024-election:out-7:YES");
    assertThat(change.kind()).isEqualTo(BookUpdateKind.SNAPSHOT);
    assertThat(change.sequence()).isEqualTo(41);
    assertThat(change.timeUs()).isEqualTo(TIME_US);
    assertThat(change.bids())
        .containsExactly(new BookLevel(0.6, 100.0, 3), new BookLevel(0.59, 50.0, 1));
    assertThat(change.asks()).containsExactly(new BookLevel(0.62, 80.0, 2));
  }

  @Test
  void readsADeltaThatRemovesALevel() {
    PariflowMessage.BookChange change =
        (PariflowMessage.BookChange)
            parse(EngineMessages.delta(42, levels(level(0.6, 0, 0)), levels()));

    assertThat(change.kind()).isEqualTo(BookUpdateKind.DELTA);
    assertThat(change.bids()).containsExactly(new BookLevel(0.6, 0.0, 0));
  }

  @Test
  void refusesBadBookChanges() {
    assertThat(
            reasonOf(
                EngineMessages.snapshot(1, levels(level(0.63, 10, 1)), levels(level(0.62, 10, 1)))))
        .isEqualTo("book change: crossed snapshot: best bid 0.63 >= best ask 0.62");
    assertThat(
            reasonOf(
                EngineMessages.snapshot(1, levels(level(0.6, 10, 1)), levels(level(0.6, 10, 1)))))
        .isEqualTo("book change: crossed snapshot: best bid 0.6 >= best ask 0.6");
    assertThat(reasonOf(EngineMessages.snapshot(1, levels(level(0.6, 0, 0)), levels())))
        .isEqualTo("book change: level bids[0] has amount 0.0 with 0 orders in a snapshot");
    assertThat(reasonOf(EngineMessages.delta(2, levels(level(0.6, 5, 0)), levels())))
        .isEqualTo("book change: level bids[0] has amount 5.0 with 0 orders");
    assertThat(reasonOf(EngineMessages.delta(2, levels(level(0.6, -5, 1)), levels())))
        .isEqualTo("book change: level bids[0] has a negative amount or order count: -5.0, 1");
    assertThat(reasonOf(EngineMessages.delta(2, levels(), levels(level(1.2, 5, 1)))))
        .isEqualTo("book change: field 'asks[0].price' is outside [0.01, 0.99]: 1.2");
    assertThat(
            reasonOf(EngineMessages.delta(2, levels(level(0.5, 1, 1), level(0.5, 2, 1)), levels())))
        .isEqualTo("book change: price 0.5 appears twice in 'bids'");
    assertThat(reasonOf(EngineMessages.delta(2, levels(), levels()).replace("delta", "diff")))
        .isEqualTo("book change: field 'kind' must be 'snapshot' or 'delta', not 'diff'");
    assertThat(reasonOf(EngineMessages.delta(-2, levels(), levels())))
        .isEqualTo("book change: field 'sequence' is negative: -2");
    assertThat(
            reasonOf(EngineMessages.delta(2, levels(), levels()).replace("\"YES\"", "\"MAYBE\"")))
        .isEqualTo("book change: option must be YES or NO, not 'MAYBE'");
  }
}
