package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GitHubBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

class FakeGitHubResourceTest {

    static class SomeQuarkusTest {
        @InjectFakeGitHub
        FakeGitHub github;
        FakeGitHub notAnnotated;
    }

    @Test
    void givesTheAppItsConfigurationAndInjectsTheFake() throws Exception {
        FakeGitHubResource resource = new FakeGitHubResource();
        Map<String, String> config = resource.start();
        try {
            SomeQuarkusTest test = new SomeQuarkusTest();
            resource.inject(new FieldInjector(test));

            assertThat(test.github).isSameAs(resource.github());
            assertThat(test.notAnnotated).isNull();
            assertThat(config).containsEntry("quarkus.github-app.instance-endpoint", test.github.baseUrl())
                    .containsEntry("quarkus.github-app.app-id", String.valueOf(FakeGitHub.DEFAULT_APP_ID))
                    .containsEntry("quarkus.github-app.webhook-secret", test.github.webhookSecret());
            // a JWT signed with the configured key, as the app signs it, is accepted
            String jwt = sign(config.get("quarkus.github-app.private-key"), config.get("quarkus.github-app.app-id"));
            assertThat(new GitHubBuilder().withEndpoint(test.github.baseUrl()).withJwtToken(jwt).build().getApp()
                    .getId()).isEqualTo(FakeGitHub.DEFAULT_APP_ID);
            test.github.assertNoViolations();
        } finally {
            resource.stop();
        }
    }

    private static String sign(String pem, String appId) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(appId);
        claims.setIssuedAt(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 30));
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 300));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    /** What Quarkus does with {@link TestInjector}: set the matching fields of the test instance. */
    private record FieldInjector(Object testInstance) implements TestInjector {
        @Override
        public void injectIntoFields(Object fieldValue, Predicate<Field> predicate) {
            for (Field field : testInstance.getClass().getDeclaredFields()) {
                if (predicate.test(field)) {
                    try {
                        field.setAccessible(true);
                        field.set(testInstance, fieldValue);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
