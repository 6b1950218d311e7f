package org.marketflow.jobs.ohlc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.ParameterTool;
import org.marketflow.jobs.ohlc.functions.EmitRevisedBar;
import org.marketflow.jobs.ohlc.functions.LateTradeToDeadLetter;
import org.marketflow.jobs.ohlc.functions.OhlcAggregate;
import org.marketflow.jobs.ohlc.functions.TradeValidator;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.jobs.ohlc.serialization.KeyedAvroSerializer;
import org.marketflow.jobs.ohlc.sinks.KafkaSinks;
import org.marketflow.jobs.ohlc.sinks.OhlcBarJdbcSink;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.schemas.db.DatabaseMigrations;

/**
 * Event-time OHLC bars per instrument from the normalized trades topic, upserted into PostgreSQL
 * {@code ohlc_bars} and published to the bars topic. {@link #compute} is the computation; {@link
 * #wire} adds the Kafka source and the sinks; {@link #main} reads the options and runs it.
 */
public final class OhlcJob {

  // Operator UIDs: fixed once a savepoint exists.
  public static final String SOURCE_UID = "ohlc-trades-source";
  public static final String VALIDATE_UID = "ohlc-validate-trades";
  public static final String BARS_JDBC_UID = "ohlc-bars-jdbc-sink";
  public static final String BARS_KAFKA_UID = "ohlc-bars-kafka-sink";
  public static final String DEAD_LETTERS_UID = "ohlc-dead-letters-sink";

  private OhlcJob() {}

  /** What {@link #compute} produces. */
  public record Outputs(DataStream<OhlcBar> bars, DataStream<DeadLetter> deadLetters) {}

  /**
   * Validates trades and folds them into bars of each interval. The input must carry event-time
   * timestamps and watermarks; trades beyond the allowed lateness become dead letters.
   */
  public static Outputs compute(
      DataStream<TradeEnvelope> input, List<BarInterval> intervals, Duration allowedLateness) {
    SingleOutputStreamOperator<Trade> trades =
        input.process(new TradeValidator()).uid(VALIDATE_UID).name("Validate trades");
    DataStream<DeadLetter> deadLetters = trades.getSideOutput(TradeValidator.DEAD_LETTERS);
    DataStream<OhlcBar> bars = null;
    for (BarInterval interval : intervals) {
      OutputTag<Trade> late = lateTrades(interval);
      SingleOutputStreamOperator<OhlcBar> intervalBars =
          bars(trades, interval, allowedLateness, late);
      DataStream<DeadLetter> lateLetters =
          intervalBars
              .getSideOutput(late)
              .map(new LateTradeToDeadLetter(interval, allowedLateness.toMillis()))
              .uid("ohlc-late-trades-" + interval.code())
              .name("Late trades " + interval.code());
      bars = bars == null ? intervalBars : bars.union(intervalBars);
      deadLetters = deadLetters.union(lateLetters);
    }
    return new Outputs(bars, deadLetters);
  }

  /**
   * Bars of one interval: event-time tumbling windows per instrument, folded incrementally, fired
   * again with the next revision for each trade within the allowed lateness; later trades go to
   * {@code late}.
   */
  public static SingleOutputStreamOperator<OhlcBar> bars(
      DataStream<Trade> trades,
      BarInterval interval,
      Duration allowedLateness,
      OutputTag<Trade> late) {
    return trades
        .keyBy(Trade::getInstrument)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(interval.millis())))
        .allowedLateness(allowedLateness)
        .sideOutputLateData(late)
        .aggregate(new OhlcAggregate(), new EmitRevisedBar(interval))
        .uid("ohlc-bars-" + interval.code())
        .name("OHLC " + interval.code() + " bars");
  }

  /** The side output of trades too late for their bar of {@code interval}. */
  public static OutputTag<Trade> lateTrades(BarInterval interval) {
    return new OutputTag<>("late-trades-" + interval.code(), TypeInformation.of(Trade.class));
  }

  /** Adds the Kafka source, the computation and the sinks to {@code env}. */
  public static void wire(StreamExecutionEnvironment env, Configuration config) {
    env.enableCheckpointing(
        config.get(OhlcOptions.CHECKPOINT_INTERVAL).toMillis(), CheckpointingMode.EXACTLY_ONCE);
    DataStream<TradeEnvelope> input =
        env.fromSource(TradesSource.create(config), TradesSource.watermarks(config), "Kafka trades")
            .uid(SOURCE_UID)
            .name("Kafka trades");
    Outputs outputs = compute(input, intervals(config), config.get(OhlcOptions.ALLOWED_LATENESS));

    String jdbcUrl = config.get(OhlcOptions.JDBC_URL);
    if (jdbcUrl != null) {
      String user = config.get(OhlcOptions.JDBC_USER);
      String password = config.get(OhlcOptions.JDBC_PASSWORD);
      if (config.get(OhlcOptions.JDBC_MIGRATE)) {
        DatabaseMigrations.migrate(jdbcUrl, user, password);
      }
      outputs
          .bars()
          .sinkTo(
              OhlcBarJdbcSink.buildAtLeastOnce(
                  jdbcUrl,
                  user,
                  password,
                  config.get(OhlcOptions.JDBC_BATCH_SIZE),
                  config.get(OhlcOptions.JDBC_BATCH_INTERVAL)))
          .uid(BARS_JDBC_UID)
          .name("PostgreSQL ohlc_bars");
    }
    outputs
        .bars()
        .sinkTo(
            KafkaSinks.create(
                config,
                "bars",
                new KeyedAvroSerializer<>(
                    config.get(OhlcOptions.BARS_TOPIC),
                    OhlcBar.class,
                    OhlcBar::getInstrument,
                    bar -> bar.getBucketStartUs() / 1_000L)))
        .uid(BARS_KAFKA_UID)
        .name("Kafka bars");
    outputs
        .deadLetters()
        .sinkTo(
            KafkaSinks.create(
                config,
                "dead-letters",
                new KeyedAvroSerializer<>(
                    config.get(OhlcOptions.DEAD_LETTERS_TOPIC),
                    DeadLetter.class,
                    DeadLetter::getStage,
                    letter -> Math.max(0L, letter.getRejectedAtUs() / 1_000L))))
        .uid(DEAD_LETTERS_UID)
        .name("Kafka dead letters");
  }

  /** The intervals named by {@code ohlc.intervals}, with a precise message for an unknown one. */
  public static List<BarInterval> intervals(Configuration config) {
    List<BarInterval> intervals = new ArrayList<>();
    for (String code : config.get(OhlcOptions.INTERVALS)) {
      intervals.add(
          BarInterval.fromCode(code.trim())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown interval '"
                              + code
                              + "' in --ohlc.intervals; expected some of "
                              + BarInterval.codes())));
    }
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("--ohlc.intervals names no interval");
    }
    return intervals;
  }

  /** Reads {@code --key value} arguments as a configuration of {@link OhlcOptions}. */
  public static Configuration configFrom(String[] args) {
    return Configuration.fromMap(ParameterTool.fromArgs(args).toMap());
  }

  public static void main(String[] args) throws Exception {
    Configuration config = configFrom(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    wire(env, config);
    env.execute("marketflow-ohlc");
  }
}
