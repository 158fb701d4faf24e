/**
 * The Wave access token: the provider and its cache, single flight and renewal, the token
 * endpoint client (multipart requests, retries, response checks), errors, state and
 * observation. Knows nothing of the Blue API clients nor of the auto-configuration.
 */
@NullMarked
package io.github.wavestarter.token;

import org.jspecify.annotations.NullMarked;
