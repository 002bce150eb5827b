/** The sample's lifespan bean: what it opens at startup and closes at shutdown. */
@NullMarked
package dev.uvi.sample.lifespan;

import org.jspecify.annotations.NullMarked;
