package org.marketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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
import org.marketflow.ingest.replay.Pacer;
import org.marketflow.ingest.replay.Replay;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * The packaged job jar submitted the way {@code flink run} submits it: its main class run in the
 * jar's own class loader to build the job graph, the jar shipped with the graph to the cluster.
 * Proves the shading (connectors, driver) and the manifest, not just the code; the database is
 * migrated first by the deployment step's own jar, as a deployment would.
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
        new Replay(publisher, Pacer.asFastAsPossible()).replay(recording);
      }

      migrateWithTheCommandJar(db);
      assertThat(entries(jobJar()))
          .as("migrations are a deployment step: no Flyway in a job's jar")
          .noneMatch(name -> name.startsWith("org/flywaydb/"))
          .contains("org/marketflow/jobs/common/JobRunner.class");

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

  /** Runs {@code java -jar db-migrate-*-all.jar} against {@code db}, as a deployment would. */
  private static void migrateWithTheCommandJar(PostgresDatabase db) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                packaged("db-migrate", "-all.jar").toString(),
                "--jdbc-url",
                db.jdbcUrl(),
                "--user",
                db.user(),
                "--password",
                db.password())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("schema at version \\d+");
  }

  /** The jar {@code flink run} takes: {@code jobs-ohlc/target/jobs-ohlc-*-flink.jar}. */
  private static Path jobJar() throws Exception {
    return packaged("jobs-ohlc", "-flink.jar");
  }

  private static List<String> entries(Path jar) throws Exception {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }

  /** {@code <module>/target/<module>-*<suffix>}, from the working directory or a parent. */
  private static Path packaged(String module, String suffix) throws Exception {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path target = dir.resolve(module).resolve("target");
      if (Files.isDirectory(target)) {
        try (var jars = Files.list(target)) {
          return jars.filter(p -> p.getFileName().toString().endsWith(suffix))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("package " + module + " first"));
        }
      }
    }
    throw new IllegalStateException(module + "/target not found");
  }
}
