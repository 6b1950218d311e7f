package org.marketflow.api.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API document and its browser:
 *
 * <ul>
 *   <li>{@code GET /q/openapi}: the OpenAPI 3.1 document the build generates from the resources'
 *       annotations (smallrye-open-api-maven-plugin), YAML, or JSON with {@code ?format=json} or
 *       {@code Accept: application/json};
 *   <li>{@code GET /q/swagger-ui/}: Swagger UI from its webjar, opened on that document.
 * </ul>
 */
@ApplicationScoped
public class OpenApiRoutes {

  static final String DOCUMENT_PATH = "/q/openapi";
  static final String UI_PATH = "/q/swagger-ui";
  private static final String DOCUMENT = "META-INF/openapi/openapi.";
  private static final String WEBJAR_VERSION =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final Buffer yaml = Buffer.buffer(read(DOCUMENT + "yaml"));
  private final Buffer json = Buffer.buffer(read(DOCUMENT + "json"));
  private final String initializer =
      """
      window.onload = function () {
        window.ui = SwaggerUIBundle({
          url: "%s?format=json",
          dom_id: "#swagger-ui",
          deepLinking: true,
          presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
          layout: "StandaloneLayout"
        });
      };
      """
          .formatted(DOCUMENT_PATH);

  void register(@Observes Router router) {
    router.get(DOCUMENT_PATH).handler(this::document);
    // Vert.x matches this path with and without the trailing slash: redirect only without it.
    router
        .get(UI_PATH)
        .handler(
            context -> {
              if (context.request().path().endsWith("/")) {
                context.next();
              } else {
                context.redirect(UI_PATH + "/");
              }
            });
    router
        .get(UI_PATH + "/swagger-initializer.js")
        .handler(
            context ->
                context
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
                    .end(initializer));
    router
        .get(UI_PATH + "/*")
        .handler(
            StaticHandler.create("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion())
                .setIndexPage("index.html"));
  }

  private void document(RoutingContext context) {
    String format = context.queryParams().get("format");
    String accept = context.request().getHeader(HttpHeaders.ACCEPT);
    boolean asJson =
        "json".equals(format)
            || (format == null && accept != null && accept.contains("application/json"));
    context
        .response()
        .putHeader(
            HttpHeaders.CONTENT_TYPE,
            asJson ? "application/json" : "application/yaml; charset=utf-8")
        .end(asJson ? json : yaml);
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = resource(WEBJAR_VERSION)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static byte[] read(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the class path");
    }
    return in;
  }
}
