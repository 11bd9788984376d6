package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_exec_arg_t;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Builds a {@link Pass}: declares the op's arguments in the caller's layout, creates the primitive
 * descriptor in a {@link PassLayout}, and adds a reorder and a blocked scratch buffer wherever the
 * layout oneDNN picked differs from the caller's. {@link #buildFastest} builds several layouts,
 * times each on zeroed buffers and keeps the fastest: which one wins depends on shape and pass.
 * What a pass allocates for itself is bounded relative to the caller's tensors
 * ({@link #SCRATCH_RATIO}, {@link #SCRATCH_FLOOR_BYTES}); a layout that needs more is skipped, as is
 * one whose buffers cannot be allocated, and timing is skipped above {@link #TIMING_MAX_BYTES}.
 */
final class PassBuilder {
    /** Creates the main primitive descriptor; {@code descs} maps an execution argument to its descriptor. */
    @FunctionalInterface
    interface Creator {
        int create(MemorySegment out, IntFunction<MemorySegment> descs, MemorySegment hint, MemorySegment attr);
    }

    private record Argument(int arg, boolean input, int plainTag, long[] dims) {
        boolean isWeights() {
            return arg == dnnl_h.DNNL_ARG_WEIGHTS() || arg == dnnl_h.DNNL_ARG_DIFF_WEIGHTS()
                    || arg == dnnl_h.DNNL_ARG_BIAS() || arg == dnnl_h.DNNL_ARG_DIFF_BIAS();
        }

        long bytes() {
            long n = Float.BYTES;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /**
     * A pass's own buffers (blocked copies of the caller's tensors, workspace, oneDNN's
     * scratchpad) may take at most this many times the bytes of the caller's tensors ...
     */
    static final long SCRATCH_RATIO = 2;
    /** ... or this many bytes, whichever is more; a layout that needs more is skipped. */
    static final long SCRATCH_FLOOR_BYTES = 64L << 20;
    /** Candidates are timed (on zeroed copies of the caller's tensors) only up to this size. */
    static final long TIMING_MAX_BYTES = 256L << 20;

    /** A layout whose buffers exceed the budget: skipped like one oneDNN cannot build. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message);
        }
    }

    private static final int MIN_ROUNDS = 9;
    private static final int MAX_ROUNDS = 60;
    private static final long TIMING_NANOS = 80_000_000L;
    private static final int SERIES_ATTEMPTS = 3;
    /** How long no JIT compilation must have finished before a series starts ... */
    private static final long JIT_QUIET_NANOS = 25_000_000L;
    /** ... waiting at most this long. */
    private static final long JIT_MAX_WAIT_NANOS = 500_000_000L;

    private final OneDnnRuntime runtime;
    private final String call;
    private final Creator creator;
    private final List<Argument> arguments = new ArrayList<>();
    private Function<PassLayout, PrimitiveDesc> hints = layout -> null;
    private Memory sharedWorkspace;
    private int blockedTag = dnnl_h.dnnl_format_tag_any();
    /** The activation fused as an eltwise post-op, or {@code null}. */
    private dev.jdnn.Activation postOp;
    /** Bytes of buffers the pass being built has allocated so far. */
    private long allocated;
    /** The implementation to take instead of {@link #replacedImplementation} when oneDNN lists it; else {@code null}. */
    private String preferredImplementation;
    private String replacedImplementation;
    /** How many implementations after oneDNN's first choice are looked at for {@link #preferredImplementation}. */
    private static final int IMPLEMENTATIONS_LOOKED_AT = 4;

    /** A builder for the primitive {@code creator} makes; {@code call} names it in errors. */
    PassBuilder(OneDnnRuntime runtime, String call, Creator creator) {
        this.runtime = runtime;
        this.call = call;
        this.creator = creator;
    }

    /** Declares an input tensor of {@code dims} in format {@code plainTag}; returns its slot. */
    int input(int arg, int plainTag, long... dims) {
        arguments.add(new Argument(arg, true, plainTag, dims));
        return arguments.size() - 1;
    }

    /** Declares an output tensor; returns its slot. */
    int output(int arg, int plainTag, long... dims) {
        arguments.add(new Argument(arg, false, plainTag, dims));
        return arguments.size() - 1;
    }

    /** The forward primitive descriptor a backward pass in a given layout takes as its hint. */
    PassBuilder hints(Function<PassLayout, PrimitiveDesc> forwardHints) {
        this.hints = forwardHints;
        return this;
    }

    /**
     * In {@link PassLayout#BLOCKED}, requests every argument in format {@code tag} instead of
     * {@code format_tag_any}: for primitives that do not choose their source's layout themselves
     * (pooling takes the layout it is given).
     */
    PassBuilder blockedAs(int tag) {
        this.blockedTag = tag;
        return this;
    }

    /** Fuses {@code activation} (if not null) into the primitive as an eltwise post-op. */
    PassBuilder postOp(dev.jdnn.Activation activation) {
        this.postOp = activation;
        return this;
    }

    /**
     * Where oneDNN's first choice of implementation is {@code replaced} and {@code preferred}
     * follows it among the next few it lists for the same descriptors, takes {@code preferred}.
     * oneDNN lists implementations by its own heuristic, which for some shapes is measurably not the
     * fastest; the descriptors (and so the layouts, reorders and results' shape) stay as requested.
     */
    PassBuilder preferImplementation(String replaced, String preferred) {
        this.replacedImplementation = replaced;
        this.preferredImplementation = preferred;
        return this;
    }

    /** Uses {@code workspace} (filled by a forward pass) instead of a workspace of its own. */
    PassBuilder workspace(Memory workspace) {
        this.sharedWorkspace = workspace;
        return this;
    }

    /**
     * The pass in the first of {@code layouts} oneDNN implements, or the fastest of them when
     * {@code timed}. {@link PassLayout#PLAIN} is never timed: it is tried only when nothing before it
     * could be built, since on a convolution it selects oneDNN's slow reference kernel.
     */
    Pass buildFastest(List<PassLayout> layouts, boolean timed) {
        return buildAndChoose(layouts, timed, false);
    }

    /**
     * The fastest of {@code layouts} oneDNN implements, {@link PassLayout#PLAIN} timed like the others
     * when {@code timed} (else the first that builds): for ops whose plain-layout implementation
     * is a real kernel rather than a reference fallback, such as pooling.
     */
    Pass buildFastestIncludingPlain(List<PassLayout> layouts, boolean timed) {
        return buildAndChoose(layouts, timed, true);
    }

    /**
     * Builds the candidates in order; one that oneDNN cannot build, that exceeds the scratch
     * budget ({@link #scratchBudget()}) or whose buffers cannot be allocated is skipped, except a
     * {@link PassLayout#PLAIN} one, the last resort, whose failure is thrown. Timing needs zeroed copies
     * of the caller's tensors besides every candidate's buffers, so above
     * {@link #TIMING_MAX_BYTES} the first candidate that builds is kept untimed.
     */
    private Pass buildAndChoose(List<PassLayout> layouts, boolean timed, boolean timePlain) {
        boolean timing = timed && callerBytes() <= TIMING_MAX_BYTES;
        List<Pass> built = new ArrayList<>();
        RuntimeException failure = null;
        for (PassLayout layout : layouts) {
            if (!built.isEmpty() && ((layout == PassLayout.PLAIN && !timePlain) || !timing)) {
                break;
            }
            try {
                built.add(build(layout));
            } catch (DnnlException | BudgetExceeded e) {
                failure = e;
            } catch (OutOfMemoryError e) {
                if (layout == PassLayout.PLAIN) {
                    throw e;
                }
                failure = new BudgetExceeded(call + " in " + layout + ": out of memory for its buffers: " + e);
            }
        }
        if (built.isEmpty()) {
            throw failure;
        }
        Pass fastest = built.size() == 1 ? built.getFirst() : fastestOrFirst(built);
        for (Pass pass : built) {
            if (pass != fastest) {
                pass.close();
            }
        }
        return fastest;
    }

    /** {@link #fastest}, or the first candidate when the timing copies cannot be allocated. */
    private Pass fastestOrFirst(List<Pass> candidates) {
        try {
            return fastest(candidates);
        } catch (OutOfMemoryError e) {
            return candidates.getFirst();
        }
    }

    /**
     * Runs the candidates in interleaved rounds on zeroed buffers (the order reversed every other
     * round, so that no candidate always runs on the caches another left) and keeps the one
     * {@link InterleavedTimings} scores fastest. Each series runs at least {@link #MIN_ROUNDS}
     * rounds, then until {@link #TIMING_NANOS} have passed or {@link #MAX_ROUNDS} rounds. It starts
     * once the JIT compilers have been quiet for a moment and is run again (up to
     * {@link #SERIES_ATTEMPTS} series in all) when a compilation finished during it: see
     * {@link JitActivity}.
     */
    private Pass fastest(List<Pass> candidates) {
        try (Arena arena = Arena.ofConfined()) {
            runtime.enterCurrentThread();
            for (Pass pass : candidates) {
                for (int i = 0; i < arguments.size(); i++) {
                    pass.attach(i, arena.allocate(arguments.get(i).bytes(), 64));
                }
                pass.run();
                pass.run();
            }
            int winner = 0;
            for (int attempt = 0; attempt < SERIES_ATTEMPTS; attempt++) {
                JitActivity.awaitQuiet(JIT_QUIET_NANOS, JIT_MAX_WAIT_NANOS);
                long compiledBefore = JitActivity.millis();
                winner = timedSeries(candidates);
                if (JitActivity.millis() == compiledBefore) {
                    break;
                }
            }
            return candidates.get(winner);
        }
    }

    private static int timedSeries(List<Pass> candidates) {
        int n = candidates.size();
        InterleavedTimings timings = new InterleavedTimings(n, MAX_ROUNDS);
        long[] round = new long[n];
        long deadline = System.nanoTime() + TIMING_NANOS;
        while (timings.hasRoom() && (timings.rounds() < MIN_ROUNDS || System.nanoTime() < deadline)) {
            boolean reversed = timings.rounds() % 2 == 1;
            for (int k = 0; k < n; k++) {
                int c = reversed ? n - 1 - k : k;
                long start = System.nanoTime();
                candidates.get(c).run();
                round[c] = System.nanoTime() - start;
            }
            timings.record(round);
        }
        return timings.fastest();
    }

    /**
     * Only the primitive descriptor in {@code layout}, e.g. the forward descriptor a backward pass
     * needs as its hint; the caller owns it.
     */
    PrimitiveDesc describe(PassLayout layout) {
        List<AutoCloseable> descs = new ArrayList<>();
        try {
            MemoryDesc[] requested = requestedDescs(layout, descs, new MemoryDesc[arguments.size()]);
            return createPrimitiveDesc(layout, requested);
        } finally {
            for (int i = descs.size() - 1; i >= 0; i--) {
                ((MemoryDesc) descs.get(i)).close();
            }
        }
    }

    /** The pass with every descriptor requested as {@code layout} prescribes. */
    Pass build(PassLayout layout) {
        List<AutoCloseable> owned = new ArrayList<>();
        Arena buffers = Arena.ofShared();
        allocated = 0;
        try {
            return assemble(layout, owned, buffers);
        } catch (RuntimeException | OutOfMemoryError e) {
            for (int i = owned.size() - 1; i >= 0; i--) {
                try {
                    owned.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            buffers.close();
            throw e;
        }
    }

    private Pass assemble(PassLayout layout, List<AutoCloseable> owned, Arena buffers) {
        Engine engine = runtime.engine();
        int n = arguments.size();
        MemoryDesc[] plain = new MemoryDesc[n];
        MemoryDesc[] requested = requestedDescs(layout, owned, plain);
        PrimitiveDesc pd = own(owned, createPrimitiveDesc(layout, requested));
        if (layout != PassLayout.PLAIN) {
            requireWithinBudget(layout, pd, plain);
        }
        Stream stream = own(owned, Stream.create(engine));
        Memory[] slots = new Memory[n];
        List<Primitive> before = new ArrayList<>();
        List<Primitive> after = new ArrayList<>();
        MemorySegment mainArgs = buffers.allocate(dnnl_exec_arg_t.layout(), n + 2);
        int mainCount = 0;
        for (int i = 0; i < n; i++) {
            Argument a = arguments.get(i);
            MemorySegment chosen = pd.argumentDesc(a.arg());
            Memory forPrimitive;
            if (MemoryDesc.equal(chosen, plain[i].handle())) {
                forPrimitive = own(owned, Memory.create(chosen, engine, MemorySegment.NULL));
                slots[i] = forPrimitive;
            } else {
                forPrimitive = own(owned, Memory.create(chosen, engine, scratch(buffers, chosen)));
                slots[i] = own(owned, Memory.create(plain[i].handle(), engine, MemorySegment.NULL));
                if (a.input()) {
                    before.add(reorder(slots[i], plain[i].handle(), forPrimitive, chosen, owned, buffers));
                } else {
                    after.add(reorder(forPrimitive, chosen, slots[i], plain[i].handle(), owned, buffers));
                }
            }
            setArgument(mainArgs, mainCount++, a.arg(), forPrimitive);
        }
        Memory workspace = null;
        MemorySegment workspaceDesc = pd.workspaceDesc();
        if (MemoryDesc.size(workspaceDesc) > 0) {
            workspace = sharedWorkspace != null ? sharedWorkspace
                    : own(owned, Memory.create(workspaceDesc, engine, scratch(buffers, workspaceDesc)));
            setArgument(mainArgs, mainCount++, dnnl_h.DNNL_ARG_WORKSPACE(), workspace);
        }
        mainCount = addScratchpad(pd, mainArgs, mainCount, owned, buffers);
        List<Primitive> steps = new ArrayList<>(before);
        steps.add(own(owned, Primitive.create(pd, mainCount, mainArgs)));
        steps.addAll(after);
        return new Pass(slots, steps.toArray(Primitive[]::new), workspace, stream, layout, pd.implementation(),
                owned, buffers, allocated);
    }

    /** The bytes of the caller's tensors (every declared argument). */
    private long callerBytes() {
        long bytes = 0;
        for (Argument a : arguments) {
            bytes += a.bytes();
        }
        return bytes;
    }

    /**
     * The most a pass may allocate for itself: {@link #SCRATCH_RATIO} times the caller's tensors,
     * at least {@link #SCRATCH_FLOOR_BYTES}. Blocked layouts pad channels to 8 or 16, so without a
     * bound a convolution over one channel asked for 16 times its tensors (1.43 GB beside a 64 MiB
     * input; 34 GB, and an {@link OutOfMemoryError}, beside a 2 GiB one).
     */
    private long scratchBudget() {
        long callerBytes = callerBytes();
        return Math.max(SCRATCH_FLOOR_BYTES, callerBytes > Long.MAX_VALUE / SCRATCH_RATIO ? Long.MAX_VALUE
                : SCRATCH_RATIO * callerBytes);
    }

    /** Throws {@link BudgetExceeded} when the buffers {@code pd} in {@code layout} needs exceed the budget. */
    private void requireWithinBudget(PassLayout layout, PrimitiveDesc pd, MemoryDesc[] plain) {
        long bytes = MemoryDesc.size(pd.scratchpadDesc());
        for (int i = 0; i < plain.length; i++) {
            MemorySegment chosen = pd.argumentDesc(arguments.get(i).arg());
            if (!MemoryDesc.equal(chosen, plain[i].handle())) {
                bytes += MemoryDesc.size(chosen);
            }
        }
        if (sharedWorkspace == null) {
            bytes += MemoryDesc.size(pd.workspaceDesc());
        }
        long budget = scratchBudget();
        if (bytes > budget) {
            throw new BudgetExceeded(call + " in " + layout + ": needs " + bytes + " bytes of buffers, more than its "
                    + "budget of " + budget + " (" + SCRATCH_RATIO + " times the caller's " + callerBytes()
                    + " bytes, at least " + SCRATCH_FLOOR_BYTES + ")");
        }
    }

    /** The descriptors to request in {@code layout}; fills {@code plain} with the caller's layouts. */
    private MemoryDesc[] requestedDescs(PassLayout layout, List<AutoCloseable> owned, MemoryDesc[] plain) {
        MemoryDesc[] requested = new MemoryDesc[arguments.size()];
        for (int i = 0; i < requested.length; i++) {
            Argument a = arguments.get(i);
            plain[i] = own(owned, MemoryDesc.of(a.plainTag(), a.dims()));
            boolean keepPlain = layout == PassLayout.PLAIN || (layout == PassLayout.PLAIN_ACTIVATIONS && !a.isWeights());
            requested[i] = keepPlain ? plain[i] : own(owned, MemoryDesc.of(blockedTag, a.dims()));
        }
        return requested;
    }

    private PrimitiveDesc createPrimitiveDesc(PassLayout layout, MemoryDesc[] requested) {
        IntFunction<MemorySegment> descs = arg -> {
            for (int i = 0; i < requested.length; i++) {
                if (arguments.get(i).arg() == arg) {
                    return requested[i].handle();
                }
            }
            return MemorySegment.NULL;
        };
        try (PrimitiveAttributes attr = PrimitiveAttributes.userScratchpad(postOp)) {
            PrimitiveDesc hint = hints.apply(layout);
            MemorySegment hintHandle = hint == null ? MemorySegment.NULL : hint.handle();
            PrimitiveDesc first = PrimitiveDesc.create(call, out -> creator.create(out, descs, hintHandle, attr.handle()));
            if (preferredImplementation == null || !first.implementation().equals(replacedImplementation)) {
                return first;
            }
            PrimitiveDesc preferred = PrimitiveDesc.create(call,
                    out -> creator.create(out, descs, hintHandle, attr.handle()));
            if (preferred.advanceTo(preferredImplementation, IMPLEMENTATIONS_LOOKED_AT)) {
                first.close();
                return preferred;
            }
            preferred.close();
            return first;
        }
    }

    private Primitive reorder(Memory from, MemorySegment fromDesc, Memory to, MemorySegment toDesc,
                              List<AutoCloseable> owned, Arena buffers) {
        Engine engine = runtime.engine();
        PrimitiveDesc pd;
        try (PrimitiveAttributes attr = PrimitiveAttributes.userScratchpad()) {
            pd = own(owned, PrimitiveDesc.create("dnnl_reorder_primitive_desc_create",
                    out -> dnnl_h.dnnl_reorder_primitive_desc_create(out, fromDesc, engine.handle(), toDesc,
                            engine.handle(), attr.handle())));
        }
        MemorySegment args = buffers.allocate(dnnl_exec_arg_t.layout(), 3);
        setArgument(args, 0, dnnl_h.DNNL_ARG_FROM(), from);
        setArgument(args, 1, dnnl_h.DNNL_ARG_TO(), to);
        int count = addScratchpad(pd, args, 2, owned, buffers);
        return own(owned, Primitive.create(pd, count, args));
    }

    private int addScratchpad(PrimitiveDesc pd, MemorySegment args, int count, List<AutoCloseable> owned,
                              Arena buffers) {
        MemorySegment desc = pd.scratchpadDesc();
        if (MemoryDesc.size(desc) == 0) {
            return count;
        }
        Memory scratchpad = own(owned, Memory.create(desc, runtime.engine(), scratch(buffers, desc)));
        setArgument(args, count, dnnl_h.DNNL_ARG_SCRATCHPAD(), scratchpad);
        return count + 1;
    }

    private MemorySegment scratch(Arena buffers, MemorySegment desc) {
        long bytes = Math.max(MemoryDesc.size(desc), 1);
        MemorySegment buffer = buffers.allocate(bytes, 64);
        allocated += bytes;
        return buffer;
    }

    private static void setArgument(MemorySegment args, int index, int arg, Memory memory) {
        MemorySegment entry = args.asSlice(index * dnnl_exec_arg_t.sizeof(), dnnl_exec_arg_t.sizeof());
        dnnl_exec_arg_t.arg(entry, arg);
        dnnl_exec_arg_t.memory(entry, memory.handle());
    }

    private static <T extends AutoCloseable> T own(List<AutoCloseable> owned, T resource) {
        owned.add(resource);
        return resource;
    }
}
