package org.marketflow.ingest.replay;

/**
 * Paces a replay against the recording's own clock: at speed 1 records go out at their original
 * pace, at N times that pace at speed N, and at once when the speed is 0 (as fast as possible).
 */
public final class Pacer {

  private final double speed;
  private long originRecordNs = Long.MIN_VALUE;
  private long originWallNs;

  public Pacer(double speed) {
    if (speed < 0 || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be 0 (as fast as possible) or positive");
    }
    this.speed = speed;
  }

  public static Pacer asFastAsPossible() {
    return new Pacer(0);
  }

  /** Returns once the replay clock has reached {@code recordTimeNs}. */
  public void awaitRecordTime(long recordTimeNs) throws InterruptedException {
    if (speed == 0) {
      return;
    }
    long now = System.nanoTime();
    if (originRecordNs == Long.MIN_VALUE) {
      originRecordNs = recordTimeNs;
      originWallNs = now;
      return;
    }
    long dueNs = originWallNs + (long) ((recordTimeNs - originRecordNs) / speed);
    long waitNs = dueNs - now;
    if (waitNs > 0) {
      Thread.sleep(waitNs / 1_000_000L, (int) (waitNs % 1_000_000L));
    }
  }

  /** How long a stretch of recording takes to replay, in nanoseconds. */
  public long wallNanosFor(long recordNanos) {
    return speed == 0 ? 0 : (long) (recordNanos / speed);
  }
}
