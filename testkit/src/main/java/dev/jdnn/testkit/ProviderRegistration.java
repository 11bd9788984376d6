package dev.jdnn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.spi.BackendProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a backend module declares its providers twice and identically: in
 * {@code module-info.java} ({@code provides}, read on the module path) and in
 * {@code META-INF/services} (read on the class path). The test suites run on the class path, so
 * without this check a provider missing from {@code module-info} would go unnoticed.
 */
public final class ProviderRegistration {
    private static final String SERVICES = "META-INF/services/" + BackendProvider.class.getName();

    private ProviderRegistration() {
    }

    /**
     * Asserts that the compiled module containing {@code anyClassOfModule} provides exactly
     * {@code expected} in both registrations.
     */
    public static void assertBothRegistrationsList(Class<?> anyClassOfModule, String... expected) {
        Path root = classesRoot(anyClassOfModule);
        assertThat(moduleProviders(root)).as("provides in %s/module-info.class", root)
                .containsExactlyInAnyOrder(expected);
        assertThat(serviceFileProviders(root)).as("%s in %s", SERVICES, root).containsExactlyInAnyOrder(expected);
    }

    private static Path classesRoot(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type, e);
        }
    }

    private static Set<String> moduleProviders(Path root) {
        try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            Set<String> names = new TreeSet<>();
            for (ModuleDescriptor.Provides p : ModuleDescriptor.read(in).provides()) {
                if (p.service().equals(BackendProvider.class.getName())) {
                    names.addAll(p.providers());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> serviceFileProviders(Path root) {
        try {
            List<String> lines = Files.readAllLines(root.resolve(SERVICES), StandardCharsets.UTF_8);
            Set<String> names = new TreeSet<>();
            for (String line : lines) {
                String entry = line.replaceFirst("#.*", "").trim();
                if (!entry.isEmpty()) {
                    names.add(entry);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
