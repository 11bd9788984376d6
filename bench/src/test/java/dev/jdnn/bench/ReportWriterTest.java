package dev.jdnn.bench;

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
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode entries = json.createArrayNode();
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

    private static com.fasterxml.jackson.databind.node.ObjectNode entry(com.fasterxml.jackson.databind.ObjectMapper json,
                                                                        Pass pass, String shape, double ms) {
        com.fasterxml.jackson.databind.node.ObjectNode e = json.createObjectNode();
        e.put("benchmark", pass.benchmark());
        e.putObject("params").put("shape", shape).put("backend", "vector").put("threads", "2").put("layout", "nhwc");
        e.putObject("primaryMetric").put("score", ms).put("scoreUnit", "ms/op");
        return e;
    }
}
