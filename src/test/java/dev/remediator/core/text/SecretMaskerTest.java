package dev.remediator.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

    private static final String TOKEN_BODY = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @ParameterizedTest
    @ValueSource(strings = { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" })
    void gitHubTokensAreMasked(String prefix) {
        assertThat(SecretMasker.mask("token=" + prefix + TOKEN_BODY + " used")).isEqualTo("token=*** used");
    }

    @Test
    void fineGrainedPersonalAccessTokensAreMasked() {
        String token = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV";

        assertThat(SecretMasker.mask("GH_TOKEN: " + token)).isEqualTo("GH_TOKEN: ***");
    }

    @Test
    void awsKeysAreMaskedAndTheirLabelsKept() {
        assertThat(SecretMasker.mask("key id AKIAIOSFODNN7EXAMPLE ok")).isEqualTo("key id *** ok");
        assertThat(SecretMasker.mask("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))
                .isEqualTo("aws_secret_access_key = ***");
    }

    @Test
    void theBodyOfAPrivateKeyBlockIsMasked() {
        String block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7vbqajDw4o6gJy8UtmIbkcpnkO3Kwc4qsEnSZp/TR+fQi62F\n"
                + "-----END RSA PRIVATE KEY-----";

        assertThat(SecretMasker.mask("before\n" + block + "\nafter"))
                .isEqualTo("before\n-----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY-----\nafter");
        assertThat(SecretMasker.mask("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA (cut off)"))
                .isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----***");
    }

    @Test
    void authorizationHeadersKeepTheirSchemeAndLoseTheirCredentials() {
        assertThat(SecretMasker.mask("curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc' https://x"))
                .isEqualTo("curl -H 'Authorization: Bearer ***' https://x");
        assertThat(SecretMasker.mask("authorization: token 0123456789abcdef")).isEqualTo("authorization: token ***");
        assertThat(SecretMasker.mask("Proxy-Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Proxy-Authorization: Basic ***");
    }

    @Test
    void passwordsInUrlsAreMaskedAndTheUserKept() {
        assertThat(SecretMasker.mask("git clone https://deploy:s3cr3t-Pa55@git.example.com/repo.git"))
                .isEqualTo("git clone https://deploy:***@git.example.com/repo.git");
    }

    @Test
    void ordinaryLogTextIsLeftAlone() {
        String line = "Checked out 4cd33ef59e1b6d327e9e3da0e6063217f076afef at https://github.com/org/repo (id 550e8400-e29b-41d4-a716-446655440000) ***";

        assertThat(SecretMasker.mask(line)).isEqualTo(line);
        assertThat(SecretMasker.mask(null)).isNull();
        assertThat(SecretMasker.mask("")).isEmpty();
    }
}
