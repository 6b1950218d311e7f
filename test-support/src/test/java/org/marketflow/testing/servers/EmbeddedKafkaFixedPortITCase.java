package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The launcher's way: a broker of its own on a port chosen up front. */
class EmbeddedKafkaFixedPortITCase {

  @Test
  void servesClientsOnTheRequestedPort() throws Exception {
    int port = freePort();

    try (EmbeddedKafka kafka = EmbeddedKafka.start(port)) {
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      kafka.createTopic("launcher-quotes", 2);

      KafkaRoundTrip.send(kafka.bootstrapServers(), "launcher-quotes", "ETHUSD", "3120.5");

      assertThat(KafkaRoundTrip.readFromStart(kafka.bootstrapServers(), "launcher-quotes", 1))
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("ETHUSD", "3120.5"));
    }

    assertThat(freePortIsBindable(port)).as("port released on close").isTrue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean freePortIsBindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
