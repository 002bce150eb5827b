package dev.uvi.spring.autoconfigure;

import java.util.List;

/**
 * The context holds no {@link dev.uvi.asgi.AsgiApplication} bean, or more than one: uvi serves
 * exactly one application and will not guess which.
 */
public class AsgiApplicationBeanException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final List<String> beanNames;

	/** @param beanNames the names of the {@code AsgiApplication} beans found, empty for none */
	public AsgiApplicationBeanException(List<String> beanNames) {
		super(message(beanNames));
		this.beanNames = List.copyOf(beanNames);
	}

	/** @return the names of the {@code AsgiApplication} beans found, empty for none */
	public List<String> beanNames() {
		return this.beanNames;
	}

	private static String message(List<String> beanNames) {
		if (beanNames.isEmpty()) {
			return "No AsgiApplication bean found (expected: exactly one)";
		}
		return beanNames.size() + " AsgiApplication beans found: " + String.join(", ", beanNames)
				+ " (expected: exactly one)";
	}
}
