/** Request journal of the emulator; secrets are masked in every {@code toString()}. */
@NullMarked
package io.github.wavestarter.test.journal;

import org.jspecify.annotations.NullMarked;
