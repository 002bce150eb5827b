/**
 * Pure ASGI middleware shipped with uvi, each an {@link dev.uvi.asgi.AsgiApplication} wrapping
 * another and touching only the scope, {@code receive} and {@code send}, as uvicorn's are.
 */
@NullMarked
package dev.uvi.middleware;

import org.jspecify.annotations.NullMarked;
