package org.marketflow.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.kafka.BenchmarkTopic;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.servers.EmbeddedKafka;

/** The SQL avro table against real records: every optional field both set and null. */
class TradesTableDecodingITCase {

  private static final long TIME_US = 1_735_689_600_000_000L;

  private static LocalFlinkCluster flink;

  @BeforeAll
  static void startFlink() throws Exception {
    flink = LocalFlinkCluster.start(2);
  }

  @AfterAll
  static void stopFlink() throws Exception {
    flink.close();
  }

  @Test
  void decodesEveryFieldAsAvroCodecDoes() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    BenchmarkTopic topic =
        BenchmarkTopic.create(kafka.bootstrapServers(), kafka.uniqueTopic("decoding"), 1);
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(kafka.bootstrapServers(), topic.name(), topic.name())) {
      trades().forEach(publisher::publish);
      publisher.flush();
    }
    Map<TopicPartition, Long> endOffsets = topic.endOffsets();
    KafkaTopicSource source =
        new KafkaTopicSource(kafka.bootstrapServers(), topic.name(), topic.name());

    assertThat(SqlDecodingCheck.verify(flink, source, endOffsets)).isEqualTo(3);
  }

  private static List<Trade> trades() {
    Trade withEverything =
        Trade.newBuilder()
            .setInstrument("PARIFLOW:election-2028:candidate-a:YES")
            .setExchangeTimeUs(TIME_US + 1_234_567)
            .setReceiveTimeUs(TIME_US + 1_235_000)
            .setSequence(42L)
            .setTradeId("42")
            .setPrice(0.42)
            .setSize(150)
            .setSide(Side.SELL)
            .setIsAmmTrade(true)
            .setOrderId("order-7")
            .build();
    Trade withoutOptionals =
        Trade.newBuilder()
            .setInstrument("SIM:BTCUSD")
            .setExchangeTimeUs(TIME_US + 2_000_001)
            .setReceiveTimeUs(TIME_US + 2_000_900)
            .setPrice(60_123.45)
            .setSize(0.015)
            .setSide(Side.BUY)
            .build();
    Trade unknownSide =
        Trade.newBuilder(withEverything)
            .setExchangeTimeUs(TIME_US + 3_000_000)
            .setSide(Side.UNKNOWN)
            .setIsAmmTrade(false)
            .build();
    return List.of(withEverything, withoutOptionals, unknownSide);
  }
}
