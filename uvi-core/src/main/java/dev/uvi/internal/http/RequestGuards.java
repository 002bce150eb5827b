package dev.uvi.internal.http;

import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.SocketAddress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import reactor.netty.ChannelPipelineConfigurer;

/**
 * Puts an {@link ObsFoldDetector} before and a {@link RequestGuard} after the HTTP/1.1 codec of
 * every new connection ({@code HttpServer.doOnChannelInit}, which reactor-netty runs after it has
 * built its own pipeline). The guard must sit between the codec and reactor-netty's traffic
 * handler: that is the only place that sees a request that failed to decode before reactor-netty
 * answers it with its own bodiless 400.
 */
public final class RequestGuards implements ChannelPipelineConfigurer {

	private static final String DETECTOR = "uvi.obsFoldDetector";

	private static final String GUARD = "uvi.requestGuard";

	private static final String ALPN_WATCHER = "uvi.alpnWatcher";

	private static final String FLUSH_CONSOLIDATION = "uvi.flushConsolidation";

	private final Settings settings;

	/**
	 * @param config the limits to apply
	 * @param defaultHeaders the server's one set of default headers, for the refusals
	 * @param concurrency the server's one {@code limit-concurrency} count, HTTP/2 streams' too
	 * @param keepAlive the keep-alive timeout the guards keep; zero where reactor-netty keeps it
	 */
	RequestGuards(UviConfig config, DefaultHeaders defaultHeaders, ConcurrencyLimit concurrency, Duration keepAlive) {
		this.settings = new Settings(defaultHeaders, concurrency, config.maxRequestBodySize(),
				config.timeoutRequestHeader().toNanos(), keepAlive.toNanos(), config.listener());
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, @Nullable SocketAddress remoteAddress) {
		ChannelPipeline pipeline = channel.pipeline();
		if (pipeline.get(NettyPipeline.HttpCodec) != null) {
			install(pipeline);
		}
		else if (pipeline.get(NettyPipeline.H2OrHttp11Codec) != null) {
			// TLS with ALPN: the HTTP/1.1 codec only exists once the handshake has chosen the protocol
			pipeline.addAfter(NettyPipeline.H2OrHttp11Codec, ALPN_WATCHER, new AlpnWatcher());
		}
	}

	private void install(ChannelPipeline pipeline) {
		RequestGuard guard = new RequestGuard(this.settings);
		pipeline.addBefore(NettyPipeline.HttpCodec, DETECTOR, new ObsFoldDetector(guard));
		pipeline.addAfter(NettyPipeline.HttpCodec, GUARD, guard);
	}

	/**
	 * Sees the handshake's completion after reactor-netty's ALPN handler has built the pipeline for the
	 * chosen protocol: HTTP/1.1 gets the guards, HTTP/2 goes on without them.
	 */
	private final class AlpnWatcher extends ChannelInboundHandlerAdapter {

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof SslHandshakeCompletionEvent) {
				ChannelPipeline pipeline = ctx.pipeline();
				if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(GUARD) == null) {
					install(pipeline);
				}
				pipeline.remove(this);
			}
			ctx.fireUserEventTriggered(event);
		}
	}

	/**
	 * After a WebSocket upgrade the bytes are frames, not requests: both guards go. Flushes are
	 * consolidated from then on, one per read (Netty's {@link FlushConsolidationHandler}): the frames
	 * one read produces go out in one write, and the close frame uvi answers a protocol violation with
	 * (a close with an invalid code: 1002) leaves before Netty's decoder closes the connection. HTTP
	 * connections do not get it: there it would hold every response's write until the read completes.
	 */
	static void upgradedToWebSocket(ChannelPipeline pipeline) {
		if (pipeline.get(DETECTOR) != null) {
			pipeline.remove(DETECTOR);
		}
		if (pipeline.get(GUARD) != null) {
			pipeline.remove(GUARD);
		}
		pipeline.addFirst(FLUSH_CONSOLIDATION, new FlushConsolidationHandler(256, true));
	}

	/** What every connection's guard shares: one concurrency count for the whole server. */
	record Settings(DefaultHeaders defaultHeaders, ConcurrencyLimit concurrency, long maxBodySize,
			long headerTimeoutNanos, long keepAliveNanos, UviServerListener listener) {
	}
}
