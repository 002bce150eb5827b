package dev.uvi.bench;

/** Command-line parsing shared by the main classes: every one takes the port as its first argument. */
public final class Ports {

	private Ports() {
	}

	/** @return {@code args[0]} as a port, or {@code fallback} when absent */
	public static int port(String[] args, int fallback) {
		return (args.length > 0) ? Integer.parseInt(args[0]) : fallback;
	}
}
