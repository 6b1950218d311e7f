package org.marketflow.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.schemas.instrument.InstrumentId;

class InstrumentSelectorTest {

  @Test
  void selectsOneInstrumentByEquality() {
    InstrumentSelector selector = InstrumentSelector.exactly(InstrumentId.parse("BINANCE:BTCUSDT"));

    assertThat(selector.exact()).isEqualTo("BINANCE:BTCUSDT");
    assertThat(selector.sqlCondition()).isEqualTo("instrument = ?");
    assertThat(selector.sqlParameter()).isEqualTo("BINANCE:BTCUSDT");
  }

  @Test
  void escapesLikeWildcardsInEngineIds() {
    InstrumentSelector selector = InstrumentSelector.ofEvent("evt_2", null, null);

    assertThat(selector.likePattern()).isEqualTo("PARIFLOW:evt\\_2:%:%");
    assertThat(selector.sqlCondition()).isEqualTo("instrument LIKE ? ESCAPE '\\'");
  }

  @Test
  void narrowsAnEventByOutcomeOrOption() {
    assertThat(InstrumentSelector.ofEvent("e", "o_1", null).likePattern())
        .isEqualTo("PARIFLOW:e:o\\_1:%");
    assertThat(InstrumentSelector.ofEvent("e", null, "NO").likePattern())
        .isEqualTo("PARIFLOW:e:%:NO");
    assertThat(InstrumentSelector.ofEvent("e", "o", "YES").exact()).isEqualTo("PARIFLOW:e:o:YES");
  }

  @Test
  void escapesPercentAndBackslashToo() {
    assertThat(InstrumentSelector.escapeLike("a%b\\c_d")).isEqualTo("a\\%b\\\\c\\_d");
  }
}
