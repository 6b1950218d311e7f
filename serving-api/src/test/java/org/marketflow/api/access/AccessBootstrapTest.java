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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.testing.PostgresTestResource;

/** The first admin key: written 0600 unless the file already holds a valid admin key. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccessBootstrapTest {

  @Inject KeyAdministration administration;

  @Test
  void writesAnAdminKeyUnlessTheFileHoldsOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys/admin-key");

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

  @Test
  void replacesAFileWhoseKeyIsNoLongerAnAdminKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("admin-key");
    Files.writeString(file, ApiKeyFormat.newKey() + "\n");

    assertThat(AccessBootstrap.bootstrap(administration, file)).isTrue();

    String key = Files.readString(file).strip();
    given()
        .header(ApiKeyAuthenticationMechanism.HEADER, key)
        .get(ApiPaths.ADMIN + "/accounts/" + java.util.UUID.randomUUID() + "/keys")
        .then()
        .statusCode(404);
  }
}
