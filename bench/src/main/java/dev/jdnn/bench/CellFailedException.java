package dev.jdnn.bench;

/** A cell JMH could not measure; the message says why (usually the set-up's exception). */
final class CellFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    CellFailedException(String reason) {
        super(reason);
    }
}
