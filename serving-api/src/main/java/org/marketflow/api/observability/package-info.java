/**
 * What the service tells about itself: one Prometheus registry ({@link
 * org.marketflow.api.observability.MeterRegistries}) scraped at {@code /q/metrics}, request timings
 * and the structured access log ({@link org.marketflow.api.observability.HttpObservation}). Health
 * is Quarkus' own ({@code /q/health}), with the checks each feature adds.
 */
package org.marketflow.api.observability;
