/**
 * Institutional accounts, API keys and the admin audit log (tables of migration V5): the key format
 * ({@link org.marketflow.api.access.ApiKeyFormat}), its HMAC ({@link
 * org.marketflow.api.access.ApiKeyHasher}), the authentication mechanism ({@link
 * org.marketflow.api.access.ApiKeyAuthenticationMechanism}, {@code X-API-Key}) and identity
 * provider whose roles are the key's {@link org.marketflow.api.access.Permissions}, the admin
 * endpoints and the first admin key at start-up.
 *
 * <p>A resource states what it needs with {@code @RolesAllowed(Permissions.READ)} (market data) or
 * {@code @RolesAllowed(Permissions.ADMIN)}; unannotated endpoints are denied.
 */
package org.marketflow.api.access;
