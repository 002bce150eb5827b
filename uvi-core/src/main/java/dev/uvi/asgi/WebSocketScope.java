package dev.uvi.asgi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection, as ASGI's {@code websocket} scope; the application sees it before the
 * handshake is answered.
 * @param httpVersion the version of the upgrade request
 * @param scheme {@code ws} or {@code wss}
 * @param path the decoded path, {@code rootPath} included
 * @param rawPath the path as sent, {@code rootPath} included
 * @param queryString the query as sent, without {@code ?}
 * @param rootPath the mount prefix, empty for none
 * @param headers the upgrade request's headers
 * @param client the peer, or null
 * @param server the local endpoint, or null
 * @param subprotocols the subprotocols the client offered, in order
 * @param state a shallow copy of the lifespan state
 * @param extensions the ASGI extensions this server supports here
 */
public record WebSocketScope(String httpVersion, String scheme, String path, String rawPath, String queryString,
		String rootPath, Headers headers, @Nullable Address client, @Nullable Address server,
		List<String> subprotocols, Map<String, Object> state, Map<String, Object> extensions)
		implements ConnectionScope {

	/** The ASGI WebSocket spec version. */
	public static final String SPEC_VERSION = "2.4";

	@Override
	public String type() {
		return "websocket";
	}

	@Override
	public WebSocketScope withClient(@Nullable Address client) {
		return new WebSocketScope(this.httpVersion, this.scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, this.headers, client, this.server, this.subprotocols, this.state, this.extensions);
	}

	@Override
	public WebSocketScope withScheme(String scheme) {
		return new WebSocketScope(this.httpVersion, scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, this.headers, this.client, this.server, this.subprotocols, this.state, this.extensions);
	}

	@Override
	public WebSocketScope withServer(@Nullable Address server) {
		return new WebSocketScope(this.httpVersion, this.scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, this.headers, this.client, server, this.subprotocols, this.state, this.extensions);
	}

	@Override
	public WebSocketScope withHeaders(Headers headers) {
		return new WebSocketScope(this.httpVersion, this.scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, headers, this.client, this.server, this.subprotocols, this.state, this.extensions);
	}

	@Override
	public WebSocketScope withRootPath(String rootPath) {
		return new WebSocketScope(this.httpVersion, this.scheme, this.path, this.rawPath, this.queryString,
				rootPath, this.headers, this.client, this.server, this.subprotocols, this.state, this.extensions);
	}

	@Override
	public WebSocketScope withPath(String path, String rawPath) {
		return new WebSocketScope(this.httpVersion, this.scheme, path, rawPath, this.queryString,
				this.rootPath, this.headers, this.client, this.server, this.subprotocols, this.state, this.extensions);
	}
}
