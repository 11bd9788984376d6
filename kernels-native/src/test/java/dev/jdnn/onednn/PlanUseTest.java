package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanUseTest {
    @Test
    void enteringAPlanThatIsRunningThrowsIllegalStateExceptionNamingThePlan() {
        PlanUse use = new PlanUse("conv-A");
        use.enter("Conv2dPlan.forward");
        assertThatThrownBy(() -> use.enter("Conv2dPlan.backwardData")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conv-A").hasMessageContaining("running on another thread");
        use.exit();
        use.enter("Conv2dPlan.forward");
        use.exit();
    }

    @Test
    void closeWhileRunningIsRefusedAndLeavesThePlanUsable() {
        PlanUse use = new PlanUse("pool-B");
        use.enter("Pool2dPlan.forward");
        assertThatThrownBy(use::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("pool-B");
        use.exit();
        use.enter("Pool2dPlan.forward");
        use.exit();
        assertThat(use.close()).isTrue();
    }

    @Test
    void aClosedPlanRefusesRunsAndASecondCloseDoesNothing() {
        PlanUse use = new PlanUse("dense-C");
        assertThat(use.close()).isTrue();
        assertThat(use.close()).isFalse();
        assertThatThrownBy(() -> use.enter("DensePlan.forward")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
