package dev.jdnn.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything a report says besides the measurements.
 *
 * @param machine   where and when it ran
 * @param quick     whether this was a {@code --quick} run (the header says so)
 * @param settings  JMH settings in words, e.g. "1 fork, 3 x 1 s warm-up, 5 x 1 s measurement"
 * @param backends  backend names in column order
 * @param backendStatus one line per backend found: available, or why not
 * @param skipped   cells left out or failed, with the reason
 * @param anchor    oneDNN-from-C results to compare with, if given
 */
public record ReportContext(MachineInfo machine, boolean quick, String settings, List<String> backends,
                            List<String> backendStatus, List<SkippedCell> skipped, Optional<AnchorResults> anchor) {
}
