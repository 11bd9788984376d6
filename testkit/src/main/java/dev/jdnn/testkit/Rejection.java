package dev.jdnn.testkit;

import dev.jdnn.Tensor;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Asserts that a call is rejected the way jdnn's error contract says: with the given exception
 * type, a message that names the op, the argument, the expected and the actual value, and with
 * every output left exactly as it was.
 */
final class Rejection {
    private Rejection() {
    }

    /**
     * Runs {@code call} and checks its rejection.
     *
     * @param call the call that must fail
     * @param type the exception it must throw
     * @param op the op name the message must contain
     * @param argument the argument the message must name, as a whole word
     * @param expected text of the expected value the message must contain
     * @param actual text of the actual value the message must contain
     * @param outputs tensors the call must not change (their contents are compared before and after)
     */
    static void assertRejected(ThrowingCallable call, Class<? extends RuntimeException> type, String op,
                               String argument, String expected, String actual, Tensor... outputs) {
        float[][] before = new float[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
            before[i] = outputs[i].toArray();
        }
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("rejection of a bad %s in %s", argument, op).isInstanceOf(type);
        String message = thrown.getMessage();
        assertThat(message).as("message of %s", thrown)
                .contains(op)
                .containsPattern("(?<![\\w.\\[])" + Pattern.quote(argument) + "(?![\\w\\[])")
                .contains(expected)
                .contains(actual);
        for (int i = 0; i < outputs.length; i++) {
            assertThat(outputs[i].toArray()).as("output %d after the rejected call (%s)", i, message)
                    .containsExactly(before[i]);
        }
    }
}
