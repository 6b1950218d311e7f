package org.marketflow.api.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;

/** The requests the endpoint tests make, and what every answer of a kind must be. */
public final class ApiCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiCalls() {}

  /** A request with a key of every permission of the service under test. */
  public static RequestSpecification authorized() {
    return given().header(ApiKeyAuthenticationMechanism.HEADER, PostgresTestResource.keys().all());
  }

  /** GETs {@code path} with a key, expects 200 JSON and returns the parsed body. */
  public static JsonNode getJson(String path, Map<String, String> params) {
    String body =
        authorized()
            .queryParams(params)
            .when()
            .get(path)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * GETs {@code path} and expects a 400 {@code INVALID_PARAMETER} naming {@code parameter}, its
   * {@code value} ({@code null} when missing) and the {@code reason}.
   */
  public static void assertInvalidParameter(
      String path, Map<String, String> params, String parameter, String value, String reason) {
    authorized()
        .queryParams(params)
        .when()
        .get(path)
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("error", equalTo("Invalid parameter '" + parameter + "'"))
        .body("details.parameter", equalTo(parameter))
        .body("details.value", value == null ? nullValue() : equalTo(value))
        .body("details.reason", equalTo(reason))
        .body("timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z"));
  }
}
