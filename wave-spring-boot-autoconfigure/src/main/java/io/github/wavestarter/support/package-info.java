/**
 * Helpers shared by the other packages.
 */
@NullMarked
package io.github.wavestarter.support;

import org.jspecify.annotations.NullMarked;
