package dev.uvi.asgi;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The part that HTTP and WebSocket scopes share, so that routers and middleware can treat both
 * alike. {@code path} is percent-decoded and already contains {@code rootPath}, as in the ASGI spec
 * and uvicorn; {@code rawPath} and {@code queryString} are the bytes of the request target as
 * latin-1 strings.
 */
public sealed interface ConnectionScope extends Scope permits HttpScope, WebSocketScope {

	/** @return {@code "1.0"}, {@code "1.1"} or {@code "2"} */
	String httpVersion();

	/** @return {@code http}/{@code https} for HTTP, {@code ws}/{@code wss} for WebSockets */
	String scheme();

	/** @return the decoded path, {@code rootPath} included */
	String path();

	/** @return the path as it came on the wire (percent-encoded), {@code rootPath} included */
	String rawPath();

	/** @return the query string without the leading {@code ?}, as it came on the wire */
	String queryString();

	/** @return the prefix the application is mounted under, empty for none */
	String rootPath();

	/** @return the request headers, names lower-case */
	Headers headers();

	/** @return the peer's address, or null when unknown (a unix socket) */
	@Nullable Address client();

	/** @return the local address (host and port, or socket path with no port), or null */
	@Nullable Address server();

	/** @return the ASGI extensions the server supports for this scope, by name */
	Map<String, Object> extensions();

	/** @return a copy with another client address (proxy headers) */
	ConnectionScope withClient(@Nullable Address client);

	/** @return a copy with another scheme (proxy headers) */
	ConnectionScope withScheme(String scheme);

	/** @return a copy with another local endpoint (proxy headers: the host the client addressed) */
	ConnectionScope withServer(@Nullable Address server);

	/** @return a copy with other request headers (proxy headers: the {@code host} the client sent) */
	ConnectionScope withHeaders(Headers headers);

	/** @return a copy with another root path (mounting); the path is left as it is */
	ConnectionScope withRootPath(String rootPath);

	/** @return a copy with another decoded and raw path */
	ConnectionScope withPath(String path, String rawPath);
}
