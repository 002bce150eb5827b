package dev.uvi.internal.server;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Placeholder while the bridge is written. */
public final class NettyUviServer implements UviServer {

	private final CompletableFuture<Void> terminated = new CompletableFuture<>();

	public NettyUviServer(UviConfig config, AsgiApplication application) {
	}

	@Override
	public UviServer start() {
		throw new UnsupportedOperationException("not yet");
	}

	@Override
	public int port() {
		return -1;
	}

	@Override
	public boolean isRunning() {
		return false;
	}

	@Override
	public void shutdown(Duration timeout) {
	}

	@Override
	public CompletionStage<Void> terminated() {
		return this.terminated;
	}
}
