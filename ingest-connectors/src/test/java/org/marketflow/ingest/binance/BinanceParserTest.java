package org.marketflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.ingest.feed.CollectingOutput.DeadLetter;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

class BinanceParserTest {

  private final BinanceParser spot = new BinanceParser("BINANCE");

  @Test
  void normalizesASpotTradeFromTheCombinedStream() {
    BinanceMessage message =
        spot.parse(
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\","
                + "\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}",
            1_723_161_254_087_896L);

    assertThat(message).isInstanceOf(BinanceMessage.TradeMessage.class);
    Trade trade = ((BinanceMessage.TradeMessage) message).trade();
    assertThat(trade.getInstrument()).isEqualTo("BINANCE:BTCUSDT");
    assertThat(trade.getExchangeTimeUs()).isEqualTo(1_723_161_255_342_000L);
    assertThat(trade.getReceiveTimeUs()).isEqualTo(1_723_161_254_087_896L);
    assertThat(trade.getSequence()).isEqualTo(3_735_683_259L);
    assertThat(trade.getTradeId()).isEqualTo("3735683259");
    assertThat(trade.getPrice()).isEqualTo(61837.63);
    assertThat(trade.getSize()).isEqualTo(0.02);
    assertThat(trade.getSide()).as("buyer is maker: the aggressor sold").isEqualTo(Side.SELL);
  }

  @Test
  void normalizesAFuturesMarketTradeAndIgnoresOtherKinds() {
    BinanceParser usdm = new BinanceParser("BINANCE_USDM");
    String market =
        "{\"e\":\"trade\",\"E\":1,\"T\":1723161256322,\"s\":\"BTCUSDT\",\"t\":5266583935,"
            + "\"p\":\"61800.30\",\"q\":\"0.006\",\"X\":\"MARKET\",\"m\":false}";
    Trade trade = ((BinanceMessage.TradeMessage) usdm.parse(market, 0)).trade();
    assertThat(trade.getInstrument()).isEqualTo("BINANCE_USDM:BTCUSDT");
    assertThat(trade.getSide()).isEqualTo(Side.BUY);

    assertThat(usdm.parse(market.replace("MARKET", "INSURANCE_FUND"), 0))
        .isEqualTo(new BinanceMessage.Ignored("trade INSURANCE_FUND"));
  }

  @Test
  void parsesBookMessages() {
    assertThat(
            spot.parse(
                "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\","
                    + "\"b\":\"1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"0.5\"}}",
                0))
        .isEqualTo(new BinanceMessage.BookTicker("BTCUSDT", 1, 1.0, 1.0, 2.0, 0.5, null));
    assertThat(spot.parse("{\"lastUpdateId\":5,\"bids\":[[\"61837.63\",\"3.7\"]],\"asks\":[]}", 0))
        .isEqualTo(
            new BinanceMessage.DepthSnapshot(
                5, null, List.of(new BookLevel(61837.63, 3.7, null)), List.of()));
    assertThat(
            spot.parse(
                "{\"data\":{\"e\":\"depthUpdate\",\"E\":7,\"s\":\"BTCUSDT\",\"U\":1,"
                    + "\"u\":2,\"pu\":0,\"b\":[[\"1.5\",\"0.00000000\"]],\"a\":[]}}",
                0))
        .isEqualTo(
            new BinanceMessage.DepthDiff(
                "BTCUSDT", 1, 2, 0L, 7, List.of(new BookLevel(1.5, 0.0, null)), List.of()));
  }

  @Test
  void refusesBookMessagesWithBadLevels() {
    assertThat(
            spot.parse(
                "{\"data\":{\"e\":\"depthUpdate\",\"E\":7,\"s\":\"BTCUSDT\",\"U\":1,"
                    + "\"u\":2,\"b\":[[\"1.5\",\"-1\"]],\"a\":[]}}",
                0))
        .isEqualTo(new BinanceMessage.Malformed("depthUpdate: field 'b' is not a decimal: '-1'"));
    assertThat(spot.parse("{\"lastUpdateId\":5,\"bids\":[[\"0\",\"1\"]],\"asks\":[]}", 0))
        .isEqualTo(
            new BinanceMessage.Malformed("depthSnapshot: field 'bids' is not positive: '0.0'"));
    assertThat(spot.parse("{\"lastUpdateId\":5,\"bids\":[[\"1\"]],\"asks\":[]}", 0))
        .isEqualTo(
            new BinanceMessage.Malformed("depthSnapshot: a level of 'bids' is not [price, size]"));
  }

