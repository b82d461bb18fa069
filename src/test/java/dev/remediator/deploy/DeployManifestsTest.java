package dev.remediator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** Parses every manifest under {@code deploy/} and checks what an operator relies on. */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<JsonNode> MANIFESTS = new ArrayList<>();

    @BeforeAll
    static void parseEveryManifest() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                        assertThat(document.path("kind").asText()).as("kind of a document in %s", file).isNotBlank();
                        MANIFESTS.add(document);
                    });
                }
            }
        }
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = MANIFESTS.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode kustomization() throws IOException {
        return YAML.readTree(DEPLOY.resolve("kustomization.yaml").toFile());
    }

    @Test
    void theNamespaceIsCreatedBeforeTheSecretNotByTheKustomization() throws IOException {
        assertThat(MANIFESTS).noneMatch(m -> "Namespace".equals(m.path("kind").asText()));
        assertThat(kustomization().path("namespace").asText()).isEqualTo("remediator");
        for (JsonNode resource : kustomization().path("resources")) {
            assertThat(DEPLOY.resolve(resource.asText())).exists();
        }
        assertThat(Files.readString(DEPLOY.resolve("secret.example.yaml"))).contains("kubectl create namespace remediator");
    }

    @Test
    void thePodsAreHardenedAndSpread() {
        JsonNode deployment = one("Deployment");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(pod.path("automountServiceAccountToken").isBoolean()).isTrue();
        assertThat(pod.path("automountServiceAccountToken").asBoolean()).isFalse();
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("topologySpreadConstraints")).anySatisfy(spread -> {
            assertThat(spread.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
            assertThat(spread.path("labelSelector").path("matchLabels"))
                    .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
        });
        JsonNode container = pod.path("containers").path(0);
        assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("securityContext").path("capabilities").path("drop").toString()).contains("ALL");
        assertThat(container.path("env").findValuesAsText("name")).contains("JAVA_TOOL_OPTIONS")
                .doesNotContain("JAVA_OPTS_APPEND");
    }

    @Test
    void theAppsSlugComesFromTheSecret() {
        assertThat(one("ConfigMap").path("data").has("QUARKUS_GITHUB_APP_APP_NAME")).isFalse();
        assertThat(one("Secret").path("stringData").has("QUARKUS_GITHUB_APP_APP_NAME")).isTrue();
        JsonNode container = one("Deployment").path("spec").path("template").path("spec").path("containers").path(0);
        assertThat(container.path("envFrom").findValuesAsText("name")).contains("remediator-github-app");
    }

    @Test
    void aDisruptionLeavesOneReplica() {
        JsonNode budget = one("PodDisruptionBudget");
        assertThat(budget.path("spec").path("minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(one("Deployment").path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void theNetworkPolicyLetsInTheIngressControllerAndOutGitHubAndTheDatabase() {
        JsonNode policy = one("NetworkPolicy").path("spec");
        assertThat(policy.path("podSelector").path("matchLabels"))
                .isEqualTo(one("Deployment").path("spec").path("selector").path("matchLabels"));
        assertThat(policy.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(policy.path("ingress").findValuesAsText("kubernetes.io/metadata.name")).contains("ingress-nginx");
        List<Integer> egressPorts = policy.path("egress").findValues("port").stream().map(JsonNode::asInt).toList();
        assertThat(egressPorts).contains(443, 5432, 53);
    }

    @Test
    void theIngressServesTheServiceOverTls() {
        JsonNode ingress = one("Ingress").path("spec");
        String host = ingress.path("rules").path(0).path("host").asText();
        assertThat(ingress.path("tls").path(0).path("hosts").toString()).contains(host);
        assertThat(ingress.path("tls").path(0).path("secretName").asText()).isNotBlank();
        assertThat(ingress.path("rules").path(0).path("http").path("paths").path(0).path("backend").path("service")
                .path("name").asText()).isEqualTo(one("Service").path("metadata").path("name").asText());
    }

    @Test
    void theOptionalDatabaseIsACloudNativePgClusterWithBackups() throws IOException {
        assertThat(kustomization().path("resources").toString()).doesNotContain("postgres");
        JsonNode component = YAML.readTree(DEPLOY.resolve("postgres/kustomization.yaml").toFile());
        assertThat(component.path("kind").asText()).isEqualTo("Component");
        JsonNode cluster = one("Cluster");
        assertThat(cluster.path("apiVersion").asText()).startsWith("postgresql.cnpg.io/");
        assertThat(cluster.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText())
                .isNotBlank();
        assertThat(one("ScheduledBackup").path("spec").path("cluster").path("name").asText())
                .isEqualTo(cluster.path("metadata").path("name").asText());
    }
}
