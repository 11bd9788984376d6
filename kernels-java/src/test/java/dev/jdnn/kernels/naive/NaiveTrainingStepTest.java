package dev.jdnn.kernels.naive;

import dev.jdnn.testkit.TrainingStepContractTest;

/** The testkit's training-step contract (dropout, add, SGD, Adagrad, Adam) on backend {@code naive}. */
class NaiveTrainingStepTest extends TrainingStepContractTest {
    @Override
    protected String backendName() {
        return "naive";
    }
}
