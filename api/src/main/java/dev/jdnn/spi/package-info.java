/**
 * The service-provider interface a backend implements to be found by {@link dev.jdnn.Backends}
 * through {@link java.util.ServiceLoader}.
 */
package dev.jdnn.spi;
