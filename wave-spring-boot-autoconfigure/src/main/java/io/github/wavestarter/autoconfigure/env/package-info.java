/**
 * Defaults from the environment variables of the official Alphaus SDKs
 * ({@code ALPHAUS_*}).
 */
@NullMarked
package io.github.wavestarter.autoconfigure.env;

import org.jspecify.annotations.NullMarked;
