package org.marketflow.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.KafkaTestResource;
import org.marketflow.api.testing.PostgresTestResource;

/** Server pings every 200 ms; a client silent for 1.5 s is closed with 4001. */
@QuarkusTest
@TestProfile(LiveFeedHeartbeatTest.FastHeartbeat.class)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveFeedHeartbeatTest {

  /** Short heartbeat settings. */
  public static class FastHeartbeat implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "marketflow.live.ping-interval", "200ms", "marketflow.live.pong-timeout", "1500ms");
    }
  }

  @TestHTTPResource("/api/institutional/market-data/ws")
  URI http;

  URI ws() {
    return URI.create(http.toString().replaceFirst("^http", "ws"));
  }

  @Test
  void aClientThatAnswersNoPingIsClosed() throws Exception {
    try (RawWebSocket silent = RawWebSocket.connect(ws(), 65536)) {
      RawWebSocket.Frame first = silent.read();
      RawWebSocket.Frame close = silent.readUntilClose();

      assertThat(first.opcode()).isEqualTo(RawWebSocket.OPCODE_PING);
      assertThat(close.closeCode()).isEqualTo(CloseCodes.HEARTBEAT_TIMEOUT);
      assertThat(close.closeReason()).isEqualTo("no pong or message for 1500 ms");
    }
  }

  @Test
  void aClientThatAnswersPingsStaysOpen() throws Exception {
    try (LiveClient client = LiveClient.connect(ws())) {
      // 12 pings take 2.4 s, longer than the pong timeout: the pongs kept the client alive.
      await().atMost(Duration.ofSeconds(20)).until(() -> client.pings() >= 12);

      assertThat(client.isClosed()).isFalse();
      assertThat(
              client
                  .ask(LiveFeedTest.subscribe("\"trades\"", LiveFeedTest.instrument("SIM:HB")))
                  .get("type")
                  .asText())
          .isEqualTo("subscribed");
    }
  }
}
