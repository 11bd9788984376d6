package dev.jdnn.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + dataBytes);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    private Path gzip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void readsGzippedImagesAndLabels() throws IOException {
        Path images = gzip("i.gz", idx(0x803, new int[] {2, 3, 4}, 24));
        Path labels = gzip("l.gz", idx(0x801, new int[] {3}, 3));

        IdxReader.Images read = IdxReader.readImages(images);
        assertThat(read.count()).isEqualTo(2);
        assertThat(read.rows()).isEqualTo(3);
        assertThat(read.cols()).isEqualTo(4);
        assertThat(read.pixels()[5]).isEqualTo((byte) 35);
        assertThat(IdxReader.readLabels(labels)).containsExactly(0, 7, 14);
    }

    @Test
    void readsPlainUncompressedFiles() throws IOException {
        Path labels = Files.write(dir.resolve("plain"), idx(0x801, new int[] {2}, 2));
        assertThat(IdxReader.readLabels(labels)).containsExactly(0, 7);
    }

    @Test
    void rejectsTruncatedDataWithAClearMessage() throws IOException {
        byte[] whole = idx(0x803, new int[] {10, 28, 28}, 10 * 28 * 28);
        Path file = gzip("truncated.gz", Arrays.copyOf(whole, whole.length - 100));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("7840 data bytes, got 7740");
    }

    @Test
    void rejectsATruncatedGzipStream() throws IOException {
        Path whole = gzip("whole.gz", idx(0x803, new int[] {10, 28, 28}, 10 * 28 * 28));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated or corrupt gzip");
    }

    @Test
    void rejectsATruncatedHeader() throws IOException {
        Path file = gzip("short.gz", new byte[] {0, 0, 8, 3, 0, 0});
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated IDX file: expected a header of 16 bytes, got 6");
    }

    @Test
    void rejectsBadMagic() throws IOException {
        Path file = gzip("labels-as-images.gz", idx(0x801, new int[] {3}, 3));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected magic 0x00000803, got 0x00000801");
    }

    @Test
    void rejectsExtraBytes() throws IOException {
        byte[] content = idx(0x801, new int[] {3}, 5);
        Path file = gzip("long.gz", content);
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversized");
    }

    @Test
    void missingDatasetNamesThePathAndHowToGetIt() {
        assertThatThrownBy(() -> FashionMnist.load(dir))
                .isInstanceOf(FashionMnist.MissingDataException.class)
                .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz").toString())
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("--data DIR");
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheImages() throws IOException {
        gzip(FashionMnist.TRAIN_IMAGES, idx(0x803, new int[] {2, 2, 2}, 8));
        gzip(FashionMnist.TRAIN_LABELS, idx(0x801, new int[] {3}, 3));
        gzip(FashionMnist.TEST_IMAGES, idx(0x803, new int[] {1, 2, 2}, 4));
        gzip(FashionMnist.TEST_LABELS, idx(0x801, new int[] {1}, 1));
        assertThatThrownBy(() -> FashionMnist.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 3 labels, expected one per image")
                .hasMessageContaining("(2)");
    }
}
