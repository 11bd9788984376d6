package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TrainCommandTest {
    @Test
    void epochLineHasTheFormatScriptsRead() {
        Trainer.EpochResult r = new Trainer.EpochResult(0.5123, 0.8130, 2.1, 60_000, 938);
        assertThat(TrainCommand.epochLine(1, 3, r, 0.84951))
                .isEqualTo("epoch 1/3: train loss 0.512, train accuracy 81.30%, test accuracy 84.95%, 2.1 s (28,600 images/s)");
    }

    @Test
    void imagesPerSecondAreRoundedToHundredsOrTens() {
        assertThat(TrainCommand.imagesPerSecond(28_449)).isEqualTo("28,400");
        assertThat(TrainCommand.imagesPerSecond(187.4)).isEqualTo("190");
    }

    @Test
    void epochLineNamesTheHeldOutSetWhenItIsEvaluated() {
        Trainer.EpochResult r = new Trainer.EpochResult(0.5123, 0.8130, 2.1, 50_000, 782);
        assertThat(TrainCommand.epochLine(3, 3, r, "hold-out", 0.9012))
                .isEqualTo("epoch 3/3: train loss 0.512, train accuracy 81.30%, hold-out accuracy 90.12%, 2.1 s (23,800 images/s)");
    }

    @Test
    void scheduleCountsTheLastPartialBatchAsAStep() {
        TrainCommand command = parsed("--epochs", "3", "--batch", "64", "--schedule", "cosine");
        LearningRateSchedule rates = command.schedule(0.01f, 60_000);
        assertThat(rates).isEqualTo(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.01f, 3, 938));
        assertThat(parsed().schedule(0.01f, 100).kind()).isEqualTo(LearningRateSchedule.Kind.COSINE);
        assertThat(parsed("--schedule", "cosine-epoch").schedule(0.01f, 100).rate(1, 0))
                .isEqualTo(0.0075f, org.assertj.core.data.Offset.offset(1e-9f));
        assertThat(parsed("--schedule", "constant").schedule(0.01f, 100).rate(0, 1)).isEqualTo(0.01f);
    }

    @Test
    void batchNormModelTrainsWithTheLargerAdamRateUnlessTheRateIsGiven() {
        try (Optimizer adam = Adam.withDefaults(); Optimizer sgd = new Sgd(0.9f)) {
            assertThat(parsed("--model", "lenet-bn").learningRate(adam)).isEqualTo(0.004f);
            assertThat(parsed("--model", "lenet5").learningRate(adam)).isEqualTo(0.002f);
            assertThat(parsed("--model", "cifarnet").learningRate(adam)).isEqualTo(0.002f);
            assertThat(parsed("--model", "lenet-bn", "--optimizer", "sgd").learningRate(sgd)).isEqualTo(0.01f);
            assertThat(parsed("--model", "lenet-bn", "--lr", "0.001").learningRate(adam)).isEqualTo(0.001f);
        }
    }

    @Test
    void unknownBackendListsTheAvailableOnesWithExitCodeTwo() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = TrainCommand.commandLine();
        line.setErr(new java.io.PrintWriter(err, true));
        assertThat(line.execute("--backend", "nosuch", "--data", "/nonexistent")).isEqualTo(2);
        assertThat(err.toString()).contains("jdnn train: --backend: no backend named 'nosuch'; available: ")
                .contains("naive").contains("vector").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsExitWithTwoAndNoStackTrace() {
        for (String[] args : new String[][] {{"--epochs", "0"}, {"--bogus"}, {"--batch", "x"}, {"--model", "vgg"}}) {
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine line = TrainCommand.commandLine();
            line.setErr(new java.io.PrintWriter(err, true));
            line.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertThat(line.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).doesNotContain("\tat ");
        }
    }

    @Test
    void progressWithoutATerminalIsOneLinePerTenth() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        LineProgress progress = new LineProgress(new java.io.PrintStream(bytes, true), "epoch 1/1", 1000);
        for (int images = 64; images < 1000; images += 64) {
            progress.batchDone(images, 0.5, 0.8);
        }
        progress.batchDone(1000, 0.4, 0.9);
        java.util.List<String> lines = bytes.toString().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.getFirst()).startsWith("epoch 1/1:  12% (128/1,000 images), loss 0.500, accuracy 80.0%");
        assertThat(lines.getLast()).startsWith("epoch 1/1: 100% (1,000/1,000 images), loss 0.400, accuracy 90.0%");
        assertThat(bytes.toString()).doesNotContain("\r");
    }

    @Test
    void trainingFlagsBuildTheOptimiserAndTheModelOptions() {
        TrainCommand command = parsed("--optimizer", "sgd", "--momentum", "0.5", "--weight-decay", "1e-4", "--init",
                "xavier", "--dropout", "0.25", "--seed", "9");
        try (Optimizer optimizer = command.optimizer()) {
            assertThat(optimizer).isInstanceOf(Sgd.class);
            assertThat(optimizer.describe()).isEqualTo("SGD (momentum 0.5)");
        }
        assertThat(command.modelOptions(dev.jdnn.Layout.NCHW)).isEqualTo(new ModelOptions(9, WeightInit.XAVIER, 0.25f, 1e-4f, dev.jdnn.Layout.NCHW));
        try (Optimizer adagrad = parsed("--optimizer", "adagrad").optimizer();
                Optimizer adam = parsed().optimizer()) {
            assertThat(adagrad).isInstanceOf(AdaGrad.class);
            assertThat(adam).isInstanceOf(Adam.class);
            assertThat(adam.defaultLearningRate()).isEqualTo(0.002f);
        }
        assertThat(parsed("--init", "truncated-normal").modelOptions(dev.jdnn.Layout.NCHW).init()).isEqualTo(WeightInit.TRUNCATED_NORMAL);
        assertThat(parsed().modelOptions(dev.jdnn.Layout.NCHW)).isEqualTo(ModelOptions.defaults(1));
    }

    @Test
    void badTrainingFlagsNameTheFlagTheExpectedAndTheGivenValue() {
        String[][] cases = {
                {"--optimizer", "rmsprop", "--optimizer: expected sgd, adagrad or adam, got 'rmsprop'"},
                {"--dropout", "1", "--dropout: expected a probability in [0, 1), got 1.0"},
                {"--dropout", "-0.1", "--dropout: expected a probability in [0, 1), got -0.1"},
                {"--init", "lecun", "--init: expected he, xavier or truncated-normal, got 'lecun'"},
                {"--momentum", "-1", "--momentum: expected a finite value >= 0, got -1.0"},
                {"--weight-decay", "-1", "--weight-decay: expected a finite value >= 0, got -1.0"},
                {"--lr", "NaN", "--lr: expected a finite value >= 0, got NaN"},
                {"--warm-up", "-1", "--warm-up: expected a number of images >= 0, got -1"},
                {"--layout", "nchw16c", "--layout: expected nchw or nhwc, got 'nchw16c'"},
                {"--schedule", "step", "--schedule: expected constant, cosine or cosine-epoch, got 'step'"},
                {"--hold-out", "0", "--hold-out: expected a positive number of images, got 0"}};
        for (String[] c : cases) {
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine line = TrainCommand.commandLine();
            line.setErr(new java.io.PrintWriter(err, true));
            line.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertThat(line.execute(c[0], c[1], "--data", "/nonexistent")).as(c[0]).isEqualTo(2);
            assertThat(err.toString()).as(c[0]).contains(c[2]).doesNotContain("\tat ");
        }
    }

    @Test
    void defaultLayoutIsTheOneMeasuredFasterForTheBackendAndModel() {
        assertThat(parsed("--model", "cifarnet").layoutFor("vector")).isEqualTo(dev.jdnn.Layout.NHWC);
        assertThat(parsed("--model", "lenet5").layoutFor("vector")).isEqualTo(dev.jdnn.Layout.NCHW);
        assertThat(parsed("--model", "cifarnet").layoutFor("onednn")).isEqualTo(dev.jdnn.Layout.NHWC);
        assertThat(parsed("--model", "lenet-bn").layoutFor("onednn")).isEqualTo(dev.jdnn.Layout.NHWC);
        assertThat(parsed("--model", "lenet-bn").layoutFor("naive")).isEqualTo(dev.jdnn.Layout.NCHW);
        assertThat(parsed("--model", "cifarnet", "--layout", "nchw").layoutFor("vector")).isEqualTo(dev.jdnn.Layout.NCHW);
        assertThat(parsed("--layout", "NHWC").layoutFor("naive")).isEqualTo(dev.jdnn.Layout.NHWC);
    }

    private static TrainCommand parsed(String... args) {
        TrainCommand command = new TrainCommand();
        new picocli.CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void sameSeedGivesTheSameTraining() {
        float[] first = trainedWeights(5);
        assertThat(trainedWeights(5)).isEqualTo(first);
        assertThat(trainedWeights(6)).isNotEqualTo(first);
    }

    /** fc3's weights after a few Adam steps on random images, from {@code seed}. */
    private static float[] trainedWeights(long seed) {
        Random random = new Random(42);
        byte[] pixels = new byte[48 * 28 * 28];
        random.nextBytes(pixels);
        int[] labels = random.ints(48, 0, 10).toArray();
        Dataset data = new Dataset("random", 48, 28, 28, pixels, labels);
        try (Backend backend = Backends.open("naive", new BackendConfig(1));
                Model model = LeNet5.create(seed);
                Trainer trainer = new Trainer(backend, model, Adam.withDefaults(), 16, seed)) {
            trainer.trainEpoch(data, 0.001f, null);
            return model.parameters().get(8).value().toArray();
        }
    }

    @Test
    void trainerAsksTheRateOfEveryStepInOrder() {
        Random random = new Random(3);
        byte[] pixels = new byte[40 * 28 * 28];
        random.nextBytes(pixels);
        Dataset data = new Dataset("random", 40, 28, 28, pixels, random.ints(40, 0, 10).toArray());
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        try (Backend backend = Backends.open("naive", new BackendConfig(1));
                Model model = LeNet5.create(1);
                Trainer trainer = new Trainer(backend, model, Adam.withDefaults(), 16, 1)) {
            trainer.trainEpoch(data, step -> {
                asked.add(step);
                return 0.001f;
            }, null);
            trainer.trainEpoch(data, step -> {
                asked.add(step);
                return 0.001f;
            }, null);
        }
        assertThat(asked).containsExactly(0, 1, 2, 0, 1, 2);
    }
}
