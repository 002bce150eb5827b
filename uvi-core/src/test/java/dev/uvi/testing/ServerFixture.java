package dev.uvi.testing;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServer;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on port 0 per test, shut down after it: register with {@code @RegisterExtension}
 * and call {@link #start(AsgiApplication)} in the test.
 */
public final class ServerFixture implements AfterEachCallback {

	private UviServer server;

	/** Starts {@code app} on a free port with two event loops. */
	public int start(AsgiApplication app) {
		return start(app, UnaryOperator.identity());
	}

	/** Starts {@code app} on a free port with the configuration {@code customizer} makes. */
	public int start(AsgiApplication app, UnaryOperator<UviConfig.Builder> customizer) {
		this.server = UviServer.create(customizer.apply(UviConfig.builder().port(0).workers(2)).build(), app)
			.start();
		return this.server.port();
	}

	/** @return the running server */
	public UviServer server() {
		return this.server;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.server != null) {
			this.server.shutdown(Duration.ofSeconds(5));
			this.server = null;
		}
	}
}
