/** Stubs for Blue API endpoints the emulator does not implement. */
@NullMarked
package io.github.wavestarter.test.stub;

import org.jspecify.annotations.NullMarked;
