/**
 * Middleware shipped with uvi: plain {@link dev.uvi.asgi.AsgiApplication} wrappers that touch only
 * the scope, {@code receive} and {@code send}, usable with any server or none.
 */
@NullMarked
package dev.uvi.middleware;

import org.jspecify.annotations.NullMarked;
