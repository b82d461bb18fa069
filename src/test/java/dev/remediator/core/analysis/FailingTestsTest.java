package dev.remediator.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailingTestsTest {

    private final FailingTests tests = new FailingTests();

    @Test
    void aNameThatIsOnlyTheTailOfAFullerOneIsLeftOut() {
        tests.add("JSONReaderStrTest#test_UUID");
        tests.add("com.alibaba.fastjson2.JSONReaderStrTest#test_UUID");
        tests.add("TestMongoCache::test_ttl");
        tests.add("tests/integration/test_mongodb.py::TestMongoCache::test_ttl");
        tests.add("Suite › test");

        assertThat(tests.list()).containsExactly("com.alibaba.fastjson2.JSONReaderStrTest#test_UUID",
                "tests/integration/test_mongodb.py::TestMongoCache::test_ttl", "Suite › test");
    }

    @Test
    void aGoTestWhoseSubtestFailedIsLeftForTheSubtest() {
        tests.add("TestAdd");
        tests.add("TestAdd/positive");
        tests.add("TestAddition");

        assertThat(tests.list()).containsExactly("TestAdd/positive", "TestAddition");
    }

    @Test
    void namesAreKeptOnceAndUpToTheLimit() {
        for (int i = 0; i < FailingTests.LIMIT + 50; i++) {
            tests.add("Test" + i);
            tests.add(" Test" + i + " ");
        }

        assertThat(tests.list()).hasSize(FailingTests.LIMIT).doesNotHaveDuplicates();
    }
}
