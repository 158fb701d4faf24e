/**
 * Reports of invalid Wave configuration at startup.
 */
@NullMarked
package io.github.wavestarter.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
