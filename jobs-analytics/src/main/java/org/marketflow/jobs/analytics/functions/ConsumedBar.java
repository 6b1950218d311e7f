package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.common.functions.MapFunction;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.OhlcBar;

/** The bar of an accepted record (dead letters are routed away before). */
public class ConsumedBar implements MapFunction<Consumed<OhlcBar>, OhlcBar> {

  @Override
  public OhlcBar map(Consumed<OhlcBar> consumed) {
    return consumed.value;
  }
}
