package dev.uvi.server;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.internal.server.NettyUviServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A uvi server: runs one {@link AsgiApplication} on reactor-netty with one {@link UviConfig}.
 *
 * <pre>{@code
 * UviServer server = UviServer.create(UviConfig.builder().port(0).build(), app).start();
 * int port = server.port();
 * ...
 * server.shutdown(Duration.ofSeconds(30));
 * }</pre>
 */
public interface UviServer {

	/** @return a server that is not started yet */
	static UviServer create(UviConfig config, AsgiApplication application) {
		return create(config, application, List.of());
	}

	/**
	 * @param lifespans hooks run before the application's lifespan startup (in order) and after its
	 *     shutdown (in reverse order)
	 * @return a server that is not started yet
	 */
	static UviServer create(UviConfig config, AsgiApplication application, List<Lifespan> lifespans) {
		return new NettyUviServer(config, application, lifespans);
	}

	/**
	 * @param listener told of connections, requests, WebSockets and the lifespan; replaces the config's
	 * @return a server that is not started yet
	 */
	static UviServer create(UviConfig config, AsgiApplication application, UviServerListener listener) {
		return create(config.toBuilder().listener(listener).build(), application, List.of());
	}

	/**
	 * Loads and initialises what binding and a first request need (some 1,500 classes of reactor-netty,
	 * Netty and uvi) by serving two requests on a throwaway server, bound to the loopback address on a
	 * free port with a built-in application, then freed. For a CDS training run that ends before any
	 * server starts (the Spring Boot starter calls it in Spring's), so that the archive holds those
	 * classes too; or on a thread of your own while your application initialises. Runs at most once per
	 * JVM and not once a server has started (a server starting meanwhile waits for it); never throws.
	 */
	static void warmup() {
		NettyUviServer.warmup();
	}

	/**
	 * Runs the lifespan startup, then binds the socket and serves.
	 * @return this server
	 * @throws PortInUseException when the address is taken
	 * @throws LifespanStartupException when the application's lifespan startup failed
	 * @throws UviServerException when the server cannot start for another reason
	 */
	UviServer start();

	/** @return the port the server listens on (the real one when configured with port 0) */
	int port();

	/** @return true between a successful {@link #start()} and the end of {@link #shutdown(Duration)} */
	boolean isRunning();

	/**
	 * Shuts down gracefully in uvicorn's order: closes WebSockets with 1012, stops accepting, closes
	 * idle keep-alive connections, lets in-flight requests finish for at most {@code timeout} (their
	 * responses say {@code connection: close}), then cancels what is left (a response not yet started
	 * gets the fixed 500), runs the lifespan shutdown and frees the event loops. Does nothing when not
	 * running; when called again during a shutdown, waits for it.
	 * @param timeout how long in-flight requests may take; null waits as long as they take
	 */
	void shutdown(@Nullable Duration timeout);

	/** Shuts down gracefully with {@link UviConfig#timeoutGracefulShutdown()}. */
	void shutdown();

	/**
	 * Replaces the TLS key material: new handshakes use it at once, open connections keep theirs.
	 * @throws IllegalStateException when the server was not started with TLS
	 * @throws UviServerException when the new material is unusable; the old one stays in use
	 */
	void reloadTls(TlsConfig tls);

	/** @return a stage that completes once the server has shut down; a thread may wait on it to keep a JVM alive */
	CompletionStage<Void> terminated();
}
