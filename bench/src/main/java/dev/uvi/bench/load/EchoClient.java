package dev.uvi.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket load clients' connections: one event loop, an {@link EchoHandler} on each socket. At most
 * 256 connects are in flight at once, well under the servers' accept backlogs.
 */
final class EchoClient implements AutoCloseable {

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final List<Channel> channels = new ArrayList<>();

	/**
	 * Opens the state's number of connections to {@code uri} and waits for their upgrades.
	 * @return whether every one was upgraded; if not, {@link EchoState#refusal()} says why
	 */
	boolean connect(URI uri, EchoState state) throws InterruptedException {
		Bootstrap bootstrap = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new EchoHandlerInitializer(state));
		Semaphore connecting = new Semaphore(256);
		for (int i = 0; i < state.connections; i++) {
			connecting.acquire();
			ChannelFuture connect = bootstrap.connect(uri.getHost(), uri.getPort());
			connect.addListener((f) -> {
				connecting.release();
				if (!f.isSuccess()) {
					state.refused("connect failed: " + f.cause());
				}
			});
			this.channels.add(connect.channel());
		}
		connecting.acquire(256);
		return state.awaitUpgrades();
	}

	/** @return the connections still open */
	long open() {
		return this.channels.stream().filter(Channel::isActive).count();
	}

	@Override
	public void close() {
		this.channels.forEach(Channel::close);
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}
}
