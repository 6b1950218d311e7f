package org.marketflow.schemas.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstrumentIdTest {

  @Test
  void parsesExchangeInstrument() {
    InstrumentId id = InstrumentId.parse("BINANCE:BTCUSDT");
    assertThat(id.venue()).isEqualTo("BINANCE");
    assertThat(id.symbol()).isEqualTo("BTCUSDT");
    assertThat(id.isPariflow()).isFalse();
    assertThat(id).hasToString("BINANCE:BTCUSDT");
  }

  @Test
  void upperCasesVenueAndSymbol() {
    assertThat(InstrumentId.of("binance", "btcusdt")).hasToString("BINANCE:BTCUSDT");
  }

  @Test
  void parsesPredictionMarketOutcome() {
    InstrumentId id = InstrumentId.parse("PARIFLOW:election-2028:candidate-a:YES");
    assertThat(id.isPariflow()).isTrue();
    assertThat(id.symbol()).isEqualTo("election-2028:candidate-a:YES");
    assertThat(InstrumentId.pariflow("election-2028", "candidate-a", "YES")).isEqualTo(id);
  }

  @Test
  void anOutcomesKeyIsItsBooksIdWithoutTheOption() {
    assertThat(InstrumentId.outcomeKey("election-2028", "candidate-a"))
        .isEqualTo("PARIFLOW:election-2028:candidate-a");
    assertThat(InstrumentId.pariflow("election-2028", "candidate-a", "NO").toString())
        .startsWith(InstrumentId.outcomeKey("election-2028", "candidate-a") + ":");
  }

  @Test
  void rejectsMalformedIds() {
    assertThatThrownBy(() -> InstrumentId.parse("BTCUSDT"))
        .hasMessage("instrument id must be VENUE:SYMBOL, not 'BTCUSDT'");
    assertThatThrownBy(() -> InstrumentId.parse("binance:btcusdt"))
        .hasMessage("instrument id must be upper case: 'binance:btcusdt'");
    assertThatThrownBy(() -> InstrumentId.parse("PARIFLOW:e1:o1:MAYBE"))
        .hasMessage("option must be YES or NO, not 'MAYBE'");
    assertThatThrownBy(() -> InstrumentId.parse("PARIFLOW:e1:YES"))
        .hasMessageStartingWith("PARIFLOW instrument must be");
    assertThatThrownBy(() -> InstrumentId.of("BINANCE", "BTC USDT"))
        .hasMessage("invalid symbol 'BTC USDT'");
  }
}
