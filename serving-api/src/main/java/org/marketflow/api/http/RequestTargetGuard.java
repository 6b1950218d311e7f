package org.marketflow.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.RoutingErrors;

/**
 * Checks every request target before any route runs, and answers a bad one with an {@code
 * ErrorResponse}:
 *
 * <ul>
 *   <li>longer than {@link #MAX_TARGET_LENGTH} characters: 414;
 *   <li>a byte outside printable ASCII, or what {@link URI} refuses (a bad percent-encoding such as
 *       {@code %}, {@code %G1} or {@code %2}): 400;
 *   <li>a method other than GET or HEAD on the management paths ({@code /q/...}: health, metrics,
 *       the API document): 405 with {@code Allow}.
 * </ul>
 *
 * <p>Quarkus makes the same URI check itself but answers with an empty 400; {@link ServiceMain}
 * turns that check off so that this one answers instead.
 */
@ApplicationScoped
public class RequestTargetGuard {

  /** The longest request target (path and query) accepted, in characters. */
  public static final int MAX_TARGET_LENGTH = 8192;

  static final String MANAGEMENT_ROOT = "/q/";

  private final RoutingErrors errors;

  public RequestTargetGuard(RoutingErrors errors) {
    this.errors = errors;
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
  }

  void check(RoutingContext context) {
    String target = context.request().uri();
    if (target == null || target.isEmpty()) {
      reject(context, 400, ErrorCode.BAD_REQUEST, "empty request target");
    } else if (target.length() > MAX_TARGET_LENGTH) {
      errors.answer(
          context,
          414,
          ErrorCode.URI_TOO_LONG,
          "URI Too Long",
          Map.of("length", target.length(), "maxLength", MAX_TARGET_LENGTH));
    } else {
      String problem = problem(target);
      if (problem != null) {
        reject(context, 400, ErrorCode.BAD_REQUEST, problem);
      } else if (isManagementWrite(context)) {
        context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
        errors.answer(
            context,
            405,
            ErrorCode.METHOD_NOT_ALLOWED,
            "Method Not Allowed",
            Map.of("path", context.request().path(), "method", context.request().method().name()));
      } else {
        context.next();
      }
    }
  }

  /** Why {@code target} is not a valid request target, or null when it is. */
  static String problem(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return String.format(
            "byte 0x%02X at position %d of the request target: only printable ASCII is allowed;"
                + " percent-encode anything else",
            (int) c & 0xff, i);
      }
    }
    try {
      new URI(target);
      return null;
    } catch (URISyntaxException e) {
      return "malformed request target: " + e.getReason() + " at position " + e.getIndex();
    }
  }

  private static boolean isManagementWrite(RoutingContext context) {
    HttpMethod method = context.request().method();
    String path = context.request().path();
    return path != null
        && path.startsWith(MANAGEMENT_ROOT)
        && !HttpMethod.GET.equals(method)
        && !HttpMethod.HEAD.equals(method);
  }

  private void reject(RoutingContext context, int status, ErrorCode code, String reason) {
    errors.answer(
        context, status, code, "Bad Request", Map.of("reason", reason, "part", "request target"));
  }
}
