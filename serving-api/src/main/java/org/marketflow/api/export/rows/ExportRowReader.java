package org.marketflow.api.export.rows;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.marketflow.api.common.MarketflowConfig;
import org.marketflow.api.export.ExportRequest;
import org.marketflow.api.persistence.Connections;
import org.marketflow.api.persistence.DataAccessException;

/**
 * Reads an export's rows with plain JDBC. {@link #stream} holds one row at a time: autocommit off
 * and a fetch size make the PostgreSQL driver read through a server-side cursor, {@code
 * marketflow.export.fetch-size} rows per round trip, instead of loading the whole result (its
 * default). The transaction only reads and is rolled back at the end; the pool restores autocommit.
 */
@ApplicationScoped
public class ExportRowReader {

  /** Receives the rows of {@link #stream}, one at a time; the array is the consumer's to keep. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(Object[] row) throws IOException;
  }

  private final DataSource dataSource;
  private final int fetchSize;

  public ExportRowReader(DataSource dataSource, MarketflowConfig config) {
    this.dataSource = dataSource;
    this.fetchSize = config.export().fetchSize();
  }

  /**
   * The number of rows of the export, or {@code cap + 1} when it has more than {@code cap}.
   *
   * @throws DataAccessException if the database fails or cannot be reached
   */
  public long countUpTo(ExportRequest request, long cap) {
    ExportTable table = ExportTable.of(request.type());
    try (Connection connection = Connections.open(dataSource);
        PreparedStatement statement = connection.prepareStatement(table.cappedCountSql(request))) {
      int next = table.bind(statement, request);
      statement.setLong(next, cap + 1);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure(request, e);
    }
  }

  /**
   * Passes every row of the export to {@code consumer}, in order.
   *
   * @return the number of rows
   * @throws DataAccessException if the database fails or cannot be reached
   * @throws UncheckedIOException if the consumer fails to write
   */
  public long stream(ExportRequest request, RowConsumer consumer) {
    ExportTable table = ExportTable.of(request.type());
    try (Connection connection = Connections.open(dataSource)) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(table.selectSql(request))) {
        statement.setFetchSize(fetchSize);
        table.bind(statement, request);
        long rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            consumer.accept(table.read(rs));
            rows++;
          }
        }
        return rows;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw failure(request, e);
    }
  }

  private static DataAccessException failure(ExportRequest request, SQLException e) {
    return new DataAccessException(
        "cannot export " + request.type().code() + " for " + request.instruments(),
        e,
        DataAccessException.isConnectionFailure(e));
  }
}
