package org.marketflow.api.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Rate-limit tiers whose counts do not depend on timing: one request per hour on average, so that
 * within a test only the burst is admitted. {@code tiny}: a burst of 3; {@code hundred}: 100.
 */
public class SmallTiers implements QuarkusTestProfile {

  static final String TINY = "tiny";
  static final int TINY_BURST = 3;
  static final String HUNDRED = "hundred";
  static final int HUNDRED_BURST = 100;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "marketflow.rate-limit.tiers.tiny.requests", "1",
        "marketflow.rate-limit.tiers.tiny.period", "1h",
        "marketflow.rate-limit.tiers.tiny.burst", Integer.toString(TINY_BURST),
        "marketflow.rate-limit.tiers.hundred.requests", "1",
        "marketflow.rate-limit.tiers.hundred.period", "1h",
        "marketflow.rate-limit.tiers.hundred.burst", Integer.toString(HUNDRED_BURST));
  }
}
