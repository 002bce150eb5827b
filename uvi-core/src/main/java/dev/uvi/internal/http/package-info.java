/**
 * Not API: the HTTP/1.1 bridge between reactor-netty and an ASGI application. {@link
 * dev.uvi.internal.http.HttpBridge} is the one public entry; it is the only class here that sees
 * reactor-netty's request and response types besides the response writer and the body receiver.
 */
@NullMarked
package dev.uvi.internal.http;

import org.jspecify.annotations.NullMarked;
