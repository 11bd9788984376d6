package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where {@link VectorNhwcMaxPool} spends its time on the OpenMP team, in one JVM on the same
 * tensors: the kernel itself ({@link VectorNhwcMaxPool#run}, its chunk count as built, or set with
 * {@code -Dchunks=K,L,...} per thread, each its own way), the same team running empty bodies (the dispatch alone), a plain
 * stream over the same bytes on the team (x read in address order, the maximum of each four
 * consecutive vectors and a 16-byte workspace store written in order), oneDNN's primitive and the
 * plan's forward. Arguments: {@code cifar|stem THREADS [ROUNDS]}; {@code -Dorder=} picks the ways
 * (0 kernel, 1 empty team, 2 stream, 3 primitive, 4 plan, 5 the kernel without workspace); one line per round, median (min-max) ms
 * per call of 5 batches of about 40 ms. With {@code -Dpairs=N}, then N alternations of 10 ms batches
 * of the first two ways in {@code -Dorder} and the median of their ratios; with {@code -Dalloc=N}, the
 * bytes all threads allocated per call over N calls of the first way.
 */
final class NhwcPoolTeamProbe {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final int[] WAYS = Arrays.stream(System.getProperty("order", "0,1,2,3,4").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final String[] NAMES = {"kernel", "empty", "stream", "primitive", "plan", "inference"};

    private NhwcPoolTeamProbe() {
    }

    /** Chunk {@code chunk} of {@code chunks} of the stream: y vectors in order, each the max of four x vectors. */
    private static void stream(int chunk, int chunks, MemorySegment xv, MemorySegment yv, MemorySegment wsv) {
        long lanes = FLOATS.length();
        long total = yv.byteSize() / Float.BYTES / lanes;
        long first = total * chunk / chunks;
        long end = total * (chunk + 1) / chunks;
        streamRange(xv.address(), xv.byteSize(), yv.address(), yv.byteSize(), wsv.address(), wsv.byteSize(),
                first, end);
    }

    private static void streamRange(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long first,
                                    long end) {
        MemorySegment x = MemorySegment.ofAddress(xAt).reinterpret(xSize);
        MemorySegment y = MemorySegment.ofAddress(yAt).reinterpret(ySize);
        MemorySegment ws = MemorySegment.ofAddress(wsAt).reinterpret(wsSize);
        long vector = (long) FLOATS.length() * Float.BYTES;
        jdk.incubator.vector.ByteVector none = jdk.incubator.vector.ByteVector.zero(
                jdk.incubator.vector.ByteVector.SPECIES_128);
        for (long j = first; j < end; j++) {
            long a = 4 * j * vector;
            FloatVector m = FloatVector.fromMemorySegment(FLOATS, x, a, ORDER)
                    .max(FloatVector.fromMemorySegment(FLOATS, x, a + vector, ORDER))
                    .max(FloatVector.fromMemorySegment(FLOATS, x, a + 2 * vector, ORDER)
                            .max(FloatVector.fromMemorySegment(FLOATS, x, a + 3 * vector, ORDER)));
            m.intoMemorySegment(y, j * vector, ORDER);
            none.intoMemorySegment(ws, j * FLOATS.length(), ORDER);
        }
    }

    public static void main(String[] args) throws ReflectiveOperationException, JMException {
        boolean stem = args[0].equals("stem");
        int threads = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Shape input = stem ? Shape.nchw(16, 64, 112, 112) : Shape.nchw(64, 64, 32, 32);
        Pool2d op = stem ? Pool2d.max(3, 2).padding(new Padding(1, 1, 1, 1)) : Pool2d.max(2, 2);
        try (Arena arena = Arena.ofShared();
             Backend onednn = new OneDnnBackendProvider().create(new BackendConfig(threads));
             Pool2dPlan plan = onednn.plan(op, input, Layout.NHWC);
             Workspace ws = plan.newWorkspace()) {
            Field field = OneDnnBackend.class.getDeclaredField("runtime");
            field.setAccessible(true);
            OneDnnRuntime runtime = (OneDnnRuntime) field.get(onednn);
            Shape output = plan.outputShape();
            VectorNhwcMaxPool kernel = VectorNhwcMaxPool.of(
                    UnrolledMaxPoolWindow.of(op, input, Layout.NHWC, VectorNhwcMaxPool.lanes(), 2), input, output,
                    runtime, arena);
            Field chunks = VectorNhwcMaxPool.class.getDeclaredField("chunks");
            chunks.setAccessible(true);
            int[] perThread = Arrays.stream(System.getProperty("chunks", "2").split(","))
                    .mapToInt(Integer::parseInt).toArray();
            int teamChunks = 2 * threads;
            TeamChunks team = TeamChunks.alwaysOnTeam(runtime, arena);
            TeamChunks.Body empty = (chunk, a, b, c) -> { };
            TeamChunks.Body streamBody = (chunk, a, b, c) -> stream(chunk, teamChunks, a, b, c);
            Tensor x = Tensor.allocate(input, Layout.NHWC, arena);
            Tensor y = Tensor.allocate(output, Layout.NHWC, arena);
            float[] values = new float[(int) input.elementCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((long) i * 7919 % 2001 - 1000) / 1000f;
            }
            x.copyFrom(values);
            MemorySegment buffer = ((PoolingWorkspace) ws).buffer();
            Runnable[] ways = {() -> kernel.run(x.segment(), y.segment(), buffer),
                () -> team.run(teamChunks, empty, x.segment(), y.segment(), buffer),
                () -> team.run(teamChunks, streamBody, x.segment(), y.segment(), buffer),
                () -> ((DnnlPooling) plan).primitiveForward(x, y, ws), () -> plan.forward(x, y, ws),
                () -> kernel.run(x.segment(), y.segment(), null)};
            for (int round = 0; round < rounds; round++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "TEAM %s t=%d round %d:", args[0],
                        threads, round));
                for (int k = 0; k < WAYS.length * perThread.length; k++) {
                    int w = WAYS[k / perThread.length];
                    if (w != 0 && k % perThread.length != 0) {
                        continue;
                    }
                    chunks.setInt(kernel, perThread[k % perThread.length] * threads);
                    double[] per = UnrolledMaxPoolProbe.batches(ways[w],
                            round == 0 ? 1_500_000_000L : 100_000_000L);
                    line.append(String.format(Locale.ROOT, " %s%s %.4f (%.4f-%.4f)", NAMES[w],
                            w == 0 ? "/" + perThread[k % perThread.length] : "", per[2], per[0], per[4]));
                }
                System.out.println(line);
            }
            int allocCalls = Integer.getInteger("alloc", 0);
            if (allocCalls > 0) {
                long before = allocatedBytes();
                for (int i = 0; i < allocCalls; i++) {
                    ways[WAYS[0]].run();
                }
                System.out.printf(Locale.ROOT, "ALLOC %s t=%d %s: %.1f B per call over %d calls%n", args[0],
                        threads, NAMES[WAYS[0]], (allocatedBytes() - before) / (double) allocCalls, allocCalls);
            }
            int pairs = Integer.getInteger("pairs", 0);
            if (pairs > 0) {
                System.out.println(interleaved(ways[WAYS[0]], ways[WAYS[1]], pairs, args[0], threads));
            }
        }
    }

    /** Bytes allocated so far by all threads, live and ended (the platform's threading bean). */
    private static long allocatedBytes() throws JMException {
        return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(
                new ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
    }

    /**
     * {@code pairs} alternations of a 10 ms batch of way {@code a} and one of way {@code b} (which
     * goes first alternating), so both see the same phase of a shared host: the median and range of
     * the per-pair ratios a / b, and each way's median ms per call.
     */
    private static String interleaved(Runnable a, Runnable b, int pairs, String shape, int threads) {
        double[] ratio = new double[pairs];
        double[] msA = new double[pairs];
        double[] msB = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                msA[i] = UnrolledMaxPoolProbe.msPerCall(a, 10_000_000L);
                msB[i] = UnrolledMaxPoolProbe.msPerCall(b, 10_000_000L);
            } else {
                msB[i] = UnrolledMaxPoolProbe.msPerCall(b, 10_000_000L);
                msA[i] = UnrolledMaxPoolProbe.msPerCall(a, 10_000_000L);
            }
            ratio[i] = msA[i] / msB[i];
        }
        Arrays.sort(ratio);
        Arrays.sort(msA);
        Arrays.sort(msB);
        return String.format(Locale.ROOT, "PAIRS %s t=%d n=%d: ratio %.4f (%.4f-%.4f) first %.4f second %.4f",
                shape, threads, pairs, ratio[pairs / 2], ratio[0], ratio[pairs - 1], msA[pairs / 2], msB[pairs / 2]);
    }
}
