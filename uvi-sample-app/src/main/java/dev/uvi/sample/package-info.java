/**
 * The sample app: every route of the sample-app contract, written against the ASGI contract and
 * served by uvi through the Spring Boot starter.
 *
 * <p>Starting points: {@link dev.uvi.sample.SampleAppConfiguration} (the route table),
 * {@link dev.uvi.sample.SampleApplication} (main).
 */
@NullMarked
package dev.uvi.sample;

import org.jspecify.annotations.NullMarked;
