package dev.uvi.internal.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * When a {@code send()} may complete: at once while the channel is writable (its outbound buffer is
 * under Netty's high watermark), else when the write reached the socket. This is uvicorn's
 * pause/resume writing; it bounds what a fast application can queue for a slow client.
 */
final class WriteCompletion {

	/**
	 * The one completed stage every server-side {@code send()} that need not wait returns. A minimal
	 * stage: an application that turns it into a future gets its own copy, so nobody can complete or
	 * obtrude the shared one.
	 */
	static final CompletionStage<Void> DONE = CompletableFuture.completedStage(null);

	private WriteCompletion() {
	}

	/** Failed writes complete too: the connection's close tells the cycle the client has gone. */
	static CompletionStage<Void> of(ChannelFuture write, Channel channel) {
		if (write.isDone() || channel.isWritable()) {
			return DONE;
		}
		CompletableFuture<Void> written = new CompletableFuture<>();
		write.addListener((future) -> written.complete(null));
		return written;
	}
}
