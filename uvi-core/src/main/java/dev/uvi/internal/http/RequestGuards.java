package dev.uvi.internal.http;

import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServerListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.net.SocketAddress;
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

	private final Settings settings;

	/** @param config the limits and default headers to apply */
	public RequestGuards(UviConfig config) {
		this.settings = new Settings(new DefaultHeaders(config),
				(config.limitConcurrency() > 0) ? new ConcurrencyLimit(config.limitConcurrency())
						: ConcurrencyLimit.NONE,
				config.maxRequestBodySize(), config.timeoutRequestHeader().toNanos(), config.listener());
	}

	@Override
	public void onChannelInit(ConnectionObserver observer, Channel channel, @Nullable SocketAddress remoteAddress) {
		ChannelPipeline pipeline = channel.pipeline();
		if (pipeline.get(NettyPipeline.HttpCodec) == null) {
			return; // not an HTTP/1.1 pipeline
		}
		RequestGuard guard = new RequestGuard(this.settings);
		pipeline.addBefore(NettyPipeline.HttpCodec, DETECTOR, new ObsFoldDetector(guard));
		pipeline.addAfter(NettyPipeline.HttpCodec, GUARD, guard);
	}

	/** Takes both handlers out: after a WebSocket upgrade the bytes are frames, not requests. */
	static void remove(ChannelPipeline pipeline) {
		if (pipeline.get(DETECTOR) != null) {
			pipeline.remove(DETECTOR);
		}
		if (pipeline.get(GUARD) != null) {
			pipeline.remove(GUARD);
		}
	}

	/** What every connection's guard shares: one concurrency count for the whole server. */
	record Settings(DefaultHeaders defaultHeaders, ConcurrencyLimit concurrency, long maxBodySize,
			long headerTimeoutNanos, UviServerListener listener) {
	}
}
