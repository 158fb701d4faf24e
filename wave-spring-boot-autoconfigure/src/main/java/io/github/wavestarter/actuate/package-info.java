/**
 * Health indicators that report the state of the Wave access token.
 */
@NullMarked
package io.github.wavestarter.actuate;

import org.jspecify.annotations.NullMarked;
