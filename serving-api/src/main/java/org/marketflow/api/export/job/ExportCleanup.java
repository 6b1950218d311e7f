package org.marketflow.api.export.job;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;

/**
 * Every {@code marketflow.export.cleanup-every} (and at start-up): completed jobs past their {@code
 * expiresAt} become expired and their files are deleted; jobs still processing past {@code
 * marketflow.export.job-timeout} (their instance stopped) become failed and their partial files are
 * deleted; rows of expired and failed jobs are deleted {@link #ROW_RETENTION} after they ended, so
 * their status answers {@code expired} for a week, then 404. Any instance may run it: each row
 * moves once (conditional updates). Failures are logged and retried at the next run.
 */
@ApplicationScoped
public class ExportCleanup {

  /** The scheduler's name for this job. */
  public static final String IDENTITY = "export-cleanup";

  /** How long the row of an expired or failed job is kept for its status. */
  static final Duration ROW_RETENTION = Duration.ofDays(7);

  private static final Logger LOG = Logger.getLogger(ExportCleanup.class);

  private final ExportJobRepository repository;
  private final ExportDirectory directory;
  private final Clock clock = Clock.systemUTC();

  public ExportCleanup(ExportJobRepository repository, ExportDirectory directory) {
    this.repository = repository;
    this.directory = directory;
  }

  void schedule(@Observes StartupEvent event, Scheduler scheduler, MarketflowConfig config) {
    scheduler
        .newJob(IDENTITY)
        .setInterval(config.export().cleanupEvery().toString())
        .setConcurrentExecution(ConcurrentExecution.SKIP)
        .setTask(execution -> run())
        .schedule();
  }

  /** One cleanup pass; never throws. */
  public void run() {
    try {
      Instant now = clock.instant();
      List<UUID> expired = repository.moveDue("completed", "expired", null, now);
      expired.forEach(id -> delete(directory.fileOf(id)));
      List<UUID> abandoned =
          repository.moveDue(
              "processing", "failed", "not completed within marketflow.export.job-timeout", now);
      abandoned.forEach(id -> delete(directory.partOf(id)));
      int deleted = repository.deleteEndedBefore(now.minus(ROW_RETENTION));
      if (!expired.isEmpty() || !abandoned.isEmpty() || deleted > 0) {
        LOG.infof(
            "Export cleanup: %d file(s) expired, %d job(s) given up, %d row(s) deleted",
            expired.size(), abandoned.size(), deleted);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Export cleanup failed, will retry at the next run: %s", e.getMessage());
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warnf("Cannot delete the export file %s: %s", file, e.getMessage());
    }
  }
}
