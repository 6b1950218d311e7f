package org.marketflow.jobs.common.functions;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.DeadLetter;

/**
 * Passes on the records a source accepted and sends the dead letters of the rest to {@link
 * #DEAD_LETTERS}. Stateless; chained to the source.
 */
public class RouteDeadLetters<T> extends ProcessFunction<Consumed<T>, Consumed<T>> {

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  @Override
  public void processElement(Consumed<T> consumed, Context ctx, Collector<Consumed<T>> out) {
    if (consumed.isRejected()) {
      ctx.output(DEAD_LETTERS, consumed.deadLetter);
    } else {
      out.collect(consumed);
    }
  }
}
