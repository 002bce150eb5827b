package dev.uvi.server;

/** The address to listen on is taken by another process. */
public class PortInUseException extends UviServerException {

	private static final long serialVersionUID = 1L;

	private final String host;

	private final int port;

	public PortInUseException(String host, int port, Throwable cause) {
		super("Port " + port + " on " + host + " is already in use", cause);
		this.host = host;
		this.port = port;
	}

	/** @return the host the server tried to bind */
	public String host() {
		return this.host;
	}

	/** @return the port the server tried to bind */
	public int port() {
		return this.port;
	}
}
