package dev.jdnn.onednn;

/** oneDNN could not be loaded; the message names the library, the path and the loader's reason. */
class LibraryLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LibraryLoadException(String message) {
        super(message);
    }
}
