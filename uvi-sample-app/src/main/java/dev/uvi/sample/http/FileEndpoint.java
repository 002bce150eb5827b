package dev.uvi.sample.http;

import dev.uvi.asgi.Headers;
import dev.uvi.asgi.HttpResponsePathSend;
import dev.uvi.asgi.HttpResponseStart;
import dev.uvi.asgi.HttpScope;
import dev.uvi.asgi.Receive;
import dev.uvi.asgi.Scope;
import dev.uvi.asgi.Send;
import dev.uvi.http.Responses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code GET /file?name=…}: a file from one directory, sent by the server itself through the
 * {@code http.response.pathsend} extension (zero-copy where the transport allows). Only plain names
 * are served: no separators, no leading dot, so {@code ..} and absolute paths get 404.
 */
public class FileEndpoint {

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

	private final Path directory;

	/** @param directory where the served files are */
	public FileEndpoint(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	/** Sends the named file, or 404. */
	public CompletionStage<Void> file(Scope scope, Receive receive, Send send) {
		String name = Query.text((HttpScope) scope, "name", "");
		Path file = this.directory.resolve(name).normalize();
		if (!PLAIN_NAME.matcher(name).matches() || !file.startsWith(this.directory) || !Files.isRegularFile(file)) {
			return Responses.text(send, 404, "Not Found");
		}
		return send.send(HttpResponseStart.of(200, Headers.of("content-type", contentType(name))))
			.thenCompose((v) -> send.send(new HttpResponsePathSend(file.toString())));
	}

	private static String contentType(String name) {
		return name.endsWith(".txt") ? "text/plain; charset=utf-8" : "application/octet-stream";
	}
}
