package org.marketflow.benchmarks.feeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.binance.BinanceMessage;
import org.marketflow.ingest.binance.BinanceParser;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.recording.RecordingLine;

/**
 * The real Binance depth diffs of an hftbacktest recording, as the feed benchmarks use them: the
 * raw {@code depthUpdate} messages exactly as received, for parsing, and the book snapshot the
 * recording holds with the diffs after it, parsed, for applying to a book.
 *
 * @param messages every {@code depthUpdate} message of the recording, in order, as its bytes
 * @param receiveTimesUs the receive time of each of {@code messages}, epoch microseconds
 * @param snapshot the recording's REST depth snapshot (the first, when there are several)
 * @param diffs the diffs that follow the snapshot (last update id above the snapshot's), in order
 */
public record BinanceDepthRecording(
    List<byte[]> messages,
    long[] receiveTimesUs,
    BinanceMessage.DepthSnapshot snapshot,
    List<BinanceMessage.DepthDiff> diffs) {

  /**
   * The recording the benchmarks read by default: a day's first hour of BTCUSDT spot, from the
   * project's shared data beside the repository, never copied into it. Relative to the project
   * root, where {@code scripts/bench-feeds.sh} runs.
   */
  public static final String DEFAULT_FILE =
      "../shared/data/binance-hftbacktest/spot_btcusdt_20240808.gz";

  /**
   * Reads {@code file}, a Binance recording in the hftbacktest format.
   *
   * @throws IllegalArgumentException when the file holds no depth diff, no snapshot, or no diff
   *     after the snapshot
   */
  public static BinanceDepthRecording read(Path file) throws IOException {
    Venue venue = HftBacktestRecording.venueOf(file);
    BinanceParser parser = new BinanceParser(venue.instrumentVenue());
    List<byte[]> messages = new ArrayList<>();
    List<Long> receiveTimesUs = new ArrayList<>();
    List<BinanceMessage.DepthDiff> diffs = new ArrayList<>();
    BinanceMessage.DepthSnapshot[] snapshot = {null};
    try (HftBacktestRecording recording = HftBacktestRecording.open(file, venue)) {
      recording.forEach(
          new HftBacktestRecording.LineHandler() {
            @Override
            public void line(RecordingLine line) {
              long receiveUs = line.receiveTimeNs() / 1_000L;
              BinanceMessage message = parser.parse(line.message(), receiveUs);
              if (message instanceof BinanceMessage.DepthDiff diff) {
                messages.add(line.message());
                receiveTimesUs.add(receiveUs);
                if (snapshot[0] != null && diff.lastUpdateId() > snapshot[0].lastUpdateId()) {
                  diffs.add(diff);
                }
              } else if (message instanceof BinanceMessage.DepthSnapshot s && snapshot[0] == null) {
                snapshot[0] = s;
              }
            }

            @Override
            public void malformed(HftBacktestRecording.MalformedLine line) {}

            @Override
            public void truncated(HftBacktestRecording.MalformedLine partial) {}
          });
    }
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("recording " + file + " holds no depth diff");
    }
    if (snapshot[0] == null) {
      throw new IllegalArgumentException("recording " + file + " holds no depth snapshot");
    }
    if (diffs.isEmpty()) {
      throw new IllegalArgumentException(
          "recording " + file + " holds no depth diff after its snapshot");
    }
    return new BinanceDepthRecording(
        List.copyOf(messages),
        receiveTimesUs.stream().mapToLong(Long::longValue).toArray(),
        snapshot[0],
        List.copyOf(diffs));
  }

  /** The price levels of all {@link #diffs}, bids and asks: the updates a book applies. */
  public long levelUpdates() {
    return diffs.stream().mapToLong(diff -> diff.bids().size() + diff.asks().size()).sum();
  }
}
