package org.marketflow.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/** The records of the microstructure job: each round-trips, and every field says what it is. */
class MicrostructureRecordsTest {

  private static final List<Schema> SCHEMAS =
      List.of(
          MarketTick.getClassSchema(),
          OrderBookSnapshot.getClassSchema(),
          MarketMicrostructure.getClassSchema(),
          LiquidityMetrics.getClassSchema(),
          PredictionPairMetrics.getClassSchema(),
          BookStatus.getClassSchema());

  @Test
  void roundTripsTicks() throws IOException {
    assertRoundTrips(MarketTick.class, MicrostructureFixtures.tick());
    assertRoundTrips(MarketTick.class, MicrostructureFixtures.oneSidedTick());
  }

  @Test
  void roundTripsBookSnapshots() throws IOException {
    assertRoundTrips(OrderBookSnapshot.class, MicrostructureFixtures.snapshot());
  }

  @Test
  void roundTripsMicrostructureWithAndWithoutAMid() throws IOException {
    assertRoundTrips(MarketMicrostructure.class, MicrostructureFixtures.microstructure());
    assertRoundTrips(MarketMicrostructure.class, MicrostructureFixtures.oneSidedMicrostructure());
  }

  @Test
  void roundTripsLiquidity() throws IOException {
    assertRoundTrips(LiquidityMetrics.class, MicrostructureFixtures.liquidity());
  }

  @Test
  void roundTripsPredictionPairsWithAnEmptySide() throws IOException {
    assertRoundTrips(PredictionPairMetrics.class, MicrostructureFixtures.predictionPair());
    assertRoundTrips(
        PredictionPairMetrics.class, MicrostructureFixtures.predictionPairWithoutNoAsks());
  }

  @Test
  void roundTripsBookStatuses() throws IOException {
    assertRoundTrips(BookStatus.class, MicrostructureFixtures.unsynced());
  }

  @Test
  void valuesThatCanBeAbsentDefaultToNull() {
    MarketMicrostructure empty = MicrostructureFixtures.oneSidedMicrostructure();
    assertThat(empty.getMidPrice()).isNull();
    assertThat(empty.getEffectiveSpreadBps()).isNull();
    assertThat(empty.getPriceImpactBuyBps()).isNull();
    assertThat(MicrostructureFixtures.predictionPairWithoutNoAsks().getOverround()).isNull();
  }

  @Test
  void everyFieldIsDocumented() {
    for (Schema schema : SCHEMAS) {
      assertThat(schema.getDoc()).as(schema.getName()).isNotBlank();
      for (Schema.Field field : schema.getFields()) {
        assertThat(field.doc()).as(schema.getName() + "." + field.name()).isNotBlank();
      }
    }
  }

  @Test
  void readersOfAnUnknownCauseReadOther() {
    assertThat(BookStatusCause.getClassSchema().getEnumDefault()).isEqualTo("OTHER");
  }

  private static <T extends SpecificRecordBase> void assertRoundTrips(Class<T> type, T record)
      throws IOException {
    AvroCodec<T> codec = AvroCodec.of(type);
    assertThat(codec.decode(codec.encode(record))).isEqualTo(record);
  }
}
