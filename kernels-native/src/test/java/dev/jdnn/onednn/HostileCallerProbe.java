package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.Arena;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Misuses a onednn plan from two threads, in a JVM of its own (a failure here used to be a native
 * crash): {@code close-plan} closes a plan while another thread runs it, {@code close-arena}
 * closes the caller's shared arena behind wrapped tensors while another thread runs a forward on
 * them. Each of {@code rounds} rounds starts a runner that calls forward in a loop, waits a random
 * moment and closes, retrying while the close is refused; the runner must then stop with an
 * {@link IllegalStateException}. Prints {@code OK} and counts, or {@code FAIL} and exits 1.
 */
final class HostileCallerProbe {
    private static final Conv2d OP = Conv2d.of(16, 16, 3).padding(1);
    private static final Shape INPUT = Shape.of(1, 16, 48, 48);
    private static final long CLOSE_ATTEMPT_NANOS = 20_000_000L;
    /** Rounds whose close went through only once the runner was held. */
    private static int heldRounds;

    private HostileCallerProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        try (Backend onednn = Backends.open("onednn", new BackendConfig(1))) {
            long refused = switch (mode) {
                case "close-plan" -> closePlanWhileRunning(onednn, rounds);
                case "close-arena" -> closeArenaWhileRunning(onednn, rounds);
                default -> throw new IllegalArgumentException("mode: expected close-plan or close-arena, got " + mode);
            };
            System.out.println("OK " + mode + " rounds " + rounds + " closes-refused " + refused + " rounds-held "
                    + heldRounds);
        } catch (Throwable t) {
            System.out.println("FAIL " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static long closePlanWhileRunning(Backend onednn, int rounds) throws Exception {
        long refused = 0;
        try (Tensor x = Tensor.allocate(INPUT); Tensor w = Tensor.allocate(OP.weightShape());
             Tensor b = Tensor.allocate(OP.biasShape()); Tensor y = Tensor.allocate(OP.outputShape(INPUT))) {
            for (int round = 0; round < rounds; round++) {
                Conv2dPlan plan = onednn.plan(OP, INPUT);
                plan.forward(x, w, b, y);
                Runner runner = Runner.start(() -> plan.forward(x, w, b, y));
                refused += closeWhileRefused(runner, plan::close);
                runner.awaitIllegalState();
            }
        }
        return refused;
    }

    private static long closeArenaWhileRunning(Backend onednn, int rounds) throws Exception {
        long refused = 0;
        try (Conv2dPlan plan = onednn.plan(OP, INPUT)) {
            for (int round = 0; round < rounds; round++) {
                Arena arena = Arena.ofShared();
                Tensor x = wrap(arena, INPUT);
                Tensor w = wrap(arena, OP.weightShape());
                Tensor b = wrap(arena, OP.biasShape());
                Tensor y = wrap(arena, OP.outputShape(INPUT));
                plan.forward(x, w, b, y);
                Runner runner = Runner.start(() -> plan.forward(x, w, b, y));
                refused += closeWhileRefused(runner, arena::close);
                runner.awaitIllegalState();
            }
        }
        return refused;
    }

    private static Tensor wrap(Arena arena, Shape shape) {
        return Tensor.wrap(arena.allocate(shape.elementCount() * Float.BYTES, 64), shape);
    }

    /**
     * Waits up to 2 ms, then calls {@code close} until it succeeds; returns how often it was
     * refused. A runner that is almost always inside a native call can starve the closer on a busy
     * machine, so after {@link #CLOSE_ATTEMPT_NANOS} the runner is held between two calls and the
     * close goes through there.
     */
    private static long closeWhileRefused(Runner runner, Runnable close) throws InterruptedException {
        Thread.sleep(0, ThreadLocalRandom.current().nextInt(0, 999_999));
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 2));
        long refused = 0;
        long deadline = System.nanoTime() + CLOSE_ATTEMPT_NANOS;
        while (true) {
            try {
                close.run();
                runner.release();
                return refused;
            } catch (IllegalStateException e) {
                refused++;
                Thread.onSpinWait();
            }
            runner.failIfFailed();
            if (System.nanoTime() > deadline && !runner.isHeld()) {
                heldRounds++;
                runner.hold();
            }
        }
    }

    /** Calls an action in a loop on its own thread until it throws. */
    private static final class Runner {
        private final Thread thread;
        private final AtomicReference<Throwable> ended = new AtomicReference<>();
        private volatile boolean held;

        private Runner(Runnable action) {
            thread = Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        while (held) {
                            Thread.onSpinWait();
                        }
                        action.run();
                    }
                } catch (Throwable t) {
                    ended.set(t);
                }
            });
        }

        static Runner start(Runnable action) {
            return new Runner(action);
        }

        /** Keeps the runner from starting another call. */
        void hold() {
            held = true;
        }

        boolean isHeld() {
            return held;
        }

        /** Lets the runner call again. */
        void release() {
            held = false;
        }

        void failIfFailed() {
            Throwable t = ended.get();
            if (t != null && !(t instanceof IllegalStateException)) {
                throw new AssertionError("the runner failed with something else than IllegalStateException", t);
            }
        }

        void awaitIllegalState() throws InterruptedException {
            thread.join(60_000);
            if (thread.isAlive()) {
                throw new AssertionError("the runner did not stop after the close");
            }
            Throwable t = ended.get();
            if (!(t instanceof IllegalStateException)) {
                throw new AssertionError("expected IllegalStateException after the close, got " + t, t);
            }
        }
    }
}
