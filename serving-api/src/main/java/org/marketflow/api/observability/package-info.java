/**
 * What the service tells about itself: metrics (one Prometheus registry), health and access logs.
 */
package org.marketflow.api.observability;
