package org.marketflow.jobs.analytics.functions;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketflow.jobs.analytics.estimators.Adx;
import org.marketflow.jobs.analytics.estimators.Annualization;
import org.marketflow.jobs.analytics.estimators.AnomalyType;
import org.marketflow.jobs.analytics.estimators.Estimate;
import org.marketflow.jobs.analytics.estimators.Garch11;
import org.marketflow.jobs.analytics.estimators.GarchFit;
import org.marketflow.jobs.analytics.estimators.GaussianHmm;
import org.marketflow.jobs.analytics.estimators.PriceBar;
import org.marketflow.jobs.analytics.estimators.Regimes;
import org.marketflow.jobs.analytics.estimators.VolatilityEstimators;
import org.marketflow.jobs.analytics.state.InstrumentHistory;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;

/**
 * One instrument's volatility, regime and anomalies after each of its final 1-minute bars, on its
 * {@link InstrumentHistory} (docs/jobs/analytics.md). Plain Java: the keyed operator ({@link
 * InstrumentAnalyticsProcessor}) keeps the history in Flink state and emits what this returns.
 */
public final class InstrumentAnalytics implements Serializable {

  private static final long MINUTE_MS = 60_000L;
  private static final long HOUR_MS = 3_600_000L;
  private static final double ANNUALIZATION = Annualization.factor(Duration.ofMinutes(1));

  /** Bars kept: a day of minutes and one more for its first return. */
  public static final int MAX_BARS = 1_441;

  /** Hourly volatilities kept for the volatility regime: 30 days. */
  public static final int MAX_HOURLY_VOLS = 720;

  /** The fewest trailing hourly volatilities a volatility regime needs: a day's. */
  public static final int MIN_HOURLY_VOLS = 24;

  /** Returns per vol-of-vol block: hourly volatilities. */
  public static final int VOL_OF_VOL_BLOCK = 60;

  /** Returns a GARCH or HMM fit needs. */
  public static final int MIN_FIT_RETURNS = Garch11.MIN_OBSERVATIONS;

  /** Bars the ADX is computed over (its smoothing has converged long before). */
  public static final int ADX_BARS = 300;

  /** The fewest trailing bars an anomaly score needs. */
  public static final int MIN_ANOMALY_BARS = Anomalies.MIN_TRAILING;

  private static final String BARS = "bars";

  private static final String[] WINDOW_SUFFIX = {"m", "h"};

  private final int[] windowMinutes;
  private final long refitMs;
  private final int horizonMinutes;
  private final int anomalyTrailingBars;

  /** What one bar produced. */
  public record Outputs(
      List<VolatilityMetrics> volatility,
      MarketRegimeIndicators regime,
      List<MarketAnomaly> anomalies) {}

  public InstrumentAnalytics(
      List<Duration> windows, Duration refit, int horizonMinutes, int anomalyTrailingBars) {
    this.windowMinutes = new int[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      long minutes = windows.get(i).toMinutes();
      if (minutes < 2 || minutes > MAX_BARS - 1 || windows.get(i).toMillis() % MINUTE_MS != 0) {
        throw new IllegalArgumentException(
            "a volatility window must be whole minutes from 2 min to 24 h: " + windows.get(i));
      }
      windowMinutes[i] = (int) minutes;
    }
    if (refit.isNegative() || refit.isZero()) {
      throw new IllegalArgumentException("the refit interval must be positive: " + refit);
    }
    if (horizonMinutes < 1) {
      throw new IllegalArgumentException("the GARCH horizon must be at least 1: " + horizonMinutes);
    }
    if (anomalyTrailingBars < MIN_ANOMALY_BARS || anomalyTrailingBars > MAX_BARS - 1) {
      throw new IllegalArgumentException(
          "the anomaly trailing bars must be from " + MIN_ANOMALY_BARS + " to " + (MAX_BARS - 1));
    }
    this.refitMs = refit.toMillis();
    this.horizonMinutes = horizonMinutes;
    this.anomalyTrailingBars = anomalyTrailingBars;
  }

