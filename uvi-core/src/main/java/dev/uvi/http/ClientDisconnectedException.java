package dev.uvi.http;

/**
 * The client went away ({@code http.disconnect}) before the whole request body arrived. Nobody is
 * left to answer, so applications usually just stop (Starlette's {@code ClientDisconnect}).
 */
public class ClientDisconnectedException extends RuntimeException {

	/** @param bytesRead how much of the body had arrived */
	public ClientDisconnectedException(long bytesRead) {
		super("request body: client disconnected after " + bytesRead + " bytes (expected: the whole body)");
	}
}
