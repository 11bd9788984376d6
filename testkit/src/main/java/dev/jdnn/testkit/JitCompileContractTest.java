package dev.jdnn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No method of jdnn may be refused by a JIT compiler. A method C1 cannot compile ("out of virtual
 * registers") stays at tier 2 whenever the single C2 thread of a small machine is busy, and a
 * Vector API kernel at tier 2 runs the API's boxed Java fallback: the vector backend once ran 20x
 * slower in every multi-shape JVM on AVX-512. Each case runs {@link MultiShapeWorkload} on the
 * backend in a JVM of its own with {@code -XX:+PrintCompilation} and fails on any compile-log line
 * that refuses a {@code dev.jdnn} method: once with C1 alone ({@code TieredStopAtLevel=3}), once
 * with every tier. Each backend module runs it through a subclass naming the backend.
 *
 * <p>A method the workload does not make hot is never compiled, so never refused: the check passed
 * unseen on a GEMM tile C1 refuses once the workload's shapes stopped reaching that tile's
 * accumulating kernel. A subclass therefore names the methods the workload must get compiled
 * ({@link #methodsToCompile}), and the C1-only case also fails when its log shows one of them not
 * compiled at tier 3. Only that case can ask it: with every tier, C1 compiles a method at tier 2
 * while C2's queue is long, and tier 2 did not refuse the old tile's kernel (its tier-3 compile did,
 * "out of virtual registers"); on a busy 2-core host the accumulating kernels reached tier 2 only
 * 3.5-4.7 s and tier 3 5.2-6.2 s into a 6 s run, and tier 4 not at all.
 */
public abstract class JitCompileContractTest {
    /**
     * Seconds of workload with every tier: long enough for methods reached late to get their tier-3
     * compile (the old 6x4 GEMM tile's accumulating kernel was refused only 4-7 s into the run).
     */
    protected static final String EVERY_TIER_SECONDS = "6";

    /** Creates the suite; subclasses name the backend under test. */
    protected JitCompileContractTest() {
    }

    /** The name of the backend under test, as {@link dev.jdnn.Backends#open} takes it. */
    protected abstract String backendName();

    /** JVM options every case of this backend adds (none by default). */
    protected List<String> jvmOptions() {
        return List.of();
    }

    /**
     * Methods the workload must get compiled at tier 3 when C1 alone runs with {@link #jvmOptions}, as
     * the compile log names them ({@code dev.jdnn.pkg.Class::method}); none by default.
     */
    protected List<String> methodsToCompile() {
        return List.of();
    }

    @Test
    void noJdnnMethodIsRefusedByC1() throws Exception {
        // C1 alone runs slowly; the workload's minimum of rounds already makes every call count.
        List<String> options = new ArrayList<>(jvmOptions());
        options.add("-XX:TieredStopAtLevel=3");
        String compileLog = assertNoJdnnMethodIsRefused(options, "2");
        assertThat(notCompiled(compileLog, methodsToCompile(), C1_PROFILED_TIER))
                .as("methods the C1-only compile log shows not compiled at tier %d: the workload (%s) no longer"
                        + " reaches them often enough, so their refusal would pass unseen", C1_PROFILED_TIER,
                        MultiShapeWorkload.class.getSimpleName())
                .isEmpty();
    }

    @Test
    void noJdnnMethodIsRefusedWithEveryTier() throws Exception {
        assertNoJdnnMethodIsRefused(jvmOptions(), EVERY_TIER_SECONDS);
    }

    /** The tier C1 alone compiles a hot method at (with full profiling): the compile that refused the old GEMM tile. */
    private static final int C1_PROFILED_TIER = 3;

    /**
     * Runs the workload for {@code seconds} in a JVM with {@code jvmOptions} (and the compile log),
     * asserts that the compile log refuses no jdnn method, and returns the log.
     */
    protected final String assertNoJdnnMethodIsRefused(List<String> jvmOptions, String seconds) throws Exception {
        List<String> options = new ArrayList<>(List.of("-XX:+PrintCompilation", "-Xmx512m"));
        options.addAll(jvmOptions);
        ChildJvm.Result result = ChildJvm.run(MultiShapeWorkload.class, options, Duration.ofMinutes(3), backendName(),
                seconds);

        assertThat(result.finished()).as(result.tail(40)).isTrue();
        assertThat(result.exitCode()).as(result.tail(40)).isZero();
        assertThat(result.output()).contains("workload rounds: ");
        assertThat(refusals(result.output())).as("compile-log lines refusing a jdnn method").isEmpty();
        return result.output();
    }

    /** Those of {@code methods} that no line of {@code compileLog} shows compiled at tier {@code minTier} or above. */
    static List<String> notCompiled(String compileLog, List<String> methods, int minTier) {
        return methods.stream().filter(method -> {
            Pattern compiled = compileLine(method);
            return compileLog.lines().noneMatch(line -> compiles(line, compiled, minTier));
        }).toList();
    }

    /**
     * Whether a compile-log line matches {@code compileLine} ({@link #compileLine}: a standard or on-stack-replacement compile)
     * at tier {@code minTier} or above without refusing it. The tier is the single digit before
     * the name: {@code "6072 3383       3       pkg.Class::method (1166 bytes)"}.
     */
    private static boolean compiles(String line, Pattern compileLine, int minTier) {
        Matcher match = compileLine.matcher(line);
        return match.find() && Integer.parseInt(match.group(1)) >= minTier && refusals(line).isEmpty();
    }

    /** A compile-log line's tier digit followed by {@code method}'s name (group 1: the tier). */
    private static Pattern compileLine(String method) {
        return Pattern.compile("\\s([0-4])\\s+" + Pattern.quote(method) + "(\\s|$)");
    }

    /** The lines of a compile log that refuse a {@code dev.jdnn} method. */
    static List<String> refusals(String compileLog) {
        return compileLog.lines()
                .filter(line -> line.contains("dev.jdnn"))
                .filter(line -> line.contains("COMPILE SKIPPED") || line.contains("made not compilable"))
                // A compilation whose class-hierarchy assumptions changed while it ran is dropped
                // and simply requested again later; nothing is refused.
                .filter(line -> !line.contains("COMPILE SKIPPED: concurrent class loading"))
                .toList();
    }
}
