package dev.jdnn.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fashion-MNIST training (60,000) and test (10,000) sets of 28x28 grey images in 10 classes,
 * read from the four gzip'd IDX files as the Fashion-MNIST project and Debian's
 * {@code dataset-fashion-mnist} package distribute them.
 */
public record FashionMnist(Dataset train, Dataset test) {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** The ten class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    /** Thrown when the files are not there; the message says how to get them. */
    public static final class MissingDataException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingDataException(String message) {
            super(message);
        }
    }

    /** Whether all four files exist in {@code directory}. */
    public static boolean isPresent(Path directory) {
        return missingFiles(directory).isEmpty();
    }

    /**
     * Reads the four files from {@code directory}.
     *
     * @throws MissingDataException when any file is missing
     * @throws IllegalArgumentException when a file is malformed or images and labels disagree
     */
    public static FashionMnist load(Path directory) {
        List<Path> missing = missingFiles(directory);
        if (!missing.isEmpty()) {
            throw new MissingDataException("Fashion-MNIST not found: missing " + missing + ".\n"
                    + "  Get it with 'sudo apt-get install dataset-fashion-mnist' (installs into " + DEFAULT_DIRECTORY
                    + "),\n  or download the four IDX files (" + TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES
                    + ", " + TEST_LABELS + ")\n  from the Fashion-MNIST project (https://github.com/zalandoresearch/fashion-mnist)"
                    + " into a directory and pass it with --data DIR.");
        }
        return new FashionMnist(read("training set", directory, TRAIN_IMAGES, TRAIN_LABELS),
                read("test set", directory, TEST_IMAGES, TEST_LABELS));
    }

    private static List<Path> missingFiles(Path directory) {
        List<Path> missing = new ArrayList<>();
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                missing.add(file);
            }
        }
        return missing;
    }

    private static Dataset read(String name, Path directory, String imagesFile, String labelsFile) {
        IdxReader.Images images = IdxReader.readImages(directory.resolve(imagesFile));
        int[] labels = IdxReader.readLabels(directory.resolve(labelsFile));
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(name + ": " + directory.resolve(labelsFile) + " holds " + labels.length
                    + " labels, expected one per image of " + directory.resolve(imagesFile) + " (" + images.count() + ")");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= CLASSES.size()) {
                throw new IllegalArgumentException(name + ": " + directory.resolve(labelsFile) + ": label " + i
                        + ": expected 0.." + (CLASSES.size() - 1) + ", got " + labels[i]);
            }
        }
        return new Dataset(name, images.count(), images.rows(), images.cols(), images.pixels(), labels);
    }
}
