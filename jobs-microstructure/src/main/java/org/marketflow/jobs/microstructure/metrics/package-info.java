/**
 * The microstructure and liquidity formulas, in plain Java over an {@link
 * org.marketflow.jobs.microstructure.book.L2Book} and the trades, without Flink: the job's
 * operators call them and keep the stateful ones in keyed state. docs/jobs/microstructure.md states
 * each formula with its units, parameters and edge cases.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>A formula method returns a primitive {@code double}, {@code NaN} where the value is
 *       undefined (an empty side, a crossed book, no trades), and allocates nothing; it runs per
 *       book update.
 *   <li>A result record ({@link Microstructure}, {@link Liquidity}, {@link PredictionPair}) holds
 *       {@code Double}s, {@code null} where the value is undefined, as the nullable fields of the
 *       published records want them; it is made once per interval.
 *   <li>Basis points are 1/10,000 of the mid price; sizes are base units; notionals are quote units
 *       (price × size), read as USD for USD and USD-stablecoin quotes.
 *   <li>Times are event times in epoch microseconds, never the wall clock; feeding the same updates
 *       and trades gives the same values, live or replayed.
 *   <li>The stateful classes ({@link EffectiveSpread}, {@link RealizedSpread}, {@link
 *       LiquidityScore}, {@link Resilience}, {@link Vpin}) are Flink POJOs (public no-argument
 *       constructor, public fields) so that Flink's POJO serializer checkpoints them; each is
 *       bounded by the parameters it was made with. They keep those parameters: a restored state
 *       goes on with the parameters of the run that made it.
 * </ul>
 */
package org.marketflow.jobs.microstructure.metrics;
