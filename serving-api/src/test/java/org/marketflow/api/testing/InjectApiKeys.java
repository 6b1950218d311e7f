package org.marketflow.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that {@link PostgresTestResource} fills: a {@link TestApiKeys} of the test
 * database, or its {@link TestApiKeys.StandardKeys}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectApiKeys {}
