package org.marketflow.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The in-place cursor against Avro's own encoder and decoder. */
class AvroBinaryTest {

  @Test
  void readsWhatAvrosEncoderWrites() throws IOException {
    Random random = new Random(59);
    long[] longs = new long[2_000];
    int[] ints = new int[longs.length];
    double[] doubles = new double[longs.length];
    String[] strings = new String[longs.length];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out = EncoderFactory.get().binaryEncoder(bytes, null);
    for (int i = 0; i < longs.length; i++) {
      longs[i] =
          i < 4
              ? new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}[i]
              : random.nextLong() >> random.nextInt(64);
      ints[i] =
          i < 4
              ? new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}[i]
              : random.nextInt() >> random.nextInt(32);
      doubles[i] =
          i < 3
              ? new double[] {Double.NaN, -0.0, Double.MIN_VALUE}[i]
              : random.nextGaussian() * 1e6;
      strings[i] =
          i == 0 ? "" : "SIM:" + Long.toString(random.nextLong(), 36) + (i % 7 == 0 ? "é€𝄞" : "");
      out.writeLong(longs[i]);
      out.writeInt(ints[i]);
      out.writeDouble(doubles[i]);
      out.writeString(strings[i]);
    }
    out.flush();
    byte[] avro = bytes.toByteArray();
    // Within a larger array, as a record lies in a buffer.
    byte[] buffer = new byte[avro.length + 10];
    Arrays.fill(buffer, (byte) 0xff);
    System.arraycopy(avro, 0, buffer, 5, avro.length);

    AvroBinary in = new AvroBinary().wrap(buffer, 5, avro.length);
    for (int i = 0; i < longs.length; i++) {
      assertThat(in.readLong()).isEqualTo(longs[i]);
      assertThat(in.readInt()).isEqualTo(ints[i]);
      assertThat(Double.doubleToRawLongBits(in.readDouble()))
          .isEqualTo(Double.doubleToRawLongBits(doubles[i]));
      if (i % 2 == 0) {
        assertThat(in.readString()).isEqualTo(strings[i]);
      } else {
        in.skipString();
      }
    }
    assertThat(in.isEnd()).isTrue();
    assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class);
  }

  @Test
  void readsArraysInBlocksAsAvroWritesThem() throws IOException {
    // The blocking encoder writes negative counts followed by the block's size in bytes.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder out =
        new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(bytes, null);
    out.writeArrayStart();
    out.setItemCount(300);
    for (int i = 0; i < 300; i++) {
      out.startItem();
      out.writeString("level-" + i + "-".repeat(i % 50));
    }
    out.writeArrayEnd();
    out.writeLong(42);
    out.flush();
    byte[] avro = bytes.toByteArray();
    BinaryDecoder avroReads = DecoderFactory.get().binaryDecoder(avro, null);
    long avroItems = 0;
    for (long n = avroReads.readArrayStart(); n != 0; n = avroReads.arrayNext()) {
      for (long i = 0; i < n; i++) {
        avroReads.skipString();
      }
      avroItems += n;
    }

    AvroBinary in = new AvroBinary().wrap(avro, 0, avro.length);
    int items = 0;
    int blocks = 0;
    for (long n = in.readBlockCount(); n != 0; n = in.readBlockCount()) {
      blocks++;
      for (long i = 0; i < n; i++) {
        assertThat(in.readString()).isEqualTo("level-" + items + "-".repeat(items % 50));
        items++;
      }
    }
    assertThat(items).isEqualTo(300).isEqualTo((int) avroItems);
    assertThat(blocks).isGreaterThan(1);
    assertThat(avro[0]).as("a negative first count").isOdd();
    assertThat(in.readLong()).isEqualTo(42);
    assertThat(in.isEnd()).isTrue();
  }

  @Test
  void refusesBytesThatAreNotTheEncoding() {
    byte[] endless = new byte[11];
    Arrays.fill(endless, (byte) 0x80);
    assertThatThrownBy(() -> new AvroBinary().wrap(endless, 0, 11).readLong())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than 10 bytes");
    assertThatThrownBy(() -> new AvroBinary().wrap(endless, 0, 6).readInt())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than 5 bytes");
    assertThatThrownBy(() -> new AvroBinary().wrap(endless, 0, 3).readLong())
        .isInstanceOf(EOFException.class);
    byte[] shortDouble = new byte[7];
    assertThatThrownBy(() -> new AvroBinary().wrap(shortDouble, 0, 7).readDouble())
        .isInstanceOf(EOFException.class);
    // A string of 5 bytes with 2 left, and one of -1 bytes.
    assertThatThrownBy(() -> new AvroBinary().wrap(new byte[] {10, 'a', 'b'}, 0, 3).readString())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("5 bytes where 2 are left");
    assertThatThrownBy(() -> new AvroBinary().wrap(new byte[] {1}, 0, 1).skipString())
        .isInstanceOf(IOException.class);
    // The bytes past the range wrapped are not read.
    byte[] cut = {4, 'a', 'b'};
    assertThatThrownBy(() -> new AvroBinary().wrap(cut, 0, 2).readString())
        .isInstanceOf(IOException.class);
  }
}
