package dev.uvi.asgi;

import org.jspecify.annotations.Nullable;

/**
 * A client or server address as ASGI gives it: host and port, or a unix socket path with no port.
 * @param host an IP address literal or a socket path
 * @param port the port, or null for a unix socket
 */
public record Address(String host, @Nullable Integer port) {

	/** @return the address of a TCP endpoint */
	public static Address of(String host, int port) {
		return new Address(host, port);
	}

	/** @return {@code host:port}, or the path for a unix socket */
	@Override
	public String toString() {
		return (this.port != null) ? this.host + ":" + this.port : this.host;
	}
}
