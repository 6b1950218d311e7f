package org.marketflow.testing.junit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Passes records through, and throws once, on the first record after {@link #after} records of one
 * subtask once a checkpoint has completed; counts its subtasks restored from a checkpoint.
 */
public final class FailOnce<T>
    implements MapFunction<T, T>, CheckpointListener, CheckpointedFunction {

  public static final AtomicInteger FAILURES = new AtomicInteger();
  public static final AtomicLong CHECKPOINTS_COMPLETED = new AtomicLong();
  public static final AtomicLong CHECKPOINTS_BEFORE_FAILURE = new AtomicLong();
  public static final AtomicInteger RESTORED = new AtomicInteger();
  public static volatile long after;

  private long seen;

  public static void reset(long records) {
    after = records;
    FAILURES.set(0);
    CHECKPOINTS_COMPLETED.set(0);
    CHECKPOINTS_BEFORE_FAILURE.set(0);
    RESTORED.set(0);
  }

  @Override
  public T map(T value) {
    if (++seen > after && CHECKPOINTS_COMPLETED.get() > 0 && FAILURES.compareAndSet(0, 1)) {
      CHECKPOINTS_BEFORE_FAILURE.set(CHECKPOINTS_COMPLETED.get());
      throw new IllegalStateException("injected failure after " + after + " records");
    }
    return value;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    CHECKPOINTS_COMPLETED.incrementAndGet();
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {}

  @Override
  public void initializeState(FunctionInitializationContext context) {
    if (context.isRestored()) {
      RESTORED.incrementAndGet();
    }
  }
}
