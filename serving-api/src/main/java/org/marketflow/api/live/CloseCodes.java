package org.marketflow.api.live;

/**
 * The WebSocket close codes the server sends (RFC 6455 section 7.4; 4000-4999 are the application's
 * own). A bad message is answered with an error message, never a close; these are for abuse,
 * slowness and silence.
 */
public final class CloseCodes {

  /** The service is shutting down. */
  public static final short GOING_AWAY = 1001;

  /** Policy violation: more subscriptions than {@code marketflow.live.max-subscriptions}. */
  public static final short POLICY_VIOLATION = 1008;

  /** A message larger than {@code marketflow.live.max-message-bytes}. */
  public static final short MESSAGE_TOO_BIG = 1009;

  /** The client read too slowly: its queue of {@code marketflow.live.queue-capacity} was full. */
  public static final short SLOW_CONSUMER = 4000;

  /** Nothing from the client (no pong, no message) for {@code marketflow.live.pong-timeout}. */
  public static final short HEARTBEAT_TIMEOUT = 4001;

  private CloseCodes() {}
}
