package org.marketflow.jobs.common.records;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A Flink type that Flink treats as one opaque field, neither basic, tuple nor key: what a type
 * with a serializer of the suite's own needs to say beside its serializer.
 *
 * @param <T> the record type
 */
abstract class OpaqueTypeInfo<T> extends TypeInformation<T> {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }
}
