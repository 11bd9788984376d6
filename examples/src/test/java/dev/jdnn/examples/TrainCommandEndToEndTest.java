package dev.jdnn.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./jdnn train} from its command line to its epoch line, on a tiny random data set in IDX
 * files and the naive backend: every new flag at once (batch-norm model, SGD, dropout, Xavier,
 * NHWC, a warm-up on a throw-away copy).
 */
class TrainCommandEndToEndTest {
    @TempDir
    Path dir;

    private void idx(String name, int magic, int[] dims, int count, Random random) throws IOException {
        int bytes = count;
        for (int d = 1; d < dims.length; d++) {
            bytes *= dims[d];
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + bytes);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        if (magic == 0x801) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) Math.floorMod(data[i], 10);
            }
        }
        b.put(data);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            out.write(b.array());
        }
    }

    @Test
    void trainsTheBatchNormModelWithEveryNewFlagAndPrintsTheEpochLine() throws IOException {
        tinyDataSet(5);
        String[] r = run("--backend", "naive", "--threads", "1", "--data", dir.toString(), "--model", "lenet-bn",
                "--optimizer", "sgd", "--momentum", "0.5", "--dropout", "0.2", "--init", "xavier", "--layout", "nhwc",
                "--warm-up", "32", "--batch", "16", "--epochs", "1", "--no-progress");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("LeNet-5 with batch norm on naive (1 thread), SGD (momentum 0.5), lr 0.01 cosine, batch 16, "
                + "seed 1, NHWC, init xavier, dropout 0.2", "warm-up on 32 images of a throw-away copy")
                .containsPattern("epoch 1/1: train loss \\d+\\.\\d{3}, train accuracy \\d+\\.\\d{2}%, test accuracy");
    }

    /** 64 training and 32 test images of random pixels and labels from {@code seed}. */
    private void tinyDataSet(long seed) throws IOException {
        Random random = new Random(seed);
        idx(FashionMnist.TRAIN_IMAGES, 0x803, new int[] {64, 28, 28}, 64, random);
        idx(FashionMnist.TRAIN_LABELS, 0x801, new int[] {64}, 64, random);
        idx(FashionMnist.TEST_IMAGES, 0x803, new int[] {32, 28, 28}, 32, random);
        idx(FashionMnist.TEST_LABELS, 0x801, new int[] {32}, 32, random);
    }

    /** Exit code, standard output and standard error of {@code jdnn train args}. */
    private static String[] run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            picocli.CommandLine line = TrainCommand.commandLine();
            line.setErr(new PrintWriter(err, true));
            line.setOut(new PrintWriter(new StringWriter(), true));
            code = line.execute(args);
        } finally {
            System.setOut(original);
        }
        return new String[] {Integer.toString(code), bytes.toString(StandardCharsets.UTF_8), err.toString()};
    }

    @Test
    void holdOutTrainsWithoutTheLastImagesAndReportsTheAccuracyOnThem() throws IOException {
        tinyDataSet(7);
        String[] r = run("--backend", "naive", "--threads", "1", "--data", dir.toString(), "--hold-out", "16",
                "--batch", "16", "--epochs", "1", "--no-progress");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("; 48 training images, 16 hold-out images (the last of the training set; the test "
                + "set is not used)").containsPattern("epoch 1/1: train loss \\d+\\.\\d{3}, train accuracy "
                + "\\d+\\.\\d{2}%, hold-out accuracy \\d+\\.\\d{2}%").contains(", hold-out accuracy ")
                .doesNotContain("test accuracy");
    }

    @Test
    void holdOutOfAllTheTrainingImagesNamesTheOptionTheRangeAndTheValue() throws IOException {
        tinyDataSet(7);
        String[] all = run("--backend", "naive", "--data", dir.toString(), "--hold-out", "64", "--no-progress");
        assertThat(all[0]).isEqualTo("2");
        assertThat(all[2]).contains("--hold-out: expected fewer images than the 64 training images (1..63), got 64")
                .doesNotContain("\tat ");
        String[] limited = run("--backend", "naive", "--data", dir.toString(), "--limit", "32", "--hold-out", "40",
                "--no-progress");
        assertThat(limited[0]).isEqualTo("2");
        assertThat(limited[2]).contains("--hold-out: expected fewer images than the 32 training images (1..31), got 40");
    }
}
