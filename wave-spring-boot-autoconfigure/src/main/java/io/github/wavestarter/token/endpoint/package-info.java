/**
 * The client of the Wave token endpoint: requests, retries and response parsing.
 */
@NullMarked
package io.github.wavestarter.token.endpoint;

import org.jspecify.annotations.NullMarked;
