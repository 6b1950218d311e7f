package org.marketflow.api.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.TestApiKeys;

/**
 * The first admin key: written 0600 when no admin key exists, and only then. Runs on a database of
 * its own (its own resource set): it deactivates every account to get there.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AccessBootstrapTest {

  @Inject KeyAdministration administration;
  @InjectApiKeys TestApiKeys apiKeys;

  @Test
  void writesAnAdminKeyOnlyWhenNoneExists(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys/admin-key");
    assertThat(AccessBootstrap.bootstrap(administration, file)).isFalse();
    assertThat(file).doesNotExist();
    try (Connection c = apiKeys.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE api_accounts SET active = false");
    }

    assertThat(AccessBootstrap.bootstrap(administration, file)).isTrue();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String key = Files.readString(file).strip();
    assertThat(ApiKeyFormat.prefixOf(key)).isNotNull();
    given()
        .header(ApiKeyAuthenticationMechanism.HEADER, key)
        .contentType("application/json")
        .body("{\"name\":\"first client\"}")
        .post(ApiPaths.ADMIN + "/accounts")
        .then()
        .statusCode(201);
    assertThat(AccessBootstrap.bootstrap(administration, file)).isFalse();
    assertThat(Files.readString(file).strip()).isEqualTo(key);
  }
}
