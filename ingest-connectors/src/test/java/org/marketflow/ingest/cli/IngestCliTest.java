package org.marketflow.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCliTest {

  @Test
  void aFileThatIsNotARecordingIsOneLineNamingIt(@TempDir Path dir) throws Exception {
    Path notGzip = Files.writeString(dir.resolve("spot_btcusdt_x.gz"), "not gzip");
    StringWriter err = new StringWriter();
    CommandLine cli = IngestCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("replay", notGzip.toString(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(exit).isEqualTo(IngestCli.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ingest replay: recording " + notGzip + " is not gzip, although its name ends in .gz");
  }

  @Test
  void aMissingFileIsOneLineToo(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cli = IngestCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    Path missing = dir.resolve("missing.gz");

    assertThat(cli.execute("replay", missing.toString())).isEqualTo(IngestCli.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo("ingest replay: recording " + missing + " does not exist");
  }

  @Test
  void anUnknownVenueIsOneLineNamingTheKnownOnes(@TempDir Path dir) throws Exception {
    Path recording = Files.writeString(dir.resolve("recording.txt"), "1 {}\n");
    StringWriter err = new StringWriter();
    CommandLine cli = IngestCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("check", recording.toString(), "--venue", "nasdaq"))
        .isEqualTo(IngestCli.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ingest check: unknown venue 'nasdaq': one of binance-spot, binance-usdm, coinbase,"
                + " kraken, pariflow");
  }

  @Test
  void theRestHalfOfACryptofeedRecordingIsRefusedSayingWhichFileToGive(@TempDir Path dir)
      throws Exception {
    Path http = Files.writeString(dir.resolve("BINANCE.http.0.0"), "x\n");
    StringWriter err = new StringWriter();
    CommandLine cli = IngestCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("check", http.toString())).isEqualTo(IngestCli.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "ingest check: recording "
                + http
                + " holds REST responses: replay the .ws. file beside it, which reads them too");
  }

  @Test
  void aNegativeLingerIsOneLineBeforeAnythingConnects() {
    StringWriter err = new StringWriter();
    CommandLine cli = IngestCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("simulate", "--linger-ms", "-1", "--bootstrap-servers", "127.0.0.1:1"))
        .isEqualTo(IngestCli.USAGE_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo("ingest simulate: --linger-ms must be 0 or more, not -1");
  }
}
