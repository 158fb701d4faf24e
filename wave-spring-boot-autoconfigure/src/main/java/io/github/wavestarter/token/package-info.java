/**
 * The Wave access token: provider, cache and renewal, errors and state.
 */
@NullMarked
package io.github.wavestarter.token;

import org.jspecify.annotations.NullMarked;
