package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Conv2d;
import dev.jdnn.Lrn;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class ContractCasesTest {

    @Test
    void sameSeedGivesTheSameConfigurations() {
        assertThat(ContractCases.conv()).isEqualTo(ContractCases.conv());
        assertThat(ContractCases.pool()).isEqualTo(ContractCases.pool());
        assertThat(ContractCases.dense()).isEqualTo(ContractCases.dense());
        assertThat(ContractCases.batchNorm()).isEqualTo(ContractCases.batchNorm());
        assertThat(ContractCases.lrn()).isEqualTo(ContractCases.lrn());
    }

    @Test
    void convCasesCoverStridesPaddingDilationGroupsAndOddSizes() {
        List<ConvCase> cases = ContractCases.conv();
        for (int s = 1; s <= 3; s++) {
            int stride = s;
            assertCovered(cases, "stride " + s, c -> c.op().strideH() == stride || c.op().strideW() == stride);
        }
        for (int d = 1; d <= 3; d++) {
            int dilation = d;
            assertCovered(cases, "dilation " + d, c -> c.op().dilationH() == dilation || c.op().dilationW() == dilation);
        }
        assertCovered(cases, "asymmetric padding", c -> c.op().padding().top() != c.op().padding().bottom()
                || c.op().padding().left() != c.op().padding().right());
        assertCovered(cases, "grouped, not depthwise", c -> c.op().groups() > 1 && !c.op().isDepthwise());
        assertCovered(cases, "depthwise", c -> c.op().isDepthwise());
        assertCovered(cases, "batch 1", c -> c.input().dim(0) == 1);
        assertCovered(cases, "bias", c -> c.op().bias());
        assertCovered(cases, "no bias", c -> !c.op().bias());
        assertCovered(cases, "1x1 output", c -> outputH(c) == 1 && outputW(c) == 1);
        assertCovered(cases, "kernel as large as the padded input",
                c -> c.op().dilationH() * (c.op().kernelH() - 1) + 1 == c.input().dim(2) + c.op().padding().height());
        for (int size : new int[] {1, 15, 17, 31, 33}) {
            assertCovered(cases, size + " channels", c -> c.op().inChannels() == size || c.op().outChannels() == size);
        }
        for (int size : new int[] {1, 15, 17, 31, 33}) {
            assertCovered(cases, "input side " + size, c -> c.input().dim(2) == size || c.input().dim(3) == size);
        }
    }

    @Test
    void batchNormAndLrnCasesCoverTheirEdges() {
        List<BatchNormCase> bn = ContractCases.batchNorm();
        assertCovered(bn, "one element per channel", c -> c.input().dim(0) * c.input().dim(2) * c.input().dim(3) == 1);
        assertCovered(bn, "h = w = 1", c -> c.input().dim(2) == 1 && c.input().dim(3) == 1);
        assertCovered(bn, "batch 1", c -> c.input().dim(0) == 1);
        assertCovered(bn, "mean 1000, spread 2", c -> c.mean() == 1000 && c.spread() == 2);
        assertCovered(bn, "more than a block per channel",
                c -> c.input().dim(0) * c.input().dim(2) * c.input().dim(3) > ErrorBound.BLOCK);
        List<LrnCase> lrn = ContractCases.lrn();
        assertCovered(lrn, "even size", c -> c.op().size() % 2 == 0);
        assertCovered(lrn, "window wider than the channels", c -> c.op().size() > c.input().dim(1));
        assertCovered(lrn, "size 1", c -> c.op().size() == 1);
        assertCovered(lrn, "one channel", c -> c.input().dim(1) == 1);
        assertCovered(lrn, "h = w = 1", c -> c.input().dim(2) == 1 && c.input().dim(3) == 1);
        assertCovered(lrn, "the seed's tf.nn.lrn", c -> c.op().equals(Lrn.tensorflow(4, 1, 0.001 / 9, 0.75)));
    }

    @Test
    void convCasesStayCheapForTheNaiveReference() {
        assertThat(ContractCases.conv()).allSatisfy(c -> assertThat(c.multiplyAdds()).isLessThanOrEqualTo(ContractCases.CONV_MULTIPLY_ADDS));
    }

    @Test
    void poolCasesCoverKindsWindowsStridesAndRounding() {
        List<PoolCase> cases = ContractCases.pool();
        for (Pool2d.Kind kind : Pool2d.Kind.values()) {
            assertCovered(cases, kind + " ceil mode", c -> c.op().kind() == kind && c.op().ceilMode());
            assertCovered(cases, kind + " floor mode", c -> c.op().kind() == kind && !c.op().ceilMode());
            assertCovered(cases, kind + " padded", c -> c.op().kind() == kind && !c.op().padding().isNone());
        }
        assertCovered(cases, "average counting padding",
                c -> c.op().kind() == Pool2d.Kind.AVG && c.op().countIncludePad() && !c.op().padding().isNone());
        assertCovered(cases, "average excluding padding",
                c -> c.op().kind() == Pool2d.Kind.AVG && !c.op().countIncludePad() && !c.op().padding().isNone());
        assertCovered(cases, "max with ties", c -> c.op().kind() == Pool2d.Kind.MAX && c.ties());
        assertCovered(cases, "non-square window", c -> c.op().kernelH() != c.op().kernelW());
        for (int k = 1; k <= 4; k++) {
            int kernel = k;
            assertCovered(cases, "kernel " + k, c -> c.op().kernelH() == kernel);
        }
        for (int s = 1; s <= 3; s++) {
            int stride = s;
            assertCovered(cases, "stride " + s, c -> c.op().strideH() == stride || c.op().strideW() == stride);
        }
    }

    @Test
    void denseSoftmaxAndActivationCasesCoverBatchOneAndEveryRank() {
        assertCovered(ContractCases.dense(), "batch 1", c -> c.batch() == 1);
        assertCovered(ContractCases.dense(), "no bias", c -> !c.op().bias());
        for (int rank = 1; rank <= 4; rank++) {
            int r = rank;
            assertCovered(ContractCases.softmax(), "rank " + rank, c -> c.shape().rank() == r);
            assertCovered(ContractCases.elementwise(), "rank " + rank, c -> c.shape().rank() == r);
        }
        for (SoftmaxOp op : SoftmaxOp.values()) {
            assertCovered(ContractCases.softmax(), op + " far from zero", c -> c.op() == op && c.offset() != 0);
        }
        assertCovered(ContractCases.crossEntropy(), "batch 1", c -> c.shape().dim(0) == 1);
    }

    @Test
    void elementwiseInputsHoldZerosAndSaturatingValues() {
        ElementwiseCase c = new ElementwiseCase(Activation.RELU, Shape.of(40), 7);
        try (CaseTensors t = new CaseTensors(c.seed())) {
            float[] x = c.input(t).toArray();
            Set<Float> values = new HashSet<>();
            for (float v : x) {
                values.add(v);
            }
            assertThat(values).contains(0f, 30f, -30f);
        }
    }

    @Test
    void convCaseNamesItsWholeConfiguration() {
        ConvCase c = new ConvCase("example", Conv2d.of(4, 6, 3).stride(2, 1).groups(2).bias(false),
                Shape.nchw(1, 4, 9, 8), 1);
        assertThat(c.toString()).contains("example", "[1, 4, 9, 8]", "4->6", "kernel 3x3", "stride 2x1", "groups 2",
                "no bias", "[1, 6, 4, 6]");
    }

    private static int outputH(ConvCase c) {
        return c.op().outputShape(c.input()).dim(2);
    }

    private static int outputW(ConvCase c) {
        return c.op().outputShape(c.input()).dim(3);
    }

    private static <T> void assertCovered(List<T> cases, String feature, Predicate<T> has) {
        assertThat(cases).as("cases with %s", feature).anyMatch(has);
    }

}
