package org.marketflow.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplatesTest {

  @ParameterizedTest
  @CsvSource({
    "/api/institutional/market-data/ohlc, 200, /api/institutional/market-data/ohlc",
    "/api/institutional/market-data/ohlc, 400, /api/institutional/market-data/ohlc",
    "/api/institutional/market-data/export/3f2c9a10-77aa-4b1e-9d1c-0a1b2c3d4e5f/download, 200,"
        + " /api/institutional/market-data/export/{id}/download",
    "/api/institutional/admin/keys/12345/revoke, 200, /api/institutional/admin/keys/{id}/revoke",
    "/api/institutional/admin/accounts/ACME, 200, /api/institutional/admin/accounts/{id}",
    "/q/health, 200, /q/health",
    "/anything/at/all, 404, NOT_FOUND",
    "/a/b/c/d/e/f/g/h/i/j, 405, NOT_FOUND",
    "/, 200, /"
  })
  void pathsBecomeBoundedTemplates(String path, int status, String template) {
    assertThat(PathTemplates.of(path, status)).isEqualTo(template);
  }
}
