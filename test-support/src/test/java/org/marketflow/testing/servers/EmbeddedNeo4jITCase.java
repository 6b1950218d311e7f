package org.marketflow.testing.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class EmbeddedNeo4jITCase {

  private final EmbeddedNeo4j neo4j = EmbeddedNeo4j.shared();

  @BeforeEach
  void emptyGraph() {
    neo4j.wipe();
  }

  @Test
  void createsANodeAndReadsItBackOverBolt() {
    String label = neo4j.uniqueLabel("Instrument");

    try (Session session = neo4j.driver().session()) {
      session.executeWriteWithoutResult(
          tx -> tx.run("CREATE (:" + label + " {symbol: $symbol})", Map.of("symbol", "BTCUSD")));
      String symbol =
          session.executeRead(
              tx ->
                  tx.run("MATCH (i:" + label + ") RETURN i.symbol AS symbol")
                      .single()
                      .get("symbol")
                      .asString());

      assertThat(symbol).isEqualTo("BTCUSD");
    }
    assertThat(neo4j.boltUri().getScheme()).isEqualTo("bolt");
  }

  @Test
  void wipeLeavesAnEmptyGraphWithoutConstraints() {
    try (Session session = neo4j.driver().session()) {
      session.run("CREATE CONSTRAINT venue_id FOR (v:Venue) REQUIRE v.id IS UNIQUE").consume();
      session
          .run("CREATE (:Venue {id: 'XNAS'})-[:LISTS]->(:Instrument {symbol: 'AAPL'})")
          .consume();

      neo4j.wipe();

      assertThat(session.run("MATCH (n) RETURN count(n) AS nodes").single().get("nodes").asLong())
          .isZero();
      assertThat(session.run("SHOW CONSTRAINTS").list()).isEmpty();
    }
  }
}
