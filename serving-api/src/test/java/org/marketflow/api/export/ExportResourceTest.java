package org.marketflow.api.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.marketflow.api.export.ExportFixtures.BIG;
import static org.marketflow.api.export.ExportFixtures.BIG_START;
import static org.marketflow.api.export.ExportFixtures.DAY2;
import static org.marketflow.api.export.ExportFixtures.DAY3;
import static org.marketflow.api.export.ExportFixtures.SMALL;
import static org.marketflow.api.export.ExportFixtures.STATS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.access.ApiKeyFormat;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.export.ExportFiles.Parsed;
import org.marketflow.api.export.rows.ColumnKind;
import org.marketflow.api.export.rows.ExportColumn;
import org.marketflow.api.export.rows.ExportTable;
import org.marketflow.api.export.write.CsvRowWriter;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.TestApiKeys;

/**
 * The export endpoint against a real PostgreSQL holding {@link ExportFixtures}: every type in every
 * format read back with the format's own library, formula neutralization, the sync/async rule, a
 * job's life to its expiry, the caps, and bad parameters.
 */
@QuarkusTest
@WithTestResource(value = ExportTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExportResourceTest {

  @InjectApiKeys TestApiKeys apiKeys;

  static final String PATH = "/api/institutional/market-data/export";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration JOB_WAIT = Duration.ofSeconds(90);

  private static Map<String, String> params(String... keysAndValues) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  /** A trades export of one instrument. */
  private static Map<String, String> trades(
      String format, String instrument, Instant start, Instant end) {
    return params(
        "type",
        "trades",
        "format",
        format,
        "instrument",
        instrument,
        "startTime",
        start.toString(),
        "endTime",
        end.toString());
  }

  /** A statistics export of the 1h period of {@code STATS}, from {@code DAY3} to {@code end}. */
  private static Map<String, String> statistics(String format, Instant end) {
    return params(
        "type",
        "statistics",
        "format",
        format,
        "instrument",
        STATS,
        "period",
        "1h",
        "startTime",
        DAY3.toString(),
        "endTime",
        end.toString());
  }

  private static Response get(Map<String, String> params) {
    return ApiCalls.authorized().queryParams(params).when().get(PATH);
  }

  /** Expects a streamed export (200, a gzip attachment) and returns the file's bytes. */
  private static byte[] streamed(Map<String, String> params) {
    Response response = get(params);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/gzip");
    assertThat(response.header("Content-Disposition"))
        .startsWith("attachment; filename=\"" + params.get("type") + "_")
        .endsWith("." + params.get("format") + ".gz\"");
    return response.asByteArray();
  }

  private static List<ExportColumn> columns(ExportType type) {
    return ExportTable.of(type).columns();
  }

  /** The expected rows as a CSV file holds them: text cells neutralized. */
  private static List<List<Object>> asWritten(
      ExportFormat format, List<ExportColumn> columns, List<List<Object>> rows) {
    if (format != ExportFormat.CSV) {
      return rows;
    }
    return rows.stream()
        .map(
            row -> {
              Object[] cells = row.toArray();
              for (int i = 0; i < cells.length; i++) {
                if (cells[i] != null && columns.get(i).kind() == ColumnKind.STRING) {
                  cells[i] = CsvRowWriter.neutralize((String) cells[i]);
                }
              }
              return ExportFiles.row(cells);
            })
        .toList();
  }

  private static void assertExport(
      ExportType type, ExportFormat format, Map<String, String> params, List<List<Object>> rows)
      throws Exception {
    params.put("type", type.code());
    params.put("format", format.code());
    List<ExportColumn> columns = columns(type);
    Parsed parsed = ExportFiles.parse(streamed(params), format, columns);
    assertThat(parsed.rows()).containsExactlyElementsOf(asWritten(format, columns, rows));
    if (!rows.isEmpty()) {
      assertThat(parsed.header())
          .containsExactlyElementsOf(columns.stream().map(ExportColumn::name).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void exportsTheTradesOfAnInstrumentInEveryFormat(ExportFormat format) throws Exception {
    assertExport(
        ExportType.TRADES,
        format,
        params(
            "instrument",
            SMALL,
            "startTime",
            DAY2.toString(),
            "endTime",
            DAY2.plusSeconds(3600).toString()),
        ExportFixtures.smallTrades().stream().map(ExportFixtures.Trade::expected).toList());
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void exportsTheTradesOfAnEventInTimeThenInstrumentOrder(ExportFormat format) throws Exception {
    List<List<Object>> expected =
        ExportFixtures.eventTrades().stream()
            .sorted(
                Comparator.comparing(ExportFixtures.Trade::exchangeTime)
                    .thenComparing(ExportFixtures.Trade::instrument))
            .map(ExportFixtures.Trade::expected)
            .toList();
    assertExport(
        ExportType.TRADES,
        format,
        params(
            "eventId",
            ExportFixtures.EVENT,
            "startTime",
            DAY2.toString(),
            "endTime",
            DAY2.plusSeconds(60).toString()),
        expected);
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void exportsTheOhlcBarsOfOneInterval(ExportFormat format) throws Exception {
    assertExport(
        ExportType.OHLC,
        format,
        params(
            "eventId",
            "evt-1",
            "interval",
            "1m",
            "startTime",
            "2024-08-08T12:00:00Z",
            "endTime",
            "2024-08-08T12:04:00Z"),
        ExportFixtures.expectedEvt1Bars());
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void exportsTheStatisticsOfOnePeriodWithTheirNulls(ExportFormat format) throws Exception {
    assertExport(
        ExportType.STATISTICS,
        format,
        statistics(format.code(), DAY3.plusSeconds(3600)),
        ExportFixtures.stats().stream()
            .filter(s -> s.period().equals("1h"))
            .map(ExportFixtures.Stat::expected)
            .toList());
  }

  @Test
  void anEmptyRangeIsAnEmptyFile() throws Exception {
    for (ExportFormat format : ExportFormat.values()) {
      assertExport(
          ExportType.TRADES,
          format,
          params(
              "instrument",
              SMALL,
              "startTime",
              "2020-01-01T00:00:00Z",
              "endTime",
              "2020-01-02T00:00:00Z"),
          List.of());
    }
  }

  @Test
  void neutralizesCsvCellsThatWouldRunAsFormulasButNotNegativeNumbers() throws Exception {
    byte[] trades = streamed(trades("csv", SMALL, DAY2, DAY2.plusSeconds(60)));
    String csv = new String(ExportFiles.gunzip(trades).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(csv)
        .contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
        .contains(",'+1+2,")
        .contains(",'-3,")
        .contains(",'@SUM(A1),")
        .contains(",'\tTAB,")
        .contains(",\"'\rCR\",")
        .contains(",\"comma, \"\"quote\"\"\nnewline\",")
        .contains(",'=cmd|' /C calc'!A0\r\n")
        .doesNotContain(",=")
        .doesNotContain(",-3");

    byte[] stats = streamed(statistics("csv", DAY3.plusSeconds(90)));
    String statsCsv = new String(ExportFiles.gunzip(stats).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(statsCsv).contains(",60900.0,-0.5,61010.0,").doesNotContain("'-0.5");
  }

  @Test
  void streamsAnExportUpToTheSyncLimitRowByRowInOrder() throws Exception {
    byte[] file = streamed(trades("csv", BIG, BIG_START, BIG_START.plusSeconds(600)));
    List<List<Object>> rows =
        ExportFiles.parse(file, ExportFormat.CSV, columns(ExportType.TRADES)).rows();
    assertThat(rows).hasSize((int) ExportTestResource.SYNC_MAX_ROWS);
    for (int i = 0; i < rows.size(); i++) {
      ExportFixtures.Trade trade = ExportFixtures.bigTrade(i);
      assertThat(rows.get(i).get(4)).isEqualTo(trade.tradeId());
      assertThat(rows.get(i).get(5)).isEqualTo(trade.exchangeTime());
    }
  }

  @Test
  void turnsAnExportOverTheSyncLimitIntoAJobAndServesItsFile() throws Exception {
    Map<String, String> params = trades("parquet", BIG, BIG_START, BIG_START.plusSeconds(700));
    Response accepted = get(params);
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
    JsonNode job = JSON.readTree(accepted.asString());
    String jobId = job.get("jobId").asText();
    assertThat(UUID.fromString(jobId)).isNotNull();
    assertThat(accepted.header("Location")).isEqualTo(PATH + "/" + jobId);
    assertThat(job.get("type").asText()).isEqualTo("trades");

    JsonNode done = awaitCompleted(jobId);
    assertThat(done.get("recordCount").asLong()).isEqualTo(70_000);
    assertThat(done.get("downloadUrl").asText()).isEqualTo(PATH + "/" + jobId + "/download");
    assertThat(Instant.parse(done.get("expiresAt").asText())).isAfter(Instant.now());

    Response download = ApiCalls.authorized().when().get(done.get("downloadUrl").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.contentType()).isEqualTo("application/gzip");
    assertThat(download.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + done.get("fileName").asText() + "\"");
    byte[] file = download.asByteArray();
    assertThat((long) file.length).isEqualTo(done.get("fileSize").asLong());
    List<List<Object>> rows =
        ExportFiles.parse(file, ExportFormat.PARQUET, columns(ExportType.TRADES)).rows();
    assertThat(rows).hasSize(70_000);
    assertThat(rows.get(69_999).get(4)).isEqualTo("t69999");
  }

  @Test
  void aJobsFileExpiresAndIsRemoved() throws Exception {
    JsonNode done = completedJob(statistics("json", DAY3.plusSeconds(3600)));
    String jobId = done.get("jobId").asText();
    assertThat(done.get("recordCount").asLong()).isEqualTo(3);
    String download = done.get("downloadUrl").asText();
    byte[] file =
        ApiCalls.authorized().when().get(download).then().statusCode(200).extract().asByteArray();
    assertThat(ExportFiles.parse(file, ExportFormat.JSON, columns(ExportType.STATISTICS)).rows())
        .hasSize(3);
    assertThat(ExportTestResource.directory().resolve(jobId + ".gz")).exists();

    try (Connection connection = ExportTestResource.connect();
        PreparedStatement expire =
            connection.prepareStatement(
                "UPDATE export_jobs SET expires_at = now() - interval '1 second' WHERE job_id = ?")) {
      expire.setObject(1, UUID.fromString(jobId));
      assertThat(expire.executeUpdate()).isEqualTo(1);
    }

    ApiCalls.authorized()
        .when()
        .get(download)
        .then()
        .statusCode(410)
        .body("code", equalTo("EXPORT_EXPIRED"));
    await()
        .atMost(JOB_WAIT)
        .untilAsserted(() -> assertThat(status(jobId).get("status").asText()).isEqualTo("expired"));
    assertThat(ExportTestResource.directory().resolve(jobId + ".gz")).doesNotExist();
    ApiCalls.authorized().when().get(download).then().statusCode(410);
  }

  @Test
  void aJobProcessingOrFailedHasNoFileToDownload() throws Exception {
    UUID processing = insertJob("processing", Instant.now().plusSeconds(3600), null);
    UUID failed =
        insertJob("failed", Instant.now().plusSeconds(3600), "the export could not be written");

    JsonNode running = status(processing.toString());
    assertThat(running.get("status").asText()).isEqualTo("processing");
    assertThat(running.get("downloadUrl").isNull()).isTrue();
    ApiCalls.authorized()
        .when()
        .get(PATH + "/" + processing + "/download")
        .then()
        .statusCode(409)
        .body("code", equalTo("EXPORT_NOT_READY"));

    JsonNode broken = status(failed.toString());
    assertThat(broken.get("status").asText()).isEqualTo("failed");
    assertThat(broken.get("error").asText()).isEqualTo("the export could not be written");
    ApiCalls.authorized()
        .when()
        .get(PATH + "/" + failed + "/download")
        .then()
        .statusCode(409)
        .body("code", equalTo("EXPORT_NOT_READY"));
  }

  @Test
  void aJobLeftProcessingPastTheTimeoutIsGivenUpByTheCleanup() throws Exception {
    UUID abandoned = insertJob("processing", Instant.now().minusSeconds(1), null);
    await()
        .atMost(JOB_WAIT)
        .untilAsserted(
            () -> {
              JsonNode job = status(abandoned.toString());
              assertThat(job.get("status").asText()).isEqualTo("failed");
              assertThat(job.get("error").asText())
                  .isEqualTo("not completed within marketflow.export.job-timeout");
            });
  }

  /**
   * A job row as an instance would have left it, without a file, owned by the account of the key
   * {@link ApiCalls#authorized()} sends.
   */
  private static UUID insertJob(String status, Instant expiresAt, String error) throws Exception {
    return insertJob(status, expiresAt, error, accountOf(PostgresTestResource.keys().all()));
  }

  private static UUID insertJob(String status, Instant expiresAt, String error, UUID owner)
      throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection connection = ExportTestResource.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO export_jobs (job_id, account_id, status, export_type, format, request,"
                    + " file_name, error, created_at, expires_at) VALUES (?, ?, ?, 'trades', 'csv',"
                    + " 'test', 'trades.csv.gz', ?, now(), ?)")) {
      insert.setObject(1, id);
      insert.setObject(2, owner);
      insert.setString(3, status);
      insert.setString(4, error);
      insert.setObject(5, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    return id;
  }

  /** The account of {@code key}, from its row. */
  private static UUID accountOf(String key) throws Exception {
    try (Connection connection = ExportTestResource.connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT account_id FROM api_keys WHERE prefix = ?")) {
      select.setString(1, ApiKeyFormat.prefixOf(key));
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  @Test
  void anotherAccountsJobIsNotFound() throws Exception {
    JsonNode done = completedJob(statistics("csv", DAY3.plusSeconds(3600)));
    String jobId = done.get("jobId").asText();
    String otherAccount = apiKeys.key(Permissions.READ);

    for (String path : List.of(PATH + "/" + jobId, done.get("downloadUrl").asText())) {
      given()
          .header(ApiKeyAuthenticationMechanism.HEADER, otherAccount)
          .when()
          .get(path)
          .then()
          .statusCode(404)
          .body("code", equalTo("NOT_FOUND"))
          .body("error", equalTo("No export job " + jobId));
      ApiCalls.authorized().when().get(path).then().statusCode(200);
    }
  }

  @Test
  void aJobWithoutAnOwnerIsNotFound() throws Exception {
    UUID ownerless = insertJob("failed", Instant.now().plusSeconds(3600), "any", null);

    ApiCalls.authorized().when().get(PATH + "/" + ownerless).then().statusCode(404);
    ApiCalls.authorized().when().get(PATH + "/" + ownerless + "/download").then().statusCode(404);
  }

  @Test
  void refusesAnExportOfMoreRowsThanTheCap() {
    get(trades("csv", BIG, BIG_START, BIG_START.plusSeconds(3600)))
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("details.parameter", equalTo("endTime"))
        .body(
            "details.reason",
            startsWith("the export has more than " + ExportTestResource.MAX_ROWS + " rows"));
  }

  @Test
  void refusesARangeLongerThanTheCap() {
    Instant end = DAY2.plus(Duration.ofDays(ExportTestResource.MAX_RANGE_DAYS)).plusSeconds(1);
    get(trades("csv", SMALL, DAY2, end))
        .then()
        .statusCode(400)
        .body("details.parameter", equalTo("endTime"))
        .body(
            "details.reason",
            equalTo(
                "the range endTime - startTime exceeds the maximum of 31 days; split the export"));
  }

  @Test
  void answersAnUnknownOrMalformedJobWith404() {
    String unknown = UUID.randomUUID().toString();
    ApiCalls.authorized()
        .when()
        .get(PATH + "/" + unknown)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
    ApiCalls.authorized().when().get(PATH + "/" + unknown + "/download").then().statusCode(404);
    ApiCalls.authorized().when().get(PATH + "/not-a-uuid").then().statusCode(404);
    ApiCalls.authorized().when().get(PATH + "/not-a-uuid/download").then().statusCode(404);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|type",
        "type=quotes&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|type",
        "type=trades&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|format",
        "type=trades&format=xlsx&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|format",
        "type=trades&format=csv&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|eventId",
        "type=trades&format=csv&instrument=SIM:X&eventId=e&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|instrument",
        "type=trades&format=csv&instrument=nocolon&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|instrument",
        "type=trades&format=csv&instrument=SIM:X&option=YES&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|option",
        "type=trades&format=csv&eventId=e&option=MAYBE&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|option",
        "type=trades&format=csv&eventId=%25%25&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|eventId",
        "type=trades&format=csv&instrument=SIM:X&endTime=2024-01-02T00:00:00Z|startTime",
        "type=trades&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z|endTime",
        "type=trades&format=csv&instrument=SIM:X&startTime=yesterday&endTime=2024-01-02T00:00:00Z|startTime",
        "type=trades&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=99999999999999999999|endTime",
        "type=trades&format=csv&instrument=SIM:X&startTime=2024-01-02T00:00:00Z&endTime=2024-01-01T00:00:00Z|endTime",
        "type=trades&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-01T00:00:00Z|endTime",
        "type=ohlc&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|interval",
        "type=ohlc&format=csv&instrument=SIM:X&interval=2m&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|interval",
        "type=trades&format=csv&instrument=SIM:X&interval=1m&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|interval",
        "type=statistics&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|period",
        "type=statistics&format=csv&instrument=SIM:X&period=2h&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|period",
        "type=ohlc&format=csv&instrument=SIM:X&interval=1m&period=1h&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z|period",
        "type=trades&format=csv&instrument=SIM:X&startTime=2024-01-01T00:00:00Z&endTime=2024-01-02T00:00:00Z&async=yes|async",
      })
  void answersABadParameterWith400NamingIt(String query, String parameter) {
    ApiCalls.authorized()
        .urlEncodingEnabled(false)
        .when()
        .get(PATH + "?" + query)
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("details.parameter", equalTo(parameter));
  }

  private static JsonNode status(String jobId) throws Exception {
    Response response = ApiCalls.authorized().when().get(PATH + "/" + jobId);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.asString());
  }

  /** Asks for {@code params} as a job ({@code async=true}) and waits until it completed. */
  private static JsonNode completedJob(Map<String, String> params) throws Exception {
    params.put("async", "true");
    Response accepted = get(params);
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
    return awaitCompleted(JSON.readTree(accepted.asString()).get("jobId").asText());
  }

  private static JsonNode awaitCompleted(String jobId) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(JOB_WAIT)
        .untilAsserted(
            () -> {
              last[0] = status(jobId);
              assertThat(last[0].get("status").asText()).isIn("processing", "completed");
              assertThat(last[0].get("status").asText()).isEqualTo("completed");
            });
    return last[0];
  }
}
