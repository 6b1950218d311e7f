package org.marketflow.testing.servers;

import java.nio.file.Path;

/** Runs {@code <script> stop} through {@link LocalServerScript}, in a JVM of its own. */
public final class StopScriptProbe {

  private StopScriptProbe() {}

  public static void main(String[] args) {
    new LocalServerScript(Path.of(args[0])).stop();
  }
}
