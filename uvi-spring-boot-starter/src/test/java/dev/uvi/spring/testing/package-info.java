/** Fixtures shared by the starter's tests. */
@NullMarked
package dev.uvi.spring.testing;

import org.jspecify.annotations.NullMarked;
