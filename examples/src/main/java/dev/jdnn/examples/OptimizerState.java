package dev.jdnn.examples;

import dev.jdnn.Tensor;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An optimiser's per-parameter state: {@code count} zeroed native tensors of the parameter's
 * shape (velocity; sum of squares; first and second moments), made the first time a parameter is
 * stepped and kept until {@link #close()}.
 */
final class OptimizerState implements AutoCloseable {
    private final int count;
    private final Map<Parameter, Tensor[]> state = new IdentityHashMap<>();

    OptimizerState(int count) {
        this.count = count;
    }

    /** The state tensors of {@code p}, zero before its first step. */
    Tensor[] of(Parameter p) {
        Tensor[] tensors = state.get(p);
        if (tensors == null) {
            tensors = new Tensor[count];
            for (int i = 0; i < count; i++) {
                tensors[i] = Tensor.allocate(p.value().shape());
            }
            state.put(p, tensors);
        }
        return tensors;
    }

    @Override
    public void close() {
        for (Tensor[] tensors : state.values()) {
            for (Tensor t : tensors) {
                t.close();
            }
        }
        state.clear();
    }
}
