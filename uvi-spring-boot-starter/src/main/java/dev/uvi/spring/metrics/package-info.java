/**
 * Micrometer metrics for the uvi server, active only when Micrometer is on the classpath and a
 * {@code MeterRegistry} bean exists: {@code http.server.requests} through the Observation API with
 * Spring's key names, connection, rejection and WebSocket meters, and an optional Prometheus route.
 */
@NullMarked
package dev.uvi.spring.metrics;

import org.jspecify.annotations.NullMarked;
