package org.marketflow.jobs.microstructure.functions;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.marketflow.jobs.common.functions.ConsumedRejects;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * {@link BookProcessor} in Flink's keyed-operator harness, fed event by event or, as the job's
 * {@code WatermarkBatches} does, in lists of one instrument's events.
 */
final class BookHarness implements AutoCloseable {

  /** 5 levels a snapshot, a snapshot every second at most, instruments dropped after 10 min. */
  static final BookProcessor.Settings SETTINGS =
      new BookProcessor.Settings(
          MicrostructureParams.DEFAULTS,
          5,
          Duration.ofSeconds(1),
          Duration.ofMinutes(10),
          new ConsumedRejects<>(TopicSpec.BOOK, DeadLetters.DEFAULT),
          new ConsumedRejects<>(TopicSpec.TRADES, DeadLetters.DEFAULT));

  final KeyedOneInputStreamOperatorTestHarness<String, List<InstrumentEvent>, MarketTick> harness;

  BookHarness() throws Exception {
    this(SETTINGS, null);
  }

  /** A harness restored from {@code state} when it is not null. */
  BookHarness(BookProcessor.Settings settings, OperatorSubtaskState state) throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new BookProcessor(settings)),
            new EventsInstrument(),
            Types.STRING);
    harness.setup();
    if (state != null) {
      harness.initializeState(state);
    }
    harness.open();
  }

  /** Sends events in this order, each in a record of its own stamped with its time. */
  BookHarness send(InstrumentEvent... events) throws Exception {
    for (InstrumentEvent event : events) {
      harness.processElement(
          new StreamRecord<>(List.of(event), Math.floorDiv(event.timeUs, 1_000L)));
    }
    return this;
  }

  /**
   * Sends one instrument's events in this order in one record, stamped with the last one's time.
   */
  BookHarness sendTogether(InstrumentEvent... events) throws Exception {
    long ms = Math.floorDiv(events[events.length - 1].timeUs, 1_000L);
    harness.processElement(new StreamRecord<>(List.of(events), ms));
    return this;
  }

  BookHarness watermark(long ms) throws Exception {
    harness.processWatermark(ms);
    return this;
  }

  List<MarketTick> ticks() {
    return harness.extractOutputValues();
  }

  <T> List<T> side(OutputTag<T> tag) {
    var records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1L, 1L);
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
