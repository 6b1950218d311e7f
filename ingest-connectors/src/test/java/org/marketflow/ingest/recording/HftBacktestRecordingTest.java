package org.marketflow.ingest.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.testing.data.SharedData;

class HftBacktestRecordingTest {

  @Test
  void readsEveryLineOfTheRealRecording() throws IOException {
    List<RecordingLine> lines = new ArrayList<>();
    List<HftBacktestRecording.MalformedLine> malformed = new ArrayList<>();
    try (HftBacktestRecording recording =
        HftBacktestRecording.open(
            SharedData.file("binance-hftbacktest/spot_btcusdt_20240808.gz"))) {
      assertThat(recording.forEach(collect(lines, malformed))).isEqualTo(41_249);
    }
    assertThat(malformed).isEmpty();
    assertThat(lines).hasSize(41_249);
    assertThat(lines.get(0).receiveTimeNs()).isEqualTo(1_723_161_253_937_085_768L);
    assertThat(lines.get(0).text()).startsWith("{\"stream\":\"btcusdt@depth@100ms\"");
    assertThat(lines.stream().filter(l -> l.text().contains("\"e\":\"trade\""))).hasSize(9_757);
  }

  @Test
  void handsMalformedLinesToTheCallerAndGoesOn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("1 {}\nnot-a-number {}\n\n2 {\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
    }
    List<RecordingLine> lines = new ArrayList<>();
    List<HftBacktestRecording.MalformedLine> malformed = new ArrayList<>();
    try (HftBacktestRecording recording = HftBacktestRecording.open(file)) {
      recording.forEach(collect(lines, malformed));
    }
    assertThat(lines)
        .containsExactly(new RecordingLine(1, 1, "{}"), new RecordingLine(4, 2, "{\"a\":1}"));
    assertThat(malformed)
        .containsExactly(
            new HftBacktestRecording.MalformedLine(
                2, "not-a-number {}", "receive time is not an integer of nanoseconds"),
            new HftBacktestRecording.MalformedLine(3, "", "no '<receive ns> <message>' shape"));
  }

  @Test
  void keepsTheExactBytesOfALineThatIsNotUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.txt");
    byte[] invalid = {'7', ' ', '{', (byte) 0xC3, (byte) 0x28, '}', '\r', '\n'};
    Files.write(file, invalid);
    List<RecordingLine> lines = new ArrayList<>();
    try (HftBacktestRecording recording = HftBacktestRecording.open(file)) {
      recording.forEach(collect(lines, new ArrayList<>()));
    }
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).receiveTimeNs()).isEqualTo(7);
    assertThat(lines.get(0).message()).containsExactly('{', (byte) 0xC3, (byte) 0x28, '}');
  }

  @Test
  void reportsAFileCutShortInsteadOfThrowing(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gzip)) {
      for (int i = 1; i <= 2_000; i++) {
        out.write((i + " {\"line\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gzip.toByteArray();
    Path file = dir.resolve("cut.gz");
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    List<RecordingLine> lines = new ArrayList<>();
    List<HftBacktestRecording.MalformedLine> problems = new ArrayList<>();
    try (HftBacktestRecording recording = HftBacktestRecording.open(file)) {
      recording.forEach(collect(lines, problems));
    }
    assertThat(lines).isNotEmpty().hasSizeLessThan(2_000);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).lineNumber()).isEqualTo(lines.size() + 1);
    assertThat(problems.get(0).reason())
        .startsWith("the recording ends in the middle of a gzip member after line " + lines.size());
  }

  @Test
  void refusesWhatCannotBeARecordWithOneLineNamingTheFile(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.gz");
    Path empty = Files.createFile(dir.resolve("empty.gz"));
    Path notGzip = Files.writeString(dir.resolve("plain.gz"), "1 {}\n");
    assertThatThrownBy(() -> HftBacktestRecording.open(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recording " + missing + " does not exist");
    assertThatThrownBy(() -> HftBacktestRecording.open(dir))
        .hasMessage("recording " + dir + " is not a file");
    assertThatThrownBy(() -> HftBacktestRecording.open(empty))
        .hasMessage("recording " + empty + " is empty");
    assertThatThrownBy(() -> HftBacktestRecording.open(notGzip))
        .hasMessage("recording " + notGzip + " is not gzip, although its name ends in .gz");
  }

  private static HftBacktestRecording.LineHandler collect(
      List<RecordingLine> lines, List<HftBacktestRecording.MalformedLine> malformed) {
    return new HftBacktestRecording.LineHandler() {
      @Override
      public void line(RecordingLine line) {
        lines.add(line);
      }

      @Override
      public void malformed(HftBacktestRecording.MalformedLine line) {
        malformed.add(line);
      }

      @Override
      public void truncated(HftBacktestRecording.MalformedLine partial) {
        malformed.add(partial);
      }
    };
  }
}
