package org.marketflow.api.common;

import jakarta.ws.rs.core.Response;

/**
 * Answers whose JSON is already serialized (a cached answer's bytes, or an answer rendered once for
 * many requests): written as they are, with the media type the REST layer gives the JSON it
 * serializes itself.
 */
public final class JsonBody {

  /** The {@code Content-Type} of every JSON answer of the market-data endpoints. */
  public static final String MEDIA_TYPE = "application/json;charset=UTF-8";

  private JsonBody() {}

  /** A 200 whose body is {@code json}. */
  public static Response ok(byte[] json) {
    return Response.ok(json, MEDIA_TYPE).build();
  }
}
