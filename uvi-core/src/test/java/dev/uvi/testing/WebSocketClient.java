package dev.uvi.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's WebSocket client with a listener that queues what arrives: whole text messages as
 * {@code "text:..."}, binary ones as {@code "bytes:<length>"}, and the close as {@code "close:<code>:<reason>"}.
 */
public final class WebSocketClient implements WebSocket.Listener {

	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

	private final StringBuilder text = new StringBuilder();

	private int binaryLength;

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	/** Opens a WebSocket to {@code ws://127.0.0.1:port/path}, offering the subprotocols given. */
	public static WebSocketClient open(int port, String path, String... subprotocols) throws Exception {
		return open(HttpClient.newHttpClient(), port, path, subprotocols);
	}

	/** Opens a WebSocket through a shared {@code http} client. */
	public static WebSocketClient open(HttpClient http, int port, String path, String... subprotocols)
			throws Exception {
		WebSocketClient client = new WebSocketClient();
		WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		if (subprotocols.length > 0) {
			builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
		}
		client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client).get(10, TimeUnit.SECONDS);
		return client;
	}

	public WebSocket socket() {
		return this.socket;
	}

	/** @return the next event, failing after 10 s */
	public String next() throws InterruptedException {
		String event = this.events.poll(10, TimeUnit.SECONDS);
		if (event == null) {
			throw new AssertionError("no WebSocket event within 10 s");
		}
		return event;
	}

	/** @return the close code the server sent, failing after 10 s */
	public int closeCode() throws Exception {
		return this.closed.get(10, TimeUnit.SECONDS);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.text.append(data);
		if (last) {
			this.events.add("text:" + this.text);
			this.text.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
		this.binaryLength += data.remaining();
		if (last) {
			this.events.add("bytes:" + this.binaryLength);
			this.binaryLength = 0;
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.events.add("close:" + statusCode + ":" + reason);
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.events.add("error:" + error);
		this.closed.complete(-1);
	}
}
