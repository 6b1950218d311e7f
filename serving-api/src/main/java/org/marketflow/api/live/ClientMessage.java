package org.marketflow.api.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.error.InvalidParameterException;

/**
 * A validated {@code subscribe} or {@code unsubscribe} message: its channels and market, and the
 * client's optional {@code id}, echoed in the answer so the client can pair them.
 */
record ClientMessage(Object id, Action action, List<Channel> channels, MarketSelection market) {

  /** What the client asks for. */
  enum Action {
    SUBSCRIBE("subscribe"),
    UNSUBSCRIBE("unsubscribe");

    private final String wireName;

    Action(String wireName) {
      this.wireName = wireName;
    }

    String wireName() {
      return wireName;
    }
  }

  /** The longest {@code id} string echoed back. */
  static final int MAX_ID_LENGTH = 64;

  private static final Set<String> FIELDS =
      Set.of("id", "action", "channels", "eventId", "outcomeId", "option", "instrument");

  private static final String FIELDS_REASON =
      "unknown field; expected action, channels, eventId, outcomeId, option, instrument, id";

  /** The text is not a JSON object: nothing in it can be trusted, not even its {@code id}. */
  static final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
      super(message);
    }
  }

  /** A field of an otherwise readable message is wrong; carries the message's {@code id}. */
  static final class InvalidFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object id;
    private final transient InvalidParameterException problem;

    InvalidFieldException(Object id, InvalidParameterException problem) {
      super(problem.getMessage(), problem);
      this.id = id;
      this.problem = problem;
    }

    Object id() {
      return id;
    }

    InvalidParameterException problem() {
      return problem;
    }
  }

  /**
   * Parses and validates one text message.
   *
   * @throws MalformedMessageException when it is not a JSON object
   * @throws InvalidFieldException for the first missing, malformed or conflicting field
   */
  static ClientMessage parse(ObjectMapper json, String text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException("message is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedMessageException("message must be a JSON object");
    }
    Object id = null;
    try {
      id = id(root.get("id"));
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELDS.contains(name)) {
          throw new InvalidParameterException(name, abbreviate(root.get(name)), FIELDS_REASON);
        }
      }
      Action action = action(root.get("action"));
      List<Channel> channels = channels(root.get("channels"));
      MarketSelection market =
          MarketSelection.parse(
              text(root, "eventId"),
              text(root, "outcomeId"),
              text(root, "option"),
              text(root, "instrument"));
      return new ClientMessage(id, action, channels, market);
    } catch (InvalidParameterException e) {
      throw new InvalidFieldException(id, e);
    }
  }

  private static Object id(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual() && node.textValue().length() <= MAX_ID_LENGTH) {
      return node.textValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    throw new InvalidParameterException(
        "id",
        abbreviate(node),
        "must be a string of at most " + MAX_ID_LENGTH + " characters or an integer");
  }

  private static Action action(JsonNode node) {
    String reason = "required; expected subscribe or unsubscribe";
    if (node == null || node.isNull()) {
      throw new InvalidParameterException("action", null, reason);
    }
    if (node.isTextual()) {
      for (Action action : Action.values()) {
        if (action.wireName.equals(node.textValue())) {
          return action;
        }
      }
    }
    throw new InvalidParameterException(
        "action", abbreviate(node), "expected subscribe or unsubscribe");
  }

  private static List<Channel> channels(JsonNode node) {
    String reason = "must be a non-empty array of distinct channels out of " + Channel.NAMES;
    if (node == null || node.isNull()) {
      throw new InvalidParameterException("channels", null, "required; " + reason);
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new InvalidParameterException("channels", abbreviate(node), reason);
    }
    Set<Channel> channels = new LinkedHashSet<>();
    for (JsonNode element : node) {
      Channel channel =
          element.isTextual() ? Channel.fromWireName(element.textValue()).orElse(null) : null;
      if (channel == null) {
        throw new InvalidParameterException(
            "channels", abbreviate(element), "unknown channel; expected one of " + Channel.NAMES);
      }
      if (!channels.add(channel)) {
        throw new InvalidParameterException("channels", abbreviate(element), "listed twice");
      }
    }
    return new ArrayList<>(channels);
  }

  /** A string field, {@code null} when absent or JSON null. */
  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidParameterException(field, abbreviate(node), "must be a string");
    }
    return node.textValue();
  }

  /** A bad value as the error's {@code value}: its JSON text, cut to 100 characters. */
  private static String abbreviate(JsonNode node) {
    String text = node == null ? null : node.isTextual() ? node.textValue() : node.toString();
    return text == null || text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
