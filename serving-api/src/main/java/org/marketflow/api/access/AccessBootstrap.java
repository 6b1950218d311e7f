package org.marketflow.api.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;

/**
 * The first admin key. With {@code marketflow.access.bootstrap-key-file} set, at start-up, unless
 * that file already holds a valid admin key, creates an account {@code bootstrap} (type {@code
 * internal}) with a key holding every permission and writes the key to the file, readable by its
 * owner only (0600). So the first start of a fresh database gets a key, a restart keeps it, and a
 * lost file is replaced by a new key (revoke the old one through the admin endpoints). Unset (the
 * default in production): nothing is created. Set it on one instance only.
 */
@ApplicationScoped
public class AccessBootstrap {

  static final String ACCOUNT_NAME = "bootstrap";
  static final String ACCOUNT_TYPE = "internal";

  private static final Logger LOG = Logger.getLogger(AccessBootstrap.class);

  void onStart(@Observes StartupEvent event, MarketflowConfig config, KeyAdministration admin) {
    config.access().bootstrapKeyFile().map(Path::of).ifPresent(file -> bootstrap(admin, file));
  }

  /** Writes a new admin key into {@code file} unless it holds one; true when it did. */
  static boolean bootstrap(KeyAdministration admin, Path file) {
    if (admin.isAdminKey(read(file))) {
      LOG.infof("%s holds a valid admin key; it is left as it is", file);
      return false;
    }
    Account account = admin.createAccount(null, ACCOUNT_NAME, ACCOUNT_TYPE);
    CreatedKey created = admin.createKey(null, account.accountId(), Set.copyOf(Permissions.ALL));
    write(file, created.apiKey() + "\n");
    LOG.infof(
        "Created the first admin key (prefix %s) and wrote it to %s", created.key().prefix(), file);
    return true;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Files.readString(file, StandardCharsets.UTF_8).strip()
          : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.deleteIfExists(file);
      // Created with 0600 from the start, so the key is never readable by others.
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        throw new IOException(file + " appeared while it was being created", raced);
      }
      Files.writeString(
          file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin key to " + file, e);
    }
  }
}
