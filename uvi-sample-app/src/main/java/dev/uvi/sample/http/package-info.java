/**
 * The sample's HTTP endpoints, one class per route group of the sample-app contract. Each handler
 * has the shape of {@link dev.uvi.asgi.AsgiApplication#call} and is routed by method reference; none
 * is an {@code AsgiApplication} bean itself, so the router stays the only one.
 */
@NullMarked
package dev.uvi.sample.http;

import org.jspecify.annotations.NullMarked;
