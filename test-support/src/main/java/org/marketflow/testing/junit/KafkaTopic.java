package org.marketflow.testing.junit;

/**
 * A topic created for one test by {@link KafkaExtension}; no other test uses it.
 *
 * @param name the topic name
 * @param partitions its partition count (1 unless the parameter is annotated {@link
 *     TopicPartitions})
 * @param bootstrapServers the broker's {@code bootstrap.servers}
 */
public record KafkaTopic(String name, int partitions, String bootstrapServers) {}
