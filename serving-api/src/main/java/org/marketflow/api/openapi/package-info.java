/**
 * The API's OpenAPI document (generated at build time from the resources) and Swagger UI, at {@code
 * /q/openapi} and {@code /q/swagger-ui/}.
 */
package org.marketflow.api.openapi;
