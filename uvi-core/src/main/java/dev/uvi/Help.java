package dev.uvi;

import java.util.Properties;

/** The text of {@code --help} and {@code --version}, made from {@link Flags} so that it cannot miss a flag. */
final class Help {

	private static final int COLUMN = 38;

	private Help() {
	}

	static String usage() {
		StringBuilder text = new StringBuilder();
		text.append("Usage: java -cp <application and uvi-core classpath> dev.uvi.Uvi [FLAGS] APP\n\n");
		text.append("Serves APP, an AsgiApplication named as ").append(CommandLine.APP_FORMS).append(".\n");
		text.append("A method must be static and take no arguments: it is called once, as uvicorn's --factory.\n\n");
		text.append("Flags (--flag VALUE or --flag=VALUE; switches as --flag / --no-flag; durations in seconds\n");
		text.append("or as 500ms, 5s, 2m; sizes in bytes or as 16KB, 1MB):\n");
		for (Flag flag : Flags.ALL) {
			String left = flag.isSwitch() ? "--" + flag.name() + " / --no-" + flag.name()
					: "--" + flag.name() + " " + flag.metavar();
			text.append(line(left, flag.meaning() + " [default: " + flag.defaultValue() + "]"));
		}
		text.append(line("--help", "show this message and exit"));
		text.append(line("--version", "show the versions of uvi, Java and the OS, and exit"));
		text.append("\nExit codes: 0 after a clean stop (SIGTERM, SIGINT, --limit-max-requests), 2 for a bad\n");
		text.append("command line, 3 when the application or the server fails to start.\n");
		text.append("Logging goes through SLF4J: put a provider (slf4j-simple, logback-classic) on the classpath\n");
		text.append("for the full log; without one, uvi prints its main lines to stderr.\n");
		return text.toString();
	}

	static String version() {
		return "Running uvi " + uviVersion() + " with " + System.getProperty("java.vm.name") + " "
				+ Runtime.version() + " on " + System.getProperty("os.name");
	}

	private static String line(String left, String right) {
		String indent = "  " + " ".repeat(COLUMN);
		return (left.length() < COLUMN) ? "  " + left + " ".repeat(COLUMN - left.length()) + right + "\n"
				: "  " + left + "\n" + indent + right + "\n";
	}

	private static String uviVersion() {
		Properties properties = new Properties();
		try (var in = Help.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (java.io.IOException ex) {
			// fall through to "unknown"
		}
		return properties.getProperty("version", "unknown");
	}
}
