/**
 * Examples built only on jdnn's public API. The main one trains LeNet-5, LeNet-5 with batch norm
 * or the seed's CIFAR-10 model on Fashion-MNIST with any backend ({@code ./jdnn train}): an IDX
 * reader, a handful of layers composed from plans prepared once per batch size (activations
 * fused into convolution and dense plans, pooling workspaces, NCHW or NHWC), optimisers and
 * dropout on the backend's training-step kernels, initialisers from {@link dev.jdnn.Init}, and a
 * command line with a progress bar and charts. The layers are deliberately small: this is an
 * example of using the operations layer, not a training framework.
 */
package dev.jdnn.examples;
