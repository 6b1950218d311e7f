package org.marketflow.api.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.PostgresTestResource;

/** The document is served, covers every resource path, and Swagger UI opens on it. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiRoutesTest {

  @Test
  void documentListsEveryResourcePath() throws Exception {
    String json =
        given()
            .get(OpenApiRoutes.DOCUMENT_PATH + "?format=json")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("openapi", containsString("3."))
            .extract()
            .asString();

    List<String> paths = resourcePaths();
    assertThat(paths).isNotEmpty();
    for (String path : paths) {
      assertThat(json).as("the document names %s", path).contains("\"" + path + "\"");
    }
  }

  @Test
  void documentIsYamlByDefault() {
    given()
        .get(OpenApiRoutes.DOCUMENT_PATH)
        .then()
        .statusCode(200)
        .contentType(containsString("yaml"))
        .body(containsString("openapi: 3."));
  }

  @Test
  void swaggerUiOpensOnTheDocument() {
    given()
        .get(OpenApiRoutes.UI_PATH + "/")
        .then()
        .statusCode(200)
        .body(containsString("swagger-ui"));
    given()
        .get(OpenApiRoutes.UI_PATH + "/swagger-initializer.js")
        .then()
        .statusCode(200)
        .body(containsString(OpenApiRoutes.DOCUMENT_PATH));
    given().get(OpenApiRoutes.UI_PATH + "/swagger-ui-bundle.js").then().statusCode(200);
    given().get(OpenApiRoutes.UI_PATH + "/swagger-ui.css").then().body(notNullValue());
  }

  /** The full path of every JAX-RS resource method in the service's compiled classes. */
  private static List<String> resourcePaths() throws IOException, ClassNotFoundException {
    java.nio.file.Path classes = Paths.get("target/classes");
    List<String> paths = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, OpenApiRoutesTest.class.getClassLoader());
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          if (!isResourceMethod(method)) {
            continue;
          }
          Path methodPath = method.getAnnotation(Path.class);
          paths.add(
              methodPath == null ? classPath.value() : join(classPath.value(), methodPath.value()));
        }
      }
    }
    return paths.stream().distinct().toList();
  }

  /** A method with an HTTP method annotation ({@code @GET}, {@code @POST}...). */
  private static boolean isResourceMethod(Method method) {
    for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static String join(String base, String rest) {
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + (rest.startsWith("/") ? rest : "/" + rest);
  }
}
