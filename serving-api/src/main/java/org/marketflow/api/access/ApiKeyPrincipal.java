package org.marketflow.api.access;

import java.security.Principal;
import java.util.UUID;

/**
 * The principal of a request authenticated by an API key. Its name is the key's prefix, which is
 * not secret and may appear in logs; the rate limit counts per {@code keyId} in the tier of {@code
 * accountType}.
 */
public record ApiKeyPrincipal(String prefix, UUID keyId, UUID accountId, String accountType)
    implements Principal {

  @Override
  public String getName() {
    return prefix;
  }
}
