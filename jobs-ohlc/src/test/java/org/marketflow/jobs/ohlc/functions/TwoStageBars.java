package org.marketflow.jobs.ohlc.functions;

import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.records.PartialBar;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;

/**
 * The job's two bar stages in harnesses, wired as in the job: {@link PartialBars} before the
 * shuffle, {@link BarsProcessor} after it. Partial bars move to the second stage when the first
 * sends them (on a watermark, a snapshot, or a trade in another bar), as they would on the network.
 */
final class TwoStageBars implements AutoCloseable {

  /** Both stages' state. */
  record Snapshot(OperatorSubtaskState partials, OperatorSubtaskState bars) {}

  final OneInputStreamOperatorTestHarness<Consumed<Trade>, PartialBar> partials;
  final KeyedOneInputStreamOperatorTestHarness<String, PartialBar, OhlcBar> bars;

  TwoStageBars(long allowedLatenessMs, BarInterval... intervals) throws Exception {
    BarsProcessor processor = new BarsProcessor(List.of(intervals), allowedLatenessMs);
    partials =
        new OneInputStreamOperatorTestHarness<>(
            new PartialBars(processor.smallestIntervalMs(), allowedLatenessMs));
    bars =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(processor), partial -> partial.instrument, Types.STRING);
  }

  void initializeState(Snapshot snapshot) throws Exception {
    partials.initializeState(snapshot.partials());
    bars.initializeState(snapshot.bars());
  }

  void open() throws Exception {
    partials.open();
    bars.open();
  }

  void processElement(Trade trade, long offset) throws Exception {
    partials.processElement(
        new StreamRecord<>(Consumed.of(trade, 0, offset), trade.getExchangeTimeUs() / 1_000));
    forward();
  }

  void processWatermark(long watermark) throws Exception {
    partials.processWatermark(watermark);
    forward();
    bars.processWatermark(watermark);
  }

  Snapshot snapshot(long checkpointId) throws Exception {
    partials.prepareSnapshotPreBarrier(checkpointId);
    forward();
    OperatorSubtaskState first = partials.snapshot(checkpointId, checkpointId);
    return new Snapshot(first, bars.snapshot(checkpointId, checkpointId));
  }

  /** The bars emitted since the last call. */
  List<OhlcBar> takeBars() {
    List<OhlcBar> out = bars.extractOutputValues();
    bars.getOutput().clear();
    return out;
  }

  <X> Queue<StreamRecord<X>> sideOutput(OutputTag<X> tag) {
    return partials.getSideOutput(tag);
  }

  /** The partial bars the first stage has sent, handed to the second. */
  @SuppressWarnings("unchecked")
  private void forward() throws Exception {
    for (Object element : partials.getOutput()) {
      if (element instanceof StreamRecord<?> record) {
        bars.processElement((StreamRecord<PartialBar>) record);
      }
    }
    partials.getOutput().clear();
  }

  @Override
  public void close() throws Exception {
    partials.close();
    bars.close();
  }
}
