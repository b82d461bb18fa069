package dev.remediator.testing.llm;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Runs a {@link FakeModelServer} for a test profile and points the app's language model settings at it. */
public class FakeModelServerResource implements QuarkusTestResourceLifecycleManager {

    /** Short, so that a late answer times out quickly. */
    public static final String TIMEOUT = "3s";

    public static final long DAILY_TOKEN_BUDGET = 1_000_000;

    private static FakeModelServer server;

    @Override
    public Map<String, String> start() {
        server = FakeModelServer.start();
        return Map.of("remediator.llm.base-url", server.baseUrl(), "remediator.llm.model", FakeModelServer.MODEL,
                "remediator.llm.api-key", FakeModelServer.API_KEY, "remediator.llm.timeout", TIMEOUT,
                "remediator.llm.daily-token-budget", String.valueOf(DAILY_TOKEN_BUDGET));
    }

    /** The fake of the running profile. */
    public static FakeModelServer server() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
