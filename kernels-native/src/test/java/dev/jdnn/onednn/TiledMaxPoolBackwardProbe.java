package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

/**
 * Run by {@link TiledMaxPoolBackwardTest} in a JVM without module {@code jdk.incubator.vector}:
 * LeNet-5's first max pooling (NHWC, 2 threads) forward and workspace backward through the plan,
 * compared bit for bit with oneDNN's recomputing backward. Prints {@code OK tiled=... mismatches=N}
 * or {@code FAIL} and exits 1.
 */
final class TiledMaxPoolBackwardProbe {
    private TiledMaxPoolBackwardProbe() {
    }

    public static void main(String[] args) {
        Shape input = Shape.nchw(8, 6, 28, 28);
        try (Backend onednn = new OneDnnBackendProvider().create(new BackendConfig(2));
             Pool2dPlan plan = onednn.plan(Pool2d.max(2, 2), input, Layout.NHWC);
             Workspace ws = plan.newWorkspace()) {
            Shape output = plan.outputShape();
            Tensor x = Tensor.allocate(input, Layout.NHWC);
            Tensor y = Tensor.allocate(output, Layout.NHWC);
            Tensor dy = Tensor.allocate(output, Layout.NHWC);
            Tensor dx = Tensor.allocate(input, Layout.NHWC);
            Tensor oneDnnDx = Tensor.allocate(input, Layout.NHWC);
            x.copyFrom(TiledMaxPoolBackwardTest.ties(input.elementCount(), 3));
            dy.copyFrom(TiledMaxPoolBackwardTest.gradient(output.elementCount(), 3));
            plan.forward(x, y, ws);
            plan.backward(ws, dy, dx);
            plan.backward(x, dy, oneDnnDx);
            System.out.println("OK tiled=" + ((DnnlPooling) plan).tiledBackward() + " mismatches="
                    + TiledMaxPoolBackwardTest.mismatches(dx, oneDnnDx).size());
        } catch (Throwable t) {
            System.out.println("FAIL " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
