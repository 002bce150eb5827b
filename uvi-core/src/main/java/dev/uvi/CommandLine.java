package dev.uvi;

import dev.uvi.server.UviConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the runner's arguments against {@link Flags}: {@code --flag value}, {@code --flag=value},
 * switches as {@code --x} / {@code --no-x}, one positional APP, {@code --} ending the flags. A tiny hand
 * parser rather than a library (picocli, jopt) because {@code uvi-core} stays free of dependencies
 * beyond reactor-netty and slf4j, and the flag table is fixed. Every mistake is a
 * {@link RunnerException} with one line.
 */
final class CommandLine {

	/** What the arguments ask for. */
	enum Action {
		RUN, HELP, VERSION
	}

	/**
	 * @param action what to do
	 * @param app the application reference, empty unless running
	 * @param config the server configuration
	 * @param factory whether APP must name a factory method
	 */
	record Invocation(Action action, String app, UviConfig config, boolean factory) {
	}

	static final String APP_FORMS = "class::staticField or class::staticMethod, e.g. com.example.Main::app";

	private CommandLine() {
	}

	static Invocation parse(List<String> args) {
		int end = args.indexOf("--");
		List<String> flags = (end >= 0) ? args.subList(0, end) : args;
		if (flags.contains("--help") || flags.contains("-h")) {
			return new Invocation(Action.HELP, "", UviConfig.defaults(), false);
		}
		if (flags.contains("--version")) {
			return new Invocation(Action.VERSION, "", UviConfig.defaults(), false);
		}
		Settings settings = new Settings();
		String app = null;
		boolean flagsEnded = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!flagsEnded && arg.equals("--")) {
				flagsEnded = true;
				continue;
			}
			if (!flagsEnded && arg.startsWith("-") && arg.length() > 1) {
				i += flag(settings, args, i);
				continue;
			}
			if (app != null) {
				throw RunnerException.usage("APP: '" + arg + "' is a second application (expected: one APP, "
						+ APP_FORMS + "; flags start with --)");
			}
			app = arg;
		}
		if (app == null) {
			throw RunnerException.usage("APP: missing (expected: " + APP_FORMS + "; see --help)");
		}
		try {
			return new Invocation(Action.RUN, app, settings.build(), settings.factory);
		}
		catch (IllegalArgumentException ex) {
			throw RunnerException.usage(String.valueOf(ex.getMessage()));
		}
	}

	/** Applies the flag at {@code index}; @return how many following arguments it took as its value */
	private static int flag(Settings settings, List<String> args, int index) {
		String arg = args.get(index);
		if (!arg.startsWith("--")) {
			throw RunnerException.usage(Flags.unknown(arg));
		}
		int equals = arg.indexOf('=');
		String name = arg.substring(2, (equals >= 0) ? equals : arg.length());
		@Nullable String inline = (equals >= 0) ? arg.substring(equals + 1) : null;
		Flag flag = Flags.find(name);
		if (flag == null) {
			Flag negated = name.startsWith("no-") ? Flags.find(name.substring(3)) : null;
			if (negated == null || !negated.isSwitch()) {
				throw RunnerException.usage(Flags.unknown("--" + name));
			}
			if (inline != null) {
				throw RunnerException.usage("--" + name + ": '" + inline + "' (expected: no value; --" + name
						+ " alone)");
			}
			negated.apply(settings, "false");
			return 0;
		}
		if (flag.isSwitch() || inline != null) {
			flag.apply(settings, (inline != null) ? inline : "true");
			return 0;
		}
		if (index + 1 >= args.size()) {
			throw RunnerException.usage("--" + name + ": no value (expected: " + flag.metavar() + ")");
		}
		flag.apply(settings, args.get(index + 1));
		return 1;
	}
}
