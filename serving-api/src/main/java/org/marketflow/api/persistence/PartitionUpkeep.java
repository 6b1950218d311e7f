package org.marketflow.api.persistence;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;

/**
 * Keeps the time partitions of the market-data tables ahead of live data by calling the schema's
 * {@code marketflow_create_partitions_ahead()} once at start-up and then every {@link
 * MarketflowConfig.Partitions#upkeepEvery() marketflow.partitions.upkeep-every}. Rows never fail
 * for lack of a partition (they land in the DEFAULT partition), but queries and retention rely on
 * real partitions, so this runs in the long-lived service rather than only in the jobs. A database
 * outage is logged and retried at the next run; it never stops the service.
 */
@ApplicationScoped
public class PartitionUpkeep {

  /** The scheduler's name for this job. */
  public static final String IDENTITY = "partition-upkeep";

  private static final Logger LOG = Logger.getLogger(PartitionUpkeep.class);

  static final String LIST_PARTITIONS =
      "SELECT i.inhrelid::regclass::text FROM pg_inherits i"
          + " JOIN pg_partitioned_table p ON p.partrelid = i.inhparent";

  static final String CREATE_AHEAD = "SELECT marketflow_create_partitions_ahead()";

  private final DataSource dataSource;
  private volatile Result lastResult;

  public PartitionUpkeep(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Schedules {@link #run()} at start-up, at the interval of the service's settings. An interval
   * job fires first right after it is scheduled, hence the start-up run; a run still going when the
   * next is due makes that one skip.
   */
  void schedule(@Observes StartupEvent event, Scheduler scheduler, MarketflowConfig config) {
    scheduler
        .newJob(IDENTITY)
        .setInterval(config.partitions().upkeepEvery().toString())
        .setConcurrentExecution(ConcurrentExecution.SKIP)
        .setTask(execution -> run())
        .schedule();
  }

  /**
   * Creates the missing partitions ahead of now and logs them. Never throws.
   *
   * @return what was created, or why nothing could be
   */
  public Result run() {
    Result result = createAhead();
    lastResult = result;
    return result;
  }

  /** The outcome of the latest run, {@code null} before the first one ends. */
  public Result lastResult() {
    return lastResult;
  }

  private Result createAhead() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      Set<String> before = partitions(statement);
      int count;
      try (ResultSet rs = statement.executeQuery(CREATE_AHEAD)) {
        rs.next();
        count = rs.getInt(1);
      }
      List<String> created = new ArrayList<>(partitions(statement));
      created.removeAll(before);
      if (count > 0) {
        LOG.infof("Created %d partition(s) ahead: %s", count, String.join(", ", created));
      } else {
        LOG.debug("Partitions ahead already exist");
      }
      return new Result(count, List.copyOf(created), null);
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("Partition upkeep failed, will retry at the next run: %s", e.getMessage());
      return new Result(0, List.of(), String.valueOf(e.getMessage()));
    }
  }

  private static Set<String> partitions(Statement statement) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet rs = statement.executeQuery(LIST_PARTITIONS)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /**
   * The outcome of one run: how many partitions the function reported creating, their names, and
   * the failure message when the run failed ({@code null} on success).
   */
  public record Result(int count, List<String> created, String failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }
}
