/**
 * The sample's WebSocket routes: {@code /ws/echo} accepts and echoes, {@code /ws/reject} and
 * {@code /ws/deny} refuse before accepting, each in one of the two ways ASGI allows. Handlers have the
 * shape of {@link dev.uvi.asgi.AsgiApplication#call} and are routed by method reference.
 */
@NullMarked
package dev.uvi.sample.websocket;

import org.jspecify.annotations.NullMarked;
