package dev.uvi;

import dev.uvi.asgi.AsgiApplication;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Loads the application a command line names, uvicorn's {@code module:attribute} for the JVM:
 * {@code class::staticField} or {@code class::staticMethod} (zero arguments, called once: uvicorn's
 * {@code --factory}). A reference that names nothing usable is a usage error (exit 2); an application
 * whose class initialisation or factory fails, or gives null, is a startup failure (exit 3).
 */
final class AppReference {

	private AppReference() {
	}

	static AsgiApplication load(String reference, boolean factory, ClassLoader loader) {
		int separator = reference.indexOf("::");
		if (separator <= 0 || separator + 2 >= reference.length()) {
			throw RunnerException.usage("APP: '" + reference + "' (expected: " + CommandLine.APP_FORMS + ")");
		}
		String className = reference.substring(0, separator);
		String memberName = reference.substring(separator + 2);
		Class<?> type = loadClass(reference, className, loader);
		Field field = factory ? null : field(type, memberName);
		Member member = (field != null) ? field : method(type, memberName);
		if (member == null) {
			throw RunnerException.usage("APP: " + reference + " (expected: " + (factory ? "a" : "a static field or")
					+ " zero-argument static method '" + memberName + "' in " + className + ")");
		}
		if (!Modifier.isStatic(member.getModifiers())) {
			throw RunnerException.usage("APP: " + reference + " is not static (expected: a static field or method)");
		}
		Class<?> declared = (field != null) ? field.getType() : ((Method) member).getReturnType();
		if (!declared.isAssignableFrom(AsgiApplication.class) && !AsgiApplication.class.isAssignableFrom(declared)) {
			throw notAnApplication(reference, declared.getName());
		}
		Object application = value(reference, member);
		if (application == null) {
			throw RunnerException.startup("Error loading application " + reference + ": it is null", null);
		}
		if (!(application instanceof AsgiApplication)) {
			throw notAnApplication(reference, application.getClass().getName());
		}
		return (AsgiApplication) application;
	}

	private static Class<?> loadClass(String reference, String className, ClassLoader loader) {
		try {
			return Class.forName(className, true, loader);
		}
		catch (ClassNotFoundException | NoClassDefFoundError ex) {
			throw RunnerException.usage("APP: " + reference + " (expected: a class on the classpath; " + className
					+ " is not)");
		}
		catch (ExceptionInInitializerError ex) {
			throw startupFailure(reference, ex.getCause());
		}
	}

	private static @Nullable Field field(Class<?> type, String name) {
		try {
			return type.getDeclaredField(name);
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	private static @Nullable Method method(Class<?> type, String name) {
		try {
			return type.getDeclaredMethod(name);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static @Nullable Object value(String reference, Member member) {
		try {
			if (member instanceof Field field) {
				field.setAccessible(true);
				return field.get(null);
			}
			Method method = (Method) member;
			method.setAccessible(true);
			return method.invoke(null);
		}
		catch (InvocationTargetException ex) {
			throw startupFailure(reference, ex.getCause());
		}
		catch (ExceptionInInitializerError ex) {
			throw startupFailure(reference, ex.getCause());
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw RunnerException.usage("APP: " + reference + " cannot be read (" + ex.getMessage() + ")");
		}
	}

	private static RunnerException notAnApplication(String reference, String typeName) {
		return RunnerException.usage("APP: " + reference + " is a " + typeName
				+ " (expected: a dev.uvi.asgi.AsgiApplication)");
	}

	private static RunnerException startupFailure(String reference, @Nullable Throwable cause) {
		return RunnerException.startup("Error loading application " + reference + ": " + cause, cause);
	}
}
