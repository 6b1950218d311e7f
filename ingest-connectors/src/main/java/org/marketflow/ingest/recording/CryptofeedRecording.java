package org.marketflow.ingest.recording;

import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * A recording in the cryptofeed format: a WebSocket file {@code <FEED>.ws.<n>.<m>} whose first line
 * names the connection ({@code <url> <-> <time>}) and whose other lines are {@code <receive time,
 * seconds with fraction>: <raw message>} ({@code <url> <- <time>: <message>} lines are what the
 * client sent, and are skipped), and beside it the REST responses of the same run in {@code
 * <FEED>.http.*} files, one {@code <url> -> <time>: <body>} per line. The REST book snapshots are
 * handed over in time order among the WebSocket messages, with the symbol of their URL.
 */
public final class CryptofeedRecording implements Recording {

  private static final Pattern WS_FILE = Pattern.compile("([A-Z_]+)\\.ws\\.\\d+\\.\\d+");
  private static final Pattern SYMBOL = Pattern.compile("[?&]symbol=([A-Za-z0-9_-]+)");

  /** cryptofeed's feed names and the venues they are. */
  private static final Map<String, Venue> FEEDS =
      Map.of(
          "BINANCE", Venue.BINANCE_SPOT,
          "BINANCE_FUTURES", Venue.BINANCE_USDM,
          "COINBASE", Venue.COINBASE,
          "KRAKEN", Venue.KRAKEN);

  private final Path file;
  private final String feed;
  private final Venue venue;
  private final ByteLines lines;
  private long lineNumber;

  private CryptofeedRecording(Path file, String feed, Venue venue) throws IOException {
    this.file = file;
    this.feed = feed;
    this.venue = venue;
    this.lines = new ByteLines(Files.newInputStream(file));
  }

  /** Whether {@code file} is named as a cryptofeed WebSocket recording. */
  public static boolean isNamedLikeOne(Path file) {
    return WS_FILE.matcher(file.getFileName().toString()).matches();
  }

  /**
   * Opens a WebSocket recording; its venue comes from its name.
   *
   * @throws IllegalArgumentException naming the file when it cannot be one
   */
  public static CryptofeedRecording open(Path file) throws IOException {
    HftBacktestRecording.check(file);
    Matcher name = WS_FILE.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalArgumentException(
          "recording " + file + " is not named <FEED>.ws.<n>.<m> as cryptofeed names them");
    }
    Venue venue = FEEDS.get(name.group(1));
    if (venue == null) {
      throw new IllegalArgumentException(
          "recording " + file + " is of feed " + name.group(1) + ", which the suite does not read");
    }
    return new CryptofeedRecording(file, name.group(1), venue);
  }

  @Override
  public Venue venue() {
    return venue;
  }

  @Override
  public Path file() {
    return file;
  }

  /** Hands every received message to {@code handler}, in order; other lines are skipped. */
  public void forEach(Consumer<RecordingLine> handler) throws IOException {
    forEach(
        new Handler() {
          @Override
          public void message(RawMessage message) {
            handler.accept(
                new RecordingLine(
                    message.origin().position(), message.receiveTimeNs(), message.bytes()));
          }

          @Override
          public void restSnapshot(String symbol, RawMessage body) {}

          @Override
          public void malformed(RawMessage line, String reason) {}
        });
  }

  @Override
  public void forEach(Handler handler) throws IOException {
    ArrayDeque<Snapshot> snapshots = new ArrayDeque<>(restSnapshots(handler));
    String name = file.getFileName().toString();
    byte[] raw;
    while ((raw = nextLineOrTruncation(handler, name)) != null) {
      lineNumber++;
      RecordOrigin origin = RecordOrigin.file(name, lineNumber);
      if (lineNumber == 1 || raw.length == 0 || isClientLine(raw)) {
        continue; // the connection, blank lines, and what the client sent
      }
      int colon = indexOfColonSpace(raw);
      long receiveNs = colon <= 0 ? -1 : seconds(raw, 0, colon);
      if (receiveNs < 0) {
        handler.malformed(
            new RawMessage(raw, 0L, origin), "no '<receive seconds>: <message>' shape");
        continue;
      }
      while (!snapshots.isEmpty() && snapshots.peek().body.receiveTimeNs() <= receiveNs) {
        Snapshot next = snapshots.poll();
        handler.restSnapshot(next.symbol, next.body);
      }
      handler.message(
          new RawMessage(Arrays.copyOfRange(raw, colon + 2, raw.length), receiveNs, origin));
    }
    for (Snapshot rest : snapshots) {
      handler.restSnapshot(rest.symbol, rest.body);
    }
  }

  private byte[] nextLineOrTruncation(Handler handler, String name) throws IOException {
    try {
      return lines.next();
    } catch (EOFException e) {
      handler.malformed(
          new RawMessage(lines.partial(), 0L, RecordOrigin.file(name, lineNumber + 1)),
          "the recording ends in the middle of a line after line " + lineNumber);
      return null;
    }
  }

  private record Snapshot(String symbol, RawMessage body) {}

  /** The REST responses beside the WebSocket file that name a symbol, in time order. */
  private List<Snapshot> restSnapshots(Handler handler) throws IOException {
    List<Snapshot> snapshots = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    try (DirectoryStream<Path> httpFiles = Files.newDirectoryStream(dir, feed + ".http.*")) {
      for (Path httpFile : httpFiles) {
        readHttp(httpFile, snapshots, handler);
      }
    }
    snapshots.sort(Comparator.comparingLong(s -> s.body.receiveTimeNs()));
    return snapshots;
  }

  private static void readHttp(Path httpFile, List<Snapshot> snapshots, Handler handler)
      throws IOException {
    String name = httpFile.getFileName().toString();
    ByteLines http = new ByteLines(Files.newInputStream(httpFile));
    try {
      long number = 0;
      byte[] raw;
      while ((raw = http.next()) != null) {
        number++;
        if (raw.length == 0) {
          continue;
        }
        RecordOrigin origin = RecordOrigin.file(name, number);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int arrow = text.indexOf(" -> ");
        int colon = arrow < 0 ? -1 : text.indexOf(": ", arrow);
        long receiveNs = colon < 0 ? -1 : seconds(raw, arrow + 4, colon);
        Matcher symbol = arrow < 0 ? null : SYMBOL.matcher(text.substring(0, arrow));
        if (receiveNs < 0 || !symbol.find()) {
          handler.malformed(
              new RawMessage(raw, 0L, origin), "no '<url?symbol=..> -> <time>: <body>' shape");
          continue;
        }
        snapshots.add(
            new Snapshot(
                symbol.group(1).toUpperCase(Locale.ROOT),
                new RawMessage(Arrays.copyOfRange(raw, colon + 2, raw.length), receiveNs, origin)));
      }
    } finally {
      http.close();
    }
  }

  private static boolean isClientLine(byte[] raw) {
    String head = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.ISO_8859_1);
    return head.contains(" <- ") || head.contains(" <-> ");
  }

  private static int indexOfColonSpace(byte[] raw) {
    for (int i = 0; i + 1 < raw.length; i++) {
      if (raw[i] == ':' && raw[i + 1] == ' ') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Seconds with a fraction, as nanoseconds since the epoch, or -1 when not such a number. Exact: a
   * double holds the 19 digits of nanoseconds since the epoch only to ~256 ns.
   */
  private static long seconds(byte[] raw, int from, int to) {
    String text = new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
    if (!text.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
      return -1;
    }
    return new BigDecimal(text).movePointRight(9).longValueExact();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
