package org.marketflow.api.marketdata.orderbook;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/** {@link OrderBookResourceTest} against the packaged service. */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OrderBookResourceITCase extends OrderBookResourceTest {}
