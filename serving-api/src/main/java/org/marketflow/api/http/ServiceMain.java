package org.marketflow.api.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point: Quarkus, with its own request-target check turned off (it answers a
 * target {@link java.net.URI} refuses with an empty 400, before any route), because {@link
 * RequestTargetGuard} makes the same check and answers with an {@code ErrorResponse}.
 */
@QuarkusMain
public final class ServiceMain {

  /** Read by Quarkus' HTTP root handler when the server starts. */
  static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

  private ServiceMain() {}

  public static void main(String... args) {
    if (System.getProperty(DISABLE_URI_VALIDATION) == null) {
      System.setProperty(DISABLE_URI_VALIDATION, "true");
    }
    Quarkus.run(args);
  }
}
