package dev.uvi.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Finds obsolete line folding (a header line starting with a space or tab, RFC 9112 §5.2), which
 * Netty's decoder silently joins into the previous value; uvi refuses it with 400, as httptools
 * does. Sits before the decoder and looks only at a line end followed by a blank: it hands the bytes
 * up to that point to the decoder first, then asks the {@link RequestGuard} whether a head is being
 * read there (a body may contain the same bytes). Bytes of a {@code Content-Length} body are skipped
 * unscanned; a chunked body is split at such places, which only makes its chunks smaller.
 */
final class ObsFoldDetector extends ChannelInboundHandlerAdapter {

	private final RequestGuard guard;

	/** The previous read ended with a line feed: a blank at the start of this one may be a fold. */
	private boolean endedWithLineFeed;

	ObsFoldDetector(RequestGuard guard) {
		this.guard = guard;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof ByteBuf buffer)) {
			ctx.fireChannelRead(msg);
			return;
		}
		if (this.guard.refusing()) {
			buffer.release();
			return;
		}
		this.guard.bytesArrived();
		int end = buffer.writerIndex();
		int from = buffer.readerIndex();
		if (from == end) {
			ctx.fireChannelRead(buffer);
			return;
		}
		if (this.endedWithLineFeed && isBlank(buffer.getByte(from)) && this.guard.awaitingHead()) {
			refuse(buffer);
			return;
		}
		this.endedWithLineFeed = buffer.getByte(end - 1) == '\n';
		int position = from + bodyBytes(end - from);
		while (position < end - 1) {
			int lineFeed = buffer.indexOf(position, end - 1, (byte) '\n');
			if (lineFeed < 0) {
				break;
			}
			position = lineFeed + 1;
			if (isBlank(buffer.getByte(position))) {
				ctx.fireChannelRead(buffer.retainedSlice(from, position - from));
				from = position;
				if (this.guard.refusing()) {
					buffer.release();
					return;
				}
				if (this.guard.awaitingHead()) {
					refuse(buffer);
					return;
				}
				position = Math.max(position, from + bodyBytes(end - from));
			}
		}
		buffer.readerIndex(from);
		ctx.fireChannelRead(buffer);
	}

	/** @return how many of the next {@code available} bytes surely belong to a Content-Length body */
	private int bodyBytes(int available) {
		long remaining = this.guard.bodyRemaining();
		return (remaining > 0) ? (int) Math.min(remaining, available) : 0;
	}

	private void refuse(ByteBuf buffer) {
		buffer.release();
		this.guard.obsFoldFound();
	}

	private static boolean isBlank(byte b) {
		return b == ' ' || b == '\t';
	}
}
