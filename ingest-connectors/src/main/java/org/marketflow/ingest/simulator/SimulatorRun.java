package org.marketflow.ingest.simulator;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.marketflow.schemas.avro.Trade;

/**
 * Drives a {@link TradeTape} in real time: each trade goes out when the wall clock reaches its
 * event time, so the simulator feeds a live pipeline like a venue would.
 */
public final class SimulatorRun {

  private final TradeTape simulator;
  private final LongSupplier clockUs;

  public SimulatorRun(TradeTape simulator, LongSupplier clockUs) {
    this.simulator = simulator;
    this.clockUs = clockUs;
  }

  /** Publishes trades until {@code maxTrades} are out or the thread is interrupted. */
  public long run(long maxTrades, Consumer<Trade> sink) {
    long sent = 0;
    while (sent < maxTrades && !Thread.currentThread().isInterrupted()) {
      Trade trade = simulator.next();
      long waitUs = trade.getExchangeTimeUs() - clockUs.getAsLong();
      if (waitUs > 0) {
        try {
          Thread.sleep(waitUs / 1_000L, (int) (waitUs % 1_000L) * 1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      sink.accept(trade);
      sent++;
    }
    return sent;
  }
}
