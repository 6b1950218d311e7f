package org.marketflow.testing.junit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.PostgresServer;

/**
 * Injects a {@link PostgresDatabase} created for the test class (default) or for each test, and
 * drops it afterwards; also injects the {@link PostgresServer} itself.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)           // one database per test class
 * class RepositoryITCase { ... }
 *
 * @RegisterExtension                              // one database per test, prepared first
 * static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();
 * }</pre>
 *
 * <p>Databases start empty unless an initializer (e.g. the schema migrations) is given.
 */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  private final boolean databasePerTest;
  private final Consumer<PostgresDatabase> initializer;

  /** One database per test class; what {@code @ExtendWith(PostgresExtension.class)} gives. */
  public PostgresExtension() {
    this(false, database -> {});
  }

  private PostgresExtension(boolean databasePerTest, Consumer<PostgresDatabase> initializer) {
    this.databasePerTest = databasePerTest;
    this.initializer = initializer;
  }

  /** One database shared by the tests of a class. */
  public static PostgresExtension perClass() {
    return new PostgresExtension();
  }

  /** A fresh database for every test method. */
  public static PostgresExtension perTest() {
    return new PostgresExtension(true, database -> {});
  }

  /**
   * Migrates each new database to the suite's schema before a test sees it, as the deployment step
   * does. Needs Flyway ({@code flyway-database-postgresql}) on the test classpath.
   */
  public PostgresExtension migrated() {
    return withInitializer(
        database ->
            DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password()));
  }

  /** Runs {@code initializer} on each new database before a test sees it. */
  public PostgresExtension withInitializer(Consumer<PostgresDatabase> initializer) {
    return new PostgresExtension(databasePerTest, Objects.requireNonNull(initializer));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PostgresDatabase.class || type == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == PostgresServer.class) {
      return LocalPostgres.shared();
    }
    ExtensionContext owner =
        databasePerTest && context.getTestMethod().isPresent()
            ? context
            : ExtensionContexts.classContext(context);
    // The store closes AutoCloseable values when the owning context ends: that drops the database.
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            PostgresDatabase.class, key -> createDatabase(owner), PostgresDatabase.class);
  }

  private PostgresDatabase createDatabase(ExtensionContext owner) {
    PostgresDatabase database =
        LocalPostgres.shared().createDatabase(ExtensionContexts.testName(owner));
    try {
      initializer.accept(database);
      return database;
    } catch (RuntimeException | Error e) {
      database.close();
      throw e;
    }
  }
}
