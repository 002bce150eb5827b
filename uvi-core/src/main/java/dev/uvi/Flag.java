package dev.uvi;

import dev.uvi.server.UviConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One flag of the runner: its name (a {@code uvi.*} property's, which is uvicorn's flag's), the
 * placeholder of its value (empty for a switch, which also has a {@code --no-} form), the default
 * shown by {@code --help}, its meaning, whether an error message quotes the value (text does, numbers
 * do not), and what it does to the {@link Settings}. The factories below
 * parse the value by its kind, so a table entry is one call.
 */
record Flag(String name, String metavar, String defaultValue, String meaning, boolean quoted,
		BiConsumer<Settings, String> setter) {

	private static final UviConfig DEFAULTS = UviConfig.defaults();

	static Flag text(String name, String metavar, String meaning, Function<UviConfig, Object> defaultValue,
			BiConsumer<Settings, String> setter) {
		Object shown = defaultValue.apply(DEFAULTS);
		return new Flag(name, metavar, "".equals(shown) ? "empty" : shown.toString(), meaning, true,
				(settings, value) -> setter.accept(settings, value));
	}

	static Flag integer(String name, String meaning, Function<UviConfig, Integer> defaultValue,
			BiConsumer<Settings, Integer> setter) {
		return new Flag(name, "N", defaultValue.apply(DEFAULTS).toString(), meaning, false,
				(settings, value) -> setter.accept(settings, FlagValues.integer(value)));
	}

	static Flag duration(String name, String meaning, Function<UviConfig, @Nullable Duration> defaultValue,
			BiConsumer<Settings, Duration> setter) {
		Duration shown = defaultValue.apply(DEFAULTS);
		return new Flag(name, "SECONDS", (shown != null) ? FlagValues.format(shown) : "unset", meaning, false,
				(settings, value) -> setter.accept(settings, FlagValues.duration(value)));
	}

	static Flag size(String name, String meaning, Function<UviConfig, Integer> defaultValue,
			BiConsumer<Settings, Integer> setter) {
		return new Flag(name, "BYTES", FlagValues.formatSize(defaultValue.apply(DEFAULTS)), meaning, false,
				(settings, value) -> setter.accept(settings, FlagValues.size(value)));
	}

	static Flag choice(String name, List<String> choices, String meaning, Function<UviConfig, String> defaultValue,
			BiConsumer<Settings, String> setter) {
		String expected = "(expected: " + String.join(", ", choices) + ")";
		return new Flag(name, String.join("|", choices), defaultValue.apply(DEFAULTS), meaning, false,
				(settings, value) -> {
					if (!choices.contains(value)) {
						throw new IllegalArgumentException(expected);
					}
					setter.accept(settings, value);
				});
	}

	static Flag toggle(String name, String meaning, Function<UviConfig, Boolean> defaultValue,
			BiConsumer<Settings, Boolean> setter) {
		return new Flag(name, "", defaultValue.apply(DEFAULTS).toString(), meaning, true,
				(settings, value) -> setter.accept(settings, FlagValues.bool(value)));
	}

	/** @return true for a switch: {@code --name}, {@code --no-name} or {@code --name=true|false} */
	boolean isSwitch() {
		return this.metavar.isEmpty();
	}

	/**
	 * Applies one value; a refused value becomes a usage error in the runner's one-line form,
	 * {@code --port: 70000 (expected: 0-65535)}, keeping the expectation of the parser or the config.
	 */
	void apply(Settings settings, String value) {
		try {
			this.setter.accept(settings, value);
		}
		catch (IllegalArgumentException ex) {
			String message = String.valueOf(ex.getMessage());
			int expected = message.indexOf("(expected: ");
			String shown = this.quoted ? "'" + value + "'" : value;
			throw RunnerException.usage("--" + this.name + ": " + shown + " "
					+ ((expected >= 0) ? message.substring(expected) : "(expected: " + message + ")"));
		}
	}
}
