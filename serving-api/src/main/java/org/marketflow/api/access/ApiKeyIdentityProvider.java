package org.marketflow.api.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a verified API key into a {@link SecurityIdentity} whose roles are the key's permissions
 * and whose principal is an {@link ApiKeyPrincipal}. A key whose row {@link KeyVerifier} has cached
 * (every busy key) is verified on the calling thread, an HMAC and a comparison; otherwise
 * verification reads the database, so it runs on a worker thread.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

  private final KeyVerifier verifier;

  public ApiKeyIdentityProvider(KeyVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Class<ApiKeyAuthenticationRequest> getRequestType() {
    return ApiKeyAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
    StoredKey cached;
    try {
      cached = verifier.verifyIfCached(request.key());
    } catch (AuthenticationFailedException rejected) {
      return Uni.createFrom().failure(rejected);
    }
    if (cached != null) {
      return Uni.createFrom().item(identity(cached));
    }
    return context.runBlocking(() -> identity(verifier.verify(request.key())));
  }

  private static SecurityIdentity identity(StoredKey key) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(
            new ApiKeyPrincipal(key.prefix(), key.keyId(), key.accountId(), key.accountType()))
        .addRoles(key.permissions())
        .build();
  }
}
