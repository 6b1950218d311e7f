package org.marketflow.launcher;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.StreamingJob;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.microstructure.MicrostructureJob;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.migrate.MigrateCommand;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresServer;

/**
 * Runs one job as a backtest on this machine: migrates the backtest's schema in the local
 * PostgreSQL (or the one {@code --jdbc.url} names), then runs the job in this JVM (Flink's local
 * environment) with the arguments given, against the Kafka of a running {@code
 * scripts/run-local.sh} unless they name another, and prints the {@code psql} line that shows the
 * result.
 *
 * <pre>{@code
 * scripts/backtest.sh ohlc --backtest.name q1 --from 2026-11-22T10:00:00Z --to 2026-11-22T10:05:00Z
 * }</pre>
 */
public final class LocalBacktest {

  private LocalBacktest() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("ohlc", "microstructure").contains(args[0])) {
      System.err.println(
          "usage: scripts/backtest.sh ohlc|microstructure --backtest.name <name> --from <instant>"
              + " --to <instant> [job options]");
      System.exit(2);
    }
    StreamingJob job = args[0].equals("ohlc") ? new OhlcJob() : new MicrostructureJob();
    List<String> jobArgs = new ArrayList<>(List.of(args).subList(1, args.length));
    Configuration given;
    try {
      given = JobRunner.parse(job, jobArgs.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    String name = given.get(JobOptions.BACKTEST_NAME);
    if (name == null) {
      System.err.println("error: --" + JobOptions.BACKTEST_NAME.key() + " is required");
      System.exit(2);
    }
    PostgresServer postgres =
        given.contains(JobOptions.JDBC_URL)
            ? new PostgresServer(
                given.get(JobOptions.JDBC_URL),
                given.get(JobOptions.JDBC_USER),
                given.get(JobOptions.JDBC_PASSWORD))
            : LocalPostgres.shared();
    int migrated =
        MigrateCommand.run(
            "--jdbc-url", postgres.jdbcUrl(),
            "--user", postgres.user(),
            "--password", postgres.password(),
            "--backtest", name);
    if (migrated != 0) {
      System.exit(migrated);
    }
    if (!given.contains(JobOptions.JDBC_URL)) {
      addIfAbsent(given, jobArgs, JobOptions.JDBC_URL, postgres.jdbcUrl());
      addIfAbsent(given, jobArgs, JobOptions.JDBC_USER, postgres.user());
      addIfAbsent(given, jobArgs, JobOptions.JDBC_PASSWORD, postgres.password());
    }
    addIfAbsent(
        given,
        jobArgs,
        JobOptions.CHECKPOINT_DIR,
        Files.createTempDirectory("marketflow-backtest").toUri().toString());
    JobRunner.run(job, jobArgs.toArray(String[]::new));
    String table = job instanceof OhlcJob ? "ohlc_bars" : "market_microstructure";
    System.out.println(
        "Backtest "
            + name
            + " done. Its tables are in the schema backtest_"
            + name
            + ", e.g.:\n  psql \""
            + LocalSuite.postgresUrl(postgres)
            + "\" -c \"SELECT count(*) FROM backtest_"
            + name
            + "."
            + table
            + "\"");
  }

  private static void addIfAbsent(
      Configuration given, List<String> args, ConfigOption<String> option, String value) {
    if (!given.contains(option)) {
      args.add("--" + option.key());
      args.add(value);
    }
  }
}
