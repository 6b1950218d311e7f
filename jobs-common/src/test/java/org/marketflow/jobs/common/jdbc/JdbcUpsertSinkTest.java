package org.marketflow.jobs.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.db.TableSpec;

class JdbcUpsertSinkTest {

  private static final TableSpec TABLE = new TableSpec("t", List.of("k", "v"), List.of("k"));
  private static final JdbcStatementBuilder<String> BIND = (statement, row) -> {};

  @Test
  void upsertsEveryColumnOfTheTableUnderTheGuard() {
    assertThat(JdbcUpsertSink.builder(TABLE, BIND).guard("t.v <= EXCLUDED.v").sql())
        .isEqualTo(
            "INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v"
                + " WHERE t.v <= EXCLUDED.v");
  }

  @Test
  void insertsOnlyAbsentRowsWhenAskedTo() {
    assertThat(JdbcUpsertSink.builder(TABLE, BIND).ifAbsent().sql())
        .isEqualTo("INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO NOTHING");
    assertThatThrownBy(
            () ->
                JdbcUpsertSink.builder(TABLE, BIND)
                    .ifAbsent()
                    .guard("t.v <= EXCLUDED.v")
                    .connection("jdbc:postgresql://h/db", "u", "p")
                    .buildAtLeastOnce())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the sink of t inserts only absent rows: a guard on overwriting (t.v <= EXCLUDED.v)"
                + " cannot apply");
  }

  @Test
  void refusesWhatWouldFailAtTheFirstBatch() {
    assertThatThrownBy(() -> JdbcUpsertSink.builder(TABLE, BIND).buildAtLeastOnce())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the sink of t needs a jdbc:postgresql: URL, not null");
    assertThatThrownBy(
            () ->
                JdbcUpsertSink.builder(TABLE, BIND)
                    .connection("jdbc:postgresql://h/db", "u", "p")
                    .batch(0, Duration.ZERO)
                    .buildAtLeastOnce())
        .hasMessage("jdbc batch size must be at least 1, not 0");
    assertThat(
            JdbcUpsertSink.builder(TABLE, BIND)
                .connection("jdbc:postgresql://h/db", "u", "p")
                .buildAtLeastOnce())
        .isNotNull();
  }

  @Test
  void convertsMicrosecondsExactlyBothWays() {
    long micros = -1L; // one microsecond before the epoch
    OffsetDateTime time = SqlTimes.utc(micros);
    assertThat(time).hasToString("1969-12-31T23:59:59.999999Z");
    assertThat(SqlTimes.micros(time)).isEqualTo(micros);
    assertThat(SqlTimes.micros(SqlTimes.utc(1_723_161_240_123_456L)))
        .isEqualTo(1_723_161_240_123_456L);
  }

  @Test
  void saysWhatToRunWhenTheSchemaIsTooOld() {
    assertThat(SchemaVersionCheck.problem(OptionalInt.of(2), 2, "jobs-x", "url")).isNull();
    assertThat(SchemaVersionCheck.problem(OptionalInt.of(1), 2, "jobs-x", "jdbc:postgresql://h/d"))
        .isEqualTo(
            "the database jdbc:postgresql://h/d is at version 1, but jobs-x needs version 2 or"
                + " later. Migrate it first: scripts/migrate.sh --jdbc-url jdbc:postgresql://h/d"
                + " --user <user> --password <password>");
    assertThat(SchemaVersionCheck.problem(OptionalInt.empty(), 1, "jobs-x", "u"))
        .startsWith("the database u has no MarketFlow schema (no flyway_schema_history), but");
  }
}
