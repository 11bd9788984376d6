/**
 * Examples built only on jdnn's public API. The main one trains LeNet-5 on Fashion-MNIST with any
 * backend ({@code ./jdnn train}): an IDX reader, a handful of layers composed from plans prepared
 * once per batch size, SGD with momentum and Adam, and a command line with a progress bar and
 * charts. The layers are deliberately small: this is an example of using the operations layer,
 * not a training framework.
 */
package dev.jdnn.examples;
