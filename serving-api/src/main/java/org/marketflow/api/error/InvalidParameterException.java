package org.marketflow.api.error;

/** A query parameter that is missing, malformed or conflicting: answered with 400. */
public class InvalidParameterException extends ApiException {

  public InvalidParameterException(String parameter, String value, String reason) {
    super(
        ErrorCode.INVALID_PARAMETER,
        "Invalid parameter '" + parameter + "'",
        new ParameterProblem(parameter, value, reason));
  }

  public ParameterProblem problem() {
    return (ParameterProblem) details();
  }
}
