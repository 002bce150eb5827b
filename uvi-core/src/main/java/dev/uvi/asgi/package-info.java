/**
 * The application contract: what an application written for uvi sees, in JDK types only.
 *
 * <p>Starting points: {@link dev.uvi.asgi.AsgiApplication} (the single method an application
 * implements), the scopes ({@link dev.uvi.asgi.HttpScope}, {@link dev.uvi.asgi.WebSocketScope},
 * {@link dev.uvi.asgi.LifespanScope}), {@link dev.uvi.asgi.Headers}, and one record per ASGI message
 * under {@link dev.uvi.asgi.InboundMessage} and {@link dev.uvi.asgi.OutboundMessage}.
 * No Reactor or Netty type crosses this package, so applications and middleware stay portable and
 * testable without a server.
 */
@NullMarked
package dev.uvi.asgi;

import org.jspecify.annotations.NullMarked;
