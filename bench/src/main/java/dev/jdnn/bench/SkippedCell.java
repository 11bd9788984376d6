package dev.jdnn.bench;

/** A cell the run left out or could not measure, and why. */
public record SkippedCell(Cell cell, String reason) {
}
