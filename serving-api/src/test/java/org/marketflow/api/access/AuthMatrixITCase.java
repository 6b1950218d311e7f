package org.marketflow.api.access;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AuthMatrixTest} against the packaged service ({@code quarkus-run.jar}, prod profile). */
@QuarkusIntegrationTest
class AuthMatrixITCase extends AuthMatrixTest {}
