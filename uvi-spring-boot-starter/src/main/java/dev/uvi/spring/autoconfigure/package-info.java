/**
 * Auto-configuration of uvi: {@link dev.uvi.spring.autoconfigure.UviProperties} ({@code uvi.*}),
 * {@link dev.uvi.spring.autoconfigure.UviConfigCustomizer} and
 * {@link dev.uvi.spring.autoconfigure.UviAutoConfiguration}, which runs the one
 * {@link dev.uvi.asgi.AsgiApplication} bean of the context.
 */
@NullMarked
package dev.uvi.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
