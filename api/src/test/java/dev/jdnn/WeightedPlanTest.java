package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Conv and dense plans seen through their common {@link WeightedPlan}, and dense plans made from a shape. */
class WeightedPlanTest {
    private final ParkingEngine engine = new ParkingEngine();
    private final Backend backend = new ValidatingBackend(engine);

    @Test
    void convAndDensePlansShareOneInterfaceWithTheirShapes() {
        Conv2d conv = Conv2d.of(2, 3, 3).bias(false);
        Dense dense = Dense.of(12, 5);
        try (Conv2dPlan c = backend.plan(conv, Shape.nchw(1, 2, 4, 4));
             DensePlan d = backend.plan(dense, Shape.of(7, 12))) {
            List<WeightedPlan> layers = List.of(c, d);
            assertThat(layers).extracting(WeightedPlan::weightShape)
                    .containsExactly(Shape.of(3, 2, 3, 3), Shape.of(5, 12));
            assertThat(layers).extracting(WeightedPlan::hasBias).containsExactly(false, true);
            assertThat(layers).extracting(WeightedPlan::biasShape).containsExactly(Shape.of(3), Shape.of(5));
            assertThat(layers).extracting(WeightedPlan::inputShape)
                    .containsExactly(Shape.nchw(1, 2, 4, 4), Shape.of(7, 12));
            assertThat(layers).extracting(WeightedPlan::outputShape)
                    .containsExactly(Shape.nchw(1, 3, 2, 2), Shape.of(7, 5));
            WeightedPlan layer = d;
            try (Tensor x = Tensor.allocate(layer.inputShape());
                 Tensor w = Tensor.allocate(layer.weightShape());
                 Tensor b = Tensor.allocate(layer.biasShape());
                 Tensor y = Tensor.allocate(layer.outputShape())) {
                layer.forward(x, w, b, y);
                assertThatThrownBy(() -> layer.forward(x, w, null, y)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("dense forward: b");
            }
            assertThat(engine.calls.get()).as("the validated call reached the engine, the rejected one did not")
                    .isEqualTo(1);
        }
    }

    @Test
    void engineConvPlansGetTheirWeightShapesFromTheOp() {
        Conv2d conv = Conv2d.of(4, 6, 3).groups(2);
        try (Conv2dPlan raw = engine.plan(conv, Shape.nchw(1, 4, 5, 5))) {
            assertThat(raw.weightShape()).isEqualTo(Shape.of(6, 2, 3, 3));
            assertThat(raw.hasBias()).isTrue();
            assertThat(raw.biasShape()).isEqualTo(Shape.of(6));
        }
    }

    @Test
    void densePlanFromAShapeIsTheBatchPlan() {
        Dense op = Dense.of(3, 2);
        try (DensePlan plan = backend.plan(op, Shape.of(4, 3))) {
            assertThat(plan.inputShape()).isEqualTo(Shape.of(4, 3));
            assertThat(plan.outputShape()).isEqualTo(Shape.of(4, 2));
        }
    }

    @Test
    void densePlanFromAShapeRejectsAnyOtherShape() {
        Dense op = Dense.of(3, 2);
        assertThatThrownBy(() -> backend.plan(op, Shape.of(4, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense plan: input").hasMessageContaining("[batch, 3]")
                .hasMessageContaining("got [4, 5]");
        assertThatThrownBy(() -> backend.plan(op, Shape.of(4, 3, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank 2").hasMessageContaining("got [4, 3, 1]");
        assertThatThrownBy(() -> backend.plan(op, (Shape) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense plan: input").hasMessageContaining("got null");
        assertThatThrownBy(() -> backend.plan((Dense) null, Shape.of(4, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense plan: op");
        assertThat(engine.calls.get()).isZero();
    }
}
