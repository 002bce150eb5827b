/**
 * The command-line runner, {@link dev.uvi.Uvi}: uvicorn's {@code uvicorn main:app --port 8000} for an
 * application that does not use Spring. Everything here but {@code Uvi} is package-private.
 */
@NullMarked
package dev.uvi;

import org.jspecify.annotations.NullMarked;
