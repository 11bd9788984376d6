package dev.jdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The element-wise cells (optimiser updates, dropout, add) and the copy probe beside them: the
 * benchmarks run (set-up, check against naive, JMH's generated code), the work is counted in
 * bytes of every tensor read and written, and the report sets the copy bandwidth beside them.
 */
class ElementwiseCellsTest {
    private static final List<Pass> ELEMENTWISE = List.of(Pass.UPDATE_SGD, Pass.UPDATE_ADAGRAD, Pass.UPDATE_ADAM,
            Pass.ELEMENTWISE_DROPOUT, Pass.ELEMENTWISE_ADD);

    private static Collection<RunResult> runBriefly(String benchmark, String shape, String backend, String threads)
            throws Exception {
        return runBriefly(benchmark, shape, backend, threads, null);
    }

    private static Collection<RunResult> runBriefly(String benchmark, String shape, String backend, String threads,
                                                    String layout) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        if (layout != null) {
            options.param("layout", layout);
        }
        options.include("^" + Pattern.quote(benchmark) + "$").param("shape", shape).param("threads", threads)
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(30))
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT);
        if (backend != null) {
            options.param("backend", backend);
        }
        return new Runner(options.build()).run();
    }

    @TestFactory
    Stream<DynamicTest> everyElementwisePassRunsOnVectorAfterItsCheckAgainstNaive() {
        return ELEMENTWISE.stream().map(pass -> DynamicTest.dynamicTest(pass.label(), () -> {
            Collection<RunResult> results = runBriefly(pass.benchmark(), "lenet_fc1", "vector", "2");
            assertThat(results).singleElement().satisfies(r -> assertThat(r.getPrimaryResult().getSampleCount())
                    .isPositive());
        }));
    }

    @TestFactory
    Stream<DynamicTest> batchNormAndLrnCellsRunInBothLayoutsAfterTheirCheckAgainstNaive() {
        return Stream.of(Pass.BATCH_NORM_FORWARD, Pass.BATCH_NORM_BACKWARD, Pass.LRN_FORWARD, Pass.LRN_BACKWARD)
                .flatMap(pass -> Stream.of("nchw", "nhwc").map(layout -> DynamicTest.dynamicTest(
                        pass.label() + " " + layout, () -> {
                            Collection<RunResult> results = runBriefly(pass.benchmark(), "lenet_bn1", "naive", "1",
                                    layout);
                            assertThat(results).singleElement().satisfies(r -> assertThat(
                                    r.getPrimaryResult().getSampleCount()).isPositive());
                        })));
    }

    @Test
    void normalisationWorkCountsTheActivationTensors() {
        assertThat(Pass.BATCH_NORM_FORWARD.work("lenet_bn1")).isCloseTo(64 * 6 * 28 * 28 * 2 * 4 / 1e9, within(1e-12));
        assertThat(Pass.LRN_BACKWARD.work("cifar_norm")).isCloseTo(64 * 64 * 14 * 14 * 3 * 4 / 1e9, within(1e-12));
        assertThat(Pass.LRN_FORWARD.shapeIds()).containsExactly("lenet_bn1", "cifar_norm", "cifar_act");
        assertThat(Pass.LRN_FORWARD.hasLayout()).isTrue();
        assertThat(Pass.UPDATE_ADAM.hasLayout()).isFalse();
    }

    @Test
    void layoutsMultiplyOnlyThePassesThatHaveOne() {
        Selection selection = Selection.of(List.of(Pass.CONV_FORWARD, Pass.DENSE_FORWARD), Set.of("lenet_c1", "fc_lenet"),
                List.of(ZeroWritingBackendProvider.NAME), List.of(2),
                List.of(dev.jdnn.Layout.NCHW, dev.jdnn.Layout.NHWC), (p, s) -> 0, 2);
        assertThat(selection.cells()).extracting(Cell::toString).containsExactly(
                "conv.fwd lenet_c1 " + ZeroWritingBackendProvider.NAME + " 2t",
                "conv.fwd lenet_c1 nhwc " + ZeroWritingBackendProvider.NAME + " 2t",
                "dense.fwd fc_lenet " + ZeroWritingBackendProvider.NAME + " 2t");
    }

    @Test
    void naiveIsTimedInNchwOnly() {
        Selection selection = Selection.of(List.of(Pass.POOL_FORWARD), Set.of("pool_lenet"), List.of(Selection.NAIVE),
                List.of(1), List.of(dev.jdnn.Layout.NCHW, dev.jdnn.Layout.NHWC), (p, s) -> 0, 2);
        assertThat(selection.cells()).extracting(Cell::toString).containsExactly("pool.fwd pool_lenet naive 1t");
        assertThat(selection.skipped()).singleElement().extracting(SkippedCell::reason)
                .isEqualTo("naive is the reference: timed in NCHW only");
    }

    @Test
    void reportGivesNhwcCellsAColumnGroupBesideTheBackendsNchwOne() throws Exception {
        String json = """
                [{"benchmark": "dev.jdnn.bench.ConvBenchmark.forward", "threads": 1,
                  "params": {"backend": "onednn", "shape": "lenet_c2", "threads": "2", "layout": "nchw"},
                  "primaryMetric": {"score": 0.2, "scoreError": "NaN", "scoreUnit": "ms/op"}},
                 {"benchmark": "dev.jdnn.bench.ConvBenchmark.forward", "threads": 1,
                  "params": {"backend": "onednn", "shape": "lenet_c2", "threads": "2", "layout": "nhwc"},
                  "primaryMetric": {"score": 0.1, "scoreError": "NaN", "scoreUnit": "ms/op"}}]
                """;
        RunResults results = RunResults.parse(new ObjectMapper().readTree(json));
        ReportContext context = new ReportContext(new MachineInfo("CPU", 2, "JDK", "Linux", "now"), false, "settings",
                List.of("onednn"), List.of("onednn: available"), List.of(), Optional.empty());
        String md = new ReportWriter(results, context).markdown();
        assertThat(md).contains("| shape | GFLOP | thr | onednn ms | onednn GF/s | %pk | ×best | onednn nhwc ms | "
                + "onednn nhwc GF/s | %pk | ×best |", "| lenet_c2 | 0.0307 | 2 | 0.200 | 153.5 | – | 2.00× | 0.100 | "
                + "307.0 | – | 1.00× |");
    }

    @Test
    void copyProbeRunsOnTwoThreads() throws Exception {
        Collection<RunResult> results = runBriefly(CopyBenchmark.class.getName() + ".copy", "cifar_fc1", null, "2");
        assertThat(results).singleElement().satisfies(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void workCountsEveryTensorReadAndWritten() {
        assertThat(Pass.UPDATE_SGD.work("lenet_fc1")).isCloseTo(48_000 * 5 * 4 / 1e9, within(1e-12));
        assertThat(Pass.UPDATE_ADAM.work("lenet_fc1")).isCloseTo(48_000 * 7 * 4 / 1e9, within(1e-12));
        assertThat(Pass.ELEMENTWISE_ADD.work("cifar_act")).isCloseTo(3_211_264 * 3 * 4 / 1e9, within(1e-12));
        assertThat(CopyBenchmark.gigabytes("lenet_fc1")).isCloseTo(48_000 * 2 * 4 / 1e9, within(1e-12));
        assertThat(Pass.UPDATE_SGD.memoryBound()).isTrue();
        assertThat(Pass.UPDATE_SGD.shapeIds()).containsExactly("lenet_fc1", "cifar_fc1", "cifar_act");
    }

    @Test
    void oneCopyProbePerShapeAndThreadCountOfTheElementwiseCells() {
        Selection selection = Selection.of(List.of(Pass.UPDATE_SGD, Pass.UPDATE_ADAM, Pass.POOL_FORWARD),
                Set.of("lenet_fc1", "pool_lenet"), List.of(ZeroWritingBackendProvider.NAME), List.of(1, 2),
                (p, s) -> 0, 2);
        assertThat(BenchCommand.copyProbes(selection)).extracting(c -> c.shape() + "/" + c.threads())
                .containsExactly("lenet_fc1/1", "lenet_fc1/2");
        Selection twoThreads = Selection.of(List.of(Pass.LRN_FORWARD), Set.of("cifar_norm"),
                List.of(ZeroWritingBackendProvider.NAME), List.of(2), (p, s) -> 0, 2);
        assertThat(BenchCommand.copyProbes(twoThreads)).extracting(c -> c.shape() + "/" + c.threads())
                .containsExactly("cifar_norm/1", "cifar_norm/2");
    }

    @Test
    void reportSetsTheCopyBandwidthBesideTheElementwiseRows() throws Exception {
        String json = """
                [{"benchmark": "dev.jdnn.bench.ElementwiseBenchmark.sgd", "threads": 1,
                  "params": {"backend": "vector", "shape": "lenet_fc1", "threads": "1"},
                  "primaryMetric": {"score": 0.1, "scoreError": "NaN", "scoreUnit": "ms/op"}},
                 {"benchmark": "dev.jdnn.bench.CopyBenchmark.copy", "threads": 1,
                  "params": {"shape": "lenet_fc1", "threads": "1"},
                  "primaryMetric": {"score": 0.02, "scoreError": "NaN", "scoreUnit": "ms/op"}}]
                """;
        RunResults results = RunResults.parse(new ObjectMapper().readTree(json));
        assertThat(results.copyGbPerSecond("lenet_fc1", 1)).hasValueSatisfying(g -> assertThat(g).isCloseTo(19.2,
                within(1e-9)));
        // with two threads allowed, the best copy with at most two (only the one-thread probe here)
        assertThat(results.copyGbPerSecond("lenet_fc1", 2)).hasValueSatisfying(g -> assertThat(g).isCloseTo(19.2,
                within(1e-9)));
        assertThat(results.copyGbPerSecond("cifar_fc1", 2)).isEmpty();
        ReportContext context = new ReportContext(new MachineInfo("CPU", 2, "JDK", "Linux", "now"), false, "settings",
                List.of("vector"), List.of("vector: available"), List.of(), Optional.empty());
        String md = new ReportWriter(results, context).markdown();
        assertThat(md).contains("| shape | GB | thr | vector ms | vector GB/s | ×best | copy GB/s |",
                "| lenet_fc1 | 0.0010 | 1 | 0.100 | 9.60 | 1.00× | 19.2 |");
    }
}
