package org.marketflow.api.marketdata.statistics;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/** {@link StatisticsResourceTest} against the packaged service. */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StatisticsResourceITCase extends StatisticsResourceTest {}
