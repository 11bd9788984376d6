/**
 * jdnn's JMH suite and its report. The benchmarks ({@link dev.jdnn.bench.ConvBenchmark},
 * {@link dev.jdnn.bench.PoolBenchmark}, {@link dev.jdnn.bench.DenseBenchmark}) time the hot path
 * of every plan on the hot-core shapes ({@link dev.jdnn.bench.HotCore}), conv and pooling in
 * NCHW and NHWC, for any backend found at run time; {@link dev.jdnn.bench.NetworkBenchmark} times
 * whole training steps; {@link dev.jdnn.bench.ElementwiseBenchmark} (optimiser updates, dropout,
 * add) and {@link dev.jdnn.bench.NormBenchmark} (batch norm, LRN) time the passes that stream over
 * memory, beside the copy bandwidth {@link dev.jdnn.bench.CopyBenchmark} measures;
 * {@link dev.jdnn.bench.PeakBenchmark} measures the machine's FP32 FMA peak so results read as a
 * share of it. {@link dev.jdnn.bench.BenchCommand} ({@code ./jdnn bench}) selects cells, runs them
 * through JMH and writes the report ({@link dev.jdnn.bench.ReportWriter},
 * {@link dev.jdnn.bench.ChartWriter}).
 */
package dev.jdnn.bench;
