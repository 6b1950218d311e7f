package org.marketflow.api.export;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ExportResourceTest} against the packaged service ({@code quarkus-run.jar}, prod profile):
 * Parquet, CSV and the job threads as deployed.
 */
@QuarkusIntegrationTest
@WithTestResource(value = ExportTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ExportResourceITCase extends ExportResourceTest {}
