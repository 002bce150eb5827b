/** Failure analyzers: what went wrong when uvi could not start, and what to do about it. */
@NullMarked
package dev.uvi.spring.diagnostics;

import org.jspecify.annotations.NullMarked;