  /** The window's label: 60 min is {@code 1h}, 90 min {@code 90m}. */
  public static String label(int minutes) {
    return minutes % 60 == 0 ? (minutes / 60) + WINDOW_SUFFIX[1] : minutes + WINDOW_SUFFIX[0];
  }

  /**
   * Takes the instrument's next final bar (valid, later than its last one: the caller checks) into
   * {@code history} and answers what it produced.
   */
  public Outputs onBar(InstrumentHistory history, OhlcBar bar) {
    long startMs = Math.floorDiv(bar.getBucketStartUs(), 1_000L);
    long endMs = startMs + MINUTE_MS;
    double previousClose = history.size() == 0 ? Double.NaN : history.close[history.size() - 1];
    history.append(
        startMs,
        bar.getOpen(),
        bar.getHigh(),
        bar.getLow(),
        bar.getClose(),
        bar.getVolume(),
        MAX_BARS);
    double newReturn = Math.log(bar.getClose() / previousClose); // NaN for the first bar
    List<PriceBar> bars = priceBars(history);

    if (endMs % HOUR_MS == 0) {
      Estimate hourly = VolatilityEstimators.realized(since(bars, endMs - HOUR_MS));
      if (hourly.isDefined()) {
        history.hourlyVols =
            InstrumentHistory.append(
                history.hourlyVols, hourly.value() * ANNUALIZATION, MAX_HOURLY_VOLS);
      }
    }
    GarchFit garch = updateGarch(history, bars, endMs, newReturn);
    updateHmm(history, bars, endMs, newReturn);

    Regimes.Volatility volRegime = null;
    List<VolatilityMetrics> volatility = new ArrayList<>();
    for (int minutes : windowMinutes) {
      List<PriceBar> window = since(bars, endMs - minutes * MINUTE_MS);
      // The window is its bars, [end − window, end); its returns are between consecutive bars.
      Estimate realized = VolatilityEstimators.realized(window).times(ANNUALIZATION);
      if (volRegime == null && realized.isDefined()) {
        volRegime = Regimes.volatility(realized.value(), history.hourlyVols, MIN_HOURLY_VOLS);
      }
      volatility.add(volatilityRecord(bar, endMs, minutes, window, realized, volRegime, garch));
    }
    MarketRegimeIndicators regime = regime(bar.getInstrument(), endMs, bars, history, volRegime);
    return new Outputs(volatility, regime, anomalies(bar.getInstrument(), endMs, bars));
  }

  private VolatilityMetrics volatilityRecord(
      OhlcBar bar,
      long endMs,
      int minutes,
      List<PriceBar> window,
      Estimate realized,
      Regimes.Volatility volRegime,
      GarchFit garch) {
    Estimate parkinson = VolatilityEstimators.parkinson(window).times(ANNUALIZATION);
    Estimate garmanKlass = VolatilityEstimators.garmanKlass(window).times(ANNUALIZATION);
    Estimate volOfVol =
        VolatilityEstimators.volOfVol(window, VOL_OF_VOL_BLOCK).times(ANNUALIZATION);
    String reason =
        Arrays.asList(realized, parkinson, garmanKlass, volOfVol).stream()
            .filter(e -> !e.isDefined())
            .map(Estimate::reason)
            .findFirst()
            .orElse(null);
    VolatilityMetrics.Builder record =
        VolatilityMetrics.newBuilder()
            .setInstrument(bar.getInstrument())
            .setWindow(label(minutes))
            .setTimestampUs(endMs * 1_000L)
            .setBars(window.size())
            .setRealizedVol(realized.value())
            .setImpliedVol(null)
            .setParkinsonVol(parkinson.value())
            .setGarmanKlassVol(garmanKlass.value())
            .setVolOfVol(volOfVol.value())
            .setVolRegime(volRegime == null ? null : volRegime.name())
            .setGarchHorizonMinutes(horizonMinutes)
            .setNullReason(reason);
    if (garch != null) {
      record
          .setGarchOmega(garch.omega())
          .setGarchAlpha(garch.alpha())
          .setGarchBeta(garch.beta())
          .setGarchLogLikelihood(garch.logLikelihood())
          .setGarchConverged(garch.converged())
          .setGarchNote(garch.note())
          .setGarchNextVol(Math.sqrt(garch.nextVariance()) * ANNUALIZATION)
          .setGarchHorizonVol(
              garch.volatilityOver(horizonMinutes) / Math.sqrt(horizonMinutes) * ANNUALIZATION);
    }
    return record.build();
  }

