package org.marketflow.benchmarks.live;

import java.net.URI;
import java.time.Duration;

/**
 * A run of {@link LiveFeedLoad}.
 *
 * @param clients WebSocket clients, each subscribed to the trades of every instrument
 * @param rate trades published per second
 * @param instruments instruments {@code SIM:LIVE0..} the trades go round
 * @param warmup published before the measured window
 * @param measured the measured window
 * @param serviceUrl a running service, or null to start the packaged one
 * @param bootstrapServers the Kafka of {@code serviceUrl}, or null for an in-process one
 * @param topic the trades topic of {@code serviceUrl}
 * @param apiKey a key with the read permission for {@code serviceUrl}; a started service makes one
 */
public record LiveFeedLoadOptions(
    int clients,
    double rate,
    int instruments,
    Duration warmup,
    Duration measured,
    URI serviceUrl,
    String bootstrapServers,
    String topic,
    String apiKey) {}
