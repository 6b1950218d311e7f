package org.marketflow.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PartitionUpkeepTest {

  @Test
  void reportsAnUnreachableDatabaseInsteadOfThrowing() throws IOException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/marketflow");
    dataSource.setConnectTimeout(2);

    PartitionUpkeep.Result result = new PartitionUpkeep(dataSource).run();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure()).contains("Connection to 127.0.0.1");
    assertThat(result.created()).isEmpty();
  }

  /** A port nobody listens on: bound, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
