/**
 * Small helpers for applications written against {@link dev.uvi.asgi}: send a whole or streamed
 * response, read a request body chunk by chunk or whole with a size cap. They compose
 * {@code CompletionStage}s and never block, so they are safe on an event loop.
 *
 * <p>Starting points: {@link dev.uvi.http.Responses}, {@link dev.uvi.http.RequestBodies}.
 */
@NullMarked
package dev.uvi.http;

import org.jspecify.annotations.NullMarked;
