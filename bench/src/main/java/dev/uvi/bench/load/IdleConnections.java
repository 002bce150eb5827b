package dev.uvi.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens {@code count} connections, makes one {@code GET /} on each so the server has set up its
 * per-connection state, then leaves them idle for {@code hold-seconds} while run.sh reads the server's
 * RSS. Connects at most 256 at a time, well under the servers' accept backlogs.
 *
 * <p>Arguments: {@code host port count hold-seconds}. Prints {@code idle: N} once the requests are
 * answered ({@code N} connections still open), then {@code closed: M} after the hold.
 */
public final class IdleConnections {

	private IdleConnections() {
	}

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int count = Integer.parseInt(args[2]);
		int hold = Integer.parseInt(args[3]);
		ByteBuf request = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(
				("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).asReadOnly());
		CountDownLatch answered = new CountDownLatch(count);
		AtomicInteger closed = new AtomicInteger();
		Semaphore connecting = new Semaphore(256);
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		try {
			Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(
					new ChannelInitializer<SocketChannel>() {
						@Override
						protected void initChannel(SocketChannel channel) {
							channel.closeFuture().addListener((f) -> closed.incrementAndGet());
							channel.pipeline().addLast(new AnswerOnce(request, answered, connecting));
						}
					});
			List<Channel> channels = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				connecting.acquire();
				ChannelFuture connect = bootstrap.connect(host, port);
				connect.addListener((f) -> {
					if (!f.isSuccess()) {
						connecting.release();
						answered.countDown();
					}
				});
				channels.add(connect.channel());
			}
			answered.await(60, TimeUnit.SECONDS);
			System.out.println("idle: " + (count - closed.get()));
			Thread.sleep(hold * 1000L);
			System.out.println("closed: " + closed.get());
			channels.forEach(Channel::close);
		}
		finally {
			group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
		}
	}

	/** Sends the request when connected; the first bytes back count as the answer. */
	private static final class AnswerOnce extends ChannelInboundHandlerAdapter {

		private final ByteBuf request;

		private final CountDownLatch answered;

		private final Semaphore connecting;

		private boolean done;

		AnswerOnce(ByteBuf request, CountDownLatch answered, Semaphore connecting) {
			this.request = request;
			this.answered = answered;
			this.connecting = connecting;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			ctx.writeAndFlush(this.request.duplicate());
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ReferenceCountUtil.release(msg);
			finish();
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			finish();
		}

		private void finish() {
			if (!this.done) {
				this.done = true;
				this.connecting.release();
				this.answered.countDown();
			}
		}
	}
}
