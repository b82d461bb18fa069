package dev.remediator.testing.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.remediator.testing.EndToEndTest;

/**
 * Base of the end-to-end tests of an instance with a language model: each starts with an empty script on the fake
 * OpenAI-compatible server, and every request the app sent it must have had OpenAI's shape.
 */
public abstract class ModelEndToEndTest extends EndToEndTest {

    protected FakeModelServer model;

    @BeforeEach
    void emptyModel() {
        model = FakeModelServerResource.server();
        model.clear();
    }

    @AfterEach
    void everyModelRequestHadOpenAisShape() {
        assertThat(model.violations()).isEmpty();
    }
}
