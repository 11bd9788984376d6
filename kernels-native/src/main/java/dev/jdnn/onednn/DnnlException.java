package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

/** A oneDNN call returned a status other than {@code dnnl_success}. */
public final class DnnlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The {@code dnnl_status_t} returned. */
    private final int status;

    DnnlException(String call, int status) {
        super("oneDNN " + call + " failed: " + statusName(status) + " (dnnl_status_t " + status + ")");
        this.status = status;
    }

    /** The {@code dnnl_status_t} value the call returned. */
    public int status() {
        return status;
    }

    /** Throws when {@code status} is not {@code dnnl_success}. */
    static void check(int status, String call) {
        if (status != dnnl_h.dnnl_success()) {
            throw new DnnlException(call, status);
        }
    }

    private static String statusName(int status) {
        return dnnl_h.dnnl_status2str(status).reinterpret(256).getString(0);
    }
}
