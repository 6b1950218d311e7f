package org.marketflow.jobs.ohlc.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.ohlc.sinks.ArchiveTrades.kraken;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

class TradeArchiveIdsTest {

  @Test
  void takesTheVenuesTradeIdThenItsSequenceThenADigest() {
    assertThat(TradeArchiveIds.of(btc(1, 4_000_001, 61_837.62, 0.5))).isEqualTo("4000001");
    Trade sequenced = Trade.newBuilder(kraken()).setSequence(77L).build();
    assertThat(TradeArchiveIds.of(sequenced)).isEqualTo("seq:77");
    assertThat(TradeArchiveIds.hasNoVenueId(sequenced)).isFalse();
    assertThat(TradeArchiveIds.hasNoVenueId(kraken())).isTrue();
    assertThat(TradeArchiveIds.of(kraken()))
        .isEqualTo(TradeArchiveIds.numbered(TradeArchiveIds.digest(kraken()), 0));
  }

  @Test
  void digestsTheBigEndianTimePriceSizeAndSideName() {
    // Python: sha256(struct.pack('>qdd', 1723161240000000, 61837.62, 0.015) + b'SELL')
    assertThat(TradeArchiveIds.digest(kraken()))
        .isEqualTo("sha256:8d3ffa7482e5fc17e82132f6fec9094b");
    assertThat(TradeArchiveIds.of(kraken())).isEqualTo("sha256:8d3ffa7482e5fc17e82132f6fec9094b:0");
    assertThat(TradeArchiveIds.numbered(TradeArchiveIds.digest(kraken()), 12)).endsWith(":12");
  }

  @Test
  void tradesThatDifferInAnyDigestedFieldGetDifferentDigests() {
    String digest = TradeArchiveIds.digest(kraken());
    assertThat(TradeArchiveIds.digest(kraken(MINUTE_US + 1, 61_837.62, 0.015, Side.SELL)))
        .isNotEqualTo(digest);
    assertThat(TradeArchiveIds.digest(kraken(MINUTE_US, 61_837.63, 0.015, Side.SELL)))
        .isNotEqualTo(digest);
    assertThat(TradeArchiveIds.digest(kraken(MINUTE_US, 61_837.62, 0.016, Side.SELL)))
        .isNotEqualTo(digest);
    assertThat(TradeArchiveIds.digest(kraken(MINUTE_US, 61_837.62, 0.015, Side.BUY)))
        .isNotEqualTo(digest);
    Trade received = Trade.newBuilder(kraken()).setReceiveTimeUs(MINUTE_US + 9_000_000).build();
    assertThat(TradeArchiveIds.digest(received))
        .as("receive time is not digested")
        .isEqualTo(digest);
    assertThat(TradeArchiveIds.of(kraken()).length()).isLessThanOrEqualTo(64);
  }
}
