package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.BackendUnavailableException;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ./jdnn train}: trains LeNet-5 (or another of {@link Models}) on Fashion-MNIST with one
 * backend, its optimiser running on the backend's update kernels, printing a progress bar
 * per epoch and then one plain line per epoch that scripts read
 * ({@code epoch 1/3: train loss 0.512, train accuracy 81.30%, test accuracy 84.95%, 2.1 s (28,400 images/s)}),
 * the seconds being training time only; data loading and evaluation are reported in the summary.
 */
@Command(name = "jdnn train", sortOptions = false, description = {
        "Trains LeNet-5 (with or without batch norm) or the seed's CIFAR-10 model on Fashion-MNIST with one jdnn",
        "backend and reports loss, accuracy and speed.",
        "The training seconds exclude reading the data and evaluating on the test set (reported apart)."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--backend", paramLabel = "NAME", description = "naive, vector or onednn (default: the best available)")
    String backend;

    @Option(names = "--model", paramLabel = "NAME", description = "lenet5; lenet-bn (LeNet-5 with batch norm after each "
            + "conv); cifarnet (the seed's CIFAR-10 model for 28x28: conv 5x5 64, max-pool 3/2, LRN, conv 5x5 64, LRN, "
            + "max-pool 2/2, dense 256, dense 10; L2 0.004 on the dense 256) (default: ${DEFAULT-VALUE})")
    String model = LeNet5.NAME;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training set (default: ${DEFAULT-VALUE})")
    int epochs = 3;

    @Option(names = "--batch", paramLabel = "B", description = "images per step (default: ${DEFAULT-VALUE})")
    int batch = 64;

    @Option(names = "--threads", paramLabel = "T", description = "threads of the backend (default: all processors)")
    Integer threads;

    @Option(names = "--limit", paramLabel = "K", description = "train on the first K training images only")
    Integer limit;

    @Option(names = "--optimizer", paramLabel = "sgd|adagrad|adam",
            description = "sgd (with --momentum), adagrad or adam, each run by the backend's update kernel "
                    + "(default: ${DEFAULT-VALUE})")
    String optimizer = "adam";

    @Option(names = "--lr", paramLabel = "X", description = "learning rate (default: 0.01 for sgd, 0.02 for adagrad, "
            + "0.002 for adam, 0.004 for adam on lenet-bn)")
    Float lr;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum, 0 for plain SGD (default: ${DEFAULT-VALUE})")
    float momentum = 0.9f;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay of every parameter, added to "
            + "the gradient as torch.optim does (default: the model's own: 0.004 on cifarnet's dense 256 weights, "
            + "else none)")
    Float weightDecay;

    @Option(names = "--init", paramLabel = "he|xavier|truncated-normal", description = "weight initialisation: he "
            + "(normal), xavier (uniform), truncated-normal (TensorFlow's, He-scaled) (default: ${DEFAULT-VALUE})")
    String init = WeightInit.HE.flag();

    @Option(names = "--layout", paramLabel = "nchw|nhwc", description = "layout of the activations (default: the "
            + "one measured faster for the backend and model: NHWC on onednn and for cifarnet on vector, else NCHW)")
    String layout;

    @Option(names = "--dropout", paramLabel = "P", description = "dropout probability before each dense layer, "
            + "in [0, 1) (default: 0, none)")
    float dropout = 0;

    @Option(names = "--schedule", paramLabel = "constant|cosine|cosine-epoch",
            description = "learning rate: constant; cosine, half a cosine from --lr towards 0 over all steps of the "
                    + "run, lower after every batch; cosine-epoch, the same over the epochs, held within each "
                    + "(lr, 0.75 lr, 0.25 lr over three) (default: ${DEFAULT-VALUE})")
    String schedule = LearningRateSchedule.Kind.COSINE.flag();

    @Option(names = "--hold-out", paramLabel = "K", description = "keep the last K training images (of --limit's, "
            + "when given) out of training and report the accuracy on them instead of on the test set, for choosing "
            + "settings without looking at the test set")
    Integer holdOut;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the initial weights and the shuffles (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--data", paramLabel = "DIR", description = "directory of the four Fashion-MNIST IDX files "
            + "(default: /usr/share/datasets/fashion-mnist, from 'apt-get install dataset-fashion-mnist')")
    Path data = FashionMnist.DEFAULT_DIRECTORY;

    @Option(names = "--warm-up", paramLabel = "IMAGES", description = "before the first epoch, train a throw-away "
            + "copy of the model on this many images, untimed, so that JIT compilation and one-off set-up are not in "
            + "the epoch time (as the PyTorch script beside it does); the images are passed over again until 300 "
            + "steps or 10 s have run, since the JIT needs that long (default: ${DEFAULT-VALUE})")
    int warmUp = 0;

    @Option(names = "--save", paramLabel = "DIR", description = "write the loss and accuracy curves to DIR/training.png")
    Path save;

    @Option(names = "--profile", description = "after training, print the time spent in each layer's forward and backward")
    boolean profile;

    @Option(names = "--no-progress", description = "no progress output (the epoch lines are still printed); "
            + "when standard output is not a terminal, progress is one line per 10%% of an epoch")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: a bad argument (an unknown or unavailable backend,
     * a value out of range) is one message and exit code 2, never a stack trace.
     */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new TrainCommand());
        line.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof BackendUnavailableException || ex instanceof IllegalArgumentException) {
                cl.getErr().println("jdnn train: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return line;
    }

    @Override
    public Integer call() throws IOException {
        validate();
        if (backend != null) {
            String problem = backendProblem(backend);
            if (problem != null) {
                err().println("jdnn train: --backend: " + problem);
                return 2;
            }
        }
        long loadStart = System.nanoTime();
        FashionMnist mnist;
        try {
            mnist = FashionMnist.load(data);
        } catch (FashionMnist.MissingDataException e) {
            err().println("jdnn train: " + e.getMessage());
            return 2;
        }
        Dataset train = limit == null ? mnist.train() : mnist.train().first(limit);
        Dataset evaluation = mnist.test();
        if (holdOut != null) {
            if (holdOut >= train.count()) {
                throw new CommandLine.ParameterException(commandLineOfThis(), "--hold-out: expected fewer images than "
                        + "the " + train.count() + " training images (1.." + (train.count() - 1) + "), got " + holdOut);
            }
            evaluation = train.last(holdOut);
            train = train.first(train.count() - holdOut);
        }
        String evaluated = holdOut == null ? "test" : "hold-out";
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        BackendConfig config = threads == null ? BackendConfig.defaults() : new BackendConfig(threads);
        TrainingHistory history = new TrainingHistory();
        Backend opened;
        try {
            opened = backend == null ? Backends.open(config) : Backends.open(backend, config);
        } catch (BackendUnavailableException e) {
            err().println("jdnn train: " + e.getMessage());
            return 2;
        }
        try (Backend b = opened;
                Model net = Models.create(model, modelOptions(layoutFor(b.name())));
                Optimizer opt = optimizer();
                Trainer trainer = new Trainer(b, net, opt, batch, seed)) {
            float baseLr = learningRate(opt);
            LearningRateSchedule rates = schedule(baseLr, train.count());
            String setup = String.format(Locale.ROOT, "%s on %s (%d thread%s), %s, lr %s%s, batch %d, seed %d, %s, init %s%s%s",
                    net.name(), b.name(), config.threads(), config.threads() == 1 ? "" : "s", opt.describe(), baseLr,
                    rates.kind() == LearningRateSchedule.Kind.CONSTANT ? "" : " " + rates.kind().flag(), batch, seed,
                    net.layout(), init,
                    weightDecay == null ? "" : ", weight decay " + weightDecay,
                    dropout == 0 ? "" : ", dropout " + dropout);
            System.out.printf(Locale.ROOT, "%s; %,d training images, %,d %s images%s (read in %.1f s)%n", setup,
                    train.count(), evaluation.count(), evaluated, holdOut == null ? ""
                            : " (the last of the training set; the test set is not used)", loadSeconds);
            if (warmUp > 0) {
                long warmUpStart = System.nanoTime();
                long warmUpSteps = warmUp(b, train.first(warmUp), baseLr, train.count() % batch);
                System.out.printf(Locale.ROOT, "warm-up on %,d images of a throw-away copy (%d steps): %.1f s (not "
                        + "counted)%n", Math.min(warmUp, train.count()), warmUpSteps,
                        (System.nanoTime() - warmUpStart) / 1e9);
            }
            for (int e = 0; e < epochs; e++) {
                Trainer.EpochResult result = trainEpoch(trainer, train, e, rates.of(e), history);
                long evalStart = System.nanoTime();
                double accuracy = trainer.evaluate(evaluation);
                double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
                history.addEpoch(new TrainingHistory.Epoch(result, accuracy, evalSeconds));
                System.out.println(epochLine(e + 1, epochs, result, evaluated, accuracy));
            }
            System.out.printf(Locale.ROOT, "summary: %s; %d epoch%s, %s accuracy %.2f%%, training %.1f s (%s images/s); "
                    + "reading data %.1f s, evaluation %.1f s%n", setup, epochs, epochs == 1 ? "" : "s", evaluated,
                    100 * history.epochs().getLast().testAccuracy(), history.trainingSeconds(),
                    imagesPerSecond(history.trainingImages() / history.trainingSeconds()), loadSeconds,
                    history.evaluationSeconds());
            if (profile) {
                System.out.printf("profile of %,d training steps (%s):%n%s", trainer.steps(), b.name(),
                        trainer.profile().table(trainer.steps()));
            }
            if (save != null) {
                Path chart = TrainingChart.write(history, net.name() + " on " + b.name(), save);
                System.out.println("chart: " + chart);
            }
        }
        return 0;
    }

    private java.io.PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
    }

    /** The command line that runs this command, so that errors go to its (possibly redirected) stream. */
    private CommandLine commandLineOfThis() {
        return spec != null ? spec.commandLine() : new CommandLine(this);
    }

    private void validate() {
        CommandLine cl = commandLineOfThis();
        if (epochs <= 0) {
            throw new CommandLine.ParameterException(cl, "--epochs: expected a positive number, got " + epochs);
        }
        if (batch <= 0) {
            throw new CommandLine.ParameterException(cl, "--batch: expected a positive number, got " + batch);
        }
        if (threads != null && threads <= 0) {
            throw new CommandLine.ParameterException(cl, "--threads: expected a positive number, got " + threads);
        }
        if (warmUp < 0) {
            throw new CommandLine.ParameterException(cl, "--warm-up: expected a number of images >= 0, got " + warmUp);
        }
        if (limit != null && limit <= 0) {
            throw new CommandLine.ParameterException(cl, "--limit: expected a positive number, got " + limit);
        }
        if (holdOut != null && holdOut <= 0) {
            throw new CommandLine.ParameterException(cl, "--hold-out: expected a positive number of images, got "
                    + holdOut);
        }
        if (!Models.names().contains(model)) {
            throw new CommandLine.ParameterException(cl, "--model: expected " + alternatives(Models.names()) + ", got '"
                    + model + "'");
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new CommandLine.ParameterException(cl, "--optimizer: expected " + alternatives(OPTIMIZERS) + ", got '"
                    + optimizer + "'");
        }
        if (!(momentum >= 0) || Float.isInfinite(momentum)) {
            throw new CommandLine.ParameterException(cl, "--momentum: expected a finite value >= 0, got " + momentum);
        }
        if (lr != null && (!(lr >= 0) || lr.isInfinite())) {
            throw new CommandLine.ParameterException(cl, "--lr: expected a finite value >= 0, got " + lr);
        }
        try {
            modelOptions(layoutFor(""));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        try {
            LearningRateSchedule.Kind.ofFlag(schedule);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /**
     * The layout that trained faster, per backend and model ({@code backend/model}), measured on
     * 2026-12-06 with 2 threads on AVX-512 (numbers in README.md, "Example: train LeNet-5"); NCHW
     * where nothing is listed. vector: LeNet-5 5.6 s per epoch in NCHW against 6.5 s in NHWC,
     * the CIFAR model 700 images/s in NHWC against 580 in NCHW; onednn: LeNet-5 3.1 s in NHWC
     * against 3.8 s, the CIFAR model 810 images/s against 330 (its NCHW plans reorder to blocked
     * layouts and run LRN in oneDNN's reference kernel). {@code lenet-bn} follows {@code lenet5}.
     */
    static final Map<String, Layout> FASTER_LAYOUT = Map.of("vector/" + CifarNet.NAME, Layout.NHWC,
            "onednn/" + LeNet5.NAME, Layout.NHWC, "onednn/" + LeNet5Bn.NAME, Layout.NHWC, "onednn/" + CifarNet.NAME,
            Layout.NHWC);

    /**
     * Training steps the warm-up runs at least (passing over its images again), unless
     * {@link #WARM_UP_SECONDS} pass first. One pass over 1,024 images (16 steps) left the JIT far
     * from done: in the timed LeNet-5 epoch after it (onednn, 2 threads, AVX-512) the first 200
     * steps took 5.6 ms each against 2.9 ms later, about 0.5 s of a 3.5 s epoch; after a 200-step
     * warm-up the first 100 took 3.4 ms. HotSpot's tier-4 compiles of the per-call paths went on
     * until about 1.5 s into that epoch.
     */
    static final int WARM_UP_STEPS = 300;

    /**
     * The warm-up's time bound for slow backends ({@code naive}), in seconds. Not lower: vector's
     * first 16 LeNet-5 steps take 4.5-5 s (interpreted and tier-3 code, 2 threads, AVX-512), so a
     * 3 s bound stopped its warm-up after one pass.
     */
    static final double WARM_UP_SECONDS = 10;

    /**
     * Default learning rates per model and optimiser ({@code model/optimizer}) where the
     * optimiser's own ({@link Optimizer#defaultLearningRate}) trains worse. lenet-bn with Adam:
     * 0.004, chosen on a 10,000-image hold-out of the training set (onednn NHWC, 2 threads,
     * 3 epochs, per-step cosine, seeds 1-3, 2026-12-06): 89.71 / 90.01 / 89.84% against
     * 89.69 / 89.40 / 89.46% at 0.002; batch norm keeps the activations' scale, so the larger
     * steps do not diverge. The table is in README.md, "Example: train LeNet-5".
     */
    static final Map<String, Float> MODEL_LEARNING_RATES = Map.of(LeNet5Bn.NAME + "/adam", 0.004f);

    /** The names {@code --optimizer} takes. */
    static final List<String> OPTIMIZERS = List.of("sgd", "adagrad", "adam");

    /**
     * The model options the flags give: seed, {@code --init}, {@code --dropout},
     * {@code --weight-decay}, with activations in {@code layout}.
     */
    ModelOptions modelOptions(Layout layout) {
        return new ModelOptions(seed, WeightInit.ofFlag(init), dropout, weightDecay, layout);
    }

    /**
     * The layout the activations get on {@code backend}: {@code --layout}, else the one measured
     * faster for that backend and the chosen model ({@link #FASTER_LAYOUT}; NCHW where none is
     * listed).
     */
    Layout layoutFor(String backend) {
        if (layout != null) {
            return switch (layout.trim().toLowerCase(Locale.ROOT)) {
                case "nchw" -> Layout.NCHW;
                case "nhwc" -> Layout.NHWC;
                default -> throw new IllegalArgumentException("--layout: expected nchw or nhwc, got '" + layout + "'");
            };
        }
        return FASTER_LAYOUT.getOrDefault(backend + "/" + model, Layout.NCHW);
    }

    /**
     * {@code --lr}, else the model's own rate for this optimiser ({@link #MODEL_LEARNING_RATES}),
     * else the optimiser's default.
     */
    float learningRate(Optimizer opt) {
        if (lr != null) {
            return lr;
        }
        return MODEL_LEARNING_RATES.getOrDefault(model + "/" + optimizer, opt.defaultLearningRate());
    }

    /** The optimiser {@code --optimizer} (and {@code --momentum}) name, with PyTorch's other defaults. */
    Optimizer optimizer() {
        return switch (optimizer) {
            case "sgd" -> new Sgd(momentum);
            case "adagrad" -> AdaGrad.withDefaults();
            case "adam" -> Adam.withDefaults();
            default -> throw new IllegalArgumentException("--optimizer: expected " + alternatives(OPTIMIZERS)
                    + ", got '" + optimizer + "'");
        };
    }

    /** {@code a, b or c}. */
    static String alternatives(List<String> names) {
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /**
     * Why {@code name} cannot be used, listing the backends that can, or null when it is
     * available.
     */
    static String backendProblem(String name) {
        List<Backends.Entry> entries = Backends.list();
        String available = entries.stream().filter(Backends.Entry::available).map(Backends.Entry::name)
                .collect(Collectors.joining(", "));
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Backends.Entry e : entries) {
            if (e.name().equals(wanted)) {
                return e.available() ? null : "backend '" + wanted + "' is not available here: " + e.reason()
                        + "; available: " + available;
            }
        }
        return "no backend named '" + name + "'; available: " + available
                + (entries.stream().anyMatch(e -> !e.available()) ? "; unavailable: " + entries.stream()
                        .filter(e -> !e.available()).map(e -> e.name() + " (" + e.reason() + ")")
                        .collect(Collectors.joining(", ")) : "");
    }

    /**
     * The rates {@code --schedule} gives from {@code base} over {@code --epochs} epochs of
     * {@code images} training images in batches of {@code --batch} (the last partial batch is a step).
     */
    LearningRateSchedule schedule(float base, int images) {
        return new LearningRateSchedule(LearningRateSchedule.Kind.ofFlag(schedule), base, epochs,
                (images + batch - 1) / batch);
    }

    private Trainer.EpochResult trainEpoch(Trainer trainer, Dataset train, int e, Trainer.StepRate epochLr,
            TrainingHistory history) {
        long start = System.nanoTime();
        int every = Math.max(1, train.count() / batch / 200);
        int[] calls = {0};
        Trainer.Progress sampler = (images, loss, accuracy) -> {
            if (++calls[0] % every == 0) {
                history.addSample(e + (double) images / train.count(), loss);
            }
        };
        if (noProgress) {
            return trainer.trainEpoch(train, epochLr, sampler);
        }
        if (!LineProgress.stdoutIsTerminal()) {
            LineProgress lines = new LineProgress(System.out, String.format(Locale.ROOT, "epoch %d/%d", e + 1, epochs),
                    train.count());
            return trainer.trainEpoch(train, epochLr, (images, loss, accuracy) -> {
                sampler.batchDone(images, loss, accuracy);
                lines.batchDone(images, loss, accuracy);
            });
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(String.format("epoch %d/%d", e + 1, epochs))
                .setInitialMax(train.count()).setStyle(ProgressBarStyle.ASCII).setUnit(" img", 1)
                .setUpdateIntervalMillis(250).setMaxRenderedLength(110).build()) {
            return trainer.trainEpoch(train, epochLr, (images, loss, accuracy) -> {
                sampler.batchDone(images, loss, accuracy);
                bar.stepTo(images);
                if (calls[0] % 10 == 0 || images == train.count()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f, acc %.1f%%, %s img/s", loss,
                            100 * accuracy, imagesPerSecond(images / seconds)));
                }
            });
        }
    }

    /**
     * Trains a throw-away model of the same architecture and options, with its own optimiser, on
     * {@code images} and evaluates it on them once: the JIT compiles the training and evaluation
     * paths and the backend does its one-off set-up before the timed epochs, which start from the
     * untouched model. The images are trained on in passes until {@link #WARM_UP_STEPS} steps ran
     * or {@link #WARM_UP_SECONDS} passed, then once as a batch of {@code lastBatch} images (the
     * size of an epoch's last, partial batch; 0 for none), so that its plans' primitives are made
     * here too. Returns the steps it took.
     */
    private long warmUp(Backend backend, Dataset images, float lr, int lastBatch) {
        long start = System.nanoTime();
        try (Model copy = Models.create(model, modelOptions(layoutFor(backend.name())));
                Optimizer opt = optimizer();
                Trainer trainer = new Trainer(backend, copy, opt, batch, seed)) {
            do {
                trainer.trainEpoch(images, lr, null);
            } while (trainer.steps() < WARM_UP_STEPS && (System.nanoTime() - start) / 1e9 < WARM_UP_SECONDS);
            if (lastBatch > 0 && lastBatch <= images.count()) {
                trainer.trainEpoch(images.first(lastBatch), lr, null);
            }
            trainer.evaluate(images);
            return trainer.steps();
        }
    }

    /** The line scripts read after each epoch, with the test set's accuracy. */
    static String epochLine(int epoch, int epochs, Trainer.EpochResult r, double testAccuracy) {
        return epochLine(epoch, epochs, r, "test", testAccuracy);
    }

    /** The line scripts read after each epoch; {@code evaluated} names the set: test or hold-out. */
    static String epochLine(int epoch, int epochs, Trainer.EpochResult r, String evaluated, double accuracy) {
        return String.format(Locale.ROOT, "epoch %d/%d: train loss %.3f, train accuracy %.2f%%, %s accuracy %.2f%%, "
                + "%.1f s (%s images/s)", epoch, epochs, r.meanLoss(), 100 * r.accuracy(), evaluated, 100 * accuracy,
                r.seconds(), imagesPerSecond(r.imagesPerSecond()));
    }

    /** Rounded to hundreds (to tens below 1,000), with thousands separators: {@code 28,400}. */
    static String imagesPerSecond(double perSecond) {
        long step = perSecond < 1000 ? 10 : 100;
        return String.format(Locale.ROOT, "%,d", Math.round(perSecond / step) * step);
    }
}
