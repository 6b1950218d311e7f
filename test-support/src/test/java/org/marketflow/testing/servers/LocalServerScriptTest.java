package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServerScriptTest {

  @Test
  void parsesKeyValueLinesOfEnvOutput() {
    String output =
        """
        MARKETFLOW_PG_URL=jdbc:postgresql://127.0.0.1:55432/marketflow?sslmode=disable
        MARKETFLOW_PG_USER=marketflow
        MARKETFLOW_PG_PASSWORD=pa=ss
        """;

    assertThat(LocalServerScript.parseEnvironment(output))
        .containsExactly(
            entry(
                "MARKETFLOW_PG_URL",
                "jdbc:postgresql://127.0.0.1:55432/marketflow?sslmode=disable"),
            entry("MARKETFLOW_PG_USER", "marketflow"),
            entry("MARKETFLOW_PG_PASSWORD", "pa=ss"));
  }

  @Test
  void ignoresNoiseCommentsBlankLinesAndCarriageReturns() {
    String output =
        "local-redis: Redis ready\r\n\r\n# comment=1\r\n=nokey\r\nnot a pair\r\n"
            + "  MARKETFLOW_REDIS_URL=redis://127.0.0.1:56379  \r\n";

    assertThat(LocalServerScript.parseEnvironment(output))
        .containsExactly(entry("MARKETFLOW_REDIS_URL", "redis://127.0.0.1:56379"));
  }

  @Test
  void emptyOutputGivesNoValues() {
    assertThat(LocalServerScript.parseEnvironment("")).isEmpty();
  }

  @Test
  void findsTheScriptInTheNearestParent(@TempDir Path root) throws IOException {
    Path script = Files.createDirectories(root.resolve("scripts")).resolve("local-x.sh");
    Files.writeString(script, "#!/bin/sh\n");
    Path moduleDir = Files.createDirectories(root.resolve("module/src"));

    assertThat(LocalServerScript.locate(moduleDir, "local-x.sh")).isEqualTo(script);
    assertThat(LocalServerScript.locate(root, "local-x.sh")).isEqualTo(script);
  }

  @Test
  void failsClearlyWhenNoParentHasTheScript(@TempDir Path root) {
    assertThatThrownBy(() -> LocalServerScript.locate(root, "no-such-script.sh"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scripts/no-such-script.sh not found");
  }

  @Test
  void findsTheProjectsOwnScripts() {
    assertThat(LocalServerScript.locate("local-postgres.sh").toString())
        .endsWith("scripts/local-postgres.sh");
    assertThat(LocalServerScript.locate("local-redis.sh").toString())
        .endsWith("scripts/local-redis.sh");
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
