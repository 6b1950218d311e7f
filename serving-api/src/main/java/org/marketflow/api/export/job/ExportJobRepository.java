package org.marketflow.api.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.marketflow.api.export.ExportFormat;
import org.marketflow.api.export.ExportType;
import org.marketflow.api.persistence.Connections;
import org.marketflow.api.persistence.DataAccessException;

/**
 * {@code export_jobs} (schema versions 6 and 9) with plain JDBC: every instance of the service
 * reads and moves the same jobs, so a job's status and download are answered by any of them. Status
 * changes are conditional updates ({@code WHERE status = ...}), so two instances never both move
 * one job.
 */
@ApplicationScoped
public class ExportJobRepository {

  private static final String COLUMNS =
      "job_id, account_id, status, export_type, format, request, file_name, record_count,"
          + " file_size, error, created_at, completed_at, expires_at";

  private final DataSource dataSource;

  public ExportJobRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores a new processing job. */
  public void insert(ExportJob job) {
    update(
        "INSERT INTO export_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s -> {
          s.setObject(1, job.id());
          s.setObject(2, job.accountId());
          s.setString(3, job.status().code());
          s.setString(4, job.type().code());
          s.setString(5, job.format().code());
          s.setString(6, job.request());
          s.setString(7, job.fileName());
          s.setLong(8, job.recordCount());
          s.setLong(9, job.fileSize());
          s.setString(10, job.error());
          s.setObject(11, time(job.createdAt()));
          s.setObject(12, time(job.completedAt()));
          s.setObject(13, time(job.expiresAt()));
        });
  }

  /** Marks a processing job completed; false if it was no longer processing. */
  public boolean complete(
      UUID id, long recordCount, long fileSize, Instant completedAt, Instant expiresAt) {
    return update(
            "UPDATE export_jobs SET status = 'completed', record_count = ?, file_size = ?,"
                + " completed_at = ?, expires_at = ? WHERE job_id = ? AND status = 'processing'",
            s -> {
              s.setLong(1, recordCount);
              s.setLong(2, fileSize);
              s.setObject(3, time(completedAt));
              s.setObject(4, time(expiresAt));
              s.setObject(5, id);
            })
        == 1;
  }

  /** Marks a processing job failed, kept (for its status) until {@code keepUntil}. */
  public boolean fail(UUID id, String error, Instant failedAt, Instant keepUntil) {
    return update(
            "UPDATE export_jobs SET status = 'failed', error = ?, completed_at = ?, expires_at = ?"
                + " WHERE job_id = ? AND status = 'processing'",
            s -> {
              s.setString(1, error);
              s.setObject(2, time(failedAt));
              s.setObject(3, time(keepUntil));
              s.setObject(4, id);
            })
        == 1;
  }

  public Optional<ExportJob> find(UUID id) {
    return query(
            "SELECT " + COLUMNS + " FROM export_jobs WHERE job_id = ?", s -> s.setObject(1, id))
        .stream()
        .findFirst();
  }

  /**
   * Moves jobs of {@code status} whose {@code expires_at} is at or before {@code now} to {@code
   * newStatus} (with {@code error} when given), and returns their ids.
   */
  public List<UUID> moveDue(String status, String newStatus, String error, Instant now) {
    List<UUID> ids = new ArrayList<>();
    run(
        "UPDATE export_jobs SET status = ?, error = COALESCE(?, error)"
            + " WHERE status = ? AND expires_at <= ? RETURNING job_id",
        s -> {
          s.setString(1, newStatus);
          s.setString(2, error);
          s.setString(3, status);
          s.setObject(4, time(now));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getObject(1, UUID.class));
            }
          }
          return null;
        });
    return ids;
  }

  /**
   * Deletes the rows of expired and failed jobs whose {@code expires_at} is before {@code time}.
   */
  public int deleteEndedBefore(Instant before) {
    return update(
        "DELETE FROM export_jobs WHERE status IN ('expired', 'failed') AND expires_at < ?",
        s -> s.setObject(1, time(before)));
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private interface Work<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    return run(
        sql,
        s -> {
          binder.bind(s);
          return s.executeUpdate();
        });
  }

  private List<ExportJob> query(String sql, Binder binder) {
    return run(
        sql,
        s -> {
          binder.bind(s);
          List<ExportJob> jobs = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              jobs.add(read(rs));
            }
          }
          return jobs;
        });
  }

  private <T> T run(String sql, Work<T> work) {
    Connection connection = Connections.open(dataSource);
    try (connection;
        PreparedStatement statement = connection.prepareStatement(sql)) {
      return work.run(statement);
    } catch (SQLException e) {
      throw new DataAccessException(
          "cannot access export_jobs", e, DataAccessException.isConnectionFailure(e));
    }
  }

  private static ExportJob read(ResultSet rs) throws SQLException {
    return new ExportJob(
        rs.getObject("job_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        ExportJob.Status.fromCode(rs.getString("status")),
        ExportType.fromCode(rs.getString("export_type")).orElseThrow(),
        ExportFormat.fromCode(rs.getString("format")).orElseThrow(),
        rs.getString("request"),
        rs.getString("file_name"),
        rs.getLong("record_count"),
        rs.getLong("file_size"),
        rs.getString("error"),
        instant(rs, "created_at"),
        instant(rs, "completed_at"),
        instant(rs, "expires_at"));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
