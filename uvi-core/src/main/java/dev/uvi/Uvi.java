package dev.uvi;

import dev.uvi.asgi.AsgiApplication;
import dev.uvi.server.ExitOnSignal;
import dev.uvi.server.UviConfig;
import dev.uvi.server.UviServer;
import dev.uvi.server.UviServerException;
import java.io.PrintStream;
import java.util.List;

/**
 * The command-line runner, uvicorn's {@code uvicorn main:app} for applications that do not use Spring:
 * {@code java -cp app.jar:<uvi-core and its dependencies> dev.uvi.Uvi com.example.Main::app --port 8000}.
 * Flags are named as the {@code uvi.*} properties (uvicorn's names); {@code --help} lists them. Exits 0
 * after a graceful stop on SIGTERM or SIGINT, 2 for a bad command line, 3 when startup fails.
 */
public final class Uvi {

	private Uvi() {
	}

	public static void main(String[] args) {
		if (System.getProperty("slf4j.internal.verbosity") == null) {
			System.setProperty("slf4j.internal.verbosity", "ERROR"); // Console says it in one line
		}
		System.exit(run(List.of(args), System.out, System.err));
	}

	/**
	 * Runs a command line; blocks while the server serves.
	 * @return the exit code
	 */
	static int run(List<String> args, PrintStream out, PrintStream err) {
		try {
			CommandLine.Invocation invocation = CommandLine.parse(args);
			switch (invocation.action()) {
				case HELP -> out.print(Help.usage());
				case VERSION -> out.println(Help.version());
				case RUN -> serve(invocation, err);
			}
			return 0;
		}
		catch (RunnerException ex) {
			err.println("uvi: " + ex.getMessage());
			return ex.exitCode();
		}
	}

	private static void serve(CommandLine.Invocation invocation, PrintStream err) {
		Console console = Console.forSlf4j(err);
		AsgiApplication application = AppReference.load(invocation.app(), invocation.factory(),
				Thread.currentThread().getContextClassLoader());
		UviConfig config = invocation.config();
		UviServer server = UviServer.create(config, application);
		// SIGTERM and SIGINT run the shutdown hooks, then exit with 0 (ExitOnSignal): the hook drains the server.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (server.isRunning()) {
				console.info("Shutting down");
			}
			server.shutdown();
			console.finished(); // the JVM halts after the hooks: the main thread may not get to say it
		}, "uvi-shutdown"));
		ExitOnSignal.install();
		try {
			server.start();
		}
		catch (UviServerException ex) {
			throw RunnerException.startup(String.valueOf(ex.getMessage()), ex);
		}
		catch (RuntimeException ex) {
			throw RunnerException.startup("Startup failed: " + ex, ex);
		}
		String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
		console.info("Uvi running on http://" + host + ":" + server.port() + " (Press CTRL+C to quit)");
		server.terminated().toCompletableFuture().join(); // the event loops are daemon threads
		console.finished();
	}
}
