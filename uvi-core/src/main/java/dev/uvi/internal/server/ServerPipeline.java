package dev.uvi.internal.server;

import dev.uvi.internal.http.HttpBridge;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import java.time.Duration;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The reactor-netty server a {@link UviConfig} describes, up to its address and TLS: one place, so
 * that {@link ServerWarmup} exercises the very pipeline that {@link NettyUviServer} binds.
 */
final class ServerPipeline {

	private ServerPipeline() {
	}

	/**
	 * An HTTP/1.1-only server leaves the keep-alive timeout to uvi's guards, one task per connection;
	 * reactor-netty's {@code idleTimeout} adds a handler and schedules a task per request, and is used
	 * only where HTTP/2 connections need it too.
	 */
	static HttpServer create(UviConfig config, HttpBridge bridge, LoopResources loops, ChannelGroup channels) {
		HttpProtocol[] protocols = protocols(config);
		boolean http11Only = protocols.length == 1;
		HttpServer server = HttpServer.create()
			.runOn(loops, UnixSocket.preferNative(config))
			.channelGroup(channels)
			.option(ChannelOption.SO_BACKLOG, config.backlog())
			.doOnChannelInit(bridge.requestGuards(config, http11Only ? config.timeoutKeepAlive() : Duration.ZERO))
			.httpRequestDecoder((spec) -> spec.maxInitialLineLength(config.maxRequestLineSize())
				.maxHeaderSize(config.maxHeaderSize()))
			.protocol(protocols)
			.http2Settings((settings) -> settings.maxConcurrentStreams(config.http2().maxConcurrentStreams())
				.initialWindowSize(config.http2().initialWindowSize())
				.maxHeaderListSize(config.http2().maxHeaderListSize())
				// rapid reset (CVE-2023-44487): at most 200 client resets in 30 s, Netty's own default
				.maxDecodedRstFramesPerWindow(200, 30))
			.handle(bridge);
		if (!http11Only) {
			server = server.idleTimeout(config.timeoutKeepAlive());
		}
		if (config.listener() != UviServerListener.NOOP) {
			server = server.childObserve(new ConnectionCounter(config.listener()));
		}
		return (config.uds() != null) ? server.bindAddress(UnixSocket.address(config.uds()))
				: server.host(config.host()).port(config.port());
	}

	/** @return whether the server speaks HTTP/2 over TLS (ALPN) */
	static boolean h2(UviConfig config) {
		return config.tls() != null && config.http2().enabled();
	}

	private static HttpProtocol[] protocols(UviConfig config) {
		if (h2(config)) {
			return new HttpProtocol[] { HttpProtocol.HTTP11, HttpProtocol.H2 };
		}
		if (config.tls() == null && config.http2().h2c()) {
			return new HttpProtocol[] { HttpProtocol.HTTP11, HttpProtocol.H2C };
		}
		return new HttpProtocol[] { HttpProtocol.HTTP11 };
	}
}
