package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * An executable primitive ({@code dnnl_primitive_t}) with its argument list fixed at creation.
 *
 * <p>oneDNN reads and writes the caller's tensors through raw pointers that {@link Memory#attach}
 * stored earlier, which the FFM runtime cannot see: if the caller closed a shared {@code Arena}
 * behind a tensor while a primitive ran, oneDNN would touch freed memory. The FFM's public
 * guarantee is that a downcall keeps the session of every {@link MemorySegment} argument acquired
 * until it returns, and that {@code Arena.close()} fails with {@link IllegalStateException} while a
 * session is acquired (a call that starts after the close fails the same way, before any native
 * code runs). So {@link #execute} calls {@code dnnl_primitive_execute} through a downcall handle
 * that declares {@value #KEPT} extra trailing pointer arguments and passes the caller's segments
 * there: the function never reads them, but the linker holds their arenas open for the whole call.
 * This relies on the C calling convention, not on ISO C: on the x86-64 System V ABI (the only
 * platform this module ships a library for; AArch64 and Windows x64 behave alike) arguments are
 * passed in registers and caller-cleaned stack slots, so a callee that declares fewer parameters
 * ignores the extra ones. The cost is one acquire/release per segment, a few nanoseconds. On the
 * CPU engine {@code dnnl_primitive_execute} returns only when the primitive has finished, so the
 * whole native access lies inside the call.
 */
final class Primitive extends NativeHandle {
    /** How many caller segments one execution can keep alive. */
    static final int KEPT = 4;

    private static final MethodHandle EXECUTE_KEEPING_ALIVE = Linker.nativeLinker().downcallHandle(
            dnnl_h.findOrThrow("dnnl_primitive_execute"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS));

    private final int argumentCount;
    private final MemorySegment arguments;

    private Primitive(MemorySegment handle, int argumentCount, MemorySegment arguments) {
        super(handle, "dnnl_primitive_destroy");
        this.argumentCount = argumentCount;
        this.arguments = arguments;
    }

    /**
     * The primitive of {@code pd}, to be executed with {@code arguments}: an array of
     * {@code dnnl_exec_arg_t} that must outlive the primitive.
     */
    static Primitive create(PrimitiveDesc pd, int argumentCount, MemorySegment arguments) {
        return new Primitive(OutPointer.create("dnnl_primitive_create",
                out -> dnnl_h.dnnl_primitive_create(out, pd.handle())), argumentCount, arguments);
    }

    /**
     * Runs the primitive on {@code stream} while the arenas of {@code kept} ({@value #KEPT}
     * segments, {@link MemorySegment#NULL} where unused) stay open.
     *
     * @throws IllegalStateException if the arena of one of {@code kept} is closed (nothing ran)
     */
    void execute(Stream stream, MemorySegment[] kept) {
        int status;
        try {
            status = (int) EXECUTE_KEEPING_ALIVE.invokeExact(handle(), stream.handle(), argumentCount, arguments,
                    kept[0], kept[1], kept[2], kept[3]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("dnnl_primitive_execute threw a checked exception", e);
        }
        DnnlException.check(status, "dnnl_primitive_execute");
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_primitive_destroy(handle);
    }
}
