package org.marketflow.testing.junit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.marketflow.testing.servers.EmbeddedNeo4j;
import org.neo4j.driver.Driver;

/**
 * Injects the shared {@link EmbeddedNeo4j} or its Bolt {@link Driver} (do not close it), and
 * {@linkplain EmbeddedNeo4j#wipe() wipes} the database before each test so every test starts from
 * an empty graph. Test classes using it must therefore not run concurrently in one JVM.
 *
 * <p>Needs {@code neo4j-harness} and {@code neo4j-java-driver} on the test classpath.
 */
public final class Neo4jExtension implements BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeEach(ExtensionContext context) {
    EmbeddedNeo4j.shared().wipe();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == EmbeddedNeo4j.class || type == Driver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    EmbeddedNeo4j neo4j = EmbeddedNeo4j.shared();
    return parameter.getParameter().getType() == Driver.class ? neo4j.driver() : neo4j;
  }
}
