/** Not API: the ASGI lifespan protocol, driven around the server's start and shutdown. */
@NullMarked
package dev.uvi.internal.lifespan;

import org.jspecify.annotations.NullMarked;
