package org.marketflow.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.testing.PostgresTestResource;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
/** The upkeep inside the running service, against the test database. */
class ScheduledPartitionUpkeepTest {

  @Inject PartitionUpkeep upkeep;
  @Inject AgroalDataSource dataSource;
  @Inject Scheduler scheduler;
  @Inject MarketflowConfig config;

  @Test
  void runsAtStartUp() {
    await().atMost(Duration.ofSeconds(30)).until(() -> upkeep.lastResult() != null);

    assertThat(upkeep.lastResult().succeeded()).isTrue();
  }

  @Test
  void schedulesTheNextRunOneIntervalOfItsSettingAfterTheLast() {
    await().atMost(Duration.ofSeconds(30)).until(() -> upkeep.lastResult() != null);
    Trigger trigger = scheduler.getScheduledJob(PartitionUpkeep.IDENTITY);

    assertThat(config.partitions().upkeepEvery()).isEqualTo(Duration.ofHours(1));
    assertThat(Duration.between(trigger.getPreviousFireTime(), trigger.getNextFireTime()))
        .isEqualTo(config.partitions().upkeepEvery());
  }

  @Test
  void recreatesAMissingPartitionAheadAndNamesIt() throws Exception {
    // Let the start-up run finish first, or it could recreate the partition itself.
    await().atMost(Duration.ofSeconds(30)).until(() -> upkeep.lastResult() != null);
    String nextMonth =
        "ohlc_bars_p"
            + YearMonth.now(ZoneOffset.UTC)
                .plusMonths(1)
                .format(DateTimeFormatter.ofPattern("yyyyMM"));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE " + nextMonth);
    }

    PartitionUpkeep.Result result = upkeep.run();

    assertThat(result.succeeded()).isTrue();
    assertThat(result.count()).isEqualTo(1);
    assertThat(result.created()).containsExactly(nextMonth);
    assertThat(upkeep.run().count()).isZero();
  }
}
