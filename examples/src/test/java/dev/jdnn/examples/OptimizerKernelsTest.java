package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The trainer's optimisers run on the backend's update kernels: a recording proxy around naive
 * sees one call of the chosen kernel per parameter and step, with the parameter's own weight
 * decay, and no other update kernel; the weights move as the kernel's formula says.
 */
class OptimizerKernelsTest {
    /** A call the proxy saw: the method's name and its arguments. */
    record Call(String method, Object[] args) {
    }

    static Backend recording(Backend target, List<Call> calls) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    calls.add(new Call(method.getName(), args));
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Dataset randomImages(int count) {
        Random random = new Random(11);
        byte[] pixels = new byte[count * 28 * 28];
        random.nextBytes(pixels);
        return new Dataset("random", count, 28, 28, pixels, random.ints(count, 0, 10).toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adagrad", "adam"})
    void eachStepCallsTheChosenKernelOncePerParameter(String name) {
        TrainCommand command = new TrainCommand();
        command.optimizer = name;
        List<Call> calls = new ArrayList<>();
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
                Model model = LeNet5.create(ModelOptions.defaults(2));
                Optimizer optimizer = command.optimizer();
                Trainer trainer = new Trainer(recording(naive, calls), model, optimizer, 8, 2)) {
            trainer.trainEpoch(randomImages(16), 0.01f, null);
        }
        String kernel = switch (name) {
            case "sgd" -> "sgdUpdate";
            case "adagrad" -> "adaGradUpdate";
            default -> "adamUpdate";
        };
        List<String> updates = calls.stream().map(Call::method).filter(m -> m.endsWith("Update")).toList();
        assertThat(updates).hasSize(2 * 10).containsOnly(kernel);
        if (name.equals("adam")) {
            // the step number counts from 1, the same for every parameter of a step
            List<Object> steps = calls.stream().filter(c -> c.method().equals("adamUpdate")).map(c -> c.args()[4])
                    .toList();
            assertThat(steps.subList(0, 10)).containsOnly(1);
            assertThat(steps.subList(10, 20)).containsOnly(2);
        }
    }

    @Test
    void sgdWithoutMomentumKeepsNoVelocityAndMovesTheWeightsByTheGradient() {
        List<Call> calls = new ArrayList<>();
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
                Model model = LeNet5.create(ModelOptions.defaults(4));
                Optimizer sgd = new Sgd(0);
                Trainer trainer = new Trainer(recording(naive, calls), model, sgd, 16, 4)) {
            Parameter fc3 = model.parameters().get(8);
            float[] before = fc3.value().toArray();
            trainer.trainEpoch(randomImages(16), 0.5f, null);
            float[] after = fc3.value().toArray();
            float[] gradient = fc3.gradient().toArray();
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).isCloseTo(before[i] - 0.5f * gradient[i], within(1e-6f));
            }
        }
        assertThat(calls.stream().filter(c -> c.method().equals("sgdUpdate")).map(c -> c.args()[2])).containsOnlyNulls();
    }

    @Test
    void weightDecayGivenOnTheCommandLineReachesTheKernelForEveryParameter() {
        TrainCommand command = new TrainCommand();
        command.optimizer = "sgd";
        command.weightDecay = 1e-3f;
        List<Call> calls = new ArrayList<>();
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
                Model model = LeNet5.create(command.modelOptions(dev.jdnn.Layout.NCHW));
                Optimizer optimizer = command.optimizer();
                Trainer trainer = new Trainer(recording(naive, calls), model, optimizer, 8, 2)) {
            trainer.trainEpoch(randomImages(8), 0.01f, null);
        }
        assertThat(calls.stream().filter(c -> c.method().equals("sgdUpdate")).map(c -> c.args()[5]))
                .hasSize(10).containsOnly(1e-3f);
    }
}