  @Test
  void reportsWhyAMessageIsMalformed() {
    assertThat(spot.parse("{\"data\":{\"e\":\"trade\"", 0))
        .isInstanceOfSatisfying(
            BinanceMessage.Malformed.class,
            m -> assertThat(m.reason()).startsWith("invalid JSON: "));
    assertThat(spot.parse("[1,2]", 0)).isEqualTo(new BinanceMessage.Malformed("not a JSON object"));
    assertThat(spot.parse("{\"data\":{\"s\":\"BTCUSDT\"}}", 0))
        .isEqualTo(new BinanceMessage.Malformed("no event type 'e'"));
    String trade =
        "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"%s\",\"q\":\"1\",\"T\":1,\"m\":true}";
    assertThat(spot.parse(String.format(trade, "abc"), 0))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'p' is not a decimal: 'abc'"));
    assertThat(spot.parse(trade.replace("\"T\":1,", "").formatted("1"), 0))
        .isEqualTo(new BinanceMessage.Malformed("trade: missing field 'T'"));
    assertThat(spot.parse(trade.replace("BTCUSDT", "BTC USDT").formatted("1"), 0))
        .isEqualTo(new BinanceMessage.Malformed("trade: invalid symbol 'BTC USDT'"));
  }

  private static final String TRADE =
      "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
          + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\","
          + "\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}";

  private BinanceMessage parseWith(String from, String to) {
    assertThat(TRADE).contains(from);
    return spot.parse(TRADE.replace(from, to), 1_723_161_254_087_896L);
  }

  @Test
  void refusesDecimalsThatAreNotBinancesPlainOnes() {
    assertThat(parseWith("\"61837.63000000\"", "\"0x1p16\""))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'p' is not a decimal: '0x1p16'"));
    assertThat(parseWith("\"61837.63000000\"", "\"61837.63d\""))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'p' is not a decimal: '61837.63d'"));
    assertThat(parseWith("\"61837.63000000\"", "\" 61830.00 \""))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'p' is not a decimal: ' 61830.00 '"));
    assertThat(parseWith("\"0.02000000\"", "\"-0.02\""))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'q' is not a decimal: '-0.02'"));
    assertThat(parseWith("\"0.02000000\"", "\"0.00000000\""))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'q' is not positive: '0.0'"));
    assertThat(parseWith("\"0.02000000\"", "\"1e5\""))
        .isEqualTo(new BinanceMessage.Malformed("trade: field 'q' is not a decimal: '1e5'"));
  }

  @Test
  void refusesTradeTimesThatCannotBeBelieved() {
    assertThat(parseWith("\"T\":1723161255342", "\"T\":-1723161255342"))
        .isEqualTo(
            new BinanceMessage.Malformed(
                "trade: field 'T' is not an epoch millisecond: -1723161255342"));
    assertThat(parseWith("\"T\":1723161255342", "\"T\":9223372036854775807"))
        .isEqualTo(
            new BinanceMessage.Malformed(
                "trade: field 'T' is not an epoch millisecond: 9223372036854775807"));
    assertThat(parseWith("\"T\":1723161255342", "\"T\":1723361255342"))
        .isEqualTo(
            new BinanceMessage.Malformed(
                "trade: field 'T' (1723361255342) is more than a day from the receive time"
                    + " 1723161254087"));
  }

