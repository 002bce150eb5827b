package dev.uvi.routing;

import dev.uvi.asgi.ConnectionScope;

/**
 * The path that routes match on: the scope's {@code path} with its {@code root_path} taken off, because
 * ASGI (spec 2.3 and later) and uvicorn put the root path inside {@code path}.
 */
final class RoutePath {

	private RoutePath() {
	}

	/**
	 * Starlette's {@code get_route_path}: a path outside the root path is used as it is, and the root
	 * path itself routes as {@code /}.
	 */
	static String of(ConnectionScope scope) {
		String path = scope.path();
		String rootPath = scope.rootPath();
		if (rootPath.isEmpty() || !path.startsWith(rootPath)) {
			return path;
		}
		if (path.length() == rootPath.length()) {
			return "/";
		}
		return (path.charAt(rootPath.length()) == '/') ? path.substring(rootPath.length()) : path;
	}

	/** @throws IllegalArgumentException unless {@code path} starts with {@code /} */
	static String check(String what, String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException(what + ": '" + path + "' (expected: a path starting with '/')");
		}
		return path;
	}
}
