/** Implementation of the emulator. Not API: may change without notice. */
package io.github.wavestarter.test.internal;
