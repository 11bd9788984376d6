package dev.jdnn.onednn;

import dev.jdnn.BackendConfig;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OpenMpThreadsTest {

    @Test
    void eachJavaThreadRunningAPlanSeesTheConfiguredOpenMpThreadCount() throws Exception {
        OneDnnBackendProvider provider = new OneDnnBackendProvider();
        try (OneDnnBackend one = (OneDnnBackend) provider.create(new BackendConfig(1));
             OneDnnBackend two = (OneDnnBackend) provider.create(new BackendConfig(2))) {
            AtomicInteger seenByFirst = new AtomicInteger();
            AtomicInteger seenBySecond = new AtomicInteger();
            Thread first = new Thread(() -> seenByFirst.set(runPlanAndReadThreads(one)));
            Thread second = new Thread(() -> seenBySecond.set(runPlanAndReadThreads(two)));
            first.start();
            second.start();
            first.join();
            second.join();
            assertThat(seenByFirst.get()).isEqualTo(1);
            assertThat(seenBySecond.get()).isEqualTo(2);
        }
    }

    @Test
    void switchingBackendsOnOneThreadReappliesTheCount() {
        OneDnnBackendProvider provider = new OneDnnBackendProvider();
        try (OneDnnBackend one = (OneDnnBackend) provider.create(new BackendConfig(1));
             OneDnnBackend three = (OneDnnBackend) provider.create(new BackendConfig(3))) {
            assertThat(runPlanAndReadThreads(three)).isEqualTo(3);
            assertThat(runPlanAndReadThreads(one)).isEqualTo(1);
        }
    }

    private static int runPlanAndReadThreads(OneDnnBackend backend) {
        Conv2d op = Conv2d.of(2, 3, 3).padding(1);
        Shape input = Shape.nchw(1, 2, 6, 6);
        try (Conv2dPlan plan = backend.plan(op, input);
             Tensor x = Tensor.allocate(input);
             Tensor w = Tensor.allocate(op.weightShape());
             Tensor b = Tensor.allocate(op.biasShape());
             Tensor y = Tensor.allocate(plan.outputShape())) {
            plan.forward(x, w, b, y);
            return backend.openMpThreadsOfCurrentThread();
        }
    }
}
