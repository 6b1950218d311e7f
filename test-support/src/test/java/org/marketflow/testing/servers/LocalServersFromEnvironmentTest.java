package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalServersFromEnvironmentTest {

  @Test
  void postgresComesFromTheEnvironmentWhenTheUrlIsSet() {
    Map<String, String> environment =
        Map.of(
            "MARKETFLOW_PG_URL", "jdbc:postgresql://db:5432/app",
            "MARKETFLOW_PG_USER", "app",
            "MARKETFLOW_PG_PASSWORD", "secret");

    assertThat(LocalPostgres.fromEnvironment(environment))
        .contains(new PostgresServer("jdbc:postgresql://db:5432/app", "app", "secret"));
  }

  @Test
  void postgresIsStartedLocallyWhenTheUrlIsNotSet() {
    assertThat(LocalPostgres.fromEnvironment(Map.of("MARKETFLOW_PG_URL", " "))).isEmpty();
    assertThat(LocalPostgres.fromEnvironment(Map.of())).isEmpty();
  }

  @Test
  void postgresUrlWithoutCredentialsIsAnError() {
    Map<String, String> environment = Map.of("MARKETFLOW_PG_URL", "jdbc:postgresql://db/app");

    assertThatThrownBy(() -> LocalPostgres.fromEnvironment(environment))
        .hasMessageContaining("MARKETFLOW_PG_USER");
  }

  @Test
  void redisComesFromTheEnvironmentWhenTheUrlIsSet() {
    assertThat(LocalRedis.fromEnvironment(Map.of("MARKETFLOW_REDIS_URL", "redis://cache:7000")))
        .contains(new RedisServer("redis://cache:7000"));
    assertThat(LocalRedis.fromEnvironment(Map.of())).isEmpty();
  }
}
