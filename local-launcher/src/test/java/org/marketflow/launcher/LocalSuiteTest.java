package org.marketflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.testing.servers.PostgresServer;
import org.marketflow.testing.servers.RedisServer;
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

  private static final PostgresServer POSTGRES =
      new PostgresServer("jdbc:postgresql://127.0.0.1:55432/marketflow", "marketflow", "secret");
  private static final RedisServer REDIS = new RedisServer("redis://127.0.0.1:56379");

  private static final String KEY = "mfk_0123456789abcdef_" + "A".repeat(43);

  private static String welcome(Path dir, ReplayStats replayed) {
    return LocalSuite.welcome(
        8080,
        dir.resolve("service.log"),
        replayed,
        POSTGRES,
        REDIS,
        KEY,
        dir.resolve("admin-key"),
        URI.create("bolt://127.0.0.1:7687"));
  }

  @Test
  void welcomesWithoutGuessingFromTheRecordingsName(@TempDir Path dir) {
    String text = welcome(dir, ReplayStats.none());
    assertThat(text)
        .contains("instrument=BINANCE:BTCUSDT&interval=1m")
        .contains("the recording held no trade")
        .contains("GET 'market:micro:BINANCE:BTCUSDT'")
        .contains("Neo4j at bolt://127.0.0.1:7687")
        .contains("MATCH (a:Asset)-[r:CORRELATES_WITH");
    assertThat(welcome(dir, null))
        .contains(
            "curl -H 'X-API-Key: "
                + KEY
                + "' 'http://localhost:8080/api/institutional/market-data/ohlc?instrument=SIM:BTCUSD")
        .contains("an admin key, for the admin endpoints, is in " + dir.resolve("admin-key"))
        .contains("instrument=SIM:BTCUSD")
        .contains("eventId=election-2028")
        .contains("redis-cli -u redis://127.0.0.1:56379 GET 'market:micro:SIM:BTCUSD'")
        .contains("psql 'postgresql://marketflow:secret@127.0.0.1:55432/marketflow' -c \"SELECT")
        .contains("FROM market_microstructure WHERE asset_id = 'SIM:BTCUSD'");
  }
}
