package org.marketflow.jobs.common.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatermarkBatchesTest {

  /** Records "key:n", keyed by what comes before the colon. */
  private static final KeySelector<String, String> KEY = s -> s.substring(0, s.indexOf(':'));

  private OneInputStreamOperatorTestHarness<String, List<String>> harness;

  @BeforeEach
  void open() throws Exception {
    harness = new OneInputStreamOperatorTestHarness<>(new WatermarkBatches<>(KEY, 3));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void sendsEachKeysRecordsInTheirOrderBeforeTheWatermark() throws Exception {
    send("a:1", 10);
    send("b:1", 11);
    send("a:2", 15);
    assertThat(harness.getOutput()).isEmpty();

    harness.processWatermark(new Watermark(9));

    List<Object> output = new ArrayList<>(harness.getOutput());
    assertThat(output).hasSize(3);
    assertThat(output.subList(0, 2))
        .containsExactlyInAnyOrder(
            new StreamRecord<>(List.of("a:1", "a:2"), 15), new StreamRecord<>(List.of("b:1"), 11));
    assertThat(output.get(2)).isEqualTo(new Watermark(9));
  }

  @Test
  void sendsAFullListAtOnce() throws Exception {
    send("a:1", 1);
    send("a:2", 2);
    send("a:3", 3);
    send("a:4", 4);

    assertThat(records()).containsExactly(List.of("a:1", "a:2", "a:3"));
    harness.processWatermark(new Watermark(0));
    assertThat(records()).containsExactly(List.of("a:1", "a:2", "a:3"), List.of("a:4"));
  }

  @Test
  void sendsEverythingBeforeAnIdleStatusButNotBeforeAnActiveOne() throws Exception {
    send("a:1", 1);
    harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
    assertThat(records()).isEmpty();

    harness.processWatermarkStatus(WatermarkStatus.IDLE);

    assertThat(new ArrayList<>(harness.getOutput()))
        .containsExactly(
            WatermarkStatus.ACTIVE, new StreamRecord<>(List.of("a:1"), 1), WatermarkStatus.IDLE);
  }

  @Test
  void keepsNothingInACheckpoint() throws Exception {
    send("a:1", 1);
    send("b:1", 2);

    harness.prepareSnapshotPreBarrier(1L);
    assertThat(records()).containsExactlyInAnyOrder(List.of("a:1"), List.of("b:1"));
    var snapshot = harness.snapshot(1L, 1L);

    var restored = new OneInputStreamOperatorTestHarness<>(new WatermarkBatches<>(KEY, 3));
    restored.initializeState(snapshot);
    restored.open();
    restored.processWatermark(new Watermark(100));
    assertThat(restored.getOutput()).containsExactly(new Watermark(100));
    restored.close();
  }

  @Test
  void sendsWhatIsLeftAtTheEndOfTheInput() throws Exception {
    send("a:1", 1);
    harness.getOperator().finish();
    assertThat(records()).containsExactly(List.of("a:1"));
  }

  @Test
  void aListOfUntimedRecordsHasNoTimestamp() throws Exception {
    harness.processElement(new StreamRecord<>("a:1"));
    harness.processWatermark(new Watermark(0));

    @SuppressWarnings("unchecked")
    StreamRecord<List<String>> record = (StreamRecord<List<String>>) harness.getOutput().peek();
    assertThat(record.getValue()).containsExactly("a:1");
    assertThat(record.hasTimestamp()).isFalse();
  }

  @Test
  void refusesAnEmptyListSize() {
    assertThatThrownBy(() -> new WatermarkBatches<>(KEY, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void send(String value, long timestamp) throws Exception {
    harness.processElement(new StreamRecord<>(value, timestamp));
  }

  @SuppressWarnings("unchecked")
  private List<List<String>> records() {
    ConcurrentLinkedQueue<Object> output = harness.getOutput();
    return output.stream()
        .filter(StreamRecord.class::isInstance)
        .map(r -> ((StreamRecord<List<String>>) r).getValue())
        .toList();
  }
}
