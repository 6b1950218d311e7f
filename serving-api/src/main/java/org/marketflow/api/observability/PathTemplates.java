package org.marketflow.api.observability;

/**
 * The path a request is counted and logged under: the real path for the API's fixed paths, with
 * every segment that looks like an identifier replaced by {@code {id}}, and one {@code NOT_FOUND}
 * bucket for unknown paths, so that the number of time series stays bounded whatever clients send.
 * Query strings are never part of it (they may carry values a log should not keep).
 */
final class PathTemplates {

  static final String NOT_FOUND = "NOT_FOUND";
  private static final int MAX_SEGMENTS = 8;

  private PathTemplates() {}

  static String of(String path, int status) {
    if (status == 404 || path == null || path.isEmpty() || path.length() > 256) {
      return NOT_FOUND;
    }
    String[] segments = path.split("/", -1);
    if (segments.length > MAX_SEGMENTS + 1) {
      return NOT_FOUND;
    }
    StringBuilder template = new StringBuilder(path.length());
    for (int i = 1; i < segments.length; i++) {
      template.append('/').append(looksLikeId(segments[i]) ? "{id}" : segments[i]);
    }
    return template.length() == 0 ? "/" : template.toString();
  }

  /** Anything with a digit and longer than a short word, or not a plain lowercase word. */
  private static boolean looksLikeId(String segment) {
    boolean digit = false;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!(c >= 'a' && c <= 'z') && c != '-') {
        return true;
      }
    }
    return digit && segment.length() > 3;
  }
}
