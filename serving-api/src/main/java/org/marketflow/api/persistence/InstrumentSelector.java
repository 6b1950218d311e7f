package org.marketflow.api.persistence;

import java.util.Objects;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Which instruments a query reads: one instrument by id, or the PARIFLOW instruments of an event
 * (optionally narrowed to one outcome and/or one option) by a {@code LIKE} pattern. Shared by every
 * repository whose table is keyed by an {@code instrument} column.
 */
public final class InstrumentSelector {

  private static final char LIKE_ESCAPE = '\\';

  private final String exact;
  private final String likePattern;

  private InstrumentSelector(String exact, String likePattern) {
    this.exact = exact;
    this.likePattern = likePattern;
  }

  /** Exactly this instrument. */
  public static InstrumentSelector exactly(InstrumentId instrument) {
    return new InstrumentSelector(instrument.toString(), null);
  }

  /**
   * The instruments {@code PARIFLOW:<eventId>:<outcomeId>:<option>} of an event; a {@code null}
   * outcome or option matches any. With both given this is a single instrument.
   */
  public static InstrumentSelector ofEvent(String eventId, String outcomeId, String option) {
    Objects.requireNonNull(eventId, "eventId");
    if (outcomeId != null && option != null) {
      return exactly(InstrumentId.pariflow(eventId, outcomeId, option));
    }
    StringBuilder pattern = new StringBuilder(InstrumentId.PARIFLOW).append(':');
    pattern.append(escapeLike(eventId)).append(':');
    pattern.append(outcomeId == null ? "%" : escapeLike(outcomeId)).append(':');
    pattern.append(option == null ? "%" : escapeLike(option));
    return new InstrumentSelector(null, pattern.toString());
  }

  /** The instrument id when this selects one instrument, else {@code null}. */
  public String exact() {
    return exact;
  }

  /** The {@code LIKE} pattern (escape character {@code \}) when this selects several, else null. */
  public String likePattern() {
    return likePattern;
  }

  /** The SQL condition on the {@code instrument} column, with one parameter. */
  public String sqlCondition() {
    return exact != null ? "instrument = ?" : "instrument LIKE ? ESCAPE '" + LIKE_ESCAPE + "'";
  }

  /** The value that the parameter of {@link #sqlCondition()} is bound to. */
  public String sqlParameter() {
    return exact != null ? exact : likePattern;
  }

  /** Engine ids may contain '_', a LIKE wildcard; escape it (and '%' and '\' for safety). */
  static String escapeLike(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 4);
    for (char c : literal.toCharArray()) {
      if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
        out.append(LIKE_ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Equal when they select the same instruments the same way (subscriptions are matched so). */
  @Override
  public boolean equals(Object other) {
    return other instanceof InstrumentSelector that
        && Objects.equals(exact, that.exact)
        && Objects.equals(likePattern, that.likePattern);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exact, likePattern);
  }

  @Override
  public String toString() {
    return exact != null ? exact : "LIKE " + likePattern;
  }
}
