package dev.uvi.bench.plain;

import dev.uvi.bench.Ports;
import java.time.Duration;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The ceiling: the sample app's benchmark routes on reactor-netty with no ASGI layer in between.
 * Configured as uvi configures its server (one event loop when run with {@code workers=1}, 5 s idle
 * timeout, {@code date} and {@code server} headers), so the ratio uvi / plain is the cost of the
 * contract alone. With {@code -Dbench.h2c=true} it also speaks cleartext HTTP/2, as uvi does with
 * {@code --uvi.h2c=true}; like uvi's h2c, that is off by default.
 */
public final class PlainServer {

	private PlainServer() {
	}

	public static void main(String[] args) {
		int port = Ports.port(args, 8001);
		int loops = Integer.getInteger("bench.loops", 1);
		long idleSeconds = Long.getLong("bench.idleSeconds", 5);
		HttpProtocol[] protocols = Boolean.getBoolean("bench.h2c")
				? new HttpProtocol[] { HttpProtocol.HTTP11, HttpProtocol.H2C } // prior knowledge and Upgrade: h2c
				: new HttpProtocol[] { HttpProtocol.HTTP11 };
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.runOn(LoopResources.create("plain-http", loops, true))
			.idleTimeout(Duration.ofSeconds(idleSeconds))
			.protocol(protocols)
			.handle(new PlainRoutes())
			.bindNow();
		System.out.println("plain reactor-netty listening on http://127.0.0.1:" + server.port());
		server.onDispose().block();
	}
}
