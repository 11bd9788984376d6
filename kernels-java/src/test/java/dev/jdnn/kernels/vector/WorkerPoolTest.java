package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The worker pool runs every share exactly once and never strands a caller when it is closed
 * underneath a running call (issue 12 item 1: before, the caller parked forever in round 1 of 20).
 * Runs that hang are caught by a join with a deadline on a daemon thread, so a regression fails the
 * test instead of hanging the build.
 */
class WorkerPoolTest {
    private static final long DEADLINE_MILLIS = 10_000;

    @Test
    void runsEveryShareExactlyOnce() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int round = 0; round < 1_000; round++) {
                AtomicReferenceArray<Integer> seen = new AtomicReferenceArray<>(3);
                AtomicInteger calls = new AtomicInteger();
                pool.run((worker, workers) -> {
                    assertThat(workers).isEqualTo(3);
                    seen.set(worker, worker);
                    calls.incrementAndGet();
                });
                assertThat(calls.get()).isEqualTo(3);
                for (int i = 0; i < 3; i++) {
                    assertThat(seen.get(i)).isEqualTo(i);
                }
            }
        }
    }

    @Test
    void runsEveryChunkExactlyOnceOnSomeMember() {
        try (WorkerPool pool = new WorkerPool(3)) {
            for (int chunks : new int[] {1, 2, 3, 7, 16}) {
                for (int round = 0; round < 300; round++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                    AtomicInteger badArguments = new AtomicInteger();
                    int expected = chunks;
                    pool.run((member, chunk, count) -> {
                        if (member < 0 || member >= 3 || count != expected) {
                            badArguments.incrementAndGet();
                        }
                        runs.incrementAndGet(chunk);
                    }, chunks);
                    assertThat(badArguments.get()).as("%d chunks, round %d", chunks, round).isZero();
                    for (int c = 0; c < chunks; c++) {
                        assertThat(runs.get(c)).as("chunk %d of %d, round %d", c, chunks, round).isEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void chunkedAndSharedRunsInterleaveWithoutLosingWork() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicLong done = new AtomicLong();
            for (int round = 0; round < 2_000; round++) {
                pool.run((member, chunk, count) -> done.addAndGet(chunk + 1), 5);
                pool.run((worker, workers) -> done.addAndGet(100));
            }
            assertThat(done.get()).isEqualTo(2_000L * (15 + 200));
        }
    }

    @Test
    void chunkCountsAreValidatedAndSizedToTheTeam() {
        try (WorkerPool one = new WorkerPool(1); WorkerPool two = new WorkerPool(2)) {
            assertThatThrownBy(() -> two.run((member, chunk, count) -> { }, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
            assertThat(one.chunksFor(64)).isEqualTo(1);
            assertThat(two.chunksFor(64)).isEqualTo(2 * WorkerPool.CHUNKS_PER_MEMBER);
            assertThat(two.chunksFor(3)).isEqualTo(3);
            assertThat(two.chunksFor(0)).isEqualTo(1);
        }
    }

    @Test
    void rethrowsAFailingChunkOnTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.run((member, chunk, count) -> {
                if (chunk == 5) {
                    throw new IllegalArgumentException("chunk 5 failed");
                }
            }, 8)).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 5 failed");
        }
    }

    @Test
    void closeDuringChunkedRunsNeverStrandsTheRunningThread() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(13);
        for (int round = 0; round < 200; round++) {
            WorkerPool pool = new WorkerPool(2);
            AtomicLong work = new AtomicLong();
            Thread runner = runUntilFailure(() -> pool.run((member, chunk, count) -> {
                for (int i = 0; i < 50; i++) {
                    work.incrementAndGet();
                }
            }, 8));
            LockSupport.parkNanos(random.nextInt(200_000));
            pool.close();
            assertEnds(runner, "round " + round);
        }
    }

    @Test
    void rethrowsAWorkersFailureOnTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.run((worker, workers) -> {
                if (worker == 1) {
                    throw new IllegalArgumentException("share 1 failed");
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("share 1 failed");
        }
    }

    @Test
    void runAfterCloseThrowsIllegalState() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertTimeoutPreemptively(Duration.ofMillis(DEADLINE_MILLIS), () ->
                assertThatThrownBy(() -> pool.run((worker, workers) -> { }))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed"));
    }

    @Test
    void closeDuringRunsNeverStrandsTheRunningThread() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(12);
        for (int round = 0; round < 200; round++) {
            WorkerPool pool = new WorkerPool(2);
            AtomicLong work = new AtomicLong();
            Thread runner = runUntilFailure(() -> pool.run((worker, workers) -> {
                for (int i = 0; i < 200; i++) {
                    work.incrementAndGet();
                }
            }));
            LockSupport.parkNanos(random.nextInt(200_000));
            pool.close();
            assertEnds(runner, "round " + round);
        }
    }

    @Test
    void closingTheBackendWhileAPlanRunsEndsThePlanWithIllegalStateOrCompletes() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(20);
        Shape shape = Shape.of(2, 8, 32, 32);
        for (int round = 0; round < 20; round++) {
            Backend backend = Backends.open("vector", new BackendConfig(2));
            try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), shape);
                    Tensor x = Tensor.allocate(shape);
                    Tensor y = Tensor.allocate(plan.outputShape())) {
                AtomicReference<RuntimeException> failure = new AtomicReference<>();
                Thread runner = runUntilFailure(() -> {
                    try {
                        plan.forward(x, y);
                    } catch (RuntimeException e) {
                        failure.set(e);
                        throw e;
                    }
                });
                LockSupport.parkNanos(random.nextInt(2_000_000));
                closeOnceNoCallRuns(backend);
                assertEnds(runner, "round " + round);
                assertThat(failure.get()).as("round %d", round).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    /**
     * The api refuses {@code close()} while one of the backend's calls runs; the caller retries
     * until it lands between two calls, and the runner's next call must then fail, never hang.
     */
    private static void closeOnceNoCallRuns(Backend backend) {
        while (true) {
            try {
                backend.close();
                return;
            } catch (IllegalStateException refusedWhileRunning) {
                Thread.onSpinWait();
            }
        }
    }

    /** A daemon thread running {@code call} until it throws. */
    private static Thread runUntilFailure(Runnable call) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    call.run();
                }
            } catch (RuntimeException expected) {
                // The pool or backend was closed: the end this test waits for.
            }
        }, "worker-pool-test-runner");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void assertEnds(Thread runner, String round) throws InterruptedException {
        runner.join(DEADLINE_MILLIS);
        assertThat(runner.isAlive()).as("%s: the running thread still waits %d ms after close (state %s)", round,
                DEADLINE_MILLIS, runner.getState()).isFalse();
    }
}
