package org.marketflow.api.error;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code details} of an {@link ErrorCode#INVALID_PARAMETER} error: which parameter, the value
 * received ({@code null} when it was missing) and what was expected.
 */
@JsonPropertyOrder({"parameter", "value", "reason"})
public record ParameterProblem(String parameter, String value, String reason) {}
