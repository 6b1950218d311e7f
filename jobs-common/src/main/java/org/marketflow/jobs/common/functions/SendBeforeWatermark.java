package org.marketflow.jobs.common.functions;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * An operator of a source's chain that holds records back and sends everything it holds before the
 * watermark can pass it downstream: when a watermark arrives (before passing it on), when the
 * channel goes idle (an idle channel no longer holds the downstream watermark back), before a
 * checkpoint barrier (nothing held is ever in a checkpoint) and at the end of a bounded input.
 */
public abstract class SendBeforeWatermark<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT> {

  private static final long serialVersionUID = 1L;

  /** Sends everything held. */
  protected abstract void sendAll() throws Exception;

  /** Called after {@link #sendAll()} and before the watermark goes on. */
  protected void watermarkArrived(long watermark) throws Exception {}

  @Override
  public final void processWatermark(Watermark mark) throws Exception {
    sendAll();
    watermarkArrived(mark.getTimestamp());
    super.processWatermark(mark);
  }

  @Override
  public final void processWatermarkStatus(WatermarkStatus status) throws Exception {
    if (status.isIdle()) {
      sendAll();
    }
    super.processWatermarkStatus(status);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    sendAll();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    sendAll();
    super.finish();
  }
}
