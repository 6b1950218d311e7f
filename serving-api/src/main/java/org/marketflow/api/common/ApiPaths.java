package org.marketflow.api.common;

/**
 * The path prefixes of the API, each written once. A resource's {@code @Path} is one of these plus
 * its own segment, e.g. {@code @Path(ApiPaths.MARKET_DATA + "/ohlc")}.
 *
 * <p>Each resource class names its whole path: JAX-RS picks one resource class per path before
 * looking at methods, so two classes sharing a class-level {@code @Path} would hide each other's
 * methods.
 */
public final class ApiPaths {

  /**
   * The institutional API. A path prefix (and the scope its access policy will apply to), not a
   * package: the features under it are packaged by what they serve.
   */
  public static final String INSTITUTIONAL = "/api/institutional";

  /** Market data of the institutional API: OHLC bars, and later trades, order book, statistics. */
  public static final String MARKET_DATA = INSTITUTIONAL + "/market-data";

  /** The admin endpoints of the institutional API: accounts and API keys. */
  public static final String ADMIN = INSTITUTIONAL + "/admin";

  private ApiPaths() {}
}
