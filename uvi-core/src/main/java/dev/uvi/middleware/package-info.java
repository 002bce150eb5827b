/**
 * Middleware shipped with uvi: plain {@link dev.uvi.asgi.AsgiApplication} wrappers that change the
 * scope and pass {@code receive}/{@code send} through, usable with any server or none.
 */
@NullMarked
package dev.uvi.middleware;

import org.jspecify.annotations.NullMarked;
