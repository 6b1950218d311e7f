package org.marketflow.jobs.common.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.kafka.EventTimeRange;

/**
 * {@code --backtest.name}, {@code --from} and {@code --to}: what they mean and what they refuse.
 */
class BacktestTest {

  private static final Instant FROM = Instant.parse("2025-01-15T10:00:00Z");
  private static final Instant TO = Instant.parse("2025-01-15T11:00:00Z");

  private static Configuration parse(String... args) {
    return JobArguments.parse(args, JobOptions.ALL);
  }

  private static Backtest backtest(String... args) {
    return Backtest.of(parse(args)).orElseThrow();
  }

  private static Backtest q1() {
    return backtest(
        "--backtest.name", "q1", "--from", "2025-01-15T10:00:00Z", "--to", "2025-01-15T11:00:00Z");
  }

  @Test
  void readsTheNameAndTheRangeOfEventTimes() {
    Backtest backtest = q1();

    assertThat(backtest.name().value()).isEqualTo("q1");
    assertThat(backtest.from()).isEqualTo(FROM);
    assertThat(backtest.to()).isEqualTo(TO);
    assertThat(backtest.eventTimes())
        .isEqualTo(new EventTimeRange(FROM.toEpochMilli() * 1_000, TO.toEpochMilli() * 1_000));
  }

