package io.github.wavestarter.test.internal;

/**
 * A vendor account of the emulator's data set, the internal twin of {@code MockAccount}.
 * Internal API.
 *
 * @param vendor vendor, e.g. {@code aws}
 * @param id account id
 * @param name display name
 */
public record Account(String vendor, String id, String name) {
}
