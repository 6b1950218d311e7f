package org.marketflow.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Turns the access log off, for tests that send thousands of requests. */
public class AccessLogOff implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("marketflow.access-log.enabled", "false");
  }

  @Override
  public void stop() {}
}
