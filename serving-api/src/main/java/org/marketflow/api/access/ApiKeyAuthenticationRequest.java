package org.marketflow.api.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The {@code X-API-Key} of a request, for {@link ApiKeyIdentityProvider} to verify. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

  private final String key;

  public ApiKeyAuthenticationRequest(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
