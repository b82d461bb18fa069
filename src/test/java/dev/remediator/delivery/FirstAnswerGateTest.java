package dev.remediator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class FirstAnswerGateTest {

    private final FirstAnswerGate gate = new FirstAnswerGate();

    @Test
    void heavyWorkGoesOnAtOnceWhenNoLightWorkIsPending() throws Exception {
        CompletableFuture<Void> step = CompletableFuture.runAsync(gate::stepAside);

        step.get(5, TimeUnit.SECONDS);
    }

    @Test
    void heavyWorkWaitsUntilTheLastPendingFirstAnswerIsGiven() throws Exception {
        gate.lightWorkBegins();
        gate.lightWorkBegins();
        CompletableFuture<Void> step = CompletableFuture.runAsync(gate::stepAside);

        gate.lightWorkEnds();
        Thread.sleep(50);
        assertThat(step).isNotDone();

        gate.lightWorkEnds();
        step.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFirstAnswerThatNeverEndsHoldsHeavyWorkBackOnlyBriefly() throws Exception {
        gate.lightWorkBegins();
        long start = System.nanoTime();

        CompletableFuture.runAsync(gate::stepAside).get(5, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(FirstAnswerGate.MAX_WAIT.toMillis() - 20);
    }

    @Test
    void aLogReadStepsAsideBeforeEachReadAndGivesEveryByte() throws Exception {
        gate.lightWorkBegins();
        InputStream log = gate.steppingAside(new ByteArrayInputStream("line one\nline two\n".getBytes()));
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return log.readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(50);
        assertThat(read).isNotDone();
        gate.lightWorkEnds();

        assertThat(new String(read.get(5, TimeUnit.SECONDS))).isEqualTo("line one\nline two\n");
    }
}
