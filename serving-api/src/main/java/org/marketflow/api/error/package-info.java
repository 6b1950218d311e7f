/**
 * The service's error contract: every error is an {@link org.marketflow.api.error.ErrorResponse}
 * with a stable {@link org.marketflow.api.error.ErrorCode}, whether it comes from validation, the
 * framework (unknown path, wrong method), the database or a bug.
 *
 * <p>The one place for errors: the codes, the body, and the exception mappers of every feature. A
 * later feature's failures (a missing API key, a rate limit) get their own code and mapper here.
 */
package org.marketflow.api.error;