  @Test
  void refusesBookMessagesWhoseSymbolIsNoInstrumentOrWhoseEventTimeIsNoEpochMillisecond() {
    String diff =
        "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255343,"
            + "\"s\":\"BTCUSDT\",\"U\":1,\"u\":2,\"b\":[],\"a\":[]}}";
    String ticker =
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":1,"
            + "\"s\":\"BTCUSDT\",\"b\":\"1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\",\"E\":1723161255343}}";

    assertThat(spot.parse(diff.replace("BTCUSDT", "BTC]SDT"), 0))
        .isEqualTo(new BinanceMessage.Malformed("depthUpdate: invalid symbol 'BTC]SDT'"));
    assertThat(spot.parse(ticker.replace("BTCUSDT", "BTC]SDT"), 0))
        .isEqualTo(new BinanceMessage.Malformed("bookTicker: invalid symbol 'BTC]SDT'"));
    assertThat(spot.parse(diff.replace("1723161255343", "-1"), 0))
        .isEqualTo(
            new BinanceMessage.Malformed("depthUpdate: field 'E' is not an epoch millisecond: -1"));
    assertThat(spot.parse(ticker.replace("1723161255343", "-1"), 0))
        .isEqualTo(
            new BinanceMessage.Malformed("bookTicker: field 'E' is not an epoch millisecond: -1"));
    assertThat(spot.parse("{\"lastUpdateId\":5,\"E\":-1,\"bids\":[],\"asks\":[]}", 0))
        .isEqualTo(
            new BinanceMessage.Malformed(
                "depthSnapshot: field 'E' is not an epoch millisecond: -1"));
  }

  @Test
  void aFeedTurnsABookMessageOfAnInvalidSymbolIntoADeadLetter() {
    CollectingOutput out = new CollectingOutput();
    BinanceFeed feed = new BinanceFeed("BINANCE", out, "ingest.test", ResyncRequests.NONE);

    feed.onMessage(
        RawMessage.of(
            "{\"u\":1,\"s\":\"BTCUS@T\",\"b\":\"1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}",
            1L,
            RecordOrigin.file("test", 1)));

    assertThat(out.deadLetters)
        .extracting(DeadLetter::reason)
        .containsExactly("bookTicker: invalid symbol 'BTCUS@T'");
  }

  @Test
  void refusesASymbolThatIsNotTheStreamsAndAnEventTypeBinanceDoesNotSend() {
    assertThat(parseWith("\"s\":\"BTCUSDT\"", "\"s\":\"BTRUSDT\""))
        .isEqualTo(
            new BinanceMessage.Malformed(
                "trade: symbol 'BTRUSDT' is not the symbol of stream 'btcusdt@trade'"));
    assertThat(parseWith("\"e\":\"trade\"", "\"e\":\"trqde\""))
        .isEqualTo(new BinanceMessage.Malformed("unknown event type 'trqde'"));
    assertThat(parseWith("\"e\":\"trade\"", "\"e\":\"kline\""))
        .isEqualTo(new BinanceMessage.Ignored("kline"));
  }

  @Test
  void parsesAnAggregatedTradeWithItsOwnIdSpace() {
    BinanceMessage message =
        new BinanceParser("BINANCE_USDM")
            .parse(
                "{\"stream\":\"sushiusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\","
                    + "\"E\":1626992741337,\"a\":91424530,\"s\":\"SUSHIUSDT\","
                    + "\"p\":\"7.6110\",\"q\":\"12\",\"f\":172093455,\"l\":172093456,"
                    + "\"T\":1626992741181,\"m\":true}}",
                1_626_992_741_400_000L);
    assertThat(message).isInstanceOf(BinanceMessage.TradeMessage.class);
    BinanceMessage.TradeMessage trade = (BinanceMessage.TradeMessage) message;
    assertThat(trade.kind()).isEqualTo("aggTrade");
    assertThat(trade.trade().getInstrument()).isEqualTo("BINANCE_USDM:SUSHIUSDT");
    assertThat(trade.trade().getSequence()).isEqualTo(91_424_530L);
    assertThat(trade.trade().getTradeId()).isEqualTo("a91424530");
    assertThat(trade.trade().getPrice()).isEqualTo(7.611);
    assertThat(trade.trade().getSize()).isEqualTo(12.0);
    assertThat(trade.trade().getSide()).isEqualTo(Side.SELL);
    assertThat(trade.trade().getExchangeTimeUs()).isEqualTo(1_626_992_741_181_000L);
  }
}
