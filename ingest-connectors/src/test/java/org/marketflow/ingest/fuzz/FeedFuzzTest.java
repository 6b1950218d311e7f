package org.marketflow.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.fuzz.MessageMutator.Group;
import org.marketflow.ingest.fuzz.MessageMutator.Mutant;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.ingest.venues.VenueFeeds;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.testing.data.SharedData;

/**
 * Mutated messages of every kind through each venue's feed: no exception escapes, every message has
 * an outcome, and what is not JSON or not the venue's schema is a dead letter.
 *
 * <p>Each venue gets {@value #MUTANTS_PER_VENUE} mutants of real messages (the recordings; for
 * Pariflow, engine messages as in {@code docs/venues/pariflow.md}). They are sent in episodes: a
 * fresh feed replays a valid sequence up to a random point, so its books are in sync, then each of
 * the next {@value #BURST} messages is sent with a mutant of it just before or just after, until a
 * mutant that is still valid (a changed update id or level) takes a book out of sync.
 *
 * <p>What each mutant must give:
 *
 * <ul>
 *   <li>no exception, and at least one outcome: received, ignored, a dead letter or a record;
 *   <li>not valid JSON (strict: UTF-8, one value, nothing after it), or a value the venue's schema
 *       requires missing or of the wrong kind (see {@link #SCHEMAS}): one dead letter with a
 *       reason, whose raw bytes are the message's, and nothing else;
 *   <li>every dead letter (of any message) has a reason and the message's exact bytes; Pariflow's
 *       keep the bytes except the values of fields outside the engine format (user ids never leave
 *       the feed), which its reason says.
 * </ul>
 *
 * A mutant can still be a valid message (a digit of a price changed, an optional field dropped, a
 * byte range repeated inside a string, {@code -1} for an id): it may be published, which is fine,
 * but every record published (from a mutant or not) must be sane: prices finite and positive, sizes
 * finite and zero or more ({@code NaN} only for Coinbase's unknown ticker sizes), times positive,
 * instruments of the venue.
 */
class FeedFuzzTest {

  static final int MUTANTS_PER_VENUE = 10_000;
  static final int BURST = 200;

  /** An episode's burst starts within the first this many messages of its source. */
  static final int WARMUP_LIMIT = 500;

  /** How many messages of an hftbacktest file are used: its snapshot and what follows it. */
  static final int HFTBACKTEST_MESSAGES = 3_000;

  static final long SEED = 20_240_808L;
  static final String STAGE = "ingest.fuzz";

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** One message of a valid sequence; {@code symbol} is set for a REST snapshot. */
  record Event(RawMessage message, String symbol, String kind, int rootSize) {}

  record Source(String name, List<Event> events) {

    static final Set<String> RARE =
        Set.of(
            "depthSnapshot",
            "snapshot",
            "book-snapshot",
            "subscriptionStatus",
            "subscriptions",
            "systemStatus");

    /** Where the snapshots and subscriptions are. */
    List<Integer> rareKinds() {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (RARE.contains(events.get(i).kind())) {
          at.add(i);
        }
      }
      return at;
    }

