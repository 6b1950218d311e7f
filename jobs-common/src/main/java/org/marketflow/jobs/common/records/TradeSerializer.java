package org.marketflow.jobs.common.records;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * Writes a {@link Trade} between Flink operators: the instrument, both times, a byte of flags for
 * the optional fields, then the fields present, the price, size and side. Every trade a job
 * shuffles by instrument passes through it twice (write, then read on the other side).
 *
 * <p>Hand-written because Flink's Avro serializer resolves each union through a schema lookup and
 * builds the record generically: writing a trade took about a quarter of the OHLC job's source
 * thread (JFR). Only the network and the job's in-flight data use it; a savepoint never holds it. A
 * change of {@code Trade.avsc} must change it too: {@code TradeSerializerTest} fails on a field it
 * does not carry.
 */
public final class TradeSerializer extends TypeSerializerSingleton<Trade> {

  private static final long serialVersionUID = 1L;

  public static final TradeSerializer INSTANCE = new TradeSerializer();

  private static final int SEQUENCE = 1;
  private static final int TRADE_ID = 1 << 1;
  private static final int AMM_KNOWN = 1 << 2;
  private static final int AMM = 1 << 3;
  private static final int ORDER_ID = 1 << 4;

  private static final Side[] SIDES = Side.values();

  private TradeSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public Trade createInstance() {
    return new Trade();
  }

  @Override
  public Trade copy(Trade from) {
    return copy(from, new Trade());
  }

  @Override
  public Trade copy(Trade from, Trade reuse) {
    reuse.setInstrument(from.getInstrument());
    reuse.setExchangeTimeUs(from.getExchangeTimeUs());
    reuse.setReceiveTimeUs(from.getReceiveTimeUs());
    reuse.setSequence(from.getSequence());
    reuse.setTradeId(from.getTradeId());
    reuse.setPrice(from.getPrice());
    reuse.setSize(from.getSize());
    reuse.setSide(from.getSide());
    reuse.setIsAmmTrade(from.getIsAmmTrade());
    reuse.setOrderId(from.getOrderId());
    return reuse;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Trade trade, DataOutputView target) throws IOException {
    Long sequence = trade.getSequence();
    String tradeId = trade.getTradeId();
    Boolean amm = trade.getIsAmmTrade();
    String orderId = trade.getOrderId();
    int flags =
        (sequence != null ? SEQUENCE : 0)
            | (tradeId != null ? TRADE_ID : 0)
            | (amm != null ? AMM_KNOWN | (amm ? AMM : 0) : 0)
            | (orderId != null ? ORDER_ID : 0);
    StringValue.writeString(trade.getInstrument(), target);
    target.writeLong(trade.getExchangeTimeUs());
    target.writeLong(trade.getReceiveTimeUs());
    target.writeByte(flags);
    if (sequence != null) {
      target.writeLong(sequence);
    }
    if (tradeId != null) {
      StringValue.writeString(tradeId, target);
    }
    target.writeDouble(trade.getPrice());
    target.writeDouble(trade.getSize());
    target.writeByte(trade.getSide().ordinal());
    if (orderId != null) {
      StringValue.writeString(orderId, target);
    }
  }

  @Override
  public Trade deserialize(DataInputView source) throws IOException {
    return deserialize(new Trade(), source);
  }

  @Override
  public Trade deserialize(Trade reuse, DataInputView source) throws IOException {
    reuse.setInstrument(StringValue.readString(source));
    reuse.setExchangeTimeUs(source.readLong());
    reuse.setReceiveTimeUs(source.readLong());
    int flags = source.readByte();
    reuse.setSequence((flags & SEQUENCE) != 0 ? source.readLong() : null);
    reuse.setTradeId((flags & TRADE_ID) != 0 ? StringValue.readString(source) : null);
    reuse.setPrice(source.readDouble());
    reuse.setSize(source.readDouble());
    int side = source.readByte();
    if (side < 0 || side >= SIDES.length) {
      throw new IOException("corrupt Trade: side " + side);
    }
    reuse.setSide(SIDES[side]);
    reuse.setIsAmmTrade((flags & AMM_KNOWN) != 0 ? (flags & AMM) != 0 : null);
    reuse.setOrderId((flags & ORDER_ID) != 0 ? StringValue.readString(source) : null);
    return reuse;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<Trade> snapshotConfiguration() {
    return new TradeSerializerSnapshot();
  }

  /** Restores the serializer; it has no configuration. */
  public static final class TradeSerializerSnapshot extends SimpleTypeSerializerSnapshot<Trade> {

    public TradeSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
