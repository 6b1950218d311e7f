package org.marketflow.schemas.avro;

import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;

/**
 * {@link Trade}'s Avro binary read field by field with Avro's own decoder, for the same reason as
 * {@link BookUpdateReader}: trades are read by every bar, statistics and archive job.
 */
final class TradeReader implements BinaryReader<Trade> {

  private static final Side[] SIDES = Side.values();

  private final InstrumentNames instruments = new InstrumentNames();

  @Override
  public Trade read(BinaryDecoder in) throws IOException {
    Trade trade = new Trade();
    trade.setInstrument(instruments.read(in));
    trade.setExchangeTimeUs(in.readLong());
    trade.setReceiveTimeUs(in.readLong());
    trade.setSequence(Unions.optionalLong(in));
    trade.setTradeId(Unions.optionalString(in));
    trade.setPrice(in.readDouble());
    trade.setSize(in.readDouble());
    trade.setSide(SIDES[in.readEnum()]);
    trade.setIsAmmTrade(Unions.optionalBoolean(in));
    trade.setOrderId(Unions.optionalString(in));
    return trade;
  }
}
