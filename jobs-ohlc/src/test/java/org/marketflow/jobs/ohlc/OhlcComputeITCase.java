package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.testing.junit.FlinkMiniCluster;

/** {@link OhlcJob#compute} on trades from memory, collected in memory: no Kafka, no database. */
class OhlcComputeITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @Test
  void foldsTradesIntoBarsAndRoutesRejectedAndTooLateTradesToDeadLetters() throws Exception {
    Trade tooLate = btc(30, 4, 90.0, 1.0); // arrives after the watermark passed 00:02 + 1 min
    DeadLetter undecodable =
        DeadLetters.DEFAULT.of(
            "jobs-ohlc.decode",
            "not an Avro Trade",
            RecordOrigin.kafka(InMemoryTrades.TOPIC, 0, 1),
            0L,
            new byte[] {1});
    List<Consumed<Trade>> input =
        List.of(
            Consumed.of(btc(10, 1, 100.0, 1.0), 0, 0),
            Consumed.rejected(undecodable, 0, 1),
            Consumed.of(btc(20, 2, 110.0, 3.0), 0, 2),
            Consumed.of(btc(190, 3, 120.0, 1.0), 0, 3), // 00:03:10 closes minute 0 for good
            Consumed.of(tooLate, 0, 4));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    JobRunner.configureRecords(env); // as the job runs
    OhlcJob.Outputs outputs =
        OhlcJob.compute(InMemoryTrades.consumed(env, input), InMemoryTrades.oneMinuteBars());
    DataStream.Collector<OhlcBar> bars = new DataStream.Collector<>();
    DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
    outputs.bars().collectAsync(bars);
    outputs.deadLetters().collectAsync(deadLetters);
    env.execute("ohlc-compute");

    List<OhlcBar> barList = drain(bars.getOutput());
    assertThat(barList)
        .extracting(OhlcBar::getBucketStartUs, OhlcBar::getOpen, OhlcBar::getClose)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(MINUTE_US, 100.0, 110.0),
            org.assertj.core.api.Assertions.tuple(MINUTE_US + 180_000_000L, 120.0, 120.0));
    assertThat(barList.get(0).getVwap()).isEqualTo((100.0 + 330.0) / 4.0);

    List<DeadLetter> letters = drain(deadLetters.getOutput());
    assertThat(letters).hasSize(2).contains(undecodable);
    DeadLetter late =
        letters.stream().filter(l -> l.getStage().equals("jobs-ohlc.late")).findFirst().get();
    assertThat(late.getReason())
        .isEqualTo("trade later than the allowed lateness of 60000 ms for its 1m bar");
    assertThat(late.getSourceTopic()).isEqualTo(InMemoryTrades.TOPIC);
    assertThat(late.getSourcePartition()).isZero();
    assertThat(late.getSourceOffset()).isEqualTo(4L);
    assertThat(late.getRejectedAtUs()).isEqualTo(tooLate.getExchangeTimeUs());
    assertThat(AvroCodec.of(Trade.class).decode(bytes(late))).isEqualTo(tooLate);
  }

  /** Everything a collector got, once its job has finished. */
  static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
    List<T> out = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(out::add);
    }
    return out;
  }

  private static byte[] bytes(DeadLetter letter) {
    byte[] raw = new byte[letter.getRaw().remaining()];
    letter.getRaw().duplicate().get(raw);
    return raw;
  }
}
