package dev.uvi.spring.lifecycle;

import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServer;
import org.springframework.context.ApplicationEvent;

/**
 * Published once the server listens, with the port it really bound: the way to learn the port
 * when {@code uvi.port=0}, besides the {@value UviServerLifecycle#PORT_PROPERTY} property.
 */
public class UviServerStartedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient UviConfig config;

	public UviServerStartedEvent(UviServer server, UviConfig config) {
		super(server);
		this.config = config;
	}

	/** @return the server that started */
	public UviServer server() {
		return (UviServer) getSource();
	}

	/** @return the port the server listens on */
	public int port() {
		return server().port();
	}

	/** @return the configuration the server started with */
	public UviConfig config() {
		return this.config;
	}
}
