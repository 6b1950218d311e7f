package org.marketflow.launcher;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
 * PostgreSQL, then runs the job in this JVM (Flink's local environment) with the arguments given,
 * against the Kafka of a running {@code scripts/run-local.sh} unless they name another, and prints
 * the {@code psql} line that shows the result.
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
    String name = valueOf(jobArgs, JobOptions.BACKTEST_NAME.key());
    if (name == null) {
      System.err.println("error: --" + JobOptions.BACKTEST_NAME.key() + " is required");
      System.exit(2);
    }
    PostgresServer postgres = LocalPostgres.shared();
    int migrated =
        MigrateCommand.run(
            "--jdbc-url", postgres.jdbcUrl(),
            "--user", postgres.user(),
            "--password", postgres.password(),
            "--backtest", name);
    if (migrated != 0) {
      System.exit(migrated);
    }
    addIfAbsent(jobArgs, JobOptions.JDBC_URL.key(), postgres.jdbcUrl());
    addIfAbsent(jobArgs, JobOptions.JDBC_USER.key(), postgres.user());
    addIfAbsent(jobArgs, JobOptions.JDBC_PASSWORD.key(), postgres.password());
    addIfAbsent(
        jobArgs,
        JobOptions.CHECKPOINT_DIR.key(),
        Files.createTempDirectory("marketflow-backtest").toUri().toString());
    JobRunner.run(job, jobArgs.toArray(String[]::new));
    System.out.println(
        "Backtest "
            + name
            + " done. Its tables are in the schema backtest_"
            + name
            + ", e.g.:\n  psql \""
            + LocalSuite.postgresUrl(postgres)
            + "\" -c \"SELECT bar_interval, count(*), min(bucket_start), max(bucket_start) FROM"
            + " backtest_"
            + name
            + ".ohlc_bars GROUP BY 1 ORDER BY 1\"");
  }

  private static String valueOf(List<String> args, String key) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--" + key) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (args.get(i).startsWith("--" + key + "=")) {
        return args.get(i).substring(key.length() + 3);
      }
    }
    return null;
  }

  private static void addIfAbsent(List<String> args, String key, String value) {
    if (valueOf(args, key) == null) {
      args.add("--" + key);
      args.add(value);
    }
  }
}
