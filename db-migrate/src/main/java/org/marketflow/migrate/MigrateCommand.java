package org.marketflow.migrate;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import org.marketflow.schemas.backtest.BacktestName;
import org.marketflow.schemas.db.DatabaseMigrations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code db-migrate}: the deployment step that brings a PostgreSQL database to the suite's schema
 * (Flyway, {@code schemas}' {@code db/migration}) and creates the time partitions ahead of now. Run
 * it once per deployment, before the jobs and the service; the jobs only check the version. Safe to
 * run again and from several places at once. With {@code --backtest <name>} it migrates a
 * backtest's own schema instead, once before that backtest's jobs.
 */
@Command(
    name = "db-migrate",
    mixinStandardHelpOptions = true,
    description = "Applies the MarketFlow PostgreSQL schema and creates partitions ahead.")
public final class MigrateCommand implements Callable<Integer> {

  @Option(
      names = "--jdbc-url",
      required = true,
      defaultValue = "${env:MARKETFLOW_PG_URL}",
      description = "jdbc:postgresql://host:port/database (default: $MARKETFLOW_PG_URL).")
  String jdbcUrl;

  @Option(
      names = "--user",
      defaultValue = "${env:MARKETFLOW_PG_USER:-marketflow}",
      description = "Database user (default: $MARKETFLOW_PG_USER, else marketflow).")
  String user;

  @Option(
      names = "--password",
      defaultValue = "${env:MARKETFLOW_PG_PASSWORD:-marketflow}",
      description = "Database password (default: $MARKETFLOW_PG_PASSWORD, else marketflow).")
  String password;

  @Option(
      names = "--backtest",
      paramLabel = "<name>",
      description =
          "Migrate the schema backtest_<name> (created when missing) for the backtest of that"
              + " name instead of the live schema.")
  String backtest;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--jdbc-url must be a jdbc:postgresql: URL, not " + jdbcUrl);
    }
    if (backtest != null) {
      return migrateBacktest(backtestName());
    }
    MigrateResult result = DatabaseMigrations.migrate(jdbcUrl, user, password);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s: schema at version %s (%d migration(s) applied now), partitions ahead created%n",
        jdbcUrl, version(result), result.migrationsExecuted);
    out.flush();
    return 0;
  }

  /**
   * A backtest's schema: the same migrations, into {@code backtest_<name>}. Its rows are
   * historical: they land in each table's DEFAULT partition unless the migration created theirs.
   */
  private int migrateBacktest(BacktestName name) {
    MigrateResult result = DatabaseMigrations.migrateBacktest(jdbcUrl, user, password, name);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s: schema %s of backtest %s at version %s (%d migration(s) applied now)%n",
        jdbcUrl, name.schema(), name, version(result), result.migrationsExecuted);
    out.flush();
    return 0;
  }

  private BacktestName backtestName() {
    try {
      return new BacktestName(backtest);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--backtest: " + e.getMessage());
    }
  }

  private static String version(MigrateResult result) {
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  /** Runs the command and returns its exit code (0 on success). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The command line: a failure (a database that cannot be reached, a migration that fails) is one
   * line naming the problem on stderr and exit code 1, not a stack trace.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new MigrateCommand())
        .setExecutionExceptionHandler(
            (e, command, parseResult) -> {
              command.getErr().println("db-migrate: " + e.getMessage());
              return 1;
            });
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
