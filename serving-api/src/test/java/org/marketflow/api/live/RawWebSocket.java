package org.marketflow.api.live;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * A WebSocket client on a bare socket that does only what a test tells it: it answers no ping and
 * reads nothing unless asked, so it can play a client that stopped reading (its receive buffer is
 * small, so the server's writes back up soon) or stopped answering pings. The JDK's client answers
 * pings by itself and cannot play either.
 */
final class RawWebSocket implements AutoCloseable {

  static final int OPCODE_TEXT = 0x1;
  static final int OPCODE_CLOSE = 0x8;
  static final int OPCODE_PING = 0x9;

  /** One frame from the server; a close frame's code and reason are decoded. */
  record Frame(int opcode, byte[] payload) {

    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    String closeReason() {
      return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects and completes the opening handshake. */
  static RawWebSocket connect(URI uri, int receiveBufferBytes) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBufferBytes);
    socket.setSoTimeout((int) LiveClient.TIMEOUT.toMillis());
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
    RawWebSocket client = new RawWebSocket(socket);
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String request =
        "GET "
            + uri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + ApiKeyAuthenticationMechanism.HEADER
            + ": "
            + PostgresTestResource.keys().read()
            + "\r\n"
            + ApiKeyAuthenticationMechanism.HEADER
            + ": "
            + PostgresTestResource.keys().read()
            + "\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(key)
            + "\r\n\r\n";
    client.out.write(request.getBytes(StandardCharsets.US_ASCII));
    client.out.flush();
    String status = client.readHeaders();
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("upgrade refused: " + status);
    }
    return client;
  }

  /** Reads the response head; returns its status line. */
  private String readHeaders() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    return head.substring(0, head.indexOf("\r\n"));
  }

  /** Sends a text message in one masked frame, as a client must. */
  void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    out.write(0x80 | OPCODE_TEXT);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    }
    out.write(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    out.flush();
  }

  /** Reads the next frame (the server's frames are unmasked). */
  Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Frame(first & 0x0f, payload);
  }

  /** Reads frames until a close frame, which it returns. */
  Frame readUntilClose() throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == OPCODE_CLOSE) {
        return frame;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
