package dev.uvi.asgi;

import java.util.concurrent.CompletionStage;

/**
 * Pushes an outbound message. The stage completes when the server has handed the bytes to the
 * socket (or buffered them under its write watermark), so awaiting each send keeps an application
 * at the pace of its client. A message that breaks the protocol's order fails the stage with an
 * {@link IllegalStateException}.
 */
@FunctionalInterface
public interface Send {

	/**
	 * @param message the next message of this scope's protocol
	 * @return a stage that completes once the message has been written
	 */
	CompletionStage<Void> send(OutboundMessage message);
}
