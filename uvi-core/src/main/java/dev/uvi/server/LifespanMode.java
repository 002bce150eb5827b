package dev.uvi.server;

/** Whether the server runs the ASGI lifespan protocol, as uvicorn's {@code --lifespan}. */
public enum LifespanMode {

	/** Run it; an application that fails on the lifespan scope before answering is taken as not supporting it. */
	AUTO,

	/** Run it; any failure is a startup failure. */
	ON,

	/** Do not run it. */
	OFF
}
