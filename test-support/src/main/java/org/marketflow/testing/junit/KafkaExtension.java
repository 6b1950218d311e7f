package org.marketflow.testing.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.marketflow.testing.servers.EmbeddedKafka;

/**
 * Injects the JVM's shared {@link EmbeddedKafka} and, for each {@link KafkaTopic} parameter, a
 * freshly created topic of its own (1 partition, or {@link TopicPartitions}).
 *
 * <pre>{@code
 * @ExtendWith(KafkaExtension.class)
 * class QuotesITCase {
 *   @Test
 *   void roundTrip(EmbeddedKafka kafka, @TopicPartitions(2) KafkaTopic quotes) { ... }
 * }
 * }</pre>
 *
 * <p>Topics are not deleted: their names are unique and the broker lives only as long as the JVM.
 */
public final class KafkaExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == EmbeddedKafka.class || type == KafkaTopic.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    if (parameter.getParameter().getType() == EmbeddedKafka.class) {
      return kafka;
    }
    int partitions =
        parameter.findAnnotation(TopicPartitions.class).map(TopicPartitions::value).orElse(1);
    String name = kafka.uniqueTopic(ExtensionContexts.testName(context));
    kafka.createTopic(name, partitions);
    return new KafkaTopic(name, partitions, kafka.bootstrapServers());
  }
}
