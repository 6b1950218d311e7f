/**
 * The service's error contract: every error is an {@link org.marketflow.api.error.ErrorResponse}
 * with a stable {@link org.marketflow.api.error.ErrorCode}, whether it comes from validation, the
 * framework (unknown path, wrong method), the database or a bug.
 */
package org.marketflow.api.error;
