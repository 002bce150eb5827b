/**
 * Minimal composition of applications, Starlette-shaped: a {@link dev.uvi.routing.Router} that
 * dispatches on exact paths and methods (with {@code 404}, {@code 405} and a refused WebSocket when
 * nothing matches), a {@link dev.uvi.routing.Mount} that serves a sub-application under a prefix,
 * and a {@link dev.uvi.routing.LifespanHandler} for startup and shutdown. It is not a framework: no
 * path parameters, no content negotiation, no middleware chains.
 *
 * <p>Starting points: {@link dev.uvi.routing.Router#builder()}.
 */
@NullMarked
package dev.uvi.routing;

import org.jspecify.annotations.NullMarked;
