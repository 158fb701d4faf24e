/**
 * Auto-configuration of the Wave starter and its {@code wave.*} properties.
 */
@NullMarked
package io.github.wavestarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
