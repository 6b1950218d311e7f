package org.marketflow.ingest.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/** Coinbase messages as the 2021 recording has them, and what is refused. */
class CoinbaseParserTest {

  private static final long RECEIVED_US = 1_618_677_817_129_516L;

  /** 2021-04-17T16:43:37.089723Z. */
  private static final long MATCH_TIME_US = 1_618_677_817_089_723L;

  private static final String MATCH =
      "{\"type\":\"match\",\"trade_id\":280232,"
          + "\"maker_order_id\":\"2a0da34e-61f7-4c36-88e5-c9dd15927b16\","
          + "\"taker_order_id\":\"3c82abaa-c01e-4608-be59-6a1e69742891\",\"side\":\"sell\","
          + "\"size\":\"985\",\"price\":\"0.00001305\",\"product_id\":\"SKL-BTC\","
          + "\"sequence\":177100030,\"time\":\"2021-04-17T16:43:37.089723Z\"}";

  private static final String TICKER =
      "{\"type\":\"ticker\",\"sequence\":333938798,\"product_id\":\"BAND-GBP\","
          + "\"price\":\"14.7775\",\"open_24h\":\"14.6647\",\"volume_24h\":\"94381.28000000\","
          + "\"low_24h\":\"14.3691\",\"high_24h\":\"16.55\",\"volume_30d\":\"2295579.57000000\","
          + "\"best_bid\":\"14.7550\",\"best_ask\":\"14.8060\",\"side\":\"buy\","
          + "\"time\":\"2021-04-17T16:43:30.244075Z\",\"trade_id\":881613,\"last_size\":\"0.04\"}";

  private static final String L2UPDATE =
      "{\"type\":\"l2update\",\"product_id\":\"SKL-BTC\",\"changes\":"
          + "[[\"sell\",\"0.00001306\",\"660.5\"],[\"buy\",\"0.00001301\",\"0.0\"]],"
          + "\"time\":\"2021-04-17T16:43:37.075687Z\"}";

  private final CoinbaseParser parser = new CoinbaseParser();

