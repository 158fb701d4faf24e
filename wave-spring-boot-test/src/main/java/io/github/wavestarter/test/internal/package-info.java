/** Implementation of the emulator. Not API: may change without notice. */
@NullMarked
package io.github.wavestarter.test.internal;

import org.jspecify.annotations.NullMarked;
