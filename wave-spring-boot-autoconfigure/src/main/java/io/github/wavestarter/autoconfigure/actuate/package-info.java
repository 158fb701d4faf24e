/**
 * Auto-configuration of the Wave health indicator ({@code management.health.wave.*}).
 */
@NullMarked
package io.github.wavestarter.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
