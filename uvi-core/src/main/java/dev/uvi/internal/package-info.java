/** Not API: what the server's internal packages share. */
@NullMarked
package dev.uvi.internal;

import org.jspecify.annotations.NullMarked;
