/**
 * Runs a {@link dev.uvi.server.UviServer} with a Spring context: started and stopped with it,
 * publishing {@code local.uvi.port} and readiness.
 */
@NullMarked
package dev.uvi.spring.lifecycle;

import org.jspecify.annotations.NullMarked;
