package org.marketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.replay.BinanceReplay;
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * The packaged job jar submitted the way {@code flink run} submits it: its main class run in the
 * jar's own class loader to build the job graph, the jar shipped with the graph to the cluster.
 * Proves the shading (connectors, driver, Flyway) and the manifest, not just the code.
 */
class OhlcJobJarITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @Test
  void theShadedJarRunsOnACluster(@InjectClusterClient ClusterClient<?> cluster) throws Exception {
    Path recording = SharedData.file("binance-hftbacktest/spot_ethusdt_20240808.gz");
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String trades = kafka.uniqueTopic("trades");
    String bars = kafka.uniqueTopic("bars");
    String deadLetters = kafka.uniqueTopic("dead-letters");
    kafka.createTopic(trades, 2);
    try (PostgresDatabase db = LocalPostgres.shared().createDatabase("jar")) {
      try (NormalizedPublisher publisher =
          new NormalizedPublisher(kafka.bootstrapServers(), trades, deadLetters)) {
        new BinanceReplay("BINANCE", publisher, Pacer.asFastAsPossible()).replay(recording);
      }

      PackagedProgram program =
          PackagedProgram.newBuilder()
              .setJarFile(jobJar().toFile())
              .setArguments(
                  "--kafka.bootstrap-servers",
                  kafka.bootstrapServers(),
                  "--topic.trades",
                  trades,
                  "--topic.bars",
                  bars,
                  "--topic.dead-letters",
                  deadLetters,
                  "--kafka.group-id",
                  "jar-" + trades,
                  "--source.start",
                  "EARLIEST",
                  "--source.stop",
                  "LATEST",
                  "--jdbc.url",
                  db.jdbcUrl(),
                  "--jdbc.user",
                  db.user(),
                  "--jdbc.password",
                  db.password())
              .build();
      JobGraph graph =
          PackagedProgramUtils.createJobGraph(
              program, new Configuration(), FlinkMiniCluster.PARALLELISM, false);
      assertThat(graph.getUserJars()).isNotEmpty();
      JobID job = cluster.submitJob(graph).get();
      JobResult result = cluster.requestJobResult(job).get();
      assertThat(result.getSerializedThrowable()).isEmpty();

      Map<Long, ReferenceBars.Bar> expected = ReferenceBars.fromRecording(recording);
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*), sum(trade_count) FROM ohlc_bars"
                      + " WHERE instrument = 'BINANCE:ETHUSDT' AND bar_interval = '1m'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(expected.size());
        assertThat(rs.getLong(2)).isEqualTo(6_106);
      }
    }
  }

  /** The jar {@code flink run} takes: {@code jobs-ohlc/target/jobs-ohlc-*-flink.jar}. */
  private static Path jobJar() throws Exception {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path target = dir.resolve("jobs-ohlc/target");
      if (Files.isDirectory(target)) {
        try (var jars = Files.list(target)) {
          return jars.filter(p -> p.getFileName().toString().endsWith("-flink.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("package jobs-ohlc first"));
        }
      }
    }
    throw new IllegalStateException("jobs-ohlc/target not found");
  }
}
