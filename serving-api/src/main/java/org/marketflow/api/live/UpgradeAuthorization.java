package org.marketflow.api.live;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may open the live feed: the one place where the upgrade request's caller is checked, before
 * the socket exists. Open for now.
 *
 * <p>With API-key authentication in place there are two ways to require an identity with the {@code
 * read} role, and either needs no change elsewhere in this package:
 *
 * <ul>
 *   <li>a Quarkus HTTP permission policy on the path: it runs before every route of the router,
 *       this one included, e.g. {@code quarkus.http.auth.permission.live.paths=
 *       /api/institutional/market-data/ws} with {@code policy=read} (a {@code roles-allowed=read}
 *       policy). Then {@link #permits} stays as it is;
 *   <li>or the check here, on the identity the mechanism attached to the request: {@code
 *       QuarkusHttpUser.getSecurityIdentity(context, null)} gives a {@code Uni<SecurityIdentity>};
 *       refuse the upgrade unless {@code identity.hasRole("read")} (401 for an anonymous identity,
 *       403 for a missing role, with the {@code ErrorResponse} body).
 * </ul>
 *
 * A client that cannot set headers on the upgrade (browsers) is not an institutional client; the
 * key travels in {@code X-API-Key} as on every other endpoint.
 */
@ApplicationScoped
public class UpgradeAuthorization {

  /** Whether this upgrade request may open the feed; when not, it has already been answered. */
  public boolean permits(RoutingContext context) {
    return true;
  }
}
