package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.TrainingStepContractTest;

/** The testkit's training-step contract (dropout, add, SGD, Adagrad, Adam) on backend {@code vector}. */
class VectorTrainingStepTest extends TrainingStepContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }
}