  @Test
  void aMatchIsATradeWhoseAggressorIsOppositeTheMaker() {
    Trade expected =
        Trade.newBuilder()
            .setInstrument("COINBASE:SKL-BTC")
            .setExchangeTimeUs(MATCH_TIME_US)
            .setReceiveTimeUs(RECEIVED_US)
            .setSequence(177_100_030L)
            .setTradeId("280232")
            .setPrice(0.00001305)
            .setSize(985)
            .setSide(Side.BUY)
            .build();
    assertThat(parser.parse(MATCH, RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.TradeMessage("match", "SKL-BTC", 280_232L, expected));

    expected.setSide(Side.SELL);
    assertThat(
            parser.parse(
                MATCH
                    .replace("\"side\":\"sell\"", "\"side\":\"buy\"")
                    .replace("\"match\"", "\"last_match\""),
                RECEIVED_US))
        .as("the maker bought: the aggressor sold")
        .isEqualTo(new CoinbaseMessage.TradeMessage("last_match", "SKL-BTC", 280_232L, expected));
  }

  @Test
  void keepsTheTimeToTheMicrosecond() {
    assertThat(time("2021-04-17T16:43:37.075687Z")).isEqualTo(1_618_677_817_075_687L);
    assertThat(time("2021-04-17T16:43:37.000001Z")).isEqualTo(1_618_677_817_000_001L);
    assertThat(time("2021-04-17T16:43:37.5Z")).isEqualTo(1_618_677_817_500_000L);
    assertThat(time("2021-04-17T16:43:37Z")).isEqualTo(1_618_677_817_000_000L);
    assertThat(time("2021-04-17T16:43:37.075687999Z"))
        .as("below the microsecond is cut")
        .isEqualTo(1_618_677_817_075_687L);
  }

  private long time(String text) {
    CoinbaseMessage parsed = parser.parse(MATCH.replace("2021-04-17T16:43:37.089723Z", text), 0);
    assertThat(parsed).isInstanceOf(CoinbaseMessage.TradeMessage.class);
    return ((CoinbaseMessage.TradeMessage) parsed).trade().getExchangeTimeUs();
  }

  @Test
  void aTickerIsAQuoteWithUnknownSizesWhenCoinbaseSendsNone() {
    assertThat(parser.parse(TICKER, RECEIVED_US))
        .isInstanceOfSatisfying(
            CoinbaseMessage.Ticker.class,
            ticker -> {
              Quote quote = ticker.quote();
              assertThat(ticker.productId()).isEqualTo("BAND-GBP");
              assertThat(quote.getInstrument()).isEqualTo("COINBASE:BAND-GBP");
              assertThat(quote.getExchangeTimeUs()).isEqualTo(1_618_677_810_244_075L);
              assertThat(quote.getReceiveTimeUs()).isEqualTo(RECEIVED_US);
              assertThat(quote.getSequence()).isEqualTo(333_938_798L);
              assertThat(quote.getBidPrice()).isEqualTo(14.755);
              assertThat(quote.getAskPrice()).isEqualTo(14.806);
              assertThat(quote.getBidSize()).as("unknown").isNaN();
              assertThat(quote.getAskSize()).as("unknown").isNaN();
            });

    CoinbaseMessage withSizes =
        parser.parse(
            TICKER.replace(
                "\"best_ask\":\"14.8060\",",
                "\"best_ask\":\"14.8060\",\"best_bid_size\":\"2.5\",\"best_ask_size\":\"0.75\","),
            RECEIVED_US);
    assertThat(withSizes)
        .isInstanceOfSatisfying(
            CoinbaseMessage.Ticker.class,
            ticker -> {
              assertThat(ticker.quote().getBidSize()).isEqualTo(2.5);
              assertThat(ticker.quote().getAskSize()).isEqualTo(0.75);
            });
  }

  @Test
  void anL2UpdateSplitsItsChangesBySide() {
    assertThat(parser.parse(L2UPDATE, RECEIVED_US))
        .isEqualTo(
            new CoinbaseMessage.L2Update(
                "SKL-BTC",
                null,
                1_618_677_817_075_687L,
                List.of(new BookLevel(0.00001301, 0.0, null)),
                List.of(new BookLevel(0.00001306, 660.5, null))));
    assertThat(
            parser.parse(
                L2UPDATE.replace("\"type\":\"l2update\",", "\"type\":\"l2update\",\"sequence\":7,"),
                RECEIVED_US))
        .isInstanceOfSatisfying(
            CoinbaseMessage.L2Update.class, update -> assertThat(update.sequence()).isEqualTo(7L));
  }

  @Test
  void aSnapshotHasBothSidesAndOptionallyASequenceAndTime() {
    assertThat(
            parser.parse(
                "{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\","
                    + "\"bids\":[[\"100.5\",\"1.25\"]],\"asks\":[[\"101\",\"2\"]]}",
                RECEIVED_US))
        .isEqualTo(
            new CoinbaseMessage.Snapshot(
                "BTC-USD",
                null,
                null,
                List.of(new BookLevel(100.5, 1.25, null)),
                List.of(new BookLevel(101.0, 2.0, null))));
    assertThat(
            parser.parse(
                "{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"sequence\":42,"
                    + "\"time\":\"2021-04-17T16:43:37.075687Z\",\"bids\":[],\"asks\":[]}",
                RECEIVED_US))
        .isEqualTo(
            new CoinbaseMessage.Snapshot(
                "BTC-USD", 42L, 1_618_677_817_075_687L, List.of(), List.of()));
  }

  @Test
  void readsTheMessagesThatPublishNothing() {
    assertThat(
            parser.parse(
                "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"level2\",\"product_ids\":"
                    + "[\"BAND-GBP\",\"SKL-USD\"]},{\"name\":\"ticker\",\"product_ids\":"
                    + "[\"SKL-USD\"]},{\"name\":\"status\"}]}",
                RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.Subscriptions(List.of("BAND-GBP", "SKL-USD")));
    assertThat(
            parser.parse(
                "{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,"
                    + "\"product_id\":\"BTC-USD\",\"time\":\"2014-11-07T08:19:28.464459Z\"}",
                RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.Heartbeat("BTC-USD", 90, 1_415_348_368_464_459L));
    assertThat(
            parser.parse("{\"type\":\"done\",\"product_id\":\"BTC-USD\",\"reason\":\"filled\"}", 0))
        .isEqualTo(new CoinbaseMessage.Ignored("done", "BTC-USD"));
    assertThat(parser.parse("{\"type\":\"status\",\"products\":[]}", 0))
        .isEqualTo(new CoinbaseMessage.Ignored("status", null));
    assertThat(
            parser.parse(
                "{\"type\":\"error\",\"message\":\"Failed to subscribe\","
                    + "\"reason\":\"FOO-BAR is not a valid product\"}",
                0))
        .isEqualTo(
            new CoinbaseMessage.VenueError(
                "error from Coinbase: Failed to subscribe (FOO-BAR is not a valid product)"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not an object | [1,2] | not a JSON object",
        "no type | {\"product_id\":\"BTC-USD\"} | missing field 'type'",
        "type not text | {\"type\":7} | field 'type' is not a string",
        "unknown type | {\"type\":\"l3update\"} | unknown message type 'l3update'",
      })
  void refusesMessagesOfNoKnownType(String name, String json, String reason) {
    assertThat(parser.parse(json, 0)).isEqualTo(new CoinbaseMessage.Malformed(reason));
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThat(parser.parse("{\"type\":\"match\"", 0))
        .isInstanceOfSatisfying(
            CoinbaseMessage.Malformed.class,
            m -> assertThat(m.reason()).startsWith("invalid JSON: "));
    assertThat(parser.parse(new byte[] {(byte) 0xC3, (byte) 0x28}, 0))
        .isInstanceOf(CoinbaseMessage.Malformed.class);
    assertThat(parser.parse("", 0)).isEqualTo(new CoinbaseMessage.Malformed("not a JSON object"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative price | \"price\":\"0.00001305\" | \"price\":\"-0.00001305\""
            + " | match: field 'price' is not a decimal: '-0.00001305'",
        "exponent | \"size\":\"985\" | \"size\":\"9.85e2\""
            + " | match: field 'size' is not a decimal: '9.85e2'",
        "not finite | \"size\":\"985\" | \"size\":\"NaN\""
            + " | match: field 'size' is not a decimal: 'NaN'",
        "zero size | \"size\":\"985\" | \"size\":\"0\" | match: field 'size' is not positive: '0.0'",
        "price as a number | \"price\":\"0.00001305\" | \"price\":0.00001305"
            + " | match: field 'price' is not a decimal string",
        "sequence as text | \"sequence\":177100030 | \"sequence\":\"177100030\""
            + " | match: field 'sequence' is not an integer",
        "negative sequence | \"sequence\":177100030 | \"sequence\":-1"
            + " | match: field 'sequence' is not positive: -1",
        "no trade id | \"trade_id\":280232, | '' | match: missing field 'trade_id'",
        "side | \"side\":\"sell\" | \"side\":\"hold\" | match: field 'side' is not buy or sell: 'hold'",
        "time without zone | 37.089723Z | 37.089723"
            + " | match: field 'time' is not an ISO-8601 UTC time: '2021-04-17T16:43:37.089723'",
        "time out of range | 2021-04-17T16 | 2021-04-31T16"
            + " | match: field 'time' is not a valid time: '2021-04-31T16:43:37.089723Z'",
        "time as a number | \"2021-04-17T16:43:37.089723Z\" | 1618677817"
            + " | match: field 'time' is not a string",
        "lower-case product | SKL-BTC | skl-btc | match: 'skl-btc' is not a Coinbase product id",
      })
  void refusesAMatchWithABadField(String name, String from, String to, String reason) {
    assertThat(MATCH).contains(from);
    assertThat(parser.parse(MATCH.replace(from, to), RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.Malformed(reason));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "side | [\"sell\", | [\"ask\", | l2update: a change's side is not buy or sell: 'ask'",
        "negative size | \"660.5\" | \"-660.5\" | l2update: field 'changes' is not a decimal: '-660.5'",
        "zero price | \"0.00001301\" | \"0\" | l2update: field 'changes' is not positive: '0.0'",
        "two fields | ,\"660.5\"] | ] | l2update: a change of 'changes' is not [side, price, size]",
        "no time | ,\"time\":\"2021-04-17T16:43:37.075687Z\" | '' | l2update: missing field 'time'",
      })
  void refusesAnL2UpdateWithABadChange(String name, String from, String to, String reason) {
    assertThat(L2UPDATE).contains(from);
    assertThat(parser.parse(L2UPDATE.replace(from, to), RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.Malformed(reason));
  }

  @Test
  void refusesAnL2UpdateWhoseChangesAreNotAnArray() {
    assertThat(
            parser.parse(
                "{\"type\":\"l2update\",\"product_id\":\"SKL-BTC\",\"changes\":{},"
                    + "\"time\":\"2021-04-17T16:43:37.075687Z\"}",
                RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.Malformed("l2update: field 'changes' is not an array"));
  }

  @Test
  void refusesACrossedSnapshotAndACrossedTicker() {
    assertThat(
            parser.parse(
                "{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\","
                    + "\"bids\":[[\"101\",\"1\"]],\"asks\":[[\"101\",\"2\"]]}",
                0))
        .isEqualTo(
            new CoinbaseMessage.Malformed(
                "snapshot: crossed book: best bid 101.0 is not below best ask 101.0"));
    assertThat(parser.parse(TICKER.replace("\"14.7550\"", "\"14.9\""), 0))
        .isEqualTo(
            new CoinbaseMessage.Malformed(
                "ticker: best_bid 14.9 is not below best_ask 14.806: a crossed book"));
    assertThat(parser.parse(TICKER.replace("\"best_bid\":\"14.7550\",", ""), 0))
        .isEqualTo(new CoinbaseMessage.Malformed("ticker: missing field 'best_bid'"));
  }

  @Test
  void refusesAProductNotSubscribedWhenGivenItsProducts() {
    CoinbaseParser subscribed = new CoinbaseParser(Set.of("SKL-USD"));
    assertThat(subscribed.parse(MATCH, RECEIVED_US))
        .isEqualTo(new CoinbaseMessage.Malformed("match: unknown product 'SKL-BTC'"));
    assertThat(subscribed.parse(MATCH.replace("SKL-BTC", "SKL-USD"), RECEIVED_US))
        .isInstanceOf(CoinbaseMessage.TradeMessage.class);
  }
}
