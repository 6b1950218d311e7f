package org.marketflow.jobs.common.functions;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.DeadLetter;

/**
 * A consumed topic split in two: the values of the records the source accepted, and the dead
 * letters of the rest ({@link RouteDeadLetters}). Both operators run at the input's parallelism,
 * chained to the source, so the values of one partition stay in the order the topic holds them
 * (which a keyed operator reading them in arrival order relies on).
 *
 * @param values the accepted records' values
 * @param deadLetters the dead letters of the rejected ones
 */
public record AcceptedValues<T>(
    SingleOutputStreamOperator<T> values, DataStream<DeadLetter> deadLetters) {

  /**
   * @param routeUid the uid of the routing operator
   * @param valuesUid the uid of the operator that takes the values out of the records
   * @param what what the records are, for the operators' names ("bars", "liquidity")
   */
  public static <T> AcceptedValues<T> of(
      DataStream<Consumed<T>> input,
      TypeInformation<T> type,
      String routeUid,
      String valuesUid,
      String what) {
    Preconditions.checkNotNull(input, "input");
    Preconditions.checkNotNull(type, "type");
    int parallelism = input.getParallelism();
    SingleOutputStreamOperator<Consumed<T>> routed =
        input
            .process(new RouteDeadLetters<>(), input.getType())
            .setParallelism(parallelism)
            .uid(Preconditions.checkNotNull(routeUid, "routeUid"))
            .name("Route dead letters: " + what);
    SingleOutputStreamOperator<T> values =
        routed
            .map(new ConsumedValue<>(), type)
            .setParallelism(parallelism)
            .uid(Preconditions.checkNotNull(valuesUid, "valuesUid"))
            .name("Valid " + what);
    return new AcceptedValues<>(values, routed.getSideOutput(RouteDeadLetters.DEAD_LETTERS));
  }
}
