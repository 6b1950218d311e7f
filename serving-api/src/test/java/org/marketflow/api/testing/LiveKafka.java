package org.marketflow.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} field of a test that {@link KafkaTestResource} fills with the live feed's
 * Kafka coordinates: {@code "<bootstrap servers> <trades topic> <orderbook topic> <statistics
 * topic>"}. Text, not an object: the resource and the test may live in different class loaders.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LiveKafka {}
