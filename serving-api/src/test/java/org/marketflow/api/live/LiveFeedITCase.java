package org.marketflow.api.live;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.marketflow.api.testing.KafkaTestResource;
import org.marketflow.api.testing.PostgresTestResource;

/** {@link LiveFeedTest} against the packaged service ({@code quarkus-run.jar}, prod profile). */
@QuarkusIntegrationTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveFeedITCase extends LiveFeedTest {}
