package org.marketflow.api.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.error.ApiException;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.InvalidParameterException;
import org.marketflow.api.export.job.ExportDirectory;
import org.marketflow.api.export.job.ExportJob;
import org.marketflow.api.export.job.ExportJobRepository;
import org.marketflow.api.export.job.ExportJobs;
import org.marketflow.api.export.rows.ExportRowReader;

/**
 * Decides how an export is delivered. The rule: count the export's rows, stopping at {@code
 * max-rows + 1} (a bounded index scan, so the count costs at most that many rows):
 *
 * <ul>
 *   <li>more than {@code marketflow.export.max-rows}: 400, split the range;
 *   <li>more than {@code marketflow.export.sync-max-rows}, or {@code async=true}: a job (202);
 *   <li>otherwise: streamed in the response (200).
 * </ul>
 *
 * The range itself is capped at {@code marketflow.export.max-range} before anything is read.
 */
@ApplicationScoped
public class ExportService {

  private final ExportRowReader reader;
  private final ExportJobs jobs;
  private final ExportJobRepository repository;
  private final ExportDirectory directory;
  private final long syncMaxRows;
  private final long maxRows;
  private final Clock clock = Clock.systemUTC();

  public ExportService(
      ExportRowReader reader,
      ExportJobs jobs,
      ExportJobRepository repository,
      ExportDirectory directory,
      MarketflowConfig config) {
    this.reader = reader;
    this.jobs = jobs;
    this.repository = repository;
    this.directory = directory;
    this.syncMaxRows = config.export().syncMaxRows();
    this.maxRows = config.export().maxRows();
  }

  /**
   * Applies the rule above.
   *
   * @param accountId the account asking, the owner of the job if the export becomes one
   * @return the job the export became, or empty when it is to be streamed in the response
   * @throws InvalidParameterException when the export has more than {@code max-rows} rows
   */
  public Optional<ExportJob> plan(ExportRequest request, UUID accountId) {
    long rows = reader.countUpTo(request, maxRows);
    if (rows > maxRows) {
      throw new InvalidParameterException(
          "endTime",
          request.endTime().toString(),
          "the export has more than "
              + maxRows
              + " rows (marketflow.export.max-rows); narrow the range or the selection");
    }
    if (request.async() || rows > syncMaxRows) {
      return Optional.of(jobs.submit(request, accountId));
    }
    return Optional.empty();
  }

  /**
   * A job of {@code accountId} by the id it was given; empty for an unknown or malformed id and for
   * another account's job, so that a job id tells nothing to whoever does not own it.
   */
  public Optional<ExportJob> find(String jobId, UUID accountId) {
    UUID id;
    try {
      id = UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return repository.find(id).filter(job -> job.ownedBy(accountId));
  }

  /** A job's file and the name it is downloaded as. */
  public record Download(Path file, String fileName) {}

  /**
   * The file of a completed job of {@code accountId} that has not expired.
   *
   * @throws ApiException 404 for an unknown job or another account's, 409 while processing or after
   *     a failure, 410 once expired
   */
  public Download download(String jobId, UUID accountId) {
    ExportJob job =
        find(jobId, accountId)
            .orElseThrow(
                () -> new ApiException(ErrorCode.NOT_FOUND, "No export job " + jobId, null));
    switch (job.status()) {
      case PROCESSING ->
          throw new ApiException(
              ErrorCode.EXPORT_NOT_READY, "Export job " + jobId + " is still processing", null);
      case FAILED ->
          throw new ApiException(
              ErrorCode.EXPORT_NOT_READY, "Export job " + jobId + " failed: " + job.error(), null);
      case EXPIRED -> throw expired(jobId);
      case COMPLETED -> {
        // Expired but not cleaned up yet: answer as the cleanup will.
        if (!job.expiresAt().isAfter(clock.instant())) {
          throw expired(jobId);
        }
      }
    }
    Path file = directory.fileOf(job.id());
    if (!Files.isRegularFile(file)) {
      throw new ApiException(
          ErrorCode.EXPORT_EXPIRED,
          "The file of export job " + jobId + " is no longer available; export again",
          null);
    }
    return new Download(file, job.fileName());
  }

  private static ApiException expired(String jobId) {
    return new ApiException(
        ErrorCode.EXPORT_EXPIRED, "Export job " + jobId + " has expired; export again", null);
  }
}
