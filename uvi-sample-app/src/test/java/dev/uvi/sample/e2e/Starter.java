package dev.uvi.sample.e2e;

/** Whether the starter's auto-configuration is on the classpath (see {@link SampleAppTest}); temporary. */
final class Starter {

	private Starter() {
	}

	/** @return true when the starter can run the sample on a real port */
	static boolean present() {
		try {
			Class.forName("dev.uvi.spring.autoconfigure.UviAutoConfiguration", false, Starter.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}
}
