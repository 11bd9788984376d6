package dev.jdnn.onednn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The directory the dnnl jar's libraries are extracted into (a library must be a file to be
 * loaded). Candidates, in order, each with a sub-directory per dnnl version and platform:
 * <ol>
 *   <li>the system property {@value NativeLibraryLoader#CACHE_PROPERTY};</li>
 *   <li>the environment variable {@value #ENVIRONMENT};</li>
 *   <li>{@code $XDG_CACHE_HOME/jdnn};</li>
 *   <li>{@code ~/.cache/jdnn} ({@code user.home}); the home directory comes before {@code /tmp}
 *       because {@code /tmp} is often mounted {@code noexec};</li>
 *   <li>{@code <java.io.tmpdir>/jdnn-<user>}, created owner-only and used only while it still is,
 *       so that no other user can plant a library in it.</li>
 * </ol>
 * A candidate that is not an absolute path is skipped (a JVM without a passwd entry has
 * {@code user.home = "?"}; that must never become a directory under the working directory).
 * A cached file is reused only when its size and CRC-32 match the jar's entry, so a truncated or
 * corrupted copy is replaced; a fresh copy is written under a temporary name, checked, and moved
 * into place atomically, so concurrent JVMs never load a half-written file.
 */
final class NativeCache {
    /** Environment variable naming the cache directory when the system property is unset. */
    static final String ENVIRONMENT = "JDNN_CACHE_DIR";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** A place to try, with where its path came from (for messages). */
    record Candidate(Path base, String source) {
    }

    private NativeCache() {
    }

    /** The candidates in order, from the given properties and environment (tests pass their own). */
    static List<Candidate> candidates(Map<String, String> properties, Map<String, String> environment) {
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, properties.get(NativeLibraryLoader.CACHE_PROPERTY), "", "system property " + NativeLibraryLoader.CACHE_PROPERTY);
        add(candidates, environment.get(ENVIRONMENT), "", "environment variable " + ENVIRONMENT);
        add(candidates, environment.get("XDG_CACHE_HOME"), "jdnn", "environment variable XDG_CACHE_HOME");
        add(candidates, properties.get("user.home"), ".cache/jdnn", "user.home");
        String user = properties.getOrDefault("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        add(candidates, properties.get("java.io.tmpdir"), "jdnn-" + user, "java.io.tmpdir (private directory)");
        return candidates;
    }

    private static void add(List<Candidate> candidates, String value, String child, String source) {
        if (value == null || value.isBlank()) {
            return;
        }
        candidates.add(new Candidate(Path.of(value.trim()).resolve(child), source));
    }

    /**
     * Makes {@code dir} usable for {@code candidate}: absolute, created if missing, and for the
     * temporary-directory candidate private to this user.
     *
     * @throws IOException with the reason it is not usable
     */
    static void prepare(Candidate candidate, Path dir) throws IOException {
        if (!candidate.base().isAbsolute()) {
            throw new IOException("not an absolute path, so it would resolve against the working directory");
        }
        if (candidate.source().startsWith("java.io.tmpdir")) {
            preparePrivate(candidate.base());
        }
        Files.createDirectories(dir);
    }

    /** Creates {@code base} owner-only, or checks that an existing one is a directory this user owns and nobody else can write. */
    private static void preparePrivate(Path base) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix) {
                    Files.createDirectory(base, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectory(base);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another JVM made it first: checked below like any existing one
            }
        }
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(base + " exists and is not a directory (or is a symbolic link)");
        }
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(base, LinkOption.NOFOLLOW_LINKS);
            if (!EnumSet.copyOf(OWNER_ONLY).containsAll(permissions)) {
                throw new IOException(base + " is not private (permissions "
                        + PosixFilePermissions.toString(permissions) + ", expected rwx------)");
            }
            UserPrincipal owner = Files.getOwner(base, LinkOption.NOFOLLOW_LINKS);
            Path probe = Files.createTempFile(base, "owner", ".probe");
            try {
                if (!owner.equals(Files.getOwner(probe))) {
                    throw new IOException(base + " belongs to " + owner.getName() + ", not to this user");
                }
            } finally {
                Files.deleteIfExists(probe);
            }
        }
    }

    /**
     * The file {@code resource} in {@code dir}: the cached copy when its size and CRC-32 match,
     * else a fresh, verified copy.
     *
     * @throws IOException when it cannot be written or the written copy does not verify
     */
    static Path extract(NativeResource resource, Path dir) throws IOException {
        Path target = dir.resolve(resource.name);
        long size = resource.size();
        long crc = resource.crc();
        if (Files.isRegularFile(target) && Files.size(target) == size && crcOf(target) == crc) {
            return target;
        }
        Path partial = Files.createTempFile(dir, resource.name, ".part");
        try {
            CRC32 written = new CRC32();
            long count;
            try (InputStream in = new CheckedInputStream(resource.open(), written);
                    OutputStream out = Files.newOutputStream(partial)) {
                count = in.transferTo(out);
            }
            if (count != size || written.getValue() != crc) {
                throw new IOException("the copy of " + resource.origin() + " does not verify (" + count
                        + " bytes, CRC-32 " + Long.toHexString(written.getValue()) + "; expected " + size
                        + " bytes, CRC-32 " + Long.toHexString(crc) + ")");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** CRC-32 of a file's content. */
    static long crcOf(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), crc)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return crc.getValue();
    }
}
