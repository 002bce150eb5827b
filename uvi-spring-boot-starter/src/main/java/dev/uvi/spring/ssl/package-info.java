/** Spring SSL bundles as the server's TLS material, reloaded when the bundle is. */
@NullMarked
package dev.uvi.spring.ssl;

import org.jspecify.annotations.NullMarked;
