package org.marketflow.api.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;
import org.marketflow.api.testing.TestApiKeys;

/** The admin endpoints: the life of an account and its keys, and the audit log they write. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AdminResourceTest {

  static final String OHLC = ApiPaths.MARKET_DATA + "/ohlc?instrument=BINANCE:BTCUSDT&interval=1m";

  @InjectApiKeys TestApiKeys apiKeys;

  private ValidatableResponse post(String admin, String path, String body) {
    var request = given().header(ApiKeyAuthenticationMechanism.HEADER, admin);
    if (body != null) {
      request.contentType("application/json").body(body);
    }
    return request.when().post(ApiPaths.ADMIN + path).then();
  }

  /** Creates an account named {@code name} through the admin endpoint; returns its id. */
  private String newAccount(String admin, String name) {
    return post(admin, "/accounts", "{\"name\":\"" + name + "\"}")
        .statusCode(201)
        .body("accountType", equalTo("standard"))
        .extract()
        .path("accountId");
  }

  /** Creates a read key of {@code accountId} through the admin endpoint; returns its key id. */
  private String newReadKey(String admin, String accountId) {
    return post(admin, "/accounts/" + accountId + "/keys", "{\"permissions\":[\"read\"]}")
        .statusCode(201)
        .extract()
        .path("key.keyId");
  }

  private static ValidatableResponse ohlc(String key) {
    return given().header(ApiKeyAuthenticationMechanism.HEADER, key).when().get(OHLC).then();
  }

  @Test
  void createsAnAccountAndAKeyShownOnceThatWorksAtOnce() {
    String admin = apiKeys.key(Permissions.ADMIN);
    JsonPath account =
        post(admin, "/accounts", "{\"name\":\"Fund A\",\"accountType\":\"premium\"}")
            .statusCode(201)
            .body("name", equalTo("Fund A"))
            .body("accountType", equalTo("premium"))
            .body("active", equalTo(true))
            .extract()
            .jsonPath();
    String accountId = account.getString("accountId");

    JsonPath created =
        post(admin, "/accounts/" + accountId + "/keys", "{\"permissions\":[\"read\",\"trade\"]}")
            .statusCode(201)
            .body("key.status", equalTo("active"))
            .body("key.permissions", equalTo(List.of("read", "trade")))
            .extract()
            .jsonPath();
    String key = created.getString("apiKey");

    assertThat(ApiKeyFormat.prefixOf(key)).isEqualTo(created.getString("key.prefix"));
    ohlc(key).statusCode(200);
    String listed =
        given()
            .header(ApiKeyAuthenticationMechanism.HEADER, admin)
            .get(ApiPaths.ADMIN + "/accounts/" + accountId + "/keys")
            .then()
            .statusCode(200)
            .body("keys.size()", equalTo(1))
            .body("keys[0].prefix", equalTo(created.getString("key.prefix")))
            .extract()
            .asString();
    assertThat(listed)
        .doesNotContain(key.substring(21))
        .doesNotContain("apiKey")
        .doesNotContain("hash");
  }

  @Test
  void rotationRevokesTheOldKeyAndKeepsItsPermissions() throws Exception {
    String admin = apiKeys.key(Permissions.ADMIN);
    TestApiKeys.Created old = apiKeys.create(TestApiKeys.STANDARD, true, false, Permissions.READ);
    ohlc(old.key()).statusCode(200);

    JsonPath rotated =
        post(admin, "/keys/" + old.keyId() + "/rotate", null).statusCode(201).extract().jsonPath();

    ohlc(old.key()).statusCode(401).body("code", equalTo("API_KEY_REVOKED"));
    ohlc(rotated.getString("apiKey")).statusCode(200);
    assertThat(rotated.getList("key.permissions")).containsExactly("read");
    assertThat(rotated.getString("key.accountId")).isEqualTo(old.accountId().toString());
    JsonPath keys =
        given()
            .header(ApiKeyAuthenticationMechanism.HEADER, admin)
            .get(ApiPaths.ADMIN + "/accounts/" + old.accountId() + "/keys")
            .then()
            .extract()
            .jsonPath();
    assertThat(keys.getString("keys.find { it.keyId == '" + old.keyId() + "' }.status"))
        .isEqualTo("revoked");
    assertThat(keys.getString("keys.find { it.keyId == '" + old.keyId() + "' }.replacedBy"))
        .isEqualTo(rotated.getString("key.keyId"));
    assertThat(keys.getString("keys.find { it.keyId == '" + old.keyId() + "' }.rotatedAt"))
        .isNotNull();
    post(admin, "/keys/" + old.keyId() + "/rotate", null)
        .statusCode(409)
        .body("code", equalTo("CONFLICT"));
    assertThat(audit(old.keyId().toString())).containsExactly("key.rotate " + actorOf(admin));
  }

  @Test
  void revocationAndDeactivationTakeEffectAtOnce() throws Exception {
    String admin = apiKeys.key(Permissions.ADMIN);
    TestApiKeys.Created key = apiKeys.create(TestApiKeys.STANDARD, true, false, Permissions.READ);
    TestApiKeys.Created other = apiKeys.create(TestApiKeys.STANDARD, true, false, Permissions.READ);
    ohlc(key.key()).statusCode(200);
    ohlc(other.key()).statusCode(200);

    post(admin, "/keys/" + key.keyId() + "/revoke", null)
        .statusCode(200)
        .body("status", equalTo("revoked"));
    post(admin, "/accounts/" + other.accountId() + "/deactivate", null)
        .statusCode(200)
        .body("active", equalTo(false));

    ohlc(key.key()).statusCode(401).body("code", equalTo("API_KEY_REVOKED"));
    ohlc(other.key()).statusCode(401).body("code", equalTo("ACCOUNT_INACTIVE"));
    post(admin, "/accounts/" + other.accountId() + "/activate", null).statusCode(200);
    ohlc(other.key()).statusCode(200);
    assertThat(audit(key.keyId().toString())).containsExactly("key.revoke " + actorOf(admin));
    assertThat(audit(other.accountId().toString()))
        .containsExactly(
            "account.deactivate " + actorOf(admin), "account.activate " + actorOf(admin));
  }

  @Test
  void everyCreationIsAudited() throws Exception {
    String admin = apiKeys.key(Permissions.ADMIN);
    String accountId = newAccount(admin, "Fund B");
    String keyId = newReadKey(admin, accountId);

    assertThat(audit(accountId)).containsExactly("account.create " + actorOf(admin));
    assertThat(audit(keyId)).containsExactly("key.create " + actorOf(admin));
    try (Connection c = apiKeys.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT details ->> 'accountId', details -> 'permissions' ->> 0,"
                    + " details ->> 'prefix' FROM api_audit_log WHERE target_id = ?")) {
      s.setString(1, keyId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(accountId);
        assertThat(rs.getString(2)).isEqualTo("read");
        assertThat(rs.getString(3)).hasSize(16);
      }
    }
  }

  @Test
  void badRequestsAreFourHundreds() {
    String admin = apiKeys.key(Permissions.ADMIN);

    post(admin, "/accounts", "{}").statusCode(400).body("details.parameter", equalTo("name"));
    post(admin, "/accounts", "{\"name\":\"x\",\"accountType\":\"Bad Type\"}")
        .statusCode(400)
        .body("details.parameter", equalTo("accountType"));
    post(admin, "/accounts/not-a-uuid/keys", "{\"permissions\":[\"read\"]}")
        .statusCode(400)
        .body("details.parameter", equalTo("accountId"));
    String accountId = newAccount(admin, "Fund C");
    for (String body : List.of("{}", "{\"permissions\":[]}", "{\"permissions\":[\"write\"]}")) {
      post(admin, "/accounts/" + accountId + "/keys", body)
          .statusCode(400)
          .body("code", equalTo("INVALID_PARAMETER"))
          .body("details.parameter", equalTo("permissions"));
    }
    post(admin, "/accounts/" + accountId + "/keys", "not json").statusCode(400);
  }

  @Test
  void readsTheAuditLogOfAnAccountNewestFirstAPageAtATime() throws Exception {
    String admin = apiKeys.key(Permissions.ADMIN);
    String accountId = newAccount(admin, "Fund D");
    String keyId = newReadKey(admin, accountId);
    post(admin, "/keys/" + keyId + "/rotate", null).statusCode(201);
    post(admin, "/accounts/" + accountId + "/deactivate", null).statusCode(200);
    newAccount(admin, "Fund E");

    JsonPath all = auditLog(admin, Map.of("accountId", accountId)).extract().jsonPath();

    assertThat(all.getList("entries.action"))
        .containsExactly("account.deactivate", "key.rotate", "key.create", "account.create");
    assertThat(all.getList("entries.targetId")).containsExactly(accountId, keyId, keyId, accountId);
    assertThat(all.getList("entries.actorKeyId")).containsOnly(actorOf(admin));
    assertThat(all.getInt("count")).isEqualTo(4);
    assertThat(all.getString("nextCursor")).isNull();
    assertThat(all.getString("entries[2].details.accountId")).isEqualTo(accountId);
    assertThat(all.getList("entries[2].details.permissions")).containsExactly("read");
    List<Long> ids = all.getList("entries.auditId", Long.class);
    assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    JsonPath first =
        auditLog(admin, Map.of("accountId", accountId, "limit", "3")).extract().jsonPath();
    assertThat(first.getList("entries.action"))
        .containsExactly("account.deactivate", "key.rotate", "key.create");
    JsonPath second =
        auditLog(
                admin,
                Map.of(
                    "accountId", accountId, "limit", "3", "cursor", first.getString("nextCursor")))
            .extract()
            .jsonPath();
    assertThat(second.getList("entries.action")).containsExactly("account.create");
    assertThat(second.getString("nextCursor")).isNull();

    String rotatedAt = all.getString("entries[1].createdAt");
    assertThat(actions(admin, Map.of("accountId", accountId, "startTime", rotatedAt)))
        .containsExactly("account.deactivate", "key.rotate");
    assertThat(actions(admin, Map.of("accountId", accountId, "endTime", rotatedAt)))
        .containsExactly("key.create", "account.create");
  }

  @Test
  void theWholeAuditLogHoldsEveryAccountsEntries() {
    String admin = apiKeys.key(Permissions.ADMIN);
    String accountId = newAccount(admin, "Fund F");

    JsonPath latest = auditLog(admin, Map.of("limit", "1")).extract().jsonPath();

    assertThat(latest.getString("entries[0].targetId")).isEqualTo(accountId);
    assertThat(latest.getString("nextCursor")).isNotNull();
  }

  @Test
  void badAuditLogQueriesAreFourHundredsNamingTheParameter() {
    String admin = apiKeys.key(Permissions.ADMIN);
    Map<String, String> cases =
        Map.of(
            "accountId=not-a-uuid", "accountId",
            "startTime=yesterday", "startTime",
            "startTime=2024-01-02T00:00:00Z&endTime=2024-01-01T00:00:00Z", "endTime",
            "limit=0", "limit",
            "limit=1001", "limit",
            "cursor=bm90LWEtY3Vyc29y", "cursor");
    cases.forEach(
        (query, parameter) ->
            given()
                .header(ApiKeyAuthenticationMechanism.HEADER, admin)
                .urlEncodingEnabled(false)
                .when()
                .get(ApiPaths.ADMIN + "/audit?" + query)
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("details.parameter", equalTo(parameter)));
  }

  /** The actions of the audit log's first page for {@code params}. */
  private static List<String> actions(String admin, Map<String, String> params) {
    return auditLog(admin, params).extract().jsonPath().getList("entries.action");
  }

  private static ValidatableResponse auditLog(String admin, Map<String, String> params) {
    return given()
        .header(ApiKeyAuthenticationMechanism.HEADER, admin)
        .queryParams(params)
        .when()
        .get(ApiPaths.ADMIN + "/audit")
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  /** The audit rows of a target, oldest first, as "action actorKeyId". */
  private List<String> audit(String targetId) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = apiKeys.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT action, actor_key_id FROM api_audit_log WHERE target_id = ?"
                    + " ORDER BY audit_id")) {
      s.setString(1, targetId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    return rows;
  }

  /** The key id of a key, from its prefix. */
  private String actorOf(String key) throws Exception {
    try (Connection c = apiKeys.connect();
        PreparedStatement s = c.prepareStatement("SELECT key_id FROM api_keys WHERE prefix = ?")) {
      s.setString(1, ApiKeyFormat.prefixOf(key));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
