package org.marketflow.api.export.job;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.marketflow.api.export.ExportFormat;
import org.marketflow.api.export.ExportType;

/**
 * One row of {@code export_jobs}.
 *
 * @param accountId the account whose key created the job, the only one it is shown to; {@code null}
 *     for a job created before jobs had owners (shown to no one)
 * @param expiresAt when a completed job's file expires; for a processing job, when it is given up
 * @param error why the job failed, else {@code null}
 */
public record ExportJob(
    UUID id,
    UUID accountId,
    Status status,
    ExportType type,
    ExportFormat format,
    String request,
    String fileName,
    long recordCount,
    long fileSize,
    String error,
    Instant createdAt,
    Instant completedAt,
    Instant expiresAt) {

  /** Whether {@code account} may see the job: it created it. */
  public boolean ownedBy(UUID account) {
    return accountId != null && accountId.equals(account);
  }

  /** The life of a job: processing, then completed or failed; a completed job expires. */
  public enum Status {
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed"),
    EXPIRED("expired");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    /** The value in the table and in {@code ExportResponse.status}. */
    public String code() {
      return code;
    }

    static Status fromCode(String code) {
      return Arrays.stream(values())
          .filter(s -> s.code.equals(code))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("unknown export job status " + code));
    }
  }
}
