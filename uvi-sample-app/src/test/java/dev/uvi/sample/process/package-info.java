/**
 * Process-level tests: the repackaged sample jar run as a real JVM process, stopped with real signals,
 * judged by its exit code and output. They run in Maven's {@code integration-test} phase (failsafe,
 * classes named {@code *IT}), after {@code package} has built the jar.
 */
@NullMarked
package dev.uvi.sample.process;

import org.jspecify.annotations.NullMarked;