    Set<String> kinds() {
      Set<String> kinds = new TreeSet<>();
      events.forEach(event -> kinds.add(event.kind()));
      return kinds;
    }
  }

  /**
   * The values a parser must have, by JSON pointer: {@code required} may not be missing, {@code
   * checked} (which includes them) may not be of the wrong kind. The whole message ({@code ""}) is
   * always checked.
   */
  record Schema(Pattern required, Pattern checked) {

    static Schema of(String required, String checkedToo) {
      return new Schema(
          Pattern.compile(required),
          Pattern.compile("|" + required + (checkedToo.isEmpty() ? "" : "|" + checkedToo)));
    }
  }

  private static final String LEVEL = "/\\d+/[01]";

  /** By venue, then by the kind of the seed (see {@link #kindOf}). */
  static final Map<Venue, Map<String, Schema>> SCHEMAS =
      Map.of(
          Venue.BINANCE_SPOT, binanceSchemas(),
          Venue.BINANCE_USDM, binanceSchemas(),
          Venue.COINBASE,
              Map.of(
                  "snapshot",
                      Schema.of(
                          "/(type|product_id|bids|asks)|/(bids|asks)" + LEVEL,
                          "/(sequence|time)|/(bids|asks)/\\d+"),
                  "l2update",
                      Schema.of(
                          "/(type|product_id|time|changes)|/changes/\\d+/[012]",
                          "/sequence|/changes/\\d+"),
                  "match",
                      Schema.of("/(type|product_id|trade_id|side|time|sequence|price|size)", ""),
                  "last_match",
                      Schema.of("/(type|product_id|trade_id|side|time|sequence|price|size)", ""),
                  "ticker",
                      Schema.of(
                          "/(type|product_id|best_bid|best_ask)",
                          "/(time|sequence|best_bid_size|best_ask_size)"),
                  "heartbeat", Schema.of("/(type|product_id|sequence|time)", ""),
                  "subscriptions",
                      Schema.of(
                          "/(type|channels)|/channels/\\d+/name",
                          "/channels/\\d+|/channels/\\d+/product_ids(/\\d+)?")),
          Venue.KRAKEN,
              Map.of(
                  "heartbeat", Schema.of("/event", ""),
                  "systemStatus", Schema.of("/(event|status)", ""),
                  "subscriptionStatus", Schema.of("/(event|status|channelID|channelName|pair)", ""),
                  "book-snapshot",
                      Schema.of("/[0-3]|/1/(as|bs)|/1/(as|bs)/\\d+/[012]", "/1/(as|bs)/\\d+"),
                  // the root's last two are set per message: see schema()
                  "book-update",
                      Schema.of(
                          "/0|/\\d+/c|/\\d+/(a|b)/\\d+/[012]", "/[1-3]|/\\d+/(a|b)(/\\d+(/3)?)?"),
                  "trade", Schema.of("/[0-3]|/1/\\d+/[0-5]", "/1/\\d+(/[0-4])?")),
          Venue.PARIFLOW,
              Map.of(
                  "trade",
                      Schema.of(
                          "/(id|eventId|outcomeId|option|side|price|amount|volume|timestamp"
                              + "|isAmmTrade)",
                          "/orderId"),
                  "snapshot", pariflowBook(),
                  "delta", pariflowBook()));

  private static Map<String, Schema> binanceSchemas() {
    Schema ignoredKind = Schema.of("/data|/data/e", "");
    return Map.of(
        "trade", Schema.of("/data|/data/(e|s|t|p|q|T|m)", ""),
        "aggTrade", Schema.of("/data|/data/(e|s|a|p|q|T|m)", ""),
        "depthUpdate",
            Schema.of(
                "/data|/data/(e|s|U|u|E|b|a)|/data/(b|a)" + LEVEL, "/data/pu|/data/(b|a)/\\d+"),
        "bookTicker", Schema.of("/data|/data/(s|u|b|B|a|A)", "/data/(e|E)"),
        "depthSnapshot",
            Schema.of("/(lastUpdateId|bids|asks)|/(bids|asks)" + LEVEL, "/E|/(bids|asks)/\\d+"),
        "kline", ignoredKind,
        "24hrTicker", ignoredKind,
        "markPriceUpdate", ignoredKind);
  }

  private static Schema pariflowBook() {
    return Schema.of(
        "/(eventId|outcomeId|option|kind|sequence|timestamp|bids|asks)"
            + "|/(bids|asks)/\\d+/(price|amount|orderCount)",
        "/(bids|asks)/\\d+");
  }

  /** What the oracle expects of a mutant. */
  enum Expect {
    DEAD_LETTER,
    ANY
  }

  /** Counts of one venue's run. */
  static final class Figures {
    long originals;
    long mutants;
    long mutantsWhileSynced;
    long deadLetters;
    long expectedDeadLetters;
    long published;
    long ignored;
    long receivedOnly;
    long bookUpdates;
    long episodes;
    final List<String> problems = new ArrayList<>();

    void problem(String text) {
      if (problems.size() < 1_000) {
        problems.add(text);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Venue.class)
  void everyMutatedMessageIsHandledAndEveryBadOneIsADeadLetter(Venue venue) throws IOException {
    List<Source> sources = sources(venue);
    SplittableRandom random = new SplittableRandom(SEED + venue.ordinal());
    MessageMutator mutator = new MessageMutator(random.split());
    Figures figures = new Figures();
    Set<String> kindsMutated = new HashSet<>();

    while (figures.mutants < MUTANTS_PER_VENUE) {
      Source source = sources.get((int) (figures.episodes++ % sources.size()));
      List<Event> events = source.events();
      FuzzOutput out = new FuzzOutput(venue, figures);
      VenueFeed feed = VenueFeeds.create(venue, out, STAGE, ResyncRequests.NONE);
      // a quarter of the bursts start at a snapshot or a subscription, so those are mutated too
      List<Integer> rare = source.rareKinds();
      int start =
          !rare.isEmpty() && random.nextInt(4) == 0
              ? Math.max(0, rare.get(random.nextInt(rare.size())) - random.nextInt(5))
              : random.nextInt(Math.min(events.size(), WARMUP_LIMIT));
      for (int i = 0; i < start; i++) {
        original(feed, out, events.get(i), figures);
      }
      int end = Math.min(events.size(), start + BURST);
      // a burst ends where a mutant (a valid one: a changed id or level) took a book out of sync
      for (int i = start; i < end && figures.mutants < MUTANTS_PER_VENUE && !out.outOfSync(); i++) {
        Event event = events.get(i);
        boolean before = random.nextBoolean();
        if (!before) {
          original(feed, out, event, figures);
        }
        Mutant mutant = mutator.mutate(event.message().bytes());
        kindsMutated.add(event.kind());
        mutant(venue, feed, out, event, mutant, figures);
        if (before) {
          original(feed, out, event, figures);
        }
      }
    }

    System.out.printf(
        Locale.ROOT,
        "fuzz %-12s mutated messages %,d (%,d while every book was synced, over %,d episodes;"
            + " %,d valid ones besides) -> dead letters %,d (%,d required by the oracle),"
            + " published %,d, ignored %,d, received only %,d; book updates published %,d;"
            + " kinds %s%n",
        venue.cliName(),
        figures.mutants,
        figures.mutantsWhileSynced,
        figures.episodes,
        figures.originals,
        figures.deadLetters,
        figures.expectedDeadLetters,
        figures.published,
        figures.ignored,
        figures.receivedOnly,
        figures.bookUpdates,
        kindsMutated.stream().sorted().toList());

    figures.problems.stream()
        .limit(40)
        .forEach(
            p ->
                System.out.println(
                    "PROBLEM " + venue + " " + (p.length() > 500 ? p.substring(0, 500) : p)));
    assertThat(figures.problems).as("problems found by fuzzing %s", venue).isEmpty();
    assertThat(figures.mutants).isGreaterThanOrEqualTo(MUTANTS_PER_VENUE);
    Set<String> kinds = new TreeSet<>();
    sources.forEach(source -> kinds.addAll(source.kinds()));
    assertThat(kindsMutated).as("every kind of message is mutated").containsAll(kinds);
    assertThat(figures.mutantsWhileSynced)
        .as("most mutants reach a feed whose books are in sync")
        .isGreaterThan(figures.mutants / 2);
    assertThat(figures.expectedDeadLetters)
        .as("the oracle expects a dead letter of most mutants")
        .isGreaterThan(figures.mutants / 2);
  }

  private static void original(VenueFeed feed, FuzzOutput out, Event event, Figures figures) {
    figures.originals++;
    out.mark("original " + event.kind() + ": " + shorten(event.message().bytes()));
    try {
      deliver(feed, event, event.message());
    } catch (RuntimeException e) {
      figures.problem("exception " + e + " on " + out.current);
    }
  }

  private static void mutant(
      Venue venue, VenueFeed feed, FuzzOutput out, Event event, Mutant mutant, Figures figures) {
    figures.mutants++;
    if (out.allSynced()) {
      figures.mutantsWhileSynced++;
    }
    RawMessage message =
        new RawMessage(
            mutant.bytes(),
            event.message().receiveTimeNs(),
            RecordOrigin.file("fuzz", figures.mutants));
    out.mark("mutant of " + event.kind() + " " + mutant);
    try {
      deliver(feed, event, message);
    } catch (RuntimeException e) {
      figures.problem("exception " + e + " on " + out.current);
      return;
    }
    Expect expect = expect(venue, event, mutant);
    if (expect == Expect.DEAD_LETTER) {
      figures.expectedDeadLetters++;
    }
    figures.deadLetters += out.deadLetters.size();
    if (out.published > 0) {
      figures.published++;
    } else if (out.ignored > 0) {
      figures.ignored++;
    } else if (out.deadLetters.isEmpty()) {
      figures.receivedOnly++;
    }
    if (out.deadLetters.isEmpty() && out.received == 0 && out.ignored == 0 && out.published == 0) {
      figures.problem("no outcome of " + out.current);
    }
    if (expect == Expect.DEAD_LETTER
        && (out.deadLetters.size() != 1 || out.received > 0 || out.published > 0)) {
      figures.problem(
          "expected one dead letter and nothing else, got "
              + out.deadLetters.size()
              + " dead letters, "
              + out.received
              + " received, "
              + out.published
              + " records, of "
              + out.current);
    }
    for (FuzzOutput.DeadLetter letter : out.deadLetters) {
      if (letter.reason() == null || letter.reason().isBlank()) {
        figures.problem("dead letter without a reason of " + out.current);
      }
      if (!Arrays.equals(letter.raw(), mutant.bytes())) {
        boolean redacted =
            venue == Venue.PARIFLOW
                && letter.reason() != null
                && (letter.reason().contains("removed") || letter.reason().contains(" cut at "));
        if (!redacted) {
          figures.problem("dead letter's raw bytes are not the message's: " + out.current);
        }
      }
      if (venue == Venue.PARIFLOW) {
        String raw = new String(letter.raw(), StandardCharsets.UTF_8);
        if (raw.contains("user-maker") || raw.contains("user-taker")) {
          figures.problem("a user id in a Pariflow dead letter: " + out.current);
        }
      }
    }
  }

  private static void deliver(VenueFeed feed, Event event, RawMessage message) {
    if (event.symbol() != null) {
      feed.onRestSnapshot(event.symbol(), message);
    } else {
      feed.onMessage(message);
    }
  }

  /** The oracle: whether {@code mutant} of {@code event} can only be a dead letter. */
  static Expect expect(Venue venue, Event event, Mutant mutant) {
    if (!isStrictJson(mutant.bytes())) {
      return Expect.DEAD_LETTER;
    }
    if (mutant.path() == null) {
      return Expect.ANY; // byte damage that is still JSON: a digit changed, a range repeated
    }
    Schema schema = schema(venue, event);
    Group group = mutant.kind().group;
    boolean pariflowUnbounded =
        venue == Venue.PARIFLOW
            && mutant.kind() == MessageMutator.Kind.HUGE_INT
            && mutant.path().matches("(/(bids|asks)/\\d+)?/(amount|volume)");
    if (group == Group.MISSING && schema.required().matcher(mutant.path()).matches()) {
      return Expect.DEAD_LETTER;
    }
    if (group == Group.WRONG
        && !mutant.sameTypeEmpty()
        && !pariflowUnbounded
        && schema.checked().matcher(mutant.path()).matches()) {
      return Expect.DEAD_LETTER;
    }
    return Expect.ANY;
  }

  private static Schema schema(Venue venue, Event event) {
    Schema schema = SCHEMAS.get(venue).get(event.kind());
    if (schema == null) {
      return Schema.of("(?!)", "");
    }
    if (venue == Venue.KRAKEN && event.kind().equals("book-update")) {
      String last = "|/" + (event.rootSize() - 2) + "|/" + (event.rootSize() - 1);
      return new Schema(
          Pattern.compile(schema.required().pattern() + last),
          Pattern.compile(schema.checked().pattern() + last));
    }
    return schema;
  }

  /** JSON by the RFC: valid UTF-8, one value and nothing after it. */
  static boolean isStrictJson(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      JsonNode root = STRICT.readTree(bytes);
      return root != null && !root.isMissingNode();
    } catch (CharacterCodingException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  // ---- the seeds ----

  static List<Source> sources(Venue venue) throws IOException {
    return switch (venue) {
      case BINANCE_SPOT ->
          List.of(
              recording(
                  venue, "binance-hftbacktest/spot_btcusdt_20240808.gz", HFTBACKTEST_MESSAGES),
              recording(venue, "cryptofeed/BINANCE.ws.1.0", Integer.MAX_VALUE));
      case BINANCE_USDM ->
          List.of(
              recording(
                  venue, "binance-hftbacktest/usdm_btcusdt_20240808.gz", HFTBACKTEST_MESSAGES),
              recording(venue, "cryptofeed/BINANCE_FUTURES.ws.1.0", Integer.MAX_VALUE));
      case COINBASE -> List.of(recording(venue, "cryptofeed/COINBASE.ws.28.0", Integer.MAX_VALUE));
      case KRAKEN ->
          List.of(withTrades(recording(venue, "cryptofeed/KRAKEN.ws.50.0", Integer.MAX_VALUE)));
      case PARIFLOW -> List.of(pariflowSequence(new SplittableRandom(SEED)));
    };
  }

  /** Stops reading a recording once enough messages are in. */
  private static final class Enough extends IOException {
    Enough() {
      super("enough messages");
    }
  }

  private static Source recording(Venue venue, String file, int limit) throws IOException {
    List<Event> events = new ArrayList<>();
    try (Recording recording = Recordings.open(SharedData.file(file), null)) {
      assertThat(recording.venue()).isEqualTo(venue);
      recording.forEach(
          new Recording.Handler() {
            @Override
            public void message(RawMessage message) throws IOException {
              add(message, null);
            }

            @Override
            public void restSnapshot(String symbol, RawMessage body) throws IOException {
              add(body, symbol);
            }

            @Override
            public void malformed(RawMessage line, String reason) {}

            private void add(RawMessage message, String symbol) throws IOException {
              JsonNode root = STRICT.readTree(message.bytes());
              events.add(new Event(message, symbol, kindOf(venue, root), root.size()));
              if (events.size() >= limit) {
                throw new Enough();
              }
            }
          });
    } catch (Enough e) {
      // the first messages are enough
    }
    return new Source(file, List.copyOf(events));
  }

  /**
   * Kraken's recording has books only: a trade subscription on one of its pairs, and a trade
   * message every 20 messages, at the receive time of the message before it.
   */
  private static Source withTrades(Source source) throws IOException {
    List<Event> events = new ArrayList<>();
    long channel = 900_001L;
    boolean subscribed = false;
    int n = 0;
    for (Event event : source.events()) {
      events.add(event);
      long receiveNs = event.message().receiveTimeNs();
      if (!subscribed && event.kind().equals("subscriptionStatus")) {
        subscribed = true;
        events.add(
            kraken(
                "{\"channelID\":"
                    + channel
                    + ",\"channelName\":\"trade\",\"event\":\"subscriptionStatus\","
                    + "\"pair\":\"XBT/CHF\",\"status\":\"subscribed\","
                    + "\"subscription\":{\"name\":\"trade\"}}",
                receiveNs));
      } else if (subscribed && ++n % 20 == 0) {
        String time =
            String.format(
                Locale.ROOT,
                "%d.%06d",
                receiveNs / 1_000_000_000L,
                receiveNs / 1_000L % 1_000_000L);
        events.add(
            kraken(
                "["
                    + channel
                    + ",[[\"51230.10000\",\"0.0"
                    + (n % 9 + 1)
                    + "000000\",\""
                    + time
                    + "\",\""
                    + (n % 2 == 0 ? "b" : "s")
                    + "\",\"m\",\"\"],[\"51230.20000\",\"0.50000000\",\""
                    + time
                    + "\",\"s\",\"l\",\"\"]],\"trade\",\"XBT/CHF\"]",
                receiveNs));
      }
    }
    return new Source(source.name() + " + trades", List.copyOf(events));
  }

  private static Event kraken(String json, long receiveNs) throws IOException {
    RawMessage message = RawMessage.of(json, receiveNs, RecordOrigin.file("kraken-trades", 0));
    JsonNode root = STRICT.readTree(message.bytes());
    return new Event(message, null, kindOf(Venue.KRAKEN, root), root.size());
  }

  /** The kind of a valid message, as {@link #SCHEMAS} names it. */
  static String kindOf(Venue venue, JsonNode root) {
    return switch (venue) {
      case BINANCE_SPOT, BINANCE_USDM -> {
        JsonNode data = root.has("data") ? root.get("data") : root;
        yield data.has("e")
            ? data.get("e").asText()
            : data.has("lastUpdateId") ? "depthSnapshot" : "bookTicker";
      }
      case COINBASE -> root.path("type").asText();
      case KRAKEN -> {
        if (root.isObject()) {
          yield root.path("event").asText();
        }
        String name = root.get(root.size() - 2).asText();
        yield name.startsWith("book-")
            ? (root.get(1).has("as") ? "book-snapshot" : "book-update")
            : name;
      }
      case PARIFLOW -> root.has("kind") ? root.get("kind").asText() : "trade";
    };
  }

  /**
   * Engine messages as in {@code docs/venues/pariflow.md}: both sides of one outcome, a snapshot of
   * each, then trades (with the user ids the engine writes) and deltas in sequence, never crossing,
   * and a fresh snapshot of each side every 250 messages.
   */
  static Source pariflowSequence(SplittableRandom random) {
    List<Event> events = new ArrayList<>();
    List<String> options = List.of("YES", "NO");
    Map<String, TreeMap<Integer, int[]>> bids = new TreeMap<>();
    Map<String, TreeMap<Integer, int[]>> asks = new TreeMap<>();
    Map<String, Long> sequence = new TreeMap<>();
    for (String option : options) {
      bids.put(option, new TreeMap<>());
      asks.put(option, new TreeMap<>());
      for (int i = 0; i < 5; i++) {
        bids.get(option).put(40 + i, new int[] {10 + i, 1 + i});
        asks.get(option).put(56 + i, new int[] {20 + i, 2 + i});
      }
      sequence.put(option, 0L);
    }
    long startNs = 1_714_564_800_000_000_000L;
    for (int n = 0; n < 2_500; n++) {
      long receiveNs = startNs + n * 1_000_000L;
      String time = Instant.ofEpochSecond(0, receiveNs).toString();
      String option = options.get(random.nextInt(2));
      String json;
      if (n < 2 || n % 250 < 2) {
        option = options.get(n % 2);
        json =
            pariflowBook(
                option, "snapshot", sequence.get(option), time, bids.get(option), asks.get(option));
      } else if (random.nextInt(3) == 0) {
        json =
            String.format(
                Locale.ROOT,
                "{\"id\":\"t-%05d\",\"eventId\":\"evt-2024-election\",\"outcomeId\":\"out-7\","
                    + "\"option\":\"%s\",\"side\":\"%s\",\"price\":0.%02d,\"amount\":%d,"
                    + "\"volume\":%d.%02d,\"timestamp\":\"%s\",\"isAmmTrade\":%s,"
                    + "\"makerUserId\":\"user-maker-5f1c\",\"takerUserId\":\"user-taker-9a2e\"%s}",
                n,
                option,
                random.nextBoolean() ? "buy" : "sell",
                45 + random.nextInt(10),
                1 + random.nextInt(50),
                random.nextInt(30),
                random.nextInt(100),
                time,
                n % 5 == 0,
                n % 5 == 0 ? "" : ",\"orderId\":\"ord-" + n + "\"");
      } else {
        TreeMap<Integer, int[]> bidChange = new TreeMap<>();
        TreeMap<Integer, int[]> askChange = new TreeMap<>();
        change(random, bids.get(option), bidChange, 30 + random.nextInt(20));
        change(random, asks.get(option), askChange, 51 + random.nextInt(20));
        sequence.merge(option, 1L, Long::sum);
        json = pariflowBook(option, "delta", sequence.get(option), time, bidChange, askChange);
      }
      RawMessage message = RawMessage.of(json, receiveNs, RecordOrigin.kafka("engine", 0, n));
      JsonNode root;
      try {
        root = STRICT.readTree(message.bytes());
      } catch (IOException e) {
        throw new IllegalStateException(json, e);
      }
      events.add(new Event(message, null, kindOf(Venue.PARIFLOW, root), root.size()));
    }
    return new Source("pariflow engine messages", List.copyOf(events));
  }

  /** Sets or (one time in four, when there) removes the level at {@code cents}. */
  private static void change(
      SplittableRandom random,
      TreeMap<Integer, int[]> side,
      TreeMap<Integer, int[]> change,
      int cents) {
    int[] level =
        side.containsKey(cents) && random.nextInt(4) == 0
            ? new int[] {0, 0}
            : new int[] {1 + random.nextInt(100), 1 + random.nextInt(5)};
    change.put(cents, level);
    if (level[0] == 0) {
      side.remove(cents);
    } else {
      side.put(cents, level);
    }
  }

  private static String pariflowBook(
      String option,
      String kind,
      long sequence,
      String time,
      TreeMap<Integer, int[]> bids,
      TreeMap<Integer, int[]> asks) {
    return String.format(
        Locale.ROOT,
        "{\"eventId\":\"evt-2024-election\",\"outcomeId\":\"out-7\",\"option\":\"%s\","
            + "\"kind\":\"%s\",\"sequence\":%d,\"timestamp\":\"%s\",\"bids\":%s,\"asks\":%s}",
        option,
        kind,
        sequence,
        time,
        pariflowLevels(bids),
        pariflowLevels(asks));
  }

  private static String pariflowLevels(TreeMap<Integer, int[]> levels) {
    List<String> json = new ArrayList<>();
    levels.forEach(
        (cents, level) ->
            json.add(
                String.format(
                    Locale.ROOT,
                    "{\"price\":0.%02d,\"amount\":%d,\"orderCount\":%d}",
                    cents,
                    level[0],
                    level[1])));
    return "[" + String.join(",", json) + "]";
  }

  private static String shorten(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  // ---- what the feed does with one message ----

  /** Keeps what a feed did with the last message, checks every record it publishes. */
  static final class FuzzOutput implements FeedOutput {

    record DeadLetter(String reason, byte[] raw) {}

    private final Venue venue;
    private final Figures figures;
    private final Set<String> synced = new HashSet<>();
    private final Set<String> unsynced = new HashSet<>();
    String current = "";
    final List<DeadLetter> deadLetters = new ArrayList<>();
    int received;
    int ignored;
    int published;

    FuzzOutput(Venue venue, Figures figures) {
      this.venue = venue;
      this.figures = figures;
    }

    void mark(String message) {
      current = message;
      deadLetters.clear();
      received = 0;
      ignored = 0;
      published = 0;
    }

    /** A book has had a gap or a checksum mismatch since its last snapshot. */
    boolean outOfSync() {
      return !unsynced.isEmpty();
    }

    /** Some book has had a snapshot, and none is out of sync. */
    boolean allSynced() {
      return !synced.isEmpty() && unsynced.isEmpty();
    }

    @Override
    public void trade(Trade trade) {
      published++;
      instrument(trade.getInstrument());
      price("trade price", trade.getPrice());
      if (!(Double.isFinite(trade.getSize()) && trade.getSize() > 0)) {
        bad("trade size " + trade.getSize());
      }
      time("trade time", trade.getExchangeTimeUs());
    }

    @Override
    public void quote(Quote quote) {
      published++;
      instrument(quote.getInstrument());
      price("bid", quote.getBidPrice());
      price("ask", quote.getAskPrice());
      size("bid size", quote.getBidSize(), venue == Venue.COINBASE);
      size("ask size", quote.getAskSize(), venue == Venue.COINBASE);
      time("quote time", quote.getExchangeTimeUs());
    }

    @Override
    public void book(BookUpdate update) {
      published++;
      figures.bookUpdates++;
      instrument(update.getInstrument());
      for (BookLevel level : update.getBids()) {
        price("bid level", level.getPrice());
        size("bid level size", level.getSize(), false);
      }
      for (BookLevel level : update.getAsks()) {
        price("ask level", level.getPrice());
        size("ask level size", level.getSize(), false);
      }
      time("book time", update.getExchangeTimeUs());
      if (update.getKind() == BookUpdateKind.SNAPSHOT) {
        synced.add(update.getInstrument());
        unsynced.remove(update.getInstrument());
      }
    }

    @Override
    public void status(FeedStatus status) {
      published++;
      instrument(status.getInstrument());
      if (status.getState() == FeedState.GAP || status.getState() == FeedState.CHECKSUM_MISMATCH) {
        unsynced.add(status.getInstrument());
      }
    }

    @Override
    public void deadLetter(
        String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
      deadLetters.add(new DeadLetter(reason, raw));
      if (!STAGE.equals(stage)) {
        bad("dead letter of stage " + stage);
      }
    }

    @Override
    public void received(String instrument, String type) {
      received++;
      if (instrument != null) {
        instrument(instrument);
      }
    }

    @Override
    public void ignored(String instrument, String why) {
      ignored++;
    }

    private void instrument(String id) {
      try {
        if (!InstrumentId.parse(id).venue().equals(venue.instrumentVenue())) {
          bad("instrument " + id + " not of " + venue);
        }
      } catch (RuntimeException e) {
        bad("instrument " + id + ": " + e.getMessage());
      }
    }

    private void price(String what, double price) {
      if (!(Double.isFinite(price) && price > 0)) {
        bad(what + " " + price);
      }
    }

    private void size(String what, double size, boolean unknownAllowed) {
      if (!(Double.isFinite(size) && size >= 0) && !(unknownAllowed && Double.isNaN(size))) {
        bad(what + " " + size);
      }
    }

    private void time(String what, long timeUs) {
      if (timeUs <= 0 || timeUs > Instant.parse("9999-12-31T23:59:59Z").toEpochMilli() * 1_000L) {
        bad(what + " " + timeUs);
      }
    }

    private void bad(String what) {
      figures.problem("insane record (" + what + ") published for " + current);
    }
  }
}
