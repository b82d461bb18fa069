package dev.remediator.testing.llm;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The test profile of an instance with a language model: the fake OpenAI-compatible server. */
public class WithModel implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeModelServerResource.class));
    }
}
