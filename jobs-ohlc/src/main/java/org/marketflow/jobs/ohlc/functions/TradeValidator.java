package org.marketflow.jobs.ohlc.functions;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Passes on trades a bar can use and sends everything else to the dead-letter output with the
 * reason: records that did not decode, unknown instrument ids, prices or sizes that are not
 * positive finite numbers, and prediction-market prices outside 0.01-0.99.
 */
public class TradeValidator extends ProcessFunction<TradeEnvelope, Trade> {

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  static final String STAGE = "jobs-ohlc.validate";
  private static final int MAX_REMEMBERED_INSTRUMENTS = 100_000;

  /** How far a venue's clock may be from ours before a trade's time is not believed. */
  static final long MAX_CLOCK_SKEW_US = 24L * 3600 * 1_000_000;

  private transient Set<String> validInstruments;
  private transient AvroCodec<Trade> codec;
  private transient Counter deadLetters;

  @Override
  public void open(OpenContext openContext) {
    validInstruments = new HashSet<>();
    codec = AvroCodec.of(Trade.class);
    deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
  }

  @Override
  public void processElement(TradeEnvelope envelope, Context ctx, Collector<Trade> out) {
    if (envelope.getRejected() != null) {
      reject(ctx, envelope.getRejected());
      return;
    }
    Trade trade = envelope.getTrade();
    String problem = problemWith(trade);
    if (problem == null) {
      out.collect(trade);
    } else {
      reject(
          ctx,
          DeadLetter.newBuilder()
              .setStage(STAGE)
              .setReason(problem)
              .setRejectedAtUs(trade.getExchangeTimeUs())
              .setRaw(ByteBuffer.wrap(codec.encode(trade)))
              .build());
    }
  }

  private void reject(Context ctx, DeadLetter deadLetter) {
    deadLetters.inc();
    ctx.output(DEAD_LETTERS, deadLetter);
  }

  /** The reason a trade cannot go into a bar, or null when it can. */
  String problemWith(Trade trade) {
    String instrument = trade.getInstrument();
    boolean pariflow;
    if (validInstruments.contains(instrument)) {
      pariflow = instrument.startsWith(InstrumentId.PARIFLOW + ":");
    } else {
      try {
        pariflow = InstrumentId.parse(instrument).isPariflow();
      } catch (IllegalArgumentException e) {
        return "invalid instrument: " + e.getMessage();
      }
      // Bounded by the number of instruments; the cap only guards against a flood of junk ids.
      if (validInstruments.size() >= MAX_REMEMBERED_INSTRUMENTS) {
        validInstruments.clear();
      }
      validInstruments.add(instrument);
    }
    double price = trade.getPrice();
    if (!(price > 0) || Double.isInfinite(price)) {
      return "price must be a positive finite number, not " + price;
    }
    if (pariflow && (price < 0.01 || price > 0.99)) {
      return "prediction-market price must be within 0.01-0.99, not " + price;
    }
    double size = trade.getSize();
    if (!(size > 0) || Double.isInfinite(size)) {
      return "size must be a positive finite number, not " + size;
    }
    if (!hasPlausibleTime(trade)) {
      return "exchange time "
          + trade.getExchangeTimeUs()
          + " us is not within a day of the receive time "
          + trade.getReceiveTimeUs()
          + " us";
    }
    return null;
  }

  /** Whether the venue's time is positive and within a day of the local receive time. */
  static boolean hasPlausibleTime(Trade trade) {
    long exchangeTimeUs = trade.getExchangeTimeUs();
    return exchangeTimeUs > 0
        && Math.abs(exchangeTimeUs - trade.getReceiveTimeUs()) <= MAX_CLOCK_SKEW_US;
  }
}
