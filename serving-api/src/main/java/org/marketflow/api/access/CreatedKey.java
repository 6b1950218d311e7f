package org.marketflow.api.access;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer that creates a key (or rotates one): the key itself, shown this once and never again,
 * and its description.
 */
@JsonPropertyOrder({"apiKey", "key"})
public record CreatedKey(String apiKey, ApiKeyView key) {}
