package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void replacesTheDatabase() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:55432/marketflow", "t_1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:55432/t_1");
  }

  @Test
  void keepsTheParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:1/db?ssl=false&x=y", "other"))
        .isEqualTo("jdbc:postgresql://h:1/other?ssl=false&x=y");
  }

  @Test
  void addsADatabaseWhenTheUrlHasNone() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:1", "d"))
        .isEqualTo("jdbc:postgresql://h:1/d");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:1?ssl=false", "d"))
        .isEqualTo("jdbc:postgresql://h:1/d?ssl=false");
  }

  @Test
  void rejectsOtherDatabases() {
    assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/db", "d"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
