package dev.uvi.bench.load;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Gives each load connection its own {@link EchoHandler} (it keeps per-connection byte counts). */
final class EchoHandlerInitializer extends ChannelInitializer<SocketChannel> {

	private final EchoState state;

	EchoHandlerInitializer(EchoState state) {
		this.state = state;
	}

	@Override
	protected void initChannel(SocketChannel channel) {
		channel.pipeline().addLast(new EchoHandler(this.state));
	}
}
