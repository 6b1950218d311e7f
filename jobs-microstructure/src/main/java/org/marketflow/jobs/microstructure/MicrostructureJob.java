package org.marketflow.jobs.microstructure;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.StreamingJob;
import org.marketflow.jobs.common.functions.ConsumedRejects;
import org.marketflow.jobs.common.functions.RouteDeadLetters;
import org.marketflow.jobs.common.functions.WatermarkBatches;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.kafka.KafkaInput;
import org.marketflow.jobs.common.kafka.TopicSink;
import org.marketflow.jobs.common.kafka.ValueReading;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.redis.RedisSink;
import org.marketflow.jobs.common.redis.RedisWrite;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.jobs.microstructure.functions.BookProcessor;
import org.marketflow.jobs.microstructure.functions.EventInstrument;
import org.marketflow.jobs.microstructure.functions.EventsInstrument;
import org.marketflow.jobs.microstructure.functions.PredictionPairProcessor;
import org.marketflow.jobs.microstructure.functions.QuoteOutcome;
import org.marketflow.jobs.microstructure.functions.SampleTicks;
import org.marketflow.jobs.microstructure.functions.TickInstrument;
import org.marketflow.jobs.microstructure.functions.ToInstrumentEvent;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.jobs.microstructure.records.InstrumentEventsSerializer;
import org.marketflow.jobs.microstructure.sinks.LatestInRedis;
import org.marketflow.jobs.microstructure.sinks.LiquidityMetricsStatement;
import org.marketflow.jobs.microstructure.sinks.MarketMicrostructureStatement;
import org.marketflow.jobs.microstructure.sinks.MarketTickStatement;
import org.marketflow.jobs.microstructure.sinks.OrderBookSnapshotStatement;
import org.marketflow.jobs.microstructure.sinks.PredictionPairStatement;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.PredictionPairMetrics;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.TableSpec;
import org.marketflow.schemas.db.Tables;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Every instrument's L2 book from the normalized book topic, with its trades and feed statuses:
 * ticks, order-book snapshots, per-second microstructure, per-minute liquidity, book statuses and
 * prediction-market pairs, to their derived Kafka topics. {@link #compute} is the computation;
 * {@link #wire} adds the Kafka sources and sinks; {@link #main} reads the options and runs it.
 * docs/jobs/microstructure.md describes it.
 */
public final class MicrostructureJob implements StreamingJob {

  public static final String NAME = "jobs-microstructure";

  // Operator UIDs: fixed once a savepoint exists.
  public static final String BOOK_SOURCE_UID = "microstructure-book-source";
  public static final String TRADES_SOURCE_UID = "microstructure-trades-source";
  public static final String STATUS_SOURCE_UID = "microstructure-status-source";
  public static final String BOOKS_UID = "microstructure-books";

  /**
   * The most events of an instrument sent over the shuffle in one record: enough that the
   * per-record costs vanish, few enough that the events are still in the processor's cache when the
   * list is written (at 256, writing took twice as long).
   */
  static final int MAX_BATCH = 32;

  public static final String PAIRS_UID = "microstructure-prediction-pairs";
  public static final String DEAD_LETTERS_UID = "microstructure-dead-letters-sink";
  public static final String SAMPLE_TICKS_UID = "microstructure-ticks-table-sample";

  /** The schema version that created the tables the job writes. */
  public static final int SCHEMA_VERSION = 2;

  private final UnaryOperator<DataStream<Consumed<EncodedBookUpdate>>> bookTap;

  public MicrostructureJob() {
    this(UnaryOperator.identity());
  }

  /**
   * A test seam: {@code bookTap} gets the book source's stream before the computation and returns
   * the stream the computation reads, where a test adds an operator that fails once to exercise a
   * restart from a checkpoint. It must keep the stream's parallelism: the book's order matters.
   */
  MicrostructureJob(UnaryOperator<DataStream<Consumed<EncodedBookUpdate>>> bookTap) {
    this.bookTap = bookTap;
  }

  /** What {@link #compute} produces. */
  public record Outputs(
      DataStream<MarketTick> ticks,
      DataStream<OrderBookSnapshot> snapshots,
      DataStream<MarketMicrostructure> microstructure,
      DataStream<LiquidityMetrics> liquidity,
      DataStream<BookStatus> bookStatus,
      DataStream<PredictionPairMetrics> predictionPairs,
      DataStream<DeadLetter> deadLetters) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ConfigOption<?>> options() {
    return MicrostructureOptions.ALL;
  }

  @Override
  public int requiredSchemaVersion() {
    return SCHEMA_VERSION;
  }

  /** The operators' settings {@code config} gives. */
  public static BookProcessor.Settings settings(Configuration config) {
    DeadLetters letters = KafkaInput.deadLetters(config);
    return new BookProcessor.Settings(
        MicrostructureOptions.params(config),
        config.get(MicrostructureOptions.SNAPSHOT_LEVELS),
        config.get(MicrostructureOptions.SNAPSHOT_INTERVAL),
        config.get(MicrostructureOptions.IDLE_TIMEOUT),
        new ConsumedRejects<>(bookTopic(config), letters),
        new ConsumedRejects<>(tradesTopic(config), letters));
  }

  /**
   * Routes rejected records to the dead letters, and turns each instrument's book updates, trades
   * and statuses into its outputs. The inputs must carry event-time timestamps and watermarks. The
   * book updates come as their leading fields and Avro bytes ({@link ValueReading#bookHeaders}):
   * each is decoded once, by the operator that applies it, and one whose bytes do not decode is a
   * dead letter from there.
   */
  public static Outputs compute(
      DataStream<Consumed<EncodedBookUpdate>> book,
      DataStream<Consumed<Trade>> trades,
      DataStream<Consumed<FeedStatus>> status,
      BookProcessor.Settings settings) {
    Input bookEvents = input(book, "book", new ToInstrumentEvent.Book());
    Input tradeEvents = input(trades, "trades", new ToInstrumentEvent.Trades());
    Input statusEvents = input(status, "status", new ToInstrumentEvent.Status());

    SingleOutputStreamOperator<MarketTick> books =
        bookEvents
            .events()
            .union(tradeEvents.events(), statusEvents.events())
            .keyBy(new EventsInstrument(), Types.STRING)
            .process(new BookProcessor(settings), TypeInformation.of(MarketTick.class))
            .uid(BOOKS_UID)
            .name("Books, ticks and metrics");

    DataStream<PredictionPairMetrics> pairs =
        books
            .getSideOutput(BookProcessor.PAIR_QUOTES)
            .keyBy(new QuoteOutcome(), Types.STRING)
            .process(
                new PredictionPairProcessor(settings.idleTimeout()),
                TypeInformation.of(PredictionPairMetrics.class))
            .uid(PAIRS_UID)
            .name("Prediction-market pairs");

    DataStream<DeadLetter> deadLetters =
        bookEvents
            .deadLetters()
            .union(
                tradeEvents.deadLetters(),
                statusEvents.deadLetters(),
                books.getSideOutput(BookProcessor.DEAD_LETTERS));
    return new Outputs(
        books,
        books.getSideOutput(BookProcessor.SNAPSHOTS),
        books.getSideOutput(BookProcessor.MICROSTRUCTURE),
        books.getSideOutput(BookProcessor.LIQUIDITY),
        books.getSideOutput(BookProcessor.BOOK_STATUS),
        pairs,
        deadLetters);
  }

  /** One input's accepted records as events, and the dead letters of its rejected ones. */
  private record Input(
      DataStream<List<InstrumentEvent>> events, DataStream<DeadLetter> deadLetters) {}

  private static <T> Input input(
      DataStream<Consumed<T>> input, String name, MapFunction<Consumed<T>, InstrumentEvent> map) {
    // At the input's parallelism, chained to it: a rebalance before the keyBy would lose the
    // partition's order, which the book's sequence checks need.
    int parallelism = input.getParallelism();
    SingleOutputStreamOperator<Consumed<T>> accepted =
        input
            .process(new RouteDeadLetters<>(), input.getType())
            .setParallelism(parallelism)
            .uid("microstructure-route-" + name)
            .name("Route dead letters: " + name);
    DataStream<List<InstrumentEvent>> events =
        accepted
            .map(map, InstrumentEvent.TYPE)
            .setParallelism(parallelism)
            .uid("microstructure-events-" + name)
            .name("Events: " + name)
            .transform(
                "Batches: " + name,
                InstrumentEventsSerializer.TYPE,
                new WatermarkBatches<>(new EventInstrument(), MAX_BATCH))
            .setParallelism(parallelism)
            .uid("microstructure-batches-" + name);
    return new Input(events, accepted.getSideOutput(RouteDeadLetters.DEAD_LETTERS));
  }

  /** Adds the Kafka sources, the computation and the sinks to {@code env}. */
  @Override
  public void wire(StreamExecutionEnvironment env, Configuration config) {
    DataStream<Consumed<EncodedBookUpdate>> book =
        bookTap.apply(
            KafkaInput.of(NAME, bookTopic(config), config)
                .addTo(env, BOOK_SOURCE_UID, "Kafka book", ValueReading.bookHeaders()));
    DataStream<Consumed<Trade>> trades =
        KafkaInput.of(NAME, tradesTopic(config), config)
            .withCheck(new TradeCheck())
            .addTo(env, TRADES_SOURCE_UID, "Kafka trades");
    DataStream<Consumed<FeedStatus>> status =
        KafkaInput.of(
                NAME,
                TopicSpec.STATUS.withName(config.get(MicrostructureOptions.STATUS_TOPIC)),
                config)
            .addTo(env, STATUS_SOURCE_UID, "Kafka status");
    Outputs outputs = compute(book, trades, status, settings(config));

    sink(outputs.ticks(), config, "ticks", TopicSpec.TICKS, MicrostructureOptions.TICKS_TOPIC);
    sink(
        outputs.snapshots(),
        config,
        "book-snapshots",
        TopicSpec.BOOK_SNAPSHOTS,
        MicrostructureOptions.BOOK_SNAPSHOTS_TOPIC);
    sink(
        outputs.microstructure(),
        config,
        "microstructure",
        TopicSpec.MICROSTRUCTURE,
        MicrostructureOptions.MICROSTRUCTURE_TOPIC);
    sink(
        outputs.liquidity(),
        config,
        "liquidity",
        TopicSpec.LIQUIDITY,
        MicrostructureOptions.LIQUIDITY_TOPIC);
    sink(
        outputs.bookStatus(),
        config,
        "book-status",
        TopicSpec.BOOK_STATUS,
        MicrostructureOptions.BOOK_STATUS_TOPIC);
    sink(
        outputs.predictionPairs(),
        config,
        "prediction-pairs",
        TopicSpec.PREDICTION_PAIRS,
        MicrostructureOptions.PREDICTION_PAIRS_TOPIC);
    if (config.get(JobOptions.JDBC_URL) != null) {
      tables(outputs, config);
    }
    if (JobOptions.writesRedis(config)) {
      redis(outputs, config);
    }
    outputs
        .deadLetters()
        .sinkTo(TopicSink.deadLetters(config, NAME))
        .uid(DEAD_LETTERS_UID)
        .name("Kafka dead letters");
  }

  /** Upserts each output into its table; ticks sampled by {@code ticks-table-interval}. */
  private static void tables(Outputs outputs, Configuration config) {
    DataStream<MarketTick> ticks = outputs.ticks();
    Duration interval = config.get(MicrostructureOptions.TICKS_TABLE_INTERVAL);
    if (!interval.isZero()) {
      ticks =
          ticks
              .keyBy(new TickInstrument(), Types.STRING)
              .filter(new SampleTicks(interval, config.get(MicrostructureOptions.IDLE_TIMEOUT)))
              .uid(SAMPLE_TICKS_UID)
              .name("Sample ticks for market_ticks");
    }
    table(ticks, config, "ticks", Tables.MARKET_TICKS, new MarketTickStatement());
    table(
        outputs.snapshots(),
        config,
        "book-snapshots",
        Tables.ORDER_BOOK_SNAPSHOTS,
        new OrderBookSnapshotStatement());
    table(
        outputs.microstructure(),
        config,
        "microstructure",
        Tables.MARKET_MICROSTRUCTURE,
        new MarketMicrostructureStatement());
    table(
        outputs.liquidity(),
        config,
        "liquidity",
        Tables.LIQUIDITY_METRICS,
        new LiquidityMetricsStatement());
    table(
        outputs.predictionPairs(),
        config,
        "prediction-pairs",
        Tables.PREDICTION_PAIR_METRICS,
        new PredictionPairStatement());
  }

  /** Each instrument's latest tick, book, microstructure and liquidity, and the ticks' channel. */
  private static void redis(Outputs outputs, Configuration config) {
    String namespace = config.get(MicrostructureOptions.REDIS_NAMESPACE);
    redis(outputs.ticks(), config, "ticks", LatestInRedis.ticks(namespace));
    redis(outputs.snapshots(), config, "book-snapshots", LatestInRedis.books(namespace));
    redis(
        outputs.microstructure(),
        config,
        "microstructure",
        LatestInRedis.microstructure(namespace));
    redis(outputs.liquidity(), config, "liquidity", LatestInRedis.liquidity(namespace));
  }

  private static <T> void redis(
      DataStream<T> stream, Configuration config, String name, RedisWrite<T> write) {
    stream
        .sinkTo(RedisSink.fromOptions(config, write))
        .uid("microstructure-" + name + "-redis-sink")
        .name("Redis " + name);
  }

  private static <T> void table(
      DataStream<T> stream,
      Configuration config,
      String name,
      TableSpec table,
      JdbcStatementBuilder<T> statement) {
    stream
        .sinkTo(JdbcUpsertSink.builder(table, statement).fromOptions(config).buildAtLeastOnce())
        .uid("microstructure-" + name + "-jdbc-sink")
        .name("PostgreSQL " + table.name());
  }

  private static <T extends SpecificRecordBase> void sink(
      DataStream<T> stream,
      Configuration config,
      String name,
      TopicSpec<T> spec,
      ConfigOption<String> topic) {
    stream
        .sinkTo(TopicSink.fromOptions(config, NAME, name, spec.withName(config.get(topic))))
        .uid("microstructure-" + name + "-kafka-sink")
        .name("Kafka " + name);
  }

  static TopicSpec<BookUpdate> bookTopic(Configuration config) {
    return TopicSpec.BOOK.withName(config.get(MicrostructureOptions.BOOK_TOPIC));
  }

  static TopicSpec<Trade> tradesTopic(Configuration config) {
    return TopicSpec.TRADES.withName(config.get(MicrostructureOptions.TRADES_TOPIC));
  }

  public static void main(String[] args) throws Exception {
    JobRunner.run(new MicrostructureJob(), args);
  }
}
