package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

  @Test
  void postgresNamesAreLowercaseUnquotedIdentifiers() {
    String name = UniqueNames.postgresIdentifier("OhlcJob-ITCase.writes bars");

    assertThat(name).matches("ohlcjob_itcase_writes_bars_[0-9a-f]{8}");
  }

  @Test
  void postgresNamesFitInSixtyThreeCharacters() {
    assertThat(UniqueNames.postgresIdentifier("x".repeat(200))).hasSize(63);
  }

  @Test
  void postgresNamesStartWithALetter() {
    assertThat(UniqueNames.postgresIdentifier("1st")).startsWith("db_1st_");
    assertThat(UniqueNames.postgresIdentifier("")).matches("db__[0-9a-f]{8}");
  }

  @Test
  void namesDiffer() {
    assertThat(UniqueNames.postgresIdentifier("t"))
        .isNotEqualTo(UniqueNames.postgresIdentifier("t"));
  }

  @Test
  void kafkaTopicNamesKeepOnlyLegalCharacters() {
    assertThat(EmbeddedKafka.uniqueTopicName("Quotes ITCase/roundTrip"))
        .matches("Quotes_ITCase_roundTrip-[0-9a-f]{8}");
  }
}