  @Test
  void takesAnInstantWithAnOffset() {
    assertThat(
            backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15T11:00:00+01:00",
                    "--to",
                    "2025-01-15T11:00:00Z")
                .from())
        .isEqualTo(FROM);
  }

  @Test
  void isNoBacktestWithoutItsOptions() {
    assertThat(Backtest.of(parse("--jdbc.url", "jdbc:postgresql://h/db"))).isEmpty();
  }

  @Test
  void boundsTheSourcesByKafkaTimestampsReadingPastToByTheOutOfOrderness() {
    Configuration bounded = q1().bound(parse("--watermark.out-of-orderness", "3 s"));

    assertThat(bounded.get(JobOptions.START_FROM)).isEqualTo(StartFrom.TIMESTAMP);
    assertThat(bounded.get(JobOptions.START_TIMESTAMP_MS)).isEqualTo(FROM.toEpochMilli());
    assertThat(bounded.get(JobOptions.STOP_AT)).isEqualTo(StopAt.TIMESTAMP);
    assertThat(bounded.get(JobOptions.STOP_TIMESTAMP_MS)).isEqualTo(TO.toEpochMilli() + 3_000);
  }

  @Test
  void aRangeWithinAMillisecondStillReadsEveryRecordOfIt() {
    // Kafka timestamps are whole milliseconds of the event time: 10:00:00.0005 is stamped 10:00:00.
    Backtest backtest =
        backtest(
            "--backtest.name",
            "q1",
            "--from",
            "2025-01-15T10:00:00.000500Z",
            "--to",
            "2025-01-15T10:00:00.001500Z");
    Configuration bounded = backtest.bound(parse("--watermark.out-of-orderness", "0 ms"));

    assertThat(bounded.get(JobOptions.START_TIMESTAMP_MS)).isEqualTo(FROM.toEpochMilli());
    assertThat(bounded.get(JobOptions.STOP_TIMESTAMP_MS)).isEqualTo(FROM.toEpochMilli() + 2);
    assertThat(backtest.eventTimes().fromUs()).isEqualTo(FROM.toEpochMilli() * 1_000 + 500);
  }

  @Test
  void namesItsSchemaTopicsAndConsumerGroupAfterTheBacktest() {
    Backtest backtest = q1();

    assertThat(backtest.name().schema()).isEqualTo("backtest_q1");
    assertThat(backtest.topic("md.derived.bars")).isEqualTo("md.derived.bars.backtest.q1");
    assertThat(backtest.groupId("marketflow-jobs-ohlc"))
        .isEqualTo("marketflow-jobs-ohlc.backtest.q1");
  }

  @Test
  void pointsTheJdbcUrlAtTheBacktestsSchema() {
    Backtest backtest = q1();

    assertThat(backtest.jdbcUrl("jdbc:postgresql://db:5432/marketflow"))
        .isEqualTo("jdbc:postgresql://db:5432/marketflow?currentSchema=backtest_q1");
    assertThat(
            Backtest.jdbcUrl(
                parse(
                    "--jdbc.url",
                    "jdbc:postgresql://db/m",
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15T10:00:00Z",
                    "--to",
                    "2025-01-15T11:00:00Z")))
        .isEqualTo("jdbc:postgresql://db/m?currentSchema=backtest_q1");
    assertThat(Backtest.jdbcUrl(parse("--jdbc.url", "jdbc:postgresql://db/m")))
        .isEqualTo("jdbc:postgresql://db/m");
    assertThat(Backtest.jdbcUrl(new Configuration())).isNull();
  }

  @Test
  void writesRedisOnlyWhenLive() {
    String[] range = {"--from", "2025-01-15T10:00:00Z", "--to", "2025-01-15T11:00:00Z"};
    Configuration live = parse("--redis.url", "redis://r:6379");
    Configuration backtest =
        parse(
            "--redis.url",
            "redis://r:6379",
            "--backtest.name",
            "q1",
            range[0],
            range[1],
            range[2],
            range[3]);

    assertThat(JobOptions.writesRedis(live)).isTrue();
    assertThat(JobOptions.writesRedis(backtest)).isFalse();
    assertThat(JobOptions.writesRedis(new Configuration())).isFalse();
  }

  @Test
  void refusesARangeWithoutAName() {
    assertThatThrownBy(
            () ->
                Backtest.of(
                    parse("--from", "2025-01-15T10:00:00Z", "--to", "2025-01-15T11:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--from and --to are for a backtest, which writes a schema and topics of its own:"
                + " name it with --backtest.name <name> (a bounded run into the live outputs is"
                + " --source.start/--source.stop TIMESTAMP)");
    assertThatThrownBy(() -> Backtest.of(parse("--to", "2025-01-15T11:00:00Z")))
        .hasMessageStartingWith("--from and --to are for a backtest");
  }

  @Test
  void refusesANameWithoutARange() {
    assertThatThrownBy(() -> Backtest.of(parse("--backtest.name", "q1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "backtest q1 needs --from and --to, the event times it replays: e.g. --from"
                + " 2025-01-15T10:00:00Z --to 2025-01-15T11:00:00Z");
    assertThatThrownBy(
            () -> Backtest.of(parse("--backtest.name", "q1", "--from", "2025-01-15T10:00:00Z")))
        .hasMessageStartingWith("backtest q1 needs --to, ");
  }

  @Test
  void refusesANameThatCannotNameASchemaAndTopics() {
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "Q1-momentum",
                    "--from",
                    "2025-01-15T10:00:00Z",
                    "--to",
                    "2025-01-15T11:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value 'Q1-momentum' for --backtest.name: a backtest name is 1-40 lower-case"
                + " letters, digits and underscores (e.g. q1_momentum), not 'Q1-momentum'");
  }

  @Test
  void refusesAnInstantItCannotReadSayingHowToWriteOne() {
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15 10:00",
                    "--to",
                    "2025-01-15T11:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid value '2025-01-15 10:00' for --from: not an ISO 8601 instant; write e.g."
                + " 2025-01-15T10:00:00Z");
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15T10:00:00Z",
                    "--to",
                    "1736938800000"))
        .hasMessage(
            "invalid value '1736938800000' for --to: not an ISO 8601 instant; write e.g."
                + " 2025-01-15T10:00:00Z");
  }

  @Test
  void refusesAnEmptyOrBackwardRange() {
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15T11:00:00Z",
                    "--to",
                    "2025-01-15T10:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--from 2025-01-15T11:00:00Z is not before --to 2025-01-15T10:00:00Z: a backtest"
                + " replays the event times from --from up to, not including, --to");
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15T10:00:00Z",
                    "--to",
                    "2025-01-15T10:00:00Z"))
        .hasMessageStartingWith("--from 2025-01-15T10:00:00Z is not before --to");
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "1969-12-31T23:00:00Z",
                    "--to",
                    "2025-01-15T10:00:00Z"))
        .hasMessage(
            "--from 1969-12-31T23:00:00Z is before 1970-01-01T00:00:00Z, the first Kafka timestamp");
  }

  @Test
  void refusesTheOtherWayOfBoundingTheSourcesBesideIt() {
    assertThatThrownBy(
            () ->
                backtest(
                    "--backtest.name",
                    "q1",
                    "--from",
                    "2025-01-15T10:00:00Z",
                    "--to",
                    "2025-01-15T11:00:00Z",
                    "--source.start",
                    "EARLIEST",
                    "--source.stop-timestamp-ms",
                    "1736938800000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--from/--to bound the sources of backtest q1; drop --source.start,"
                + " --source.stop-timestamp-ms");
  }

  @Test
  void buildsTheConfigurationOfABacktestForTests() {
    Configuration config = JobConfigBuilder.backtest("k:9092", "g", "q1", FROM, TO).build();

    assertThat(Backtest.of(config)).contains(q1());
    assertThat(config.get(JobOptions.GROUP_ID)).isEqualTo("g");
    assertThat(config.get(JobOptions.CHECKPOINT_INTERVAL))
        .isEqualTo(JobConfigBuilder.TEST_CHECKPOINT_INTERVAL);
    assertThat(q1().bound(config).get(JobOptions.STOP_TIMESTAMP_MS))
        .isEqualTo(TO.toEpochMilli() + Duration.ofSeconds(2).toMillis());
  }
}
