package dev.jdnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    private static final MachineInfo MACHINE = new MachineInfo("Test CPU 9000", 2, "Test JDK 25", "Linux", "2026-11-26 07:00 UTC");
    private static final List<String> BACKENDS = List.of("naive", "vector", "onednn");

    private static ReportContext context(boolean quick, Optional<AnchorResults> anchor, List<SkippedCell> skipped) {
        return new ReportContext(MACHINE, quick, JmhSettings.quick().describe(), BACKENDS,
                List.of("naive: available", "vector: available", "onednn: unavailable: no libdnnl"), skipped, anchor);
    }

    private static String row(String markdown, String start) {
        return markdown.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(
                () -> new AssertionError("no row starting with '" + start + "' in\n" + markdown));
    }

    @Test
    void headerNamesMachineJdkFlagsPeakAndSaysWhenTheRunWasQuick() {
        String md = new ReportWriter(CannedResults.jmh(), context(true, Optional.empty(), List.of())).markdown();
        assertThat(md).contains("Quick run (`--quick`)", "Test CPU 9000, 2 processors", "Test JDK 25",
                "`--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED`",
                "200.0 GFLOP/s at 1 thread, 400.0 GFLOP/s at 2 threads", "onednn: unavailable: no libdnnl");
    }

    @Test
    void fullRunHeaderCarriesNoQuickWarning() {
        String md = new ReportWriter(CannedResults.jmh(), context(false, Optional.empty(), List.of())).markdown();
        assertThat(md).doesNotContain("Quick run");
    }

    @Test
    void rowShowsTimeRatePercentOfPeakAndRatioToTheFastestPerBackend() {
        String md = new ReportWriter(CannedResults.jmh(), context(false, Optional.empty(), List.of())).markdown();
        assertThat(md).contains("## Convolution forward (with bias) (`conv.fwd`)",
                "| shape | GFLOP | thr | naive ms | naive GF/s | %pk | ×best | vector ms | vector GF/s | %pk | ×best "
                        + "| onednn ms | onednn GF/s | %pk | ×best |");
        assertThat(row(md, "| lenet_c2 |")).isEqualTo("| lenet_c2 | 0.0307 | 1 | 307 ±3.00 | 0.10 | 0% | 1998.70× | "
                + "0.307 ±0.010 | 100.0 | 50% | 2.00× | 0.154 | 199.9 | 100% | 1.00× |");
    }

    @Test
    void poolingRowsShowGigabytesPerSecondWithoutPercentOfPeakAndDashesForMissingBackends() {
        String md = new ReportWriter(CannedResults.jmh(), context(false, Optional.empty(), List.of())).markdown();
        assertThat(md).contains("| shape | GB | thr | naive ms | naive GB/s | ×best | vector ms |");
        assertThat(row(md, "| pool_lenet |")).isEqualTo(
                "| pool_lenet | 0.0015 | 2 | – | – | – | 0.150 ±0.002 | 10.0 | 1.00× | – | – | – |");
    }

    @Test
    void anchorAddsOneDnnFromCTimeAndEachBackendsRatioToIt() {
        String md = new ReportWriter(CannedResults.jmh(), context(false, Optional.of(CannedResults.anchor()), List.of()))
                .markdown();
        assertThat(md).contains("oneDNN-C ms | oneDNN-C GF/s |", "`reord` or `mixed`");
        assertThat(row(md, "| lenet_c2 |")).contains("| 0.307 ±0.010 | 100.0 | 50% | 2.00× | 2.18× |")
                .endsWith("| 0.141 reord | 217.7 |");
    }

    @Test
    void listsEveryCellNotMeasuredWithItsReason() {
        SkippedCell skipped = new SkippedCell(new Cell(Pass.DENSE_FORWARD, "fc_big", "naive", 1),
                "naive would take about 7.4 s per call");
        String md = new ReportWriter(CannedResults.jmh(), context(false, Optional.empty(), List.of(skipped))).markdown();
        assertThat(md).contains("## Cells not measured", "| dense.fwd fc_big naive 1t | naive would take about 7.4 s per call |");
    }

    @Test
    void leavesOutPassesWithoutMeasurements() {
        String md = new ReportWriter(CannedResults.jmh(), context(false, Optional.empty(), List.of())).markdown();
        assertThat(md).doesNotContain("conv.bwd_d", "dense.fwd");
    }

    @Test
    void networkStepStandsBesideTheSumOfItsPartsAndSaysWhichSumIsIncomplete() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode entries = json.createArrayNode();
        NetworkShape lenet = NetworkShape.lenet5();
        entries.add(entry(json, Pass.NETWORK_STEP, "lenet5", 3.0));
        for (String part : lenet.layerParts()) {
            entries.add(entry(json, Pass.NETWORK_LAYER, lenet.partId(part), 0.1));
        }
        String md = new ReportWriter(RunResults.parse(entries), context(false, Optional.empty(), List.of())).markdown();
        // 15 parts of 0.1 ms: Σ 1.5 ms, the step 2x that; no hot-core cell was measured
        assertThat(lenet.layerParts()).hasSize(15);
        assertThat(row(md, "| lenet5 | nhwc | vector | 2 |")).isEqualTo("| lenet5 | nhwc | vector | 2 | 3.00 | 1.50 | 2.00× "
                + "| – | 10 of 10 cells not measured | 10 |");
        assertThat(md).contains("## Network step's parts, each alone", "| lenet5.conv1.fwd |");
    }

    @Test
    void naiveStepIsTheReferenceWhosePartsAreNotTimed() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode entries = json.createArrayNode();
        entries.add(entry(json, Pass.NETWORK_STEP, "lenet5", "naive", 1, "nchw", 900.0));
        String md = new ReportWriter(RunResults.parse(entries), context(false, Optional.empty(), List.of())).markdown();
        // Selection never times naive's parts: no "15 of 15 parts not measured" for the reference.
        assertThat(row(md, "| lenet5 | nchw | naive | 1 |")).isEqualTo("| lenet5 | nchw | naive | 1 | 900 "
                + "| – (reference, parts not timed) | – | – | 10 of 10 cells not measured | 10 |");
        assertThat(md).doesNotContain("parts not measured");
    }

    @Test
    void partsWithoutAFlopCountShowNoRateAndNoShareOfPeak() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode entries = json.createArrayNode();
        entries.add(peak(json, 2, 400));
        NetworkShape lenet = NetworkShape.lenet5();
        for (String part : lenet.layerParts()) {
            entries.add(entry(json, Pass.NETWORK_LAYER, lenet.partId(part), "vector", 2, "nchw", 0.1));
        }
        String md = new ReportWriter(RunResults.parse(entries), context(false, Optional.empty(), List.of())).markdown();
        // conv1 forward: 64 x 6 x 28 x 28 outputs of 25 multiply-adds, 0.0151 GFLOP in 0.1 ms = 150.5 GF/s,
        // 38% of 400; pooling and the loss count no FLOP: dashes, not "0.0000 | 0.0 | 0%".
        assertThat(row(md, "| lenet5.conv1.fwd |")).startsWith("| lenet5.conv1.fwd | 0.0151 | 2 | – | – | – | – "
                + "| 0.100 | 150.5 | 38% | 1.00× |");
        for (String part : List.of("pool1.fwd", "pool2.bwd", "loss")) {
            assertThat(row(md, "| lenet5." + part + " |")).startsWith("| lenet5." + part + " | – | 2 | – | – | – | – "
                    + "| 0.100 | – | – | 1.00× |");
        }
        assertThat(md).doesNotContain("| 0.0000 |", "| 0.0 |");
    }

    @Test
    void saysWhetherThePartsWereTimedEachInItsOwnJvmOrAllInOne() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode entries = json.createArrayNode();
        entries.add(entry(json, Pass.NETWORK_STEP, "lenet5", 3.0));
        RunResults results = RunResults.parse(entries);
        String quick = new ReportWriter(results, context(true, Optional.empty(), List.of())).markdown();
        String full = new ReportWriter(results, context(false, Optional.empty(), List.of())).markdown();
        assertThat(quick).contains("Parts timed with `--quick`: one after the other in this run's one JVM, after the "
                + "JIT tour").doesNotContain("each in its own forked JVM:");
        assertThat(full).contains("Parts timed each in its own forked JVM").doesNotContain("Parts timed with `--quick`");
    }

    private static ObjectNode entry(ObjectMapper json, Pass pass, String shape, double ms) {
        return entry(json, pass, shape, "vector", 2, "nhwc", ms);
    }

    private static ObjectNode entry(ObjectMapper json, Pass pass, String shape, String backend, int threads,
                                    String layout, double ms) {
        ObjectNode e = json.createObjectNode();
        e.put("benchmark", pass.benchmark());
        e.putObject("params").put("shape", shape).put("backend", backend).put("threads", String.valueOf(threads))
                .put("layout", layout);
        e.putObject("primaryMetric").put("score", ms).put("scoreUnit", "ms/op");
        return e;
    }

    /** A {@link PeakBenchmark} entry: {@code gflops} at {@code threads}. */
    private static ObjectNode peak(ObjectMapper json, int threads, double gflops) {
        ObjectNode e = json.createObjectNode();
        e.put("benchmark", PeakBenchmark.class.getName() + ".fma");
        e.put("threads", threads);
        e.putObject("secondaryMetrics").putObject("flop").put("score", gflops * 1e9);
        return e;
    }
}
