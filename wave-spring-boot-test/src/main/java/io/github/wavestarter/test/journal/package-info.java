/** Request journal of the emulator; secrets are masked in every {@code toString()}. */
package io.github.wavestarter.test.journal;
