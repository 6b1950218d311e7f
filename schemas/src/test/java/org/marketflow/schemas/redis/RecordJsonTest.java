package org.marketflow.schemas.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.avro.TickSource;

class RecordJsonTest {

  @Test
  void writesFieldsByNameWithNullsPlainAndEnumsAsStrings() {
    MarketTick tick =
        MarketTick.newBuilder()
            .setInstrument("BINANCE:BTCUSDT")
            .setVenue("BINANCE")
            .setExchangeTimeUs(1_723_161_255_342_000L)
            .setTickIndex(0)
            .setSource(TickSource.TRADE)
            .setSequence(null)
            .setLatencyUs(-12)
            .setBid(61837.62)
            .setAsk(Double.NaN)
            .setBidSize(1.5)
            .setAskSize(null)
            .setLastPrice(61837.63)
            .setLastSize(1.0E-4)
            .setVolume(12.5)
            .build();

    assertThat(RecordJson.of(tick))
        .isEqualTo(
            "{\"instrument\":\"BINANCE:BTCUSDT\",\"venue\":\"BINANCE\","
                + "\"exchangeTimeUs\":1723161255342000,\"tickIndex\":0,\"source\":\"TRADE\","
                + "\"sequence\":null,\"latencyUs\":-12,\"bid\":61837.62,\"ask\":null,"
                + "\"bidSize\":1.5,\"askSize\":null,\"lastPrice\":61837.63,\"lastSize\":1.0E-4,"
                + "\"volume\":12.5}");
  }

  @Test
  void writesLevelsAsArraysOfObjectsAndEscapesStrings() {
    OrderBookSnapshot snapshot =
        OrderBookSnapshot.newBuilder()
            .setInstrument("X:\"a\\b\"\n")
            .setSnapshotTimeUs(1)
            .setReason(SnapshotReason.RESYNC)
            .setLastUpdateTimeUs(1)
            .setLastSequence(7L)
            .setDepthLevels(2)
            .setBookBidLevels(1)
            .setBookAskLevels(0)
            .setBids(List.of(new BookLevel(0.41, 100.0, 3)))
            .setAsks(List.of())
            .setChecksum(0)
            .build();

    assertThat(RecordJson.of(snapshot))
        .isEqualTo(
            "{\"instrument\":\"X:\\\"a\\\\b\\\"\\n\",\"snapshotTimeUs\":1,\"reason\":\"RESYNC\","
                + "\"lastUpdateTimeUs\":1,\"lastSequence\":7,\"depthLevels\":2,"
                + "\"bookBidLevels\":1,\"bookAskLevels\":0,"
                + "\"bids\":[{\"price\":0.41,\"size\":100.0,\"orderCount\":3}],\"asks\":[],"
                + "\"checksum\":0}");
  }

  @Test
  void writesAValueOfAUnionWhateverTheOrderOrNumberOfItsBranches() {
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"U\",\"fields\":["
                    + "{\"name\":\"valueFirst\",\"type\":[\"double\",\"null\"]},"
                    + "{\"name\":\"three\",\"type\":[\"null\",\"long\",\"string\"]},"
                    + "{\"name\":\"nested\",\"type\":[\"null\",{\"type\":\"record\","
                    + "\"name\":\"N\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}]}]}");
    GenericRecord nested =
        new GenericData.Record(schema.getField("nested").schema().getTypes().get(1));
    nested.put("n", 4);
    GenericRecord record = new GenericData.Record(schema);
    record.put("valueFirst", 2.5);
    record.put("three", "x");
    record.put("nested", nested);

    assertThat(RecordJson.of(record))
        .isEqualTo("{\"valueFirst\":2.5,\"three\":\"x\",\"nested\":{\"n\":4}}");
    record.put("three", 9L);
    record.put("valueFirst", null);
    assertThat(RecordJson.of(record))
        .isEqualTo("{\"valueFirst\":null,\"three\":9,\"nested\":{\"n\":4}}");
  }
}
