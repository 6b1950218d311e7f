package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.common.options.StartFrom;
import org.marketflow.jobs.common.options.StopAt;
import org.marketflow.schemas.kafka.TopicSpec;

/** The Kafka source and sink builders, checked without a broker. */
class BuildersTest {

  @Test
  void aSinkNeedsBrokersAndAnExactlyOnceSinkATransactionalIdPrefix() {
    assertThatThrownBy(() -> TopicSink.builder(TopicSpec.BARS).buildAtLeastOnce())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapServers is required for the sink of topic md.derived.bars");
    assertThatThrownBy(
            () -> TopicSink.builder(TopicSpec.BARS).bootstrapServers("k:9092").buildExactlyOnce())
        .hasMessage("an exactly-once sink needs a transactionalIdPrefix (topic md.derived.bars)");
    assertThat(
            TopicSink.builder(TopicSpec.BARS)
                .bootstrapServers("k:9092")
                .transactionalIdPrefix("p")
                .buildExactlyOnce())
        .isNotNull();
    assertThat(TopicSink.builder(TopicSpec.BARS).bootstrapServers("k:9092").buildAtLeastOnce())
        .isNotNull();
  }

  @Test
  void aSourceWithATimestampBoundNeedsTheTimestamp() {
    Configuration start =
        JobConfigBuilder.live("k:9092", "g")
            .set(JobOptions.START_FROM, StartFrom.TIMESTAMP)
            .build();
    assertThatThrownBy(() -> KafkaInput.of("job", TopicSpec.TRADES, start).source())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing --source.start-timestamp-ms, required with --source.start TIMESTAMP");
    Configuration stop =
        JobConfigBuilder.live("k:9092", "g").set(JobOptions.STOP_AT, StopAt.TIMESTAMP).build();
    assertThatThrownBy(() -> KafkaInput.of("job", TopicSpec.TRADES, stop).source())
        .hasMessage("missing --source.stop-timestamp-ms, required with --source.stop TIMESTAMP");
    Configuration both =
        JobConfigBuilder.bounded("k:9092", "g")
            .set(JobOptions.START_FROM, StartFrom.TIMESTAMP)
            .set(JobOptions.START_TIMESTAMP_MS, 1L)
            .build();
    assertThat(KafkaInput.of("job", TopicSpec.TRADES, both).source().getBoundedness())
        .hasToString("BOUNDED");
  }

  @Test
  void anOptionalInputIsReadOnlyWhenItsOptionNamesATopic() {
    ConfigOption<String> liquidity =
        ConfigOptions.key("topic.liquidity").stringType().noDefaultValue();
    Configuration none = JobConfigBuilder.live("k:9092", "g").build();
    assertThat(KafkaInput.optional("job", TopicSpec.LIQUIDITY, liquidity, none)).isEmpty();
    Configuration blank = JobConfigBuilder.live("k:9092", "g").set(liquidity, " ").build();
    assertThat(KafkaInput.optional("job", TopicSpec.LIQUIDITY, liquidity, blank)).isEmpty();
    Configuration named = JobConfigBuilder.live("k:9092", "g").set(liquidity, "liq").build();
    assertThat(KafkaInput.optional("job", TopicSpec.LIQUIDITY, liquidity, named))
        .get()
        .extracting(input -> input.topic().name())
        .isEqualTo("liq");
  }

  @Test
  void aJobsGroupIsItsOwnUnlessTheOptionsNameOne() {
    assertThat(KafkaInput.groupId(new Configuration(), "jobs-ohlc"))
        .isEqualTo("marketflow-jobs-ohlc");
    assertThat(KafkaInput.groupId(JobConfigBuilder.live("k", "mine").build(), "jobs-ohlc"))
        .isEqualTo("mine");
  }

  @Test
  void aBacktestsSinksWriteItsOwnTopicsAndItsSourcesReadItsRangeInItsOwnGroup() {
    Configuration backtest =
        JobConfigBuilder.backtest(
                "k:9092",
                "mine",
                "q1",
                Instant.parse("2025-01-15T10:00:00Z"),
                Instant.parse("2025-01-15T11:00:00Z"))
            .build();

    assertThat(TopicSink.topic(backtest, TopicSpec.BARS).name())
        .isEqualTo("md.derived.bars.backtest.q1");
    assertThat(TopicSink.topic(backtest, TopicSpec.DEAD_LETTERS.withName("dl")).name())
        .isEqualTo("dl.backtest.q1");
    assertThat(TopicSink.topic(new Configuration(), TopicSpec.BARS)).isEqualTo(TopicSpec.BARS);
    assertThat(KafkaInput.groupId(backtest, "jobs-ohlc")).isEqualTo("mine.backtest.q1");
    Configuration defaultGroup = new Configuration(backtest);
    defaultGroup.removeConfig(JobOptions.GROUP_ID);
    assertThat(KafkaInput.groupId(defaultGroup, "jobs-ohlc"))
        .isEqualTo("marketflow-jobs-ohlc.backtest.q1");
    assertThat(KafkaInput.of("job", TopicSpec.TRADES, backtest).source().getBoundedness())
        .hasToString("BOUNDED");
    assertThat(TopicSink.fromOptions(backtest, "job", "bars", TopicSpec.BARS)).isNotNull();
  }

  @Test
  void deadLettersKeepAsManyRawBytesAsTheOptionsSay() {
    Configuration config =
        JobConfigBuilder.live("k", "g").set(JobOptions.DEAD_LETTER_MAX_RAW_BYTES, 10).build();
    assertThat(KafkaInput.deadLetters(config).maxRawBytes()).isEqualTo(10);
  }
}
