package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.ohlc.Trades.btc;
import static org.marketflow.jobs.ohlc.Trades.trade;

import java.nio.ByteBuffer;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.ohlc.Trades;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;

class TradeValidatorTest {

  private static String problem(Trade trade) throws Exception {
    TradeValidator validator = new TradeValidator();
    try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(validator))) {
      harness.open();
      harness.processElement(new StreamRecord<>(TradeEnvelope.of(trade), 0));
      var rejected = harness.getSideOutput(TradeValidator.DEAD_LETTERS);
      if (rejected == null || rejected.isEmpty()) {
        assertThat(harness.extractOutputValues()).containsExactly(trade);
        return null;
      }
      assertThat(harness.extractOutputValues()).isEmpty();
      DeadLetter letter = rejected.peek().getValue();
      assertThat(letter.getStage()).isEqualTo("jobs-ohlc.validate");
      assertThat(letter.getRaw().remaining()).isPositive();
      return letter.getReason();
    }
  }

  @Test
  void passesAGoodTrade() throws Exception {
    assertThat(problem(btc(1, 1, 61_837.63, 0.02))).isNull();
    assertThat(problem(trade("PARIFLOW:e1:o1:YES", Trades.MINUTE_US, 1, 0.99, 10))).isNull();
  }

  @Test
  void rejectsWithAPreciseReason() throws Exception {
    assertThat(problem(btc(1, 1, -5, 1)))
        .isEqualTo("price must be a positive finite number, not -5.0");
    assertThat(problem(btc(1, 1, Double.NaN, 1)))
        .isEqualTo("price must be a positive finite number, not NaN");
    assertThat(problem(btc(1, 1, 100, 0)))
        .isEqualTo("size must be a positive finite number, not 0.0");
    assertThat(problem(btc(1, 1, 100, Double.POSITIVE_INFINITY)))
        .isEqualTo("size must be a positive finite number, not Infinity");
    assertThat(problem(trade("btcusdt", Trades.MINUTE_US, 1, 1, 1)))
        .isEqualTo("invalid instrument: instrument id must be VENUE:SYMBOL, not 'btcusdt'");
    assertThat(problem(trade("PARIFLOW:e1:o1:YES", Trades.MINUTE_US, 1, 1.5, 1)))
        .isEqualTo("prediction-market price must be within 0.01-0.99, not 1.5");
    Trade future = btc(1, 1, 100, 1);
    future.setReceiveTimeUs(future.getExchangeTimeUs() - 2L * 86_400_000_000L);
    assertThat(problem(future)).startsWith("exchange time 1723161241000000 us is not within a day");
  }

  @Test
  void forwardsUndecodableRecordsAsDeadLetters() throws Exception {
    DeadLetter undecodable =
        DeadLetter.newBuilder()
            .setStage("jobs-ohlc.decode")
            .setReason("not an Avro Trade")
            .setRejectedAtUs(0)
            .setRaw(ByteBuffer.wrap(new byte[] {1, 2}))
            .build();
    try (var harness =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new TradeValidator()))) {
      harness.open();
      harness.processElement(new StreamRecord<>(TradeEnvelope.rejected(undecodable), 0));
      assertThat(harness.getSideOutput(TradeValidator.DEAD_LETTERS))
          .extracting(StreamRecord::getValue)
          .containsExactly(undecodable);
    }
  }
}
