package org.marketflow.benchmarks.flink;

/**
 * The loaded topic, as both jobs read it from the earliest to the latest offsets.
 *
 * @param groupId a fresh consumer group per job, so no committed offset is ever picked up
 */
public record KafkaTopicSource(String bootstrapServers, String topic, String groupId) {}
