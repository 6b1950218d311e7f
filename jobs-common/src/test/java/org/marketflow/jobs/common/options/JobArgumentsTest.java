package org.marketflow.jobs.common.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

  private static Configuration parse(String... args) {
    return JobArguments.parse(args, JobOptions.ALL);
  }

  @Test
  void readsKnownOptionsOfEveryType() {
    Configuration config =
        parse(
            "--kafka.bootstrap-servers",
            "k1:9092,k2:9092",
            "--checkpoint.interval",
            "30 s",
            "--source.start=TIMESTAMP",
            "--source.start-timestamp-ms",
            "1723161240000",
            "--sink.kafka.delivery",
            "at-least-once");
    assertThat(config.get(JobOptions.BOOTSTRAP_SERVERS)).isEqualTo("k1:9092,k2:9092");
    assertThat(config.get(JobOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.get(JobOptions.START_FROM)).isEqualTo(StartFrom.TIMESTAMP);
    assertThat(config.get(JobOptions.START_TIMESTAMP_MS)).isEqualTo(1_723_161_240_000L);
    assertThat(config.get(JobOptions.KAFKA_DELIVERY)).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
    assertThat(config.get(JobOptions.IDLENESS)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesAnUnknownOptionAndListsTheKnownOnes() {
    assertThatThrownBy(() -> parse("--kafka.bootstrap-server", "k:9092"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown option --kafka.bootstrap-server; options: --backtest.name,"
                + " --checkpoint.dir, --checkpoint.interval, --dead-letters.max-raw-bytes,")
        .hasMessageContaining("--kafka.bootstrap-servers");
  }

  @Test
  void explainsARemovedOption() {
    assertThatThrownBy(() -> parse("--jdbc.migrate", "true"))
        .hasMessage(
            "option --jdbc.migrate was removed: jobs no longer migrate the schema; run"
                + " scripts/migrate.sh (the db-migrate jar) once per deployment");
  }

  @Test
  void refusesAValueOfTheWrongType() {
    assertThatThrownBy(() -> parse("--checkpoint.interval", "often"))
        .hasMessageStartingWith("invalid value 'often' for --checkpoint.interval: ");
    assertThatThrownBy(() -> parse("--source.start", "YESTERDAY"))
        .hasMessageStartingWith("invalid value 'YESTERDAY' for --source.start: ")
        .hasMessageContaining("EARLIEST");
    assertThatThrownBy(() -> parse("--jdbc.batch-size", "many"))
        .hasMessageStartingWith("invalid value 'many' for --jdbc.batch-size: ");
  }

  @Test
  void refusesMissingValuesStrayWordsAndRepeats() {
    assertThatThrownBy(() -> parse("--jdbc.url")).hasMessage("option --jdbc.url needs a value");
    assertThatThrownBy(() -> parse("--jdbc.url", "--jdbc.user", "u"))
        .hasMessage("option --jdbc.url needs a value");
    assertThatThrownBy(() -> parse("jdbc.url", "x"))
        .hasMessageStartingWith("expected an option --key, not 'jdbc.url'; options: ");
    assertThatThrownBy(() -> parse("--jdbc.user", "a", "--jdbc.user", "b"))
        .hasMessage("option --jdbc.user is given twice");
  }

  @Test
  void knowsAJobsOwnOptionsBesideTheCommonOnes() {
    var own = org.apache.flink.configuration.ConfigOptions.key("x.y").intType().defaultValue(1);
    Configuration config =
        JobArguments.parse(
            new String[] {"--x.y", "5", "--jdbc.user", "u"},
            JobArguments.with(JobOptions.ALL, List.of(own)));
    assertThat(config.get(own)).isEqualTo(5);
    assertThat(config.get(JobOptions.JDBC_USER)).isEqualTo("u");
  }

  @Test
  void buildsTestConfigurationsThatReadATopicRangeOnce() {
    Configuration config =
        JobConfigBuilder.bounded("k:9092", "g").jdbc("jdbc:postgresql://h/db", "u", "p").build();
    assertThat(config.get(JobOptions.STOP_AT)).isEqualTo(StopAt.LATEST);
    assertThat(config.get(JobOptions.START_FROM)).isEqualTo(StartFrom.EARLIEST);
    assertThat(config.get(JobOptions.GROUP_ID)).isEqualTo("g");
    assertThat(config.get(JobOptions.JDBC_URL)).isEqualTo("jdbc:postgresql://h/db");
    assertThat(config.get(JobOptions.CHECKPOINT_INTERVAL))
        .isEqualTo(JobConfigBuilder.TEST_CHECKPOINT_INTERVAL);
    assertThat(JobConfigBuilder.live("k:9092", "g").build().get(JobOptions.STOP_AT))
        .isEqualTo(StopAt.NEVER);
  }
}
