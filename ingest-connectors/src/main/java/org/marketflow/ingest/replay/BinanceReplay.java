package org.marketflow.ingest.replay;

import java.io.IOException;
import java.nio.file.Path;
import org.marketflow.ingest.binance.BinanceBookHandler;
import org.marketflow.ingest.binance.BinanceMessage;
import org.marketflow.ingest.binance.BinanceParser;
import org.marketflow.ingest.handler.RepeatedTrades;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.recording.RecordingLine;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * Replays a Binance recording (hftbacktest format) into Kafka: a normalized trade for every {@code
 * trade} message (once: a repeated trade is dropped), the book kept in sync from its snapshot and
 * diffs as {@code BookUpdate}s with {@code FeedStatus} on gaps ({@link BinanceBookHandler}), a
 * {@code Quote} for every {@code bookTicker}, a dead letter with the reason and the raw line for
 * every line that cannot be used (and for a file cut short), and nothing for the other message
 * kinds.
 */
public final class BinanceReplay {

  static final String STAGE = "ingest.replay.binance";

  private final String venue;
  private final BinanceParser parser;
  private final NormalizedPublisher publisher;
  private final Pacer pacer;

  public BinanceReplay(String venue, NormalizedPublisher publisher, Pacer pacer) {
    this.venue = venue;
    this.parser = new BinanceParser(venue);
    this.publisher = publisher;
    this.pacer = pacer;
  }

  /** The venue of a recording from its file name: {@code usdm_*} is USD-M futures. */
  public static String venueOf(Path file) {
    return file.getFileName().toString().startsWith("usdm_") ? "BINANCE_USDM" : "BINANCE";
  }

  public ReplayStats replay(Path file) throws IOException {
    ReplayStats stats = new ReplayStats();
    RepeatedTrades repeatedTrades = new RepeatedTrades();
    BinanceBookHandler books = new BinanceBookHandler(venue, publisher);
    String fileName = file.getFileName().toString();
    try (HftBacktestRecording recording = HftBacktestRecording.open(file)) {
      recording.forEach(
          new HftBacktestRecording.LineHandler() {
            @Override
            public void line(RecordingLine line) throws IOException {
              stats.line();
              try {
                pacer.awaitRecordTime(line.receiveTimeNs());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("replay interrupted", e);
              }
              long receiveUs = line.receiveTimeNs() / 1_000L;
              BinanceMessage message = parser.parse(line.message(), receiveUs);
              if (message instanceof BinanceMessage.TradeMessage t) {
                if (repeatedTrades.isNew(t.trade())) {
                  publisher.publish(t.trade());
                  stats.trade(t.trade().getInstrument());
                } else {
                  stats.repeatedTrade();
                }
              } else if (message instanceof BinanceMessage.Ignored i) {
                stats.ignored(i.kind());
              } else if (message instanceof BinanceMessage.DepthDiff diff) {
                books.onDiff(diff, receiveUs);
              } else if (message instanceof BinanceMessage.DepthSnapshot snapshot) {
                books.onSnapshot(snapshot, receiveUs);
              } else if (message instanceof BinanceMessage.BookTicker ticker) {
                books.onTicker(ticker, receiveUs);
              } else if (message instanceof BinanceMessage.Malformed m) {
                reject(m.reason(), line.lineNumber(), receiveUs, line.message());
              }
            }

            @Override
            public void malformed(HftBacktestRecording.MalformedLine line) {
              stats.line();
              reject(line.reason(), line.lineNumber(), 0L, line.raw());
            }

            @Override
            public void truncated(HftBacktestRecording.MalformedLine partial) {
              reject(partial.reason(), partial.lineNumber(), 0L, partial.raw());
            }

            private void reject(String reason, long lineNumber, long atUs, byte[] raw) {
              stats.deadLetter();
              publisher.publishDeadLetter(
                  STAGE, reason, RecordOrigin.file(fileName, lineNumber), atUs, raw);
            }
          });
    }
    publisher.flush();
    stats.books(books.counts());
    return stats;
  }
}
