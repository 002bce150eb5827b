package dev.uvi.spring.autoconfigure;

import dev.uvi.server.UviConfig;

/**
 * Changes the {@link UviConfig} the server starts with, beyond what {@code uvi.*} properties say.
 * Customizer beans run in {@link org.springframework.core.annotation.Order @Order} /
 * {@link org.springframework.core.Ordered} order, after the properties (order 0) unless ordered
 * before them; the builder's setters validate each value at once.
 */
@FunctionalInterface
public interface UviConfigCustomizer {

	/**
	 * Customizes the configuration.
	 * @param builder the builder, already holding the {@code uvi.*} properties
	 */
	void customize(UviConfig.Builder builder);
}