  /** Refits on schedule; otherwise rolls the last fit's variance on by the new return. */
  private GarchFit updateGarch(
      InstrumentHistory history, List<PriceBar> bars, long endMs, double newReturn) {
    GarchFit fit = garchOf(history);
    if (fit != null && Double.isFinite(newReturn)) {
      double residual = newReturn - fit.mean();
      fit =
          new GarchFit(
              fit.omega(),
              fit.alpha(),
              fit.beta(),
              fit.mean(),
              fit.logLikelihood(),
              fit.nextVariance(),
              residual,
              fit.observations(),
              fit.converged(),
              fit.note());
    }
    if (isDue(history.garchFittedAtMs, endMs)) {
      double[] returns = VolatilityEstimators.logReturns(bars);
      if (returns != null && returns.length >= MIN_FIT_RETURNS) {
        Garch11.Result result = Garch11.fit(returns, fit);
        if (result.fit() != null) {
          fit = result.fit();
        }
        history.garchFittedAtMs = endMs;
      }
    }
    if (fit != null) {
      history.garch =
          new double[] {
            fit.omega(),
            fit.alpha(),
            fit.beta(),
            fit.mean(),
            fit.logLikelihood(),
            fit.lastVariance(),
            fit.lastResidual(),
            fit.observations()
          };
      history.garchConverged = fit.converged();
      history.garchNote = fit.note();
    }
    return fit;
  }

  /** Never fitted, or fitted at least the refit interval ago. */
  private boolean isDue(long fittedAtMs, long endMs) {
    return fittedAtMs == Long.MIN_VALUE || endMs - fittedAtMs >= refitMs;
  }

  private static GarchFit garchOf(InstrumentHistory history) {
    double[] g = history.garch;
    if (g == null || g.length == 0) {
      return null;
    }
    return new GarchFit(
        g[0],
        g[1],
        g[2],
        g[3],
        g[4],
        g[5],
        g[6],
        (int) g[7],
        history.garchConverged,
        history.garchNote);
  }

  /** Refits the HMM on schedule (filtering the window again), else filters the new return. */
  private void updateHmm(
      InstrumentHistory history, List<PriceBar> bars, long endMs, double newReturn) {
    if (isDue(history.hmmFittedAtMs, endMs)) {
      double[] returns = VolatilityEstimators.logReturns(bars);
      if (returns != null && returns.length >= MIN_FIT_RETURNS) {
        GaussianHmm.Parameters fit = GaussianHmm.fit(returns, MIN_FIT_RETURNS);
        history.hmmFittedAtMs = endMs;
        if (fit != null) {
          GaussianHmm.Filter filter = new GaussianHmm.Filter(fit);
          for (double r : returns) {
            filter.update(r);
          }
          history.hmm = pack(fit);
          history.hmmProbabilities = filter.probabilities();
          return;
        }
      }
    }
    if (history.hmm.length > 0 && Double.isFinite(newReturn)) {
      GaussianHmm.Filter filter =
          new GaussianHmm.Filter(unpack(history.hmm), history.hmmProbabilities);
      filter.update(newReturn);
      history.hmmProbabilities = filter.probabilities();
    }
  }

  private static double[] pack(GaussianHmm.Parameters p) {
    return new double[] {
      p.initial()[0],
      p.initial()[1],
      p.transitions()[0][0],
      p.transitions()[0][1],
      p.transitions()[1][0],
      p.transitions()[1][1],
      p.means()[0],
      p.means()[1],
      p.variances()[0],
      p.variances()[1]
    };
  }

  private static GaussianHmm.Parameters unpack(double[] h) {
    return new GaussianHmm.Parameters(
        new double[] {h[0], h[1]},
        new double[][] {{h[2], h[3]}, {h[4], h[5]}},
        new double[] {h[6], h[7]},
        new double[] {h[8], h[9]},
        Double.NaN);
  }

