package org.marketflow.ingest.cli;

import java.util.concurrent.Callable;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.live.LiveConnection;
import org.marketflow.ingest.metrics.FeedMonitor;
import org.marketflow.ingest.venues.VenueFeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    description =
        "Connects to a venue's public WebSocket (and REST, for Binance's book snapshots) and"
            + " publishes its trades, quotes, books and feed status to Kafka until stopped.")
final class LiveCommand implements Callable<Integer> {

  @Mixin LiveArguments live = new LiveArguments();

  @Mixin IngestCli.KafkaOptions kafka = new IngestCli.KafkaOptions();

  @Mixin MonitoringOptions monitoring = new MonitoringOptions();

  @Override
  public Integer call() throws Exception {
    Venue venue = live.venue();
    LiveConnection connection = live.connection();
    try (NormalizedPublisher publisher = kafka.publisher();
        FeedMonitor monitor = monitoring.monitor("live " + venue.cliName(), venue, publisher)) {
      publisher.onAcknowledged(monitor.output()::acknowledged);
      VenueFeed feed =
          VenueFeeds.create(
              venue, monitor.output(), venue.stage("live"), connection, live.symbols());
      live.run(connection, feed);
      publisher.flush();
      System.out.println(
          "live " + venue.cliName() + ": " + connection.connections() + " connections");
    }
    return 0;
  }
}
