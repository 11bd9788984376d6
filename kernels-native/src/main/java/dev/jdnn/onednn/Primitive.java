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
 * This relies on the calling convention, not on ISO C (which leaves a call with more arguments
 * than the definition's parameters undefined). It holds on the 64-bit ABIs the oneDNN jars exist
 * for, where all arguments are passed in registers or in stack slots the caller allocates and
 * frees, and a callee reads only the parameters it declares: x86-64 System V (Linux, macOS) passes
 * the first six arguments in registers and the rest in caller-cleaned stack slots; Windows x64 the
 * first four in registers and the rest in caller-cleaned slots above the 32-byte home area the
 * caller reserves in any case; AArch64 (AAPCS64 and Apple's variant) the first eight in registers
 * x0-x7 and the rest in caller-cleaned stack slots. On any other architecture
 * ({@link #KEEPS_ALIVE_BY_ARGUMENT} false) the plain 4-argument binding is used and the caller's
 * arenas are only checked open before the call: closing one from another thread during the call
 * is then not refused. The cost is one acquire/release per segment, a few nanoseconds. On the CPU
 * engine {@code dnnl_primitive_execute} returns only when the primitive has finished, so the
 * whole native access lies inside the call.
 */
final class Primitive extends NativeHandle {
    /**
     * How many caller segments one execution can keep alive: batch norm's backward has eight
     * tensors, and a pooling pass's workspace buffer takes one more slot.
     */
    static final int KEPT = 9;

    /** Whether this JVM's architecture has one of the calling conventions described above. */
    static final boolean KEEPS_ALIVE_BY_ARGUMENT = switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64", "aarch64", "arm64" -> true;
        default -> false;
    };

    private static final MethodHandle EXECUTE_KEEPING_ALIVE = KEEPS_ALIVE_BY_ARGUMENT
            ? Linker.nativeLinker().downcallHandle(dnnl_h.findOrThrow("dnnl_primitive_execute"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS))
            : null;

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
        if (!KEEPS_ALIVE_BY_ARGUMENT) {
            for (MemorySegment segment : kept) {
                if (!segment.scope().isAlive()) {
                    throw new IllegalStateException("dnnl_primitive_execute: a tensor's arena is closed");
                }
            }
            DnnlException.check(dnnl_h.dnnl_primitive_execute(handle(), stream.handle(), argumentCount, arguments),
                    "dnnl_primitive_execute");
            return;
        }
        int status;
        try {
            status = (int) EXECUTE_KEEPING_ALIVE.invokeExact(handle(), stream.handle(), argumentCount, arguments,
                    kept[0], kept[1], kept[2], kept[3], kept[4], kept[5], kept[6], kept[7], kept[8]);
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
