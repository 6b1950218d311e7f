/**
 * What every feature of the service shares and no single feature owns: the API's path prefixes
 * ({@link org.marketflow.api.common.ApiPaths}), the parsing of query parameters that several
 * endpoints take ({@link org.marketflow.api.common.QueryParameters}: times, limits, engine ids),
 * and the service's {@code marketflow.*} settings ({@link
 * org.marketflow.api.common.MarketflowConfig}).
 *
 * <p>Only code with at least two users, present or next in line, belongs here; a class that one
 * feature uses stays in that feature's package.
 */
package org.marketflow.api.common;
