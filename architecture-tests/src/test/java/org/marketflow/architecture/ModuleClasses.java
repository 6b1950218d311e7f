package org.marketflow.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main classes of the suite's modules, read from each module's {@code target/classes}, so that
 * the service (Quarkus) and the jobs (Flink) are checked together without sharing a classpath.
 */
final class ModuleClasses {

  static final List<String> MODULES =
      List.of(
          "schemas",
          "db-migrate",
          "test-support",
          "ingest-connectors",
          "jobs-common",
          "jobs-ohlc",
          "jobs-microstructure",
          "jobs-analytics",
          "benchmarks",
          "serving-api",
          "local-launcher");

  private static JavaClasses all;

  private ModuleClasses() {}

  static synchronized JavaClasses all() {
    if (all == null) {
      Path root = projectRoot();
      List<Path> paths = new ArrayList<>();
      for (String module : MODULES) {
        Path classes = root.resolve(module).resolve("target/classes");
        if (!Files.isDirectory(classes)) {
          throw new IllegalStateException(classes + " is missing: build " + module + " first");
        }
        paths.add(classes);
      }
      all =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPaths(paths);
    }
    return all;
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("jobs-common"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "the project root is not above " + Path.of("").toAbsolutePath());
  }
}
