package org.marketflow.benchmarks.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.marketflow.ingest.binance.BinanceMessage;
import org.marketflow.ingest.binance.BinanceParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing Binance {@code depthUpdate} diffs, one message per operation, cycling through every diff
 * of a real recording (target: 500,000 messages/s on one core). {@link BinanceParser#parse} reads
 * diffs with its byte scanner; beside it: the same parser's strict tree path alone ({@link
 * BinanceParser#parseTree}, what every diff went through before the scanner, and the obvious way to
 * write it), the library route to the same fast path ({@link JacksonDepthReader}: Jackson's
 * streaming parser), and the same bytes read by Jackson into a {@code Map} (what a handler written
 * with plain databind would do), into a {@code JsonNode} tree, the tree path's first step, and
 * through Jackson's streaming tokenizer alone, the floor of any parser built on Jackson.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BinanceParseBenchmark {

  @Param(BinanceDepthRecording.DEFAULT_FILE)
  public String recording;

  private final ObjectMapper mapper = new ObjectMapper();
  private BinanceParser parser;
  private JacksonDepthReader jacksonReader;
  private byte[][] messages;
  private long[] receiveTimesUs;
  private int next;

  @Setup(Level.Trial)
  public void read() throws IOException {
    BinanceDepthRecording depth = BinanceDepthRecording.read(Path.of(recording));
    messages = depth.messages().toArray(byte[][]::new);
    receiveTimesUs = depth.receiveTimesUs();
    parser = new BinanceParser("BINANCE");
    jacksonReader = new JacksonDepthReader("BINANCE");
    for (int i = 0; i < messages.length; i++) {
      BinanceMessage tree = parser.parseTree(messages[i], receiveTimesUs[i]);
      if (!(tree instanceof BinanceMessage.DepthDiff)) {
        throw new IllegalStateException("message " + i + " of " + recording + " is not a diff");
      }
      if (!tree.equals(parser.parse(messages[i], receiveTimesUs[i]))
          || !tree.equals(jacksonReader.read(messages[i]))) {
        throw new IllegalStateException(
            "message " + i + " of " + recording + " parses differently on the fast paths");
      }
    }
  }

  /** The index of the next message, wrapping round to the first after the last. */
  private int advance() {
    int i = next;
    next = i + 1 == messages.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public BinanceMessage binanceParser() {
    int i = advance();
    return parser.parse(messages[i], receiveTimesUs[i]);
  }

  @Benchmark
  public BinanceMessage treeParser() {
    int i = advance();
    return parser.parseTree(messages[i], receiveTimesUs[i]);
  }

  @Benchmark
  public BinanceMessage jacksonStreaming() {
    return jacksonReader.read(messages[advance()]);
  }

  @Benchmark
  public Map<?, ?> jacksonMap() throws IOException {
    return mapper.readValue(messages[advance()], Map.class);
  }

  @Benchmark
  public JsonNode jacksonTree() throws IOException {
    return mapper.readTree(messages[advance()]);
  }

  /**
   * Only Jackson's tokenizer over the message, every token read and its text taken, building
   * nothing: the floor of any parser built on Jackson's streaming API instead of its tree.
   */
  @Benchmark
  public void jacksonTokens(Blackhole blackhole) throws IOException {
    try (JsonParser tokens = mapper.getFactory().createParser(messages[advance()])) {
      JsonToken token;
      while ((token = tokens.nextToken()) != null) {
        blackhole.consume(token == JsonToken.VALUE_STRING ? tokens.getText() : token);
      }
    }
  }
}
