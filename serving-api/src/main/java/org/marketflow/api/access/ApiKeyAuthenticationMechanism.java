package org.marketflow.api.access;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.marketflow.api.common.ApiPaths;

/**
 * Reads the {@code X-API-Key} header of every request under {@code /api/institutional/} and hands
 * it to {@link ApiKeyIdentityProvider}. A request without the header stays anonymous: the
 * {@code @RolesAllowed} of the resource then answers 401. Other paths ({@code /q/health}, metrics)
 * are not authenticated by keys.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** The request header that carries the key. */
  public static final String HEADER = "X-API-Key";

  private static final String SCOPE = ApiPaths.INSTITUTIONAL + "/";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String key = context.request().getHeader(HEADER);
    if (!inScope(context.normalizedPath()) || key == null || key.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    return identityProviderManager.authenticate(
        HttpSecurityUtils.setRoutingContextAttribute(
            new ApiKeyAuthenticationRequest(key), context));
  }

  /** Whether requests to {@code path} are authenticated by API keys. */
  public static boolean inScope(String path) {
    return path != null && path.startsWith(SCOPE);
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, null, null));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(ApiKeyAuthenticationRequest.class);
  }
}
