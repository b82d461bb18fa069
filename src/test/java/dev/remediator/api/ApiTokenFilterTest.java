package dev.remediator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Who the API lets in: nobody without a configured token, and only the right bearer token with one. */
class ApiTokenFilterTest {

    @Test
    void withoutAConfiguredTokenEveryCallIsRefused() {
        assertThat(ApiTokenFilter.refusal(Optional.empty(), "Bearer anything")).hasValueSatisfying(reason ->
                assertThat(reason).contains("disabled", "remediator.api.token"));
        assertThat(ApiTokenFilter.refusal(Optional.of("  "), "Bearer   ")).isPresent();
    }

    @Test
    void onlyTheConfiguredBearerTokenPasses() {
        Optional<String> token = Optional.of("s3cret");

        assertThat(ApiTokenFilter.refusal(token, "Bearer s3cret")).isEmpty();
        assertThat(ApiTokenFilter.refusal(token, null)).hasValueSatisfying(reason -> assertThat(reason).contains("missing"));
        assertThat(ApiTokenFilter.refusal(token, "Basic czNjcmV0")).isPresent();
        assertThat(ApiTokenFilter.refusal(token, "Bearer s3cre")).hasValue("wrong bearer token");
        assertThat(ApiTokenFilter.refusal(token, "Bearer s3cret2")).isPresent();
    }
}
