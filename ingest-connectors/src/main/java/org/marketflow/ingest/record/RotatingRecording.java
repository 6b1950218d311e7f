package org.marketflow.ingest.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.io.output.CountingOutputStream;

/**
 * One stream of recorded messages in the hftbacktest format ({@code <receive ns> <raw>} per line,
 * gzip), written to {@code <prefix>_<key>_<first line's UTC time>.gz} files in a directory and
 * rotated to a new file once the current one holds {@code maxBytes} (compressed, give or take the
 * compressor's buffer) or is {@code maxAge} old. The file being written is flushed at least every
 * {@link #FLUSH_INTERVAL}, so a crash loses about that much, and the reader reports the cut.
 */
final class RotatingRecording implements AutoCloseable {

  static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final String name;
  private final long maxBytes;
  private final long maxAgeNs;
  private CountingOutputStream counted;
  private OutputStream out;
  private long openedNs;
  private long flushedNs;
  private long files;
  private long lines;

  /**
   * @param name the file names' start, {@code <prefix>_<key>}
   */
  RotatingRecording(Path directory, String name, long maxBytes, Duration maxAge) {
    this.directory = directory;
    this.name = name;
    this.maxBytes = maxBytes;
    this.maxAgeNs = maxAge.toNanos();
  }

  /**
   * Appends one message received at {@code receiveNs} (epoch nanoseconds).
   *
   * @return whether this line began a new file after a rotation (not the first file)
   */
  boolean write(long receiveNs, byte[] raw) throws IOException {
    boolean rotated = false;
    if (out != null && (counted.getByteCount() >= maxBytes || receiveNs - openedNs >= maxAgeNs)) {
      close();
      rotated = true;
    }
    if (out == null) {
      open(receiveNs);
    }
    out.write(Long.toString(receiveNs).getBytes(StandardCharsets.US_ASCII));
    out.write(' ');
    out.write(raw);
    out.write('\n');
    lines++;
    if (receiveNs - flushedNs >= FLUSH_INTERVAL.toNanos()) {
      out.flush();
      flushedNs = receiveNs;
    }
    return rotated;
  }

  long files() {
    return files;
  }

  long lines() {
    return lines;
  }

  private void open(long receiveNs) throws IOException {
    Instant first = Instant.ofEpochSecond(0, receiveNs);
    String stem = name + "_" + FILE_TIME.format(first);
    Path file = directory.resolve(stem + ".gz");
    for (int n = 1; Files.exists(file); n++) { // two rotations within a millisecond
      file = directory.resolve(stem + "-" + n + ".gz");
    }
    counted =
        new CountingOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    out = new GZIPOutputStream(counted, 1 << 16, true); // sync flush: flushed lines are readable
    openedNs = receiveNs;
    flushedNs = receiveNs;
    files++;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}
