/**
 * End-to-end tests of the sample app: the whole Spring Boot application on a real port (uvi.port=0),
 * every route of the contract over real sockets, one class per route group.
 */
@NullMarked
package dev.uvi.sample.e2e;

import org.jspecify.annotations.NullMarked;
