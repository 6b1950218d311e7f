package org.marketflow.api.http;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * {@link RequestTargetGuardTest} against the packaged service, which starts by {@link ServiceMain}.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RequestTargetGuardITCase extends RequestTargetGuardTest {}
