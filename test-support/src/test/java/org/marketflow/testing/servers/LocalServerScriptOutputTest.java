package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server script finishes its work even when the terminal of the JVM that runs it is gone, as
 * after Ctrl-C on {@code scripts/run-local.sh | tee run.log}: the pipe's reader ({@code tee}) has
 * died, and a script writing to an inherited stderr would be killed by SIGPIPE halfway.
 */
class LocalServerScriptOutputTest {

  @Test
  void aScriptStopsItsServerAfterTheTerminalPipeIsClosed(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("stopped");
    Path script = dir.resolve("local-fake.sh");
    Files.writeString(
        script,
        """
        #!/usr/bin/env bash
        set -euo pipefail
        for i in $(seq 1 200); do echo "local-fake: stopping, step $i" >&2; done
        touch "%s"
        """
            .formatted(marker));

    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StopScriptProbe.class.getName(),
                script.toString())
            .redirectErrorStream(true)
            .start();
    jvm.getInputStream().close(); // the reader of the JVM's output is gone
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(marker).as("the script ran to its end").exists();
    assertThat(jvm.exitValue()).isZero();
  }
}
