package org.marketflow.jobs.microstructure.records;

/**
 * A prediction-market book's best prices at the end of one second in which it had events, as the
 * book operator hands them to the pair operator. A Flink POJO.
 */
public class SecondQuote {

  /** {@code PARIFLOW:<eventId>:<outcomeId>:<YES|NO>}. */
  public String instrument;

  /** Start of the second, epoch µs. */
  public long bucketStartUs;

  /** Whether the job held the book at the second's end; when not, the prices are {@code NaN}. */
  public boolean synced;

  /** Best bid, {@code NaN} for an empty side. */
  public double bid = Double.NaN;

  /** Best ask, {@code NaN} for an empty side. */
  public double ask = Double.NaN;

  /** For Flink's POJO serializer. */
  public SecondQuote() {}

  public static SecondQuote of(
      String instrument, long bucketStartUs, boolean synced, double bid, double ask) {
    SecondQuote quote = new SecondQuote();
    quote.instrument = instrument;
    quote.bucketStartUs = bucketStartUs;
    quote.synced = synced;
    quote.bid = synced ? bid : Double.NaN;
    quote.ask = synced ? ask : Double.NaN;
    return quote;
  }

  /** Whether this is the YES side of its outcome. */
  public boolean isYes() {
    return instrument.endsWith(":YES");
  }

  /** {@code PARIFLOW:<eventId>:<outcomeId>}: the instrument without its option. */
  public String outcomeKey() {
    return instrument.substring(0, instrument.lastIndexOf(':'));
  }

  @Override
  public String toString() {
    return instrument + "@" + bucketStartUs + (synced ? " " + bid + "/" + ask : " unsynced");
  }
}
