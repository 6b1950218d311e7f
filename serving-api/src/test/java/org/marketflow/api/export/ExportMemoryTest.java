package org.marketflow.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * An export holds a bounded number of rows, not the whole result: while 100,001 trades stream out,
 * the live heap (measured after a full collection) stays within a few MiB of what it was before.
 * Had the driver loaded the result at once (autocommit on, or no fetch size), the rows alone would
 * hold some 30 MiB at that point.
 */
@QuarkusTest
@WithTestResource(value = ExportTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExportMemoryTest {

  /** Half the ~33 MiB that 100,001 rows held when the driver loaded the whole result. */
  private static final long MAX_GROWTH_BYTES = 16L * 1024 * 1024;

  @Inject ExportStreamer streamer;

  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Discards what it is given and samples the live heap once, halfway through the export. */
  private static final class SamplingSink extends OutputStream {
    private final long sampleAt;
    private long written;
    private long sample = -1;

    SamplingSink(long sampleAt) {
      this.sampleAt = sampleAt;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      written += len;
      if (sample < 0 && written >= sampleAt) {
        sample = liveHeap();
      }
    }
  }

  @Test
  void streamsAHundredThousandRowsInBoundedMemory() throws Exception {
    ExportRequest request =
        new ExportRequest(
            ExportType.TRADES,
            ExportFormat.JSON,
            InstrumentSelector.exactly(InstrumentId.parse(ExportFixtures.BIG)),
            ExportFixtures.BIG,
            ExportFixtures.BIG_START,
            ExportFixtures.BIG_START.plusSeconds(3600),
            null,
            null,
            false);
    // A first run sizes the sample point (half the gzip file) and warms the code up.
    SamplingSink warmUp = new SamplingSink(Long.MAX_VALUE);
    assertThat(streamer.write(request, warmUp)).isEqualTo(ExportFixtures.BIG_COUNT);

    long before = liveHeap();
    SamplingSink sink = new SamplingSink(warmUp.written / 2);
    assertThat(streamer.write(request, sink)).isEqualTo(ExportFixtures.BIG_COUNT);

    assertThat(sink.sample).isPositive();
    assertThat(sink.sample - before).isLessThan(MAX_GROWTH_BYTES);
  }
}
