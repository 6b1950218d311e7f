package org.marketflow.testing.servers;

/** Small helpers for {@code jdbc:postgresql://host:port/database?params} URLs. */
final class JdbcUrls {

  private static final String SCHEME = "jdbc:postgresql://";

  private JdbcUrls() {}

  /** Returns {@code url} pointing at {@code database} instead, keeping host, port and params. */
  static String withDatabase(String url, String database) {
    if (!url.startsWith(SCHEME)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
    }
    int queryStart = url.indexOf('?');
    String query = queryStart < 0 ? "" : url.substring(queryStart);
    String withoutQuery = queryStart < 0 ? url : url.substring(0, queryStart);
    int pathStart = withoutQuery.indexOf('/', SCHEME.length());
    String hostAndPort = pathStart < 0 ? withoutQuery : withoutQuery.substring(0, pathStart);
    return hostAndPort + "/" + database + query;
  }
}
