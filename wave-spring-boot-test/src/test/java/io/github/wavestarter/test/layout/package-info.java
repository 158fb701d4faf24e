/** The package layout of the emulator. */
@NullMarked
package io.github.wavestarter.test.layout;

import org.jspecify.annotations.NullMarked;
