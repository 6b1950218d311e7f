package org.marketflow.api.export.job;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.error.ApiException;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.export.ExportMetrics;
import org.marketflow.api.export.ExportRequest;
import org.marketflow.api.export.ExportStreamer;

/**
 * Runs exports as jobs: the job is stored as processing, written by one of {@code
 * marketflow.export.job-threads} threads of this instance to {@code <jobId>.part} in the export
 * directory, renamed to {@code <jobId>.gz} and marked completed with its row count and size, to
 * expire {@code marketflow.export.expire-after} later. A failure marks it failed with the reason.
 * If this instance stops mid-job, the row stays processing until {@link ExportCleanup} gives it up.
 */
@ApplicationScoped
public class ExportJobs {

  /** Jobs waiting for a thread beyond those being written; more are refused with a 503. */
  static final int QUEUE_CAPACITY = 100;

  private static final Logger LOG = Logger.getLogger(ExportJobs.class);

  private final ExportJobRepository repository;
  private final ExportDirectory directory;
  private final ExportStreamer streamer;
  private final ExportMetrics metrics;
  private final Duration expireAfter;
  private final Duration jobTimeout;
  private final Clock clock = Clock.systemUTC();
  private final ThreadPoolExecutor executor;

  public ExportJobs(
      ExportJobRepository repository,
      ExportDirectory directory,
      ExportStreamer streamer,
      ExportMetrics metrics,
      MarketflowConfig config) {
    this.repository = repository;
    this.directory = directory;
    this.streamer = streamer;
    this.metrics = metrics;
    this.expireAfter = config.export().expireAfter();
    this.jobTimeout = config.export().jobTimeout();
    int threads = config.export().jobThreads();
    AtomicInteger counter = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            r -> {
              Thread t = new Thread(r, "export-job-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Stores the job as processing, owned by {@code accountId}, and queues it.
   *
   * @throws ApiException 503 when the queue is full
   */
  public ExportJob submit(ExportRequest request, UUID accountId) {
    Instant now = clock.instant();
    ExportJob job =
        new ExportJob(
            UUID.randomUUID(),
            accountId,
            ExportJob.Status.PROCESSING,
            request.type(),
            request.format(),
            request.canonicalQuery(),
            request.fileName(),
            0,
            0,
            null,
            now,
            null,
            now.plus(jobTimeout));
    repository.insert(job);
    try {
      executor.execute(() -> run(job.id(), request));
    } catch (RejectedExecutionException e) {
      repository.fail(job.id(), "too many export jobs queued", now, now.plus(expireAfter));
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "Too many export jobs are queued on this instance; retry later",
          null);
    }
    return job;
  }

  /** Writes the job's file and records the outcome; never throws. */
  void run(UUID id, ExportRequest request) {
    Path part = directory.partOf(id);
    try {
      long rows;
      try (OutputStream out = Files.newOutputStream(part)) {
        rows = streamer.write(request, out);
      }
      Path file = directory.fileOf(id);
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Instant done = clock.instant();
      if (!repository.complete(id, rows, Files.size(file), done, done.plus(expireAfter))) {
        // Given up by the cleanup meanwhile: its status says failed, so the file must go.
        Files.deleteIfExists(file);
      }
      metrics.completed(request, ExportMetrics.Delivery.JOB, rows);
      LOG.infof("Export job %s completed: %d rows, %s", id, rows, request.canonicalQuery());
    } catch (IOException | RuntimeException e) {
      metrics.failed(request, ExportMetrics.Delivery.JOB);
      LOG.errorf(e, "Export job %s failed: %s", id, request.canonicalQuery());
      try {
        Files.deleteIfExists(part);
        Instant now = clock.instant();
        repository.fail(id, "the export could not be written", now, now.plus(expireAfter));
      } catch (IOException | RuntimeException again) {
        LOG.errorf(again, "Export job %s: cannot record the failure", id);
      }
    }
  }

  void stop(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }
}
