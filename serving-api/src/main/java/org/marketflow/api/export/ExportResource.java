package org.marketflow.api.export;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.marketflow.api.access.ApiKeyPrincipal;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.error.ApiException;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.export.job.ExportJob;

/**
 * {@code GET /api/institutional/market-data/export}: trades, OHLC bars or statistics of a time
 * range as one gzip file (JSON, CSV or Parquet inside). Small exports stream in the response (200);
 * large ones become a job (202 and an {@link ExportResponse}) whose status is {@code GET
 * .../export/{jobId}} and whose file is {@code GET .../export/{jobId}/download} until it expires.
 * {@link ExportService} holds the rule.
 */
@Path(ExportResource.PATH)
@RolesAllowed(Permissions.READ)
public class ExportResource {

  public static final String PATH = ApiPaths.MARKET_DATA + "/export";

  private final ExportService service;
  private final ExportStreamer streamer;
  private final ExportMetrics metrics;
  private final MarketflowConfig config;
  private final SecurityIdentity identity;

  public ExportResource(
      ExportService service,
      ExportStreamer streamer,
      ExportMetrics metrics,
      MarketflowConfig config,
      SecurityIdentity identity) {
    this.service = service;
    this.streamer = streamer;
    this.metrics = metrics;
    this.config = config;
    this.identity = identity;
  }

  /** The download path of a job, as {@code ExportResponse.downloadUrl} gives it. */
  static String downloadPath(UUID jobId) {
    return PATH + "/" + jobId + "/download";
  }

  @GET
  @Produces({ExportFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response export(@BeanParam ExportParameters parameters) {
    ExportRequest request = parameters.toRequest(config.export().maxRange());
    Optional<ExportJob> job = service.plan(request, account());
    if (job.isPresent()) {
      return Response.accepted(ExportResponse.of(job.get()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .header(HttpHeaders.LOCATION, PATH + "/" + job.get().id())
          .build();
    }
    StreamingOutput body =
        out -> {
          try {
            metrics.completed(request, ExportMetrics.Delivery.STREAM, streamer.write(request, out));
          } catch (IOException | RuntimeException e) {
            metrics.failed(request, ExportMetrics.Delivery.STREAM);
            throw e;
          }
        };
    return file(body, request.fileName());
  }

  @GET
  @Path("{jobId}")
  @Produces(MediaType.APPLICATION_JSON)
  public ExportResponse status(@PathParam("jobId") String jobId) {
    return service
        .find(jobId, account())
        .map(ExportResponse::of)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No export job " + jobId, null));
  }

  @GET
  @Path("{jobId}/download")
  @Produces({ExportFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  public Response download(@PathParam("jobId") String jobId) {
    ExportService.Download download = service.download(jobId, account());
    return file(download.file().toFile(), download.fileName());
  }

  /** The account of the key that asks: a job is its creator's alone. */
  private UUID account() {
    return ((ApiKeyPrincipal) identity.getPrincipal()).accountId();
  }

  private static Response file(Object entity, String fileName) {
    return Response.ok(entity, ExportFormat.MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }
}
