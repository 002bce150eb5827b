package dev.uvi.asgi;

import java.util.concurrent.CompletionStage;

/**
 * Pulls the next inbound message. One call yields one message (one body chunk, one WebSocket
 * message), so an application that reads slowly makes the server read slowly: that is the
 * back-pressure contract. Call it again only after the previous stage has completed.
 */
@FunctionalInterface
public interface Receive {

	/** @return the next message of this scope's protocol */
	CompletionStage<InboundMessage> receive();
}
