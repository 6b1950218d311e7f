package org.marketflow.api.marketdata.ohlc;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/**
 * {@link OhlcResourceTest} against the packaged service ({@code quarkus-run.jar}, prod profile).
 */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OhlcResourceITCase extends OhlcResourceTest {}
