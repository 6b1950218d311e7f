package org.marketflow.api.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.error.ErrorResponse;

/**
 * {@code /api/institutional/admin/...}: accounts and their API keys, for keys with the {@code
 * admin} permission. Every change is written to the audit log with the acting key's id, and {@code
 * GET .../admin/audit} reads that log.
 */
@Path(ApiPaths.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.ADMIN)
public class AdminResource {

  private final KeyAdministration administration;
  private final SecurityIdentity identity;

  public AdminResource(KeyAdministration administration, SecurityIdentity identity) {
    this.administration = administration;
    this.identity = identity;
  }

  @POST
  @Path("/accounts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createAccount(AdminRequests.NewAccount body) {
    Account account =
        administration.createAccount(
            actor(), AdminRequests.name(body), AdminRequests.accountType(body));
    return Response.status(Response.Status.CREATED).entity(account).build();
  }

  @POST
  @Path("/accounts/{accountId}/deactivate")
  public Account deactivate(@PathParam("accountId") String accountId) {
    return administration.setAccountActive(
        actor(), AdminRequests.id("accountId", accountId), false);
  }

  @POST
  @Path("/accounts/{accountId}/activate")
  public Account activate(@PathParam("accountId") String accountId) {
    return administration.setAccountActive(actor(), AdminRequests.id("accountId", accountId), true);
  }

  @POST
  @Path("/accounts/{accountId}/keys")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createKey(@PathParam("accountId") String accountId, AdminRequests.NewKey body) {
    CreatedKey created =
        administration.createKey(
            actor(), AdminRequests.id("accountId", accountId), AdminRequests.permissions(body));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Path("/accounts/{accountId}/keys")
  public Map<String, List<ApiKeyView>> listKeys(@PathParam("accountId") String accountId) {
    return Map.of("keys", administration.listKeys(AdminRequests.id("accountId", accountId)));
  }

  @POST
  @Path("/keys/{keyId}/rotate")
  public Response rotateKey(@PathParam("keyId") String keyId) {
    CreatedKey created = administration.rotateKey(actor(), AdminRequests.id("keyId", keyId));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @POST
  @Path("/keys/{keyId}/revoke")
  public ApiKeyView revokeKey(@PathParam("keyId") String keyId) {
    return administration.revokeKey(actor(), AdminRequests.id("keyId", keyId));
  }

  @GET
  @Path("/audit")
  @Operation(
      summary = "Read the audit log",
      description =
          "Admin actions on accounts and keys, newest first, a page at a time. Needs the admin"
              + " permission. Reading the log is not itself logged.")
  @APIResponseSchema(
      value = AuditLogPage.class,
      responseDescription = "A page of entries; nextCursor reads the older ones")
  @APIResponse(
      responseCode = "400",
      description = "A bad parameter (INVALID_PARAMETER naming it)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ErrorResponse.class)))
  @APIResponse(responseCode = "401", description = "No valid key")
  @APIResponse(responseCode = "403", description = "A key without the admin permission")
  public AuditLogPage auditLog(
      @Parameter(
              description =
                  "Only entries about this account: the account itself and each of its keys"
                      + " (a UUID)")
          @QueryParam("accountId")
          String accountId,
      @Parameter(
              description =
                  "Only entries at or after this time: ISO 8601 instant or epoch milliseconds")
          @QueryParam("startTime")
          String startTime,
      @Parameter(description = "Only entries before this time; after startTime")
          @QueryParam("endTime")
          String endTime,
      @Parameter(description = "Entries per page, 1 to 1000, default 100") @QueryParam("limit")
          String limit,
      @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor")
          String cursor) {
    return administration.auditLog(AuditQuery.of(accountId, startTime, endTime, limit, cursor));
  }

  private UUID actor() {
    return ((ApiKeyPrincipal) identity.getPrincipal()).keyId();
  }
}
