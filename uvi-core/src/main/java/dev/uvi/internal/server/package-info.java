/** Not API: the reactor-netty server behind {@link dev.uvi.server.UviServer}. */
@NullMarked
package dev.uvi.internal.server;

import org.jspecify.annotations.NullMarked;
