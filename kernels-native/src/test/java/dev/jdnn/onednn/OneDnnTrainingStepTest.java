package dev.jdnn.onednn;

import dev.jdnn.testkit.TrainingStepContractTest;

/** The testkit's training-step contract (dropout, add, SGD, Adagrad, Adam) on backend {@code onednn}. */
class OneDnnTrainingStepTest extends TrainingStepContractTest {
    @Override
    protected String backendName() {
        return "onednn";
    }
}
