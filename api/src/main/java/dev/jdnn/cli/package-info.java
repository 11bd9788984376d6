/**
 * Command-line entry points behind the {@code ./jdnn} launcher; not part of the API (the module
 * does not export this package).
 */
package dev.jdnn.cli;
