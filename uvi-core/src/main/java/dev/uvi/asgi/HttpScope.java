package dev.uvi.asgi;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request, as ASGI's {@code http} scope.
 * @param httpVersion {@code "1.0"}, {@code "1.1"} or {@code "2"}
 * @param method the request method, upper-case as sent
 * @param scheme {@code http} or {@code https}
 * @param path the decoded path, {@code rootPath} included
 * @param rawPath the path as sent, {@code rootPath} included
 * @param queryString the query as sent, without {@code ?}
 * @param rootPath the mount prefix, empty for none
 * @param headers the request headers
 * @param client the peer, or null
 * @param server the local endpoint, or null
 * @param state a shallow copy of the lifespan state
 * @param extensions the ASGI extensions this server supports here
 */
public record HttpScope(String httpVersion, String method, String scheme, String path, String rawPath,
		String queryString, String rootPath, Headers headers, @Nullable Address client, @Nullable Address server,
		Map<String, Object> state, Map<String, Object> extensions) implements ConnectionScope {

	/** The ASGI HTTP spec version: 2.3, because a send after the client left is ignored, not raised. */
	public static final String SPEC_VERSION = "2.3";

	@Override
	public String type() {
		return "http";
	}

	@Override
	public HttpScope withClient(@Nullable Address client) {
		return new HttpScope(this.httpVersion, this.method, this.scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, this.headers, client, this.server, this.state, this.extensions);
	}

	@Override
	public HttpScope withScheme(String scheme) {
		return new HttpScope(this.httpVersion, this.method, scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, this.headers, this.client, this.server, this.state, this.extensions);
	}

	@Override
	public HttpScope withServer(@Nullable Address server) {
		return new HttpScope(this.httpVersion, this.method, this.scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, this.headers, this.client, server, this.state, this.extensions);
	}

	@Override
	public HttpScope withHeaders(Headers headers) {
		return new HttpScope(this.httpVersion, this.method, this.scheme, this.path, this.rawPath, this.queryString,
				this.rootPath, headers, this.client, this.server, this.state, this.extensions);
	}

	@Override
	public HttpScope withRootPath(String rootPath) {
		return new HttpScope(this.httpVersion, this.method, this.scheme, this.path, this.rawPath, this.queryString,
				rootPath, this.headers, this.client, this.server, this.state, this.extensions);
	}

	@Override
	public HttpScope withPath(String path, String rawPath) {
		return new HttpScope(this.httpVersion, this.method, this.scheme, path, rawPath, this.queryString,
				this.rootPath, this.headers, this.client, this.server, this.state, this.extensions);
	}
}
