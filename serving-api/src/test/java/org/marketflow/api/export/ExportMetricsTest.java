package org.marketflow.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.ApiCalls;

/** A streamed export counts one export and its rows on the service's meter registry. */
@QuarkusTest
@WithTestResource(value = ExportTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExportMetricsTest {

  @Inject MeterRegistry registry;

  private double count(String name) {
    Counter counter =
        registry
            .find(name)
            .tags("type", "trades", "format", "json", "delivery", "stream")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void countsAStreamedExportAndItsRows() {
    double exports = count("marketflow.exports");
    double rows = count("marketflow.export.rows");

    ApiCalls.authorized()
        .queryParam("type", "trades")
        .queryParam("format", "json")
        .queryParam("eventId", ExportFixtures.EVENT)
        .queryParam("startTime", ExportFixtures.DAY2.toString())
        .queryParam("endTime", ExportFixtures.DAY2.plusSeconds(60).toString())
        .when()
        .get(ExportResourceTest.PATH)
        .then()
        .statusCode(200);

    assertThat(count("marketflow.exports")).isEqualTo(exports + 1);
    assertThat(count("marketflow.export.rows"))
        .isEqualTo(rows + ExportFixtures.eventTrades().size());
  }
}
