package org.marketflow.testing.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real recorded exchange data in {@code shared/data} beside the project (never copied into it),
 * found by walking up from the working directory, which Maven sets to the module directory.
 */
public final class SharedData {

  private SharedData() {}

  /** A file under {@code shared/data}; fails with a clear message when the folder is absent. */
  public static Path file(String relative) {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data").resolve(relative);
      if (Files.isReadable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "recorded data not found: shared/data/"
            + relative
            + " must be beside the project (looked above "
            + start
            + ")");
  }
}
