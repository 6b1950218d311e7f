package org.marketflow.api.error;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.marketflow.api.testing.PostgresTestResource;

/** {@link ErrorResponsesTest} against the packaged service ({@code quarkus-run.jar}). */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ErrorResponsesITCase extends ErrorResponsesTest {}
