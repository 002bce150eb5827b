/**
 * Running a server: {@link dev.uvi.server.UviConfig} (immutable, uvicorn's defaults) and
 * {@link dev.uvi.server.UviServer#create(UviConfig, dev.uvi.asgi.AsgiApplication)}.
 */
@NullMarked
package dev.uvi.server;

import org.jspecify.annotations.NullMarked;
