/** Stubs for Blue API endpoints the emulator does not implement. */
package io.github.wavestarter.test.stub;
