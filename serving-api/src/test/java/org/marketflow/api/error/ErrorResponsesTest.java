package org.marketflow.api.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.PostgresTestResource;

/** Errors the framework raises get the same {@link ErrorResponse} shape as validation errors. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ErrorResponsesTest {

  @Test
  void unknownApiPathIsANotFoundErrorResponse() {
    given()
        .when()
        .get("/api/institutional/market-data/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NOT_FOUND"))
        .body("error", equalTo("Not Found"))
        .body("details.path", equalTo("/api/institutional/market-data/nothing-here"))
        .body("timestamp", notNullValue());
  }

  @Test
  void pathOutsideTheApiIsANotFoundErrorResponseToo() {
    given()
        .when()
        .get("/favicon.ico")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NOT_FOUND"))
        .body("details.path", equalTo("/favicon.ico"));
    given()
        .when()
        .get("/q/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void wrongMethodIsAMethodNotAllowedErrorResponse() {
    given()
        .when()
        .post("/api/institutional/market-data/ohlc")
        .then()
        .statusCode(405)
        .contentType("application/json")
        .body("code", equalTo("METHOD_NOT_ALLOWED"))
        .body("$", not(hasKey("stackTrace")));
  }

  @Test
  void healthIsUpWithTheDatabase() {
    given()
        .when()
        .get("/q/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }
}
