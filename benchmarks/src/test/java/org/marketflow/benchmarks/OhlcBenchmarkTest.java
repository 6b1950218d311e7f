package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OhlcBenchmarkTest {

  private static BenchmarkOptions parse(String... args) {
    OhlcBenchmark command = new OhlcBenchmark();
    new CommandLine(command).parseArgs(args);
    return command.options();
  }

  @Test
  void defaultsToTenMillionTradesOnTwoPartitionsWithParallelismTwo() {
    BenchmarkOptions options = parse();

    assertThat(options.trades()).isEqualTo(10_000_000L);
    assertThat(options.instruments()).isEqualTo(20);
    assertThat(options.partitions()).isEqualTo(2);
    assertThat(options.parallelism()).isEqualTo(2);
    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.tradesPerSecond()).isEqualTo(1_000);
    assertThat(options.embeddedKafka()).isTrue();
  }

  @Test
  void parallelismFollowsPartitionsUnlessGiven() {
    assertThat(parse("--partitions", "4").parallelism()).isEqualTo(4);
    assertThat(parse("--partitions", "4", "--parallelism", "1").parallelism()).isEqualTo(1);
  }

  @Test
  void readsEveryOption() {
    BenchmarkOptions options =
        parse(
            "--trades", "20000",
            "--instruments", "5",
            "--runs", "1",
            "--trades-per-second", "250.5",
            "--bootstrap-servers", "localhost:9092");

    assertThat(options)
        .isEqualTo(new BenchmarkOptions(20_000, 5, 2, 2, 1, 250.5, "localhost:9092"));
    assertThat(options.embeddedKafka()).isFalse();
  }

  @Test
  void rejectsANonPositiveTradeCountNamingTheOption() {
    assertThatThrownBy(() -> parse("--trades", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--trades must be positive, not 0");
  }

  @Test
  void rejectsMoreInstrumentsThanTheIdsCanName() {
    assertThatThrownBy(() -> parse("--instruments", "1001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--instruments must be at most 1000, not 1001");
  }

  @Test
  void rejectsANonPositiveMarketRate() {
    assertThatThrownBy(() -> parse("--trades-per-second", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--trades-per-second must be a positive number, not 0.0");
  }

  @Test
  void exitsWithTheUsageCodeOnAnUnknownOption() {
    CommandLine commandLine = new CommandLine(new OhlcBenchmark());
    commandLine.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));

    assertThat(commandLine.execute("--tardes", "5")).isEqualTo(2);
  }
}