  private MarketRegimeIndicators regime(
      String instrument,
      long endMs,
      List<PriceBar> bars,
      InstrumentHistory history,
      Regimes.Volatility volRegime) {
    Adx adx = new Adx(Adx.DEFAULT_PERIOD);
    for (PriceBar bar : bars.subList(Math.max(0, bars.size() - ADX_BARS), bars.size())) {
      adx.add(bar);
    }
    Adx.Direction direction = adx.direction();
    String hmmState = null;
    Double probability = null;
    if (history.hmmProbabilities.length == GaussianHmm.STATES) {
      int state = history.hmmProbabilities[1] > history.hmmProbabilities[0] ? 1 : 0;
      hmmState = GaussianHmm.STATE_NAMES[state];
      probability = history.hmmProbabilities[state];
    }
    return MarketRegimeIndicators.newBuilder()
        .setInstrument(instrument)
        .setTimestampUs(endMs * 1_000L)
        .setTrendStrength(adx.adx().value())
        .setTrendDirection(direction.name())
        .setVolatilityRegime(volRegime == null ? null : volRegime.name())
        .setLiquidityRegime(null)
        .setCorrelationRegime(null)
        .setHmmState(hmmState)
        .setRegimeProbability(probability)
        .setRegime(regimeName(volRegime, direction))
        .build();
  }

  /** {@code <LOW|MEDIUM|HIGH|UNKNOWN>_VOL_<TRENDING|RANGING>}, the graph's regime names. */
  public static String regimeName(Regimes.Volatility volRegime, Adx.Direction direction) {
    return (volRegime == null ? "UNKNOWN" : volRegime.name())
        + "_VOL_"
        + (direction == Adx.Direction.SIDEWAYS ? "RANGING" : "TRENDING");
  }

  private List<MarketAnomaly> anomalies(String instrument, long endMs, List<PriceBar> bars) {
    List<MarketAnomaly> out = new ArrayList<>();
    int n = bars.size();
    if (n < MIN_ANOMALY_BARS + 2) {
      return out;
    }
    int from = Math.max(1, n - 1 - anomalyTrailingBars);
    int trailing = n - 1 - from;
    double[] returns = new double[trailing];
    double[] volumes = new double[trailing];
    double[] ranges = new double[trailing];
    for (int i = from; i < n - 1; i++) {
      PriceBar bar = bars.get(i);
      returns[i - from] = Math.log(bar.close() / bars.get(i - 1).close());
      volumes[i - from] = bar.volume();
      ranges[i - from] = Math.log(bar.high() / bar.low());
    }
    PriceBar last = bars.get(n - 1);
    double lastReturn = Math.log(last.close() / bars.get(n - 2).close());
    double lastRange = Math.log(last.high() / last.low());
    add(
        out,
        Anomalies.score(instrument, endMs, AnomalyType.PRICE_SPIKE, lastReturn, returns, BARS));
    add(
        out,
        Anomalies.score(instrument, endMs, AnomalyType.VOLUME_SURGE, last.volume(), volumes, BARS));
    add(
        out,
        Anomalies.score(instrument, endMs, AnomalyType.VOLATILITY_BURST, lastRange, ranges, BARS));
    return out;
  }

  private static void add(List<MarketAnomaly> out, MarketAnomaly anomaly) {
    if (anomaly != null) {
      out.add(anomaly);
    }
  }

  private static List<PriceBar> priceBars(InstrumentHistory h) {
    List<PriceBar> bars = new ArrayList<>(h.size());
    for (int i = 0; i < h.size(); i++) {
      bars.add(new PriceBar(h.startMs[i], h.open[i], h.high[i], h.low[i], h.close[i], h.volume[i]));
    }
    return bars;
  }

  /** The bars starting at or after {@code fromMs}. */
  private static List<PriceBar> since(List<PriceBar> bars, long fromMs) {
    int first = bars.size();
    while (first > 0 && bars.get(first - 1).startMs() >= fromMs) {
      first--;
    }
    return bars.subList(first, bars.size());
  }
}
