package dev.uvi.testing;

import dev.uvi.asgi.HttpRequest;
import dev.uvi.asgi.InboundMessage;
import dev.uvi.asgi.LifespanShutdown;
import dev.uvi.asgi.LifespanStartup;
import dev.uvi.asgi.Receive;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Receive} that hands out a fixed list of messages, for testing applications without a
 * server. Receiving past the end fails the stage, so an application that reads too far is caught.
 * Stages complete at once, or on an executor with {@link #completingOn(Executor)}.
 */
public final class ScriptedReceive implements Receive {

	private final List<InboundMessage> script;

	private final AtomicInteger next = new AtomicInteger();

	private final Executor executor;

	private ScriptedReceive(List<InboundMessage> script, Executor executor) {
		this.script = List.copyOf(script);
		this.executor = executor;
	}

	/** @return a receive that yields these messages in order */
	public static ScriptedReceive of(InboundMessage... messages) {
		return new ScriptedReceive(List.of(messages), Runnable::run);
	}

	/** @return a receive that yields one {@code http.request} per chunk, the last one without more body */
	public static ScriptedReceive body(byte[]... chunks) {
		List<InboundMessage> messages = new ArrayList<>();
		for (int i = 0; i < chunks.length; i++) {
			messages.add(new HttpRequest(chunks[i], i < chunks.length - 1));
		}
		if (messages.isEmpty()) {
			messages.add(new HttpRequest(new byte[0], false));
		}
		return new ScriptedReceive(messages, Runnable::run);
	}

	/** @return a receive that yields {@code lifespan.startup} then {@code lifespan.shutdown} */
	public static ScriptedReceive lifespan() {
		return of(new LifespanStartup(), new LifespanShutdown());
	}

	/** @return the same script, each stage completed by {@code executor} (so not at once) */
	public ScriptedReceive completingOn(Executor executor) {
		return new ScriptedReceive(this.script, executor);
	}

	@Override
	public CompletionStage<InboundMessage> receive() {
		int index = this.next.getAndIncrement();
		if (index >= this.script.size()) {
			return CompletableFuture.failedFuture(
					new AssertionError("receive() #" + (index + 1) + " but the script has " + this.script.size()));
		}
		return CompletableFuture.supplyAsync(() -> this.script.get(index), this.executor);
	}

	/** @return how many times {@link #receive()} was called */
	public int receivedCount() {
		return this.next.get();
	}
}
