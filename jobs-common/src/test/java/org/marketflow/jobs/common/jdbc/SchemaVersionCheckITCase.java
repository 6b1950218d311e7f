package org.marketflow.jobs.common.jdbc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;

class SchemaVersionCheckITCase {

  @RegisterExtension static final PostgresExtension POSTGRES = PostgresExtension.perTest();

  @Test
  void failsWithWhatToRunOnADatabaseThatWasNeverMigrated(PostgresDatabase db) {
    assertThatThrownBy(
            () ->
                SchemaVersionCheck.requireAtLeast(
                    db.jdbcUrl(), db.user(), db.password(), 1, "jobs-x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no MarketFlow schema")
        .hasMessageContaining("jobs-x needs version 1 or later")
        .hasMessageContaining("scripts/migrate.sh");
  }

  @Test
  void passesAMigratedDatabaseAndFailsWhenAJobNeedsANewerOne(PostgresDatabase db) {
    DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
    assertThatCode(
            () ->
                SchemaVersionCheck.requireAtLeast(
                    db.jdbcUrl(), db.user(), db.password(), 1, "jobs-x"))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                SchemaVersionCheck.requireAtLeast(
                    db.jdbcUrl(), db.user(), db.password(), 99, "jobs-x"))
        .hasMessageMatching("(?s).* is at version \\d+, but jobs-x needs version 99 or later.*");
  }

  @Test
  void saysSoWhenTheDatabaseCannotBeRead(PostgresDatabase db) {
    String missing = db.jdbcUrl().replace(db.name(), "marketflow_no_such_database");
    assertThatThrownBy(
            () -> SchemaVersionCheck.requireAtLeast(missing, db.user(), db.password(), 1, "jobs-x"))
        .hasMessageStartingWith("jobs-x cannot read the schema version of " + missing);
  }
}
