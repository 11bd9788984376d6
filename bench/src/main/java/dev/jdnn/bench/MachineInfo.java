package dev.jdnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The context a report's numbers need: CPU model, processor count, JDK, operating system and
 * when the run started.
 */
public record MachineInfo(String cpuModel, int processors, String jdk, String os, String date) {

    /** This machine and JVM, now. */
    public static MachineInfo probe() {
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), jdk, os, date);
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or /proc hidden: fall through to what the JVM knows
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }
}
