package org.marketflow.schemas.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BacktestNameTest {

  @Test
  void namesTheSchemaAndTopicsOfTheBacktest() {
    BacktestName name = new BacktestName("q1_momentum");

    assertThat(name.schema()).isEqualTo("backtest_q1_momentum");
    assertThat(name.topic("md.derived.bars")).isEqualTo("md.derived.bars.backtest.q1_momentum");
    assertThat(name.suffix()).isEqualTo(".backtest.q1_momentum");
    assertThat(name).hasToString("q1_momentum");
  }

  @Test
  void pointsAJdbcUrlAtTheBacktestsSchemaAlone() {
    BacktestName name = new BacktestName("q1");

    assertThat(name.jdbcUrl("jdbc:postgresql://db:5432/marketflow"))
        .isEqualTo("jdbc:postgresql://db:5432/marketflow?currentSchema=backtest_q1");
    assertThat(name.jdbcUrl("jdbc:postgresql://db/m?sslmode=require&currentSchema=live&"))
        .isEqualTo("jdbc:postgresql://db/m?sslmode=require&currentSchema=backtest_q1");
    assertThat(name.jdbcUrl("jdbc:postgresql://db/m?CURRENTSCHEMA=live"))
        .isEqualTo("jdbc:postgresql://db/m?currentSchema=backtest_q1");
  }

  @Test
  void takesLowerCaseLettersDigitsAndUnderscoresUpToFortyOfThem() {
    assertThat(new BacktestName("a".repeat(40)).value()).hasSize(40);
    for (String bad : new String[] {"", "Q1", "q-1", "q.1", "q 1", "a".repeat(41), "é"}) {
      assertThatThrownBy(() -> new BacktestName(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a backtest name is 1-40 lower-case letters, digits and underscores (e.g."
                  + " q1_momentum), not '"
                  + bad
                  + "'");
    }
  }
}
