package dev.jdnn.onednn;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * One native file inside the dnnl jar (or wherever a class loader or module finds it), with the
 * size and CRC-32 a cached copy must have. A jar records both for every entry, so checking a
 * cached copy costs one read of the copy and no inflating of the jar; a resource found some other
 * way (an exploded directory, a nested jar) has its checksum computed from its content once.
 */
abstract sealed class NativeResource {
    /** The file name, e.g. {@code libdnnl.so.3}. */
    final String name;
    private long size = -1;
    private long crc = -1;

    private NativeResource(String name) {
        this.name = name;
    }

    /** A resource read from a jar file on disk, entry {@code entry}. */
    static NativeResource inJar(Path jar, String entry) {
        return new InJar(jar, entry);
    }

    /** A resource read through a URL (exploded directory, nested jar). */
    static NativeResource atUrl(URL url, String name) {
        return new AtUrl(url, name);
    }

    /** A new stream over the content; the caller closes it. */
    abstract InputStream open() throws IOException;

    /** Where it is read from, for messages. */
    abstract String origin();

    /** Size in bytes. */
    final long size() throws IOException {
        if (size < 0) {
            describe();
        }
        return size;
    }

    /** CRC-32 of the content, as a jar entry records it. */
    final long crc() throws IOException {
        if (crc < 0) {
            describe();
        }
        return crc;
    }

    /** Fills {@link #size} and {@link #crc}, from the jar's directory or by reading the content once. */
    void describe() throws IOException {
        CRC32 checksum = new CRC32();
        long count = 0;
        try (InputStream in = new CheckedInputStream(open(), checksum)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                count += n;
            }
        }
        size = count;
        crc = checksum.getValue();
    }

    final void known(long size, long crc) {
        this.size = size;
        this.crc = crc;
    }

    private static final class InJar extends NativeResource {
        private final Path jar;
        private final String entry;

        InJar(Path jar, String entry) {
            super(entry.substring(entry.lastIndexOf('/') + 1));
            this.jar = jar;
            this.entry = entry;
        }

        @Override
        void describe() throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                JarEntry e = file.getJarEntry(entry);
                if (e == null) {
                    throw new IOException(jar + " has no entry " + entry);
                }
                if (e.getSize() < 0 || e.getCrc() < 0) {
                    super.describe();
                } else {
                    known(e.getSize(), e.getCrc());
                }
            }
        }

        @Override
        InputStream open() throws IOException {
            JarFile file = new JarFile(jar.toFile());
            try {
                JarEntry e = file.getJarEntry(entry);
                if (e == null) {
                    throw new IOException(jar + " has no entry " + entry);
                }
                InputStream in = file.getInputStream(e);
                return new java.io.FilterInputStream(in) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            file.close();
                        }
                    }
                };
            } catch (IOException | RuntimeException ex) {
                file.close();
                throw ex;
            }
        }

        @Override
        String origin() {
            return jar + "!/" + entry;
        }
    }

    private static final class AtUrl extends NativeResource {
        private final URL url;

        AtUrl(URL url, String name) {
            super(name);
            this.url = url;
        }

        @Override
        InputStream open() throws IOException {
            return url.openStream();
        }

        @Override
        String origin() {
            return url.toString();
        }
    }
}
