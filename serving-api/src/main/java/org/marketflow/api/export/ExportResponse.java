package org.marketflow.api.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.marketflow.api.export.job.ExportJob;

/**
 * The design's {@code ExportResponse}: the answer to an export that became a job (202) and to its
 * status ({@code GET .../export/{jobId}}). {@code downloadUrl} and {@code expiresAt} are set once
 * the job completed; {@code recordCount} and {@code fileSize} (bytes of the gzip file) are 0 until
 * then. {@code error} says why a job failed.
 */
@JsonPropertyOrder({
  "jobId",
  "status",
  "type",
  "format",
  "fileName",
  "downloadUrl",
  "expiresAt",
  "recordCount",
  "fileSize",
  "error"
})
public record ExportResponse(
    String jobId,
    String status,
    String type,
    String format,
    String fileName,
    String downloadUrl,
    Instant expiresAt,
    long recordCount,
    long fileSize,
    String error) {

  static ExportResponse of(ExportJob job) {
    boolean completed = job.status() == ExportJob.Status.COMPLETED;
    return new ExportResponse(
        job.id().toString(),
        job.status().code(),
        job.type().code(),
        job.format().code(),
        job.fileName(),
        completed ? ExportResource.downloadPath(job.id()) : null,
        completed ? job.expiresAt() : null,
        job.recordCount(),
        job.fileSize(),
        job.error());
  }
}
