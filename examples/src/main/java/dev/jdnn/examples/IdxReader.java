package dev.jdnn.examples;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files Fashion-MNIST (and MNIST) are distributed in, gzip'd or plain: a big-endian
 * header (two zero bytes, the element type {@code 0x08} = unsigned byte, the rank, one int per
 * dimension) followed by the elements. Every way a file can be malformed (bad magic, wrong rank,
 * fewer or more bytes than the header announces, a broken gzip stream) is an
 * {@link IllegalArgumentException} naming the file and what was expected, never an index error.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Images of one size: {@code count * rows * cols} unsigned bytes, image after image, row-major. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    /** Reads a rank-3 IDX file of unsigned bytes (magic {@code 0x00000803}). */
    public static Images readImages(Path file) {
        Parsed p = parse(file, 3);
        return new Images(p.dims[0], p.dims[1], p.dims[2], p.data);
    }

    /** Reads a rank-1 IDX file of unsigned bytes (magic {@code 0x00000801}) as class labels. */
    public static int[] readLabels(Path file) {
        Parsed p = parse(file, 1);
        int[] labels = new int[p.dims[0]];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Byte.toUnsignedInt(p.data[i]);
        }
        return labels;
    }

    private record Parsed(int[] dims, byte[] data) {
    }

    private static Parsed parse(Path file, int rank) {
        byte[] bytes = readAll(file);
        int headerSize = 4 + 4 * rank;
        if (bytes.length < 4) {
            throw new IllegalArgumentException(file + ": truncated IDX file: expected a header of " + headerSize
                    + " bytes, got " + bytes.length + " bytes in all");
        }
        int magic = ByteBuffer.wrap(bytes, 0, 4).getInt(); // big-endian, as IDX is
        int expectedMagic = (UNSIGNED_BYTE << 8) | rank;
        if (magic != expectedMagic) {
            throw new IllegalArgumentException(file + ": not an IDX file of rank " + rank + " unsigned bytes: expected magic 0x"
                    + String.format("%08x", expectedMagic) + ", got 0x" + String.format("%08x", magic));
        }
        if (bytes.length < headerSize) {
            throw new IllegalArgumentException(file + ": truncated IDX file: expected a header of " + headerSize
                    + " bytes, got " + bytes.length + " bytes in all");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, headerSize - 4);
        int[] dims = new int[rank];
        long expectedData = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = header.getInt();
            if (dims[i] <= 0) {
                throw new IllegalArgumentException(file + ": dimension " + i + ": expected a positive size, got " + dims[i]);
            }
            expectedData *= dims[i];
        }
        long actualData = bytes.length - headerSize;
        if (actualData != expectedData) {
            throw new IllegalArgumentException(file + ": " + (actualData < expectedData ? "truncated" : "oversized")
                    + " IDX file: the header announces " + expectedData + " data bytes, got " + actualData);
        }
        byte[] data = new byte[(int) expectedData];
        System.arraycopy(bytes, headerSize, data, 0, data.length);
        return new Parsed(dims, data);
    }

    /** The file's bytes, gunzipped when it starts with the gzip signature. */
    private static byte[] readAll(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] start = raw.readNBytes(2);
            boolean gzip = start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
            if (!gzip) {
                byte[] rest = raw.readAllBytes();
                byte[] all = new byte[start.length + rest.length];
                System.arraycopy(start, 0, all, 0, start.length);
                System.arraycopy(rest, 0, all, start.length, rest.length);
                return all;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException(file + ": truncated or corrupt gzip stream: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
