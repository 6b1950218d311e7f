package org.marketflow.ingest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketflow.ingest.feed.Discard;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.live.LiveConnection;
import org.marketflow.ingest.record.Recorder;
import org.marketflow.ingest.replay.ReplayStats;
import org.marketflow.ingest.venues.VenueFeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description =
        "Connects to a venue like 'live' and writes its raw messages (and Binance's REST"
            + " snapshots) in the hftbacktest format, <receive ns> <raw> per line, gzip, rotating"
            + " files by size or age. 'ingest replay' and 'ingest check' read them.")
final class RecordCommand implements Callable<Integer> {

  @Mixin LiveArguments live = new LiveArguments();

  @Option(names = "--out", required = true, description = "The directory to write to.")
  Path directory;

  @Option(
      names = "--rotate-mb",
      defaultValue = "256",
      description =
          "Start a new file once one holds this many MB, compressed (default: ${DEFAULT-VALUE}).")
  double rotateMegabytes;

  @Option(
      names = "--rotate-minutes",
      defaultValue = "60",
      description = "Start a new file once one is this old (default: ${DEFAULT-VALUE}).")
  long rotateMinutes;

  @Override
  public Integer call() throws Exception {
    if (!(rotateMegabytes > 0) || rotateMinutes <= 0) {
      throw new IllegalArgumentException("--rotate-mb and --rotate-minutes must be positive");
    }
    Files.createDirectories(directory);
    Venue venue = live.venue();
    LiveConnection connection = live.connection();
    FeedTally tally = new FeedTally(Discard.INSTANCE);
    try (Recorder recorder =
        new Recorder(
            venue,
            List.copyOf(live.symbols),
            VenueFeeds.create(venue, tally, venue.stage("record"), connection, live.symbols()),
            connection,
            directory,
            (long) (rotateMegabytes * (1 << 20)),
            Duration.ofMinutes(rotateMinutes))) {
      live.run(connection, recorder);
      recorder.close();
      System.out.println(
          "record "
              + venue.cliName()
              + ": "
              + recorder.lines()
              + " lines in "
              + recorder.files()
              + " files under "
              + directory
              + ", "
              + connection.connections()
              + " connections, "
              + ReplayStats.summary(tally));
    }
    return 0;
  }
}
