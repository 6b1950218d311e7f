package org.marketflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.ingest.replay.ReplayStats;
import picocli.CommandLine;

/** What the local run does before and after starting anything, without starting it. */
class LocalSuiteTest {

  @Test
  void refusesARecordingThatCannotBeOneBeforeStartingAnyServer(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.gz"));
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LocalSuite());
    cli.setErr(new PrintWriter(err, true));

    // Returns at once: a server started first would take seconds, and the test JVM has none.
    assertThat(cli.execute("--replay", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("recording " + empty + " is empty");
  }

  @Test
  void welcomesWithoutGuessingFromTheRecordingsName(@TempDir Path dir) {
    String text = LocalSuite.welcome(8080, dir.resolve("service.log"), ReplayStats.none());
    assertThat(text)
        .contains("instrument=BINANCE:BTCUSDT&interval=1m")
        .contains("the recording held no trade");
    assertThat(LocalSuite.welcome(8080, dir.resolve("service.log"), null))
        .contains("instrument=SIM:BTCUSD")
        .contains("eventId=election-2028");
  }
}
