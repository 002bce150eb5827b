package dev.uvi.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * One load connection: upgrade, then send a frame each time a whole echo has arrived, until it has sent
 * the state's number of messages. Echo frames all have the same length, so counting bytes is enough to
 * find their boundaries.
 */
final class EchoHandler extends ChannelInboundHandlerAdapter {

	private final EchoState state;

	private ByteBuf head;

	private long pending;

	private long sent;

	EchoHandler(EchoState state) {
		this.state = state;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.head = ctx.alloc().buffer();
		ctx.writeAndFlush(this.state.upgradeRequest.duplicate());
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		try {
			if (this.head != null) {
				readHead(ctx, in);
			}
			else {
				readEchoes(ctx, in.readableBytes());
			}
		}
		finally {
			in.release();
		}
	}

	private void readHead(ChannelHandlerContext ctx, ByteBuf in) {
		this.head.writeBytes(in);
		String text = this.head.toString(StandardCharsets.US_ASCII);
		int headEnd = text.indexOf("\r\n\r\n");
		if (headEnd < 0) {
			return;
		}
		String statusLine = text.substring(0, text.indexOf("\r\n"));
		int leftover = this.head.writerIndex() - (headEnd + 4);
		this.head.release();
		this.head = null;
		if (!statusLine.contains(" 101 ")) {
			this.state.refused(statusLine);
			ctx.close();
			return;
		}
		this.state.upgraded();
		send(ctx, this.state.depth);
		readEchoes(ctx, leftover);
	}

	private void readEchoes(ChannelHandlerContext ctx, int bytes) {
		this.pending += bytes;
		int frames = (int) (this.pending / this.state.echoLength);
		if (frames == 0) {
			return;
		}
		this.pending -= (long) frames * this.state.echoLength;
		this.state.echoes.add(frames);
		send(ctx, frames);
	}

	private void send(ChannelHandlerContext ctx, long frames) {
		long count = Math.min(frames, this.state.messages - this.sent);
		if (count <= 0) {
			return;
		}
		for (long i = 0; i < count; i++) {
			ctx.write(this.state.frame.duplicate());
		}
		this.sent += count;
		ctx.flush();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.head != null) {
			this.head.release();
			this.head = null;
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}
}
