package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * A plan is used by one thread at a time: a second thread entering a running plan, or closing it,
 * is refused before it reaches the engine, and the plan stays whole. The engine here parks inside
 * its call until released, so every interleaving below is forced, not hoped for.
 */
class ValidatingPlanGuardTest {
    private final ParkingEngine engine = new ParkingEngine();
    private final Backend backend = new ValidatingBackend(engine);

    @Test
    void aSecondThreadIsRefusedWhileTheFirstRunsAConvPlanNamingThePlan() throws Exception {
        Conv2d op = Conv2d.of(2, 3, 3).padding(1);
        Shape input = Shape.nchw(1, 2, 4, 4);
        try (Conv2dPlan plan = backend.plan(op, input);
             Tensor x = Tensor.allocate(input);
             Tensor w = Tensor.allocate(op.weightShape());
             Tensor b = Tensor.allocate(op.biasShape());
             Tensor y = Tensor.allocate(plan.outputShape());
             Tensor dy = Tensor.allocate(plan.outputShape());
             Tensor dx = Tensor.allocate(input)) {
            Thread first = runParked(() -> plan.forward(x, w, b, y));
            assertThatThrownBy(() -> plan.backwardData(dy, w, dx)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("conv2d backwardData").hasMessageContaining("[1, 2, 4, 4] -> [1, 3, 4, 4]")
                    .hasMessageContaining("Conv2d[").hasMessageContaining("another thread");
            assertThat(engine.calls.get()).as("engine calls: only the parked forward").isEqualTo(1);
            release(first);
            plan.backwardData(dy, w, dx);
            assertThat(engine.calls.get()).isEqualTo(2);
        }
    }

    @Test
    void closeWhileAnotherThreadRunsThePlanThrowsAndLeavesItUsable() throws Exception {
        Pool2d op = Pool2d.max(2, 2);
        Shape input = Shape.nchw(1, 1, 4, 4);
        Pool2dPlan plan = backend.plan(op, input);
        try (Tensor x = Tensor.allocate(input); Tensor y = Tensor.allocate(plan.outputShape())) {
            Thread first = runParked(() -> plan.forward(x, y));
            assertThatThrownBy(plan::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pool2d plan [1, 1, 4, 4] -> [1, 1, 2, 2]").hasMessageContaining("in progress")
                    .hasMessageContaining("stays open");
            assertThat(engine.closedPlans.get()).isZero();
            release(first);
            plan.forward(x, y);
            assertThat(engine.calls.get()).isEqualTo(2);
            plan.close();
            assertThat(engine.closedPlans.get()).isEqualTo(1);
            plan.close();
            assertThat(engine.closedPlans.get()).as("closed exactly once").isEqualTo(1);
            assertThatThrownBy(() -> plan.forward(x, y)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pool2d forward").hasMessageContaining("closed");
        }
    }

    @Test
    void aDensePlanRefusesASecondThreadAndAFailedCallReleasesTheGuard() throws Exception {
        Dense op = Dense.of(3, 2);
        try (DensePlan plan = backend.plan(op, Shape.of(4, 3));
             Tensor x = Tensor.allocate(Shape.of(4, 3));
             Tensor w = Tensor.allocate(op.weightShape());
             Tensor b = Tensor.allocate(op.biasShape());
             Tensor y = Tensor.allocate(Shape.of(4, 2));
             Tensor wrong = Tensor.allocate(Shape.of(5, 2))) {
            assertThatThrownBy(() -> plan.forward(x, w, b, wrong)).isInstanceOf(IllegalArgumentException.class);
            Thread first = runParked(() -> plan.forward(x, w, b, y));
            assertThatThrownBy(() -> plan.forward(x, w, b, y)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dense forward").hasMessageContaining("dense plan [4, 3] -> [4, 2]");
            release(first);
            try (Tensor dw = Tensor.allocate(op.weightShape()); Tensor db = Tensor.allocate(op.biasShape())) {
                plan.backwardWeights(x, y, dw, db);
            }
            assertThat(engine.calls.get()).isEqualTo(2);
        }
    }

    @Test
    void anEngineExceptionReleasesTheGuard() {
        Pool2dPlan plan = backend.plan(Pool2d.avg(2, 2), Shape.nchw(1, 1, 2, 2));
        try (Tensor x = Tensor.allocate(Shape.nchw(1, 1, 2, 2)); Tensor y = Tensor.allocate(Shape.nchw(1, 1, 1, 1))) {
            engine.failNext = true;
            assertThatThrownBy(() -> plan.forward(x, y)).isInstanceOf(ArithmeticException.class);
            plan.forward(x, y);
            plan.close();
            assertThat(engine.closedPlans.get()).isEqualTo(1);
        }
    }

    @Test
    void closingTheBackendWhileAPlanRunsIsRefusedAndLeavesBothUsable() throws Exception {
        Pool2d op = Pool2d.max(2, 2);
        Shape input = Shape.nchw(1, 1, 4, 4);
        Pool2dPlan plan = backend.plan(op, input);
        try (Tensor x = Tensor.allocate(input); Tensor y = Tensor.allocate(plan.outputShape())) {
            Thread first = runParked(() -> plan.forward(x, y));
            assertThatThrownBy(backend::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close: backend parking").hasMessageContaining("1 call in progress")
                    .hasMessageContaining("stays open");
            release(first);
            plan.forward(x, y);
            backend.close();
            assertThatThrownBy(() -> plan.forward(x, y)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pool2d forward").hasMessageContaining("closed");
            plan.close();
            assertThat(engine.calls.get()).isEqualTo(2);
            assertThat(engine.closedPlans.get()).isEqualTo(1);
        }
    }

    @Test
    void closingTheBackendDuringOneOfItsOwnOpsIsRefused() throws Exception {
        try (Tensor x = Tensor.allocate(Shape.of(2, 3)); Tensor y = Tensor.allocate(Shape.of(2, 3))) {
            Thread first = runParked(() -> backend.activation(Activation.RELU, x, y));
            assertThatThrownBy(backend::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in progress");
            release(first);
            backend.close();
            assertThatThrownBy(() -> backend.activation(Activation.RELU, x, y))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("activation")
                    .hasMessageContaining("closed");
        }
    }

    /** What the parked call threw, if anything: {@link #release} asserts it threw nothing. */
    private final AtomicReference<Throwable> parkedFailure = new AtomicReference<>();

    /** Starts {@code call} on a new thread and returns once the engine holds it parked. */
    private Thread runParked(Runnable call) throws InterruptedException {
        engine.park = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        engine.entered = entered;
        parkedFailure.set(null);
        Thread t = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable e) {
                parkedFailure.set(e);
            }
        });
        t.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the first call reached the engine").isTrue();
        return t;
    }

    private void release(Thread first) throws InterruptedException {
        CountDownLatch park = engine.park;
        engine.park = null;
        park.countDown();
        first.join(10_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(parkedFailure.get()).as("what the parked call threw").isNull();
    }
}
