package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which segments a {@link TeamChunks} body reads: on the calling thread alone (one thread, or one
 * chunk), where no downcall keeps the caller's arenas open, the caller's own scoped segments, so
 * a tensor freed by another thread during the call gives {@link IllegalStateException} instead of
 * a read of freed memory; on the team, unscoped views made once per tensor (no allocation per call
 * while the tensors stay the same).
 */
class TeamChunksTest {
    private static OneDnnRuntime runtime(int threads) {
        return new OneDnnRuntime(new OpenMpThreads(NativeLibraryLoader.library().openMp()), threads);
    }

    @Test
    void onOneThreadTheBodyReadsTheCallersSegmentsSoAClosedOneThrows() {
        try (Arena stubs = Arena.ofShared()) {
            TeamChunks team = new TeamChunks(runtime(1), stubs);
            Arena tensors = Arena.ofShared();
            MemorySegment a = tensors.allocate(3 * Float.BYTES);
            MemorySegment b = tensors.allocate(3 * Float.BYTES);
            Queue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
            team.run(3, (chunk, x, y, z) -> {
                seen.add(x);
                seen.add(y);
                assertThat(z).isNull();
                y.setAtIndex(ValueLayout.JAVA_FLOAT, chunk, chunk + 1f);
            }, a, b, null);
            assertThat(seen).hasSize(6).allSatisfy(s -> assertThat(s == a || s == b).isTrue());
            assertThat(b.toArray(ValueLayout.JAVA_FLOAT)).containsExactly(1f, 2f, 3f);
            // The body's read stands for a read racing a close on another thread: it must throw.
            tensors.close();
            assertThatThrownBy(() -> team.run(3, (chunk, x, y, z) -> x.getAtIndex(ValueLayout.JAVA_FLOAT, chunk),
                    a, b, null)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void oneChunkOnATeamOfTwoRunsOnTheCallersSegments() {
        try (Arena stubs = Arena.ofShared(); Arena tensors = Arena.ofShared()) {
            TeamChunks team = new TeamChunks(runtime(2), stubs);
            MemorySegment a = tensors.allocate(16);
            Queue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
            team.run(1, (chunk, x, y, z) -> seen.add(x), a, null, null);
            assertThat(seen).containsExactly(a);
        }
    }

    @Test
    void onATeamTheBodyReadsViewsMadeOncePerTensor() {
        OneDnnRuntime runtime = runtime(2);
        assumeTrue(runtime.openMp().canRunOnTeam(), "the OpenMP runtime cannot start a team here");
        try (Arena stubs = Arena.ofShared(); Arena tensors = Arena.ofShared()) {
            TeamChunks team = new TeamChunks(runtime, stubs);
            MemorySegment a = tensors.allocate(4 * Float.BYTES);
            Queue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
            TeamChunks.Body body = (chunk, x, y, z) -> {
                seen.add(x);
                x.setAtIndex(ValueLayout.JAVA_FLOAT, chunk, chunk + 1f);
            };
            team.run(4, body, a, null, null);
            team.run(4, body, a, null, null);
            assertThat(a.toArray(ValueLayout.JAVA_FLOAT)).containsExactly(1f, 2f, 3f, 4f);
            List<MemorySegment> views = List.copyOf(seen);
            assertThat(views).hasSize(8).allSatisfy(v -> assertThat(v).isSameAs(views.getFirst()));
            MemorySegment view = views.getFirst();
            assertThat(view).isNotSameAs(a);
            assertThat(view.address()).isEqualTo(a.address());
            assertThat(view.byteSize()).isEqualTo(a.byteSize());

            MemorySegment shorter = a.asSlice(0, 2 * Float.BYTES);
            seen.clear();
            team.run(2, body, shorter, null, null);
            assertThat(seen).hasSize(2).allSatisfy(v -> assertThat(v.byteSize()).isEqualTo(shorter.byteSize()));
        }
    }

    @Test
    void alwaysOnTeamRunsOneThreadAndOneChunkOnTheTeamOnViews() {
        OneDnnRuntime runtime = runtime(1);
        assumeTrue(runtime.openMp().canRunOnTeam(), "the OpenMP runtime cannot start a team here");
        try (Arena stubs = Arena.ofShared(); Arena tensors = Arena.ofShared()) {
            TeamChunks team = TeamChunks.alwaysOnTeam(runtime, stubs);
            MemorySegment a = tensors.allocate(2 * Float.BYTES);
            Queue<MemorySegment> seen = new ConcurrentLinkedQueue<>();
            TeamChunks.Body body = (chunk, x, y, z) -> {
                seen.add(x);
                assertThat(y).isNull();
                x.setAtIndex(ValueLayout.JAVA_FLOAT, chunk, chunk + 1f);
            };
            team.run(2, body, a, null, null);
            team.run(1, body, a, null, null);
            assertThat(a.toArray(ValueLayout.JAVA_FLOAT)).containsExactly(1f, 2f);
            assertThat(seen).hasSize(3).allSatisfy(v -> {
                assertThat(v).isNotSameAs(a);
                assertThat(v.address()).isEqualTo(a.address());
            });
        }
    }
}
