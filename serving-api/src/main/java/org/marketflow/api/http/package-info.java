/**
 * The HTTP layer under every feature: the entry point and the checks made on each request before
 * routing (a malformed or overlong request target, a write to a management path).
 */
package org.marketflow.api.http;
