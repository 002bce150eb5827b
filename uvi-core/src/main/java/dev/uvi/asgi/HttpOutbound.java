package dev.uvi.asgi;

/** Messages of the {@code http} scope that the application sends. */
public sealed interface HttpOutbound extends OutboundMessage
		permits HttpResponseStart, HttpResponseBody, HttpResponseTrailers, HttpResponsePathSend {
}
