package org.marketflow.api.testing;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends exact bytes to the service under test and reads one answer: for requests an HTTP client
 * would refuse to send or would fix on the way (bad percent-encodings, control bytes, wrong
 * framing).
 */
public final class RawHttp {

  private static final int TIMEOUT_MS = 5_000;

  private RawHttp() {}

  /** One answer: its status (0 if the connection closed with none), headers and body. */
  public record Answer(int status, String head, String body) {

    /** The value of header {@code name}, or null. */
    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          return line.substring(prefix.length()).trim();
        }
      }
      return null;
    }
  }

  /** Sends {@code request} as is to the test service on localhost and reads the answer. */
  public static Answer send(byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return read(
          socket.getInputStream(), request.length > 4 && request[0] == 'H' && request[1] == 'E');
    }
  }

  /** {@link #send(byte[])} of an ISO-8859-1 string, so that each char is one byte. */
  public static Answer send(String request) throws IOException {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads one answer; {@code headOnly} for a HEAD request, whose answer has no body. */
  private static Answer read(InputStream in, boolean headOnly) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headEnd = -1;
    long contentLength = -1;
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        bytes.write(buffer, 0, n);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
          contentLength = contentLength(text.substring(0, headEnd));
        }
        if (headEnd >= 0
            && (headOnly || contentLength >= 0 && text.length() >= headEnd + 4 + contentLength)) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      // A kept-alive connection with no length: what arrived is the answer.
    }
    String text = bytes.toString(StandardCharsets.ISO_8859_1);
    if (text.isEmpty()) {
      return new Answer(0, "", "");
    }
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] statusLine = head.split(" ", 3);
    return new Answer(Integer.parseInt(statusLine[1]), head, body);
  }

  private static long contentLength(String head) {
    return new Answer(0, head, "").header("content-length") == null
        ? -1
        : Long.parseLong(new Answer(0, head, "").header("content-length"));
  }
}
