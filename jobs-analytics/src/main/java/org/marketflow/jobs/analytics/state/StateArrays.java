package org.marketflow.jobs.analytics.state;

/**
 * Copies of the primitive arrays the state POJOs hold, with one entry inserted or removed: the
 * state stays plain arrays (no Kryo), changed by replacing them.
 */
public final class StateArrays {

  private StateArrays() {}

  public static String[] insert(String[] values, int at, String value) {
    String[] out = new String[values.length + 1];
    System.arraycopy(values, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(values, at, out, at + 1, values.length - at);
    return out;
  }

  public static double[] insert(double[] values, int at, double value) {
    double[] out = new double[values.length + 1];
    System.arraycopy(values, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(values, at, out, at + 1, values.length - at);
    return out;
  }

  public static long[] insert(long[] values, int at) {
    long[] out = new long[values.length + 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at, out, at + 1, values.length - at);
    return out;
  }

  public static String[] remove(String[] values, int at) {
    String[] out = new String[values.length - 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at + 1, out, at, values.length - at - 1);
    return out;
  }

  public static double[] remove(double[] values, int at) {
    double[] out = new double[values.length - 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at + 1, out, at, values.length - at - 1);
    return out;
  }

  public static long[] remove(long[] values, int at) {
    long[] out = new long[values.length - 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at + 1, out, at, values.length - at - 1);
    return out;
  }

  public static int[] remove(int[] values, int at) {
    int[] out = new int[values.length - 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at + 1, out, at, values.length - at - 1);
    return out;
  }
}
