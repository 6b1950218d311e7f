package org.marketflow.jobs.microstructure.records;

/**
 * What an {@link InstrumentEvent} carries. The declaration order is the order the job applies
 * records of one instrument that share a microsecond: book updates, then feed statuses, then trades
 * (docs/data-contracts.md, "Order").
 */
public enum EventKind {
  BOOK,
  STATUS,
  TRADE
}
