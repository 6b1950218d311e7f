package org.marketflow.api.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.marketflow.api.common.MarketflowConfig;

/**
 * The directory of job files, {@code marketflow.export.directory}: a job writes {@code
 * <jobId>.part} and renames it to {@code <jobId>.gz} when complete, so a file under its final name
 * is always whole.
 */
@ApplicationScoped
public class ExportDirectory {

  private final Path root;

  public ExportDirectory(MarketflowConfig config) {
    this.root =
        Path.of(
            config
                .export()
                .directory()
                .orElse(
                    Path.of(System.getProperty("java.io.tmpdir"), "marketflow-exports")
                        .toString()));
  }

  /** The directory, created if missing. */
  public Path root() {
    try {
      return Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the export directory " + root, e);
    }
  }

  /** The complete file of a job. */
  public Path fileOf(UUID jobId) {
    return root().resolve(jobId + ".gz");
  }

  /** The file a job writes before it completes. */
  public Path partOf(UUID jobId) {
    return root().resolve(jobId + ".part");
  }
}
