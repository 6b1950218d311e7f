package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.benchmarks.flink.FinalBooks;
import org.marketflow.benchmarks.flink.MicrostructureRun;
import org.marketflow.benchmarks.flink.PlainBookJob;
import org.marketflow.benchmarks.flink.ShuffleFloorJob;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;

/**
 * Everything one microstructure benchmark measured, in run order.
 *
 * @param kafka which broker served the topic
 * @param microstructureSeconds the rows the job must emit: instruments × seconds with an update
 * @param cpu the process's CPU time during each run of each measurement
 * @param stateBytes the final books as they are in keyed state
 * @param wall the whole run: broker start, load and every measurement
 */
public record MicrostructureBenchmarkResult(
    MicrostructureBenchmarkOptions options,
    String kafka,
    TopicLoader.Load load,
    List<RawTopicReader.Read> raw,
    List<MicrostructureRun> job,
    List<PlainBookJob.BookRun> plain,
    List<ShuffleFloorJob.FloorRun> floor,
    List<ShuffleFloorJob.FloorRun> decodingFloor,
    CpuTimes cpu,
    long microstructureSeconds,
    FinalBooks.StateBytes stateBytes,
    Duration wall) {

  /** What contradicts a faithful run; empty when every update was read and applied. */
  public List<String> problems() {
    long updates = options.updates();
    List<String> problems = new ArrayList<>();
    for (RawTopicReader.Read read : raw) {
      if (read.records() != updates) {
        problems.add("(a) read " + read.records() + " records, not " + updates);
      }
    }
    for (MicrostructureRun run : job) {
      if (run.deadLetters() != 0) {
        problems.add("(b) rejected " + run.deadLetters() + " records to dead letters");
      }
      if (run.microstructure() != microstructureSeconds) {
        problems.add(
            "(b) emitted "
                + run.microstructure()
                + " microstructure rows, not one per instrument and second with an update ("
                + microstructureSeconds
                + ")");
      }
    }
    for (PlainBookJob.BookRun run : plain) {
      if (run.updates() != updates) {
        problems.add("(c) applied " + run.updates() + " updates, not " + updates);
      }
    }
    for (ShuffleFloorJob.FloorRun run : floor) {
      if (run.records() != updates) {
        problems.add("(d) counted " + run.records() + " records, not " + updates);
      }
    }
    for (ShuffleFloorJob.FloorRun run : decodingFloor) {
      if (run.records() != updates) {
        problems.add("(e) decoded " + run.records() + " records, not " + updates);
      }
    }
    if (job.stream().map(MicrostructureRun::ticks).distinct().count() > 1) {
      problems.add(
          "(b) emitted different numbers of ticks: "
              + job.stream().map(MicrostructureRun::ticks).toList());
    }
    return problems;
  }

  public boolean consistent() {
    return problems().isEmpty();
  }

  /** The CPU time of each run of (a) to (e), in run order. */
  public record CpuTimes(
      List<Duration> raw,
      List<Duration> job,
      List<Duration> plain,
      List<Duration> floor,
      List<Duration> decodingFloor) {

    static CpuTimes empty() {
      return new CpuTimes(
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>());
    }
  }
}
