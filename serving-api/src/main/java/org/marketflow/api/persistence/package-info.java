/**
 * The database as every feature sees it: {@link org.marketflow.api.persistence.DataAccessException}
 * (a failed read, told apart as "database unavailable" or "statement failed", which the error
 * mappers turn into a 503 or a 500), SQL helpers that several repositories use ({@link
 * org.marketflow.api.persistence.InstrumentSelector}), and {@link
 * org.marketflow.api.persistence.PartitionUpkeep}, which keeps the time partitions of the
 * market-data tables created ahead.
 *
 * <p>A repository and the row it reads belong to their feature's package, not here.
 */
package org.marketflow.api.persistence;
