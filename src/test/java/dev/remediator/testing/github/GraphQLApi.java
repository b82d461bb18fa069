package dev.remediator.testing.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import graphql.validation.ValidationError;

/**
 * GitHub's GraphQL API at {@code /graphql}: every document is parsed and validated against GitHub's published schema
 * (a document GitHub would refuse is recorded as a violation), then executed by graphql-java over the fake's state.
 * The fields Remediator reads and the mutations it calls have resolvers; every other field of the schema resolves to
 * null, as a field the fake knows nothing about.
 */
final class GraphQLApi {

    /** Built once per JVM: GitHub's schema is large. */
    private static volatile GraphQLSchema schema;

    private final GitHubState state;
    private final ThreadLocal<Caller> caller = new ThreadLocal<>();
    private final GraphQL engine;

    record Answer(ApiResponse response, String operation, List<String> problems) {
    }

    GraphQLApi(GitHubState state) {
        this.state = state;
        this.engine = GraphQL.newGraphQL(schema()).build();
    }

    Answer answer(JsonNode body, Caller from) {
        String document = body == null ? null : body.path("query").asText(null);
        if (document == null) {
            return new Answer(ApiResponse.error(new ApiError(400, "A query attribute must be specified")), null,
                    List.of("the GraphQL request has no query"));
        }
        Map<String, Object> variables = body.hasNonNull("variables")
                ? Json.MAPPER.convertValue(body.get("variables"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        String operation = "graphql/" + rootField(document).orElse("?");
        if (from.kind() != Caller.Kind.INSTALLATION) {
            return new Answer(ApiResponse.error(new ApiError(401, "This endpoint requires you to be authenticated.")),
                    operation, List.of());
        }
        caller.set(from);
        try {
            ExecutionResult result = engine.execute(ExecutionInput.newExecutionInput().query(document)
                    .variables(variables).graphQLContext(Map.of(GraphQLApi.class, this)).build());
            List<String> problems = result.getErrors().stream().filter(e -> e instanceof ValidationError
                    || e.getErrorType() == graphql.ErrorType.InvalidSyntax).map(GraphQLError::getMessage).toList();
            return new Answer(ApiResponse.ok(Json.MAPPER.valueToTree(result.toSpecification())), operation, problems);
        } finally {
            caller.remove();
        }
    }

    /** The first field of the document's operation: the query or mutation a request is about, for the request log. */
    private static Optional<String> rootField(String document) {
        try {
            Document parsed = Parser.parse(document);
            return parsed.getDefinitionsOfType(OperationDefinition.class).stream().findFirst()
                    .flatMap(op -> op.getSelectionSet().getSelectionsOfType(Field.class).stream().findFirst())
                    .map(Field::getName);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Object repository(DataFetchingEnvironment env) {
        Repository repository = state.repository(env.getArgument("owner"), env.getArgument("name")).orElse(null);
        return repository != null && readable(repository, "metadata") ? repository : null;
    }

    private Object pullRequest(DataFetchingEnvironment env) {
        Repository repository = env.getSource();
        int number = env.<Integer>getArgument("number");
        if (!readable(repository, "pull_requests")) {
            throw new IllegalStateException("Resource not accessible by integration");
        }
        return repository.pullRequests().stream().filter(p -> p.number() == number).findFirst()
                .map(pull -> pullRequest(repository, pull)).orElse(null);
    }

    private Object markReadyForReview(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Located pull = writable((String) input.get("pullRequestId"));
        pull.pull().markReadyForReview();
        return payload(input, pull);
    }

    private Object enableAutoMerge(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Located pull = writable((String) input.get("pullRequestId"));
        if (pull.pull().isDraft()) {
            throw new IllegalStateException("Pull request is in draft state: auto-merge cannot be enabled");
        }
        if (!"open".equals(pull.pull().state())) {
            throw new IllegalStateException("Pull request is not open");
        }
        Object method = input.getOrDefault("mergeMethod", "MERGE");
        pull.pull().enableAutoMerge(String.valueOf(method), state.now());
        return payload(input, pull);
    }

    private record Located(Repository repository, PullRequest pull) {
    }

    private Located writable(String nodeId) {
        for (Repository repository : state.repositories()) {
            for (PullRequest pull : repository.pullRequests()) {
                if (Representations.nodeId("PullRequest", pull.id()).equals(nodeId)) {
                    InstallationToken token = caller.get().token();
                    if (!token.covers(repository)) {
                        break;
                    }
                    if (!token.grants("pull_requests", "write")) {
                        throw new IllegalStateException("Resource not accessible by integration");
                    }
                    return new Located(repository, pull);
                }
            }
        }
        throw new IllegalStateException("Could not resolve to a node with the global id of '" + nodeId + "'");
    }

    private boolean readable(Repository repository, String permission) {
        InstallationToken token = caller.get().token();
        return token.covers(repository) && (permission.equals("metadata") || token.grants(permission, "read"));
    }

    private Map<String, Object> payload(Map<String, Object> input, Located pull) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clientMutationId", input.get("clientMutationId"));
        payload.put("pullRequest", pullRequest(pull.repository(), pull.pull()));
        return payload;
    }

    private Map<String, Object> pullRequest(Repository repository, PullRequest pull) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("__typename", "PullRequest");
        node.put("id", Representations.nodeId("PullRequest", pull.id()));
        node.put("number", pull.number());
        node.put("title", pull.title());
        node.put("isDraft", pull.isDraft());
        node.put("headRefName", pull.headRef());
        node.put("headRefOid", pull.headSha());
        node.put("baseRefName", pull.baseRef());
        node.put("state", "open".equals(pull.state()) ? "OPEN" : "CLOSED");
        if (pull.autoMergeMethod() != null) {
            node.put("autoMergeRequest", Map.of("__typename", "AutoMergeRequest", "enabledAt",
                    pull.autoMergeEnabledAt().toString(), "mergeMethod", pull.autoMergeMethod()));
        }
        return node;
    }

    private static GraphQLSchema schema() {
        GraphQLSchema built = schema;
        if (built == null) {
            synchronized (GraphQLApi.class) {
                if (schema == null) {
                    schema = build();
                }
                built = schema;
            }
        }
        return built;
    }

    /**
     * GitHub's schema with resolvers that look up the state of the fake GitHub serving the request: the resolvers
     * reach it through {@link #current}, so that one schema serves every fake of the JVM.
     */
    private static GraphQLSchema build() {
        TypeDefinitionRegistry types;
        try (InputStream in = GraphQLApi.class.getResourceAsStream("/github/schema.graphql")) {
            types = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("GitHub's GraphQL schema is not readable", e);
        }
        withoutRepeatedFields(types);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new TypenameResolution());
        Set<String> builtIn = Set.of("String", "Int", "Float", "Boolean", "ID");
        for (ScalarTypeDefinition scalar : types.scalars().values()) {
            if (!builtIn.contains(scalar.getName())) {
                wiring.scalar(GraphQLScalarType.newScalar().name(scalar.getName()).coercing(new AsGiven()).build());
            }
        }
        wiring.type("Query", t -> t.dataFetcher("repository", env -> current(env).repository(env)));
        wiring.type("Repository", t -> t.dataFetcher("pullRequest", env -> current(env).pullRequest(env)));
        wiring.type("Mutation", t -> t
                .dataFetcher("markPullRequestReadyForReview", env -> current(env).markReadyForReview(env))
                .dataFetcher("enablePullRequestAutoMerge", env -> current(env).enableAutoMerge(env)));
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }

    /**
     * GitHub's published schema declares a few fields twice in one type (EnterpriseOwnerInfo's
     * repositoryDeployKeySetting, identically): graphql-java refuses that, GitHub's own server evidently does not, so
     * the first declaration is kept.
     */
    private static void withoutRepeatedFields(TypeDefinitionRegistry types) {
        for (ObjectTypeDefinition type : List.copyOf(types.getTypes(ObjectTypeDefinition.class))) {
            Set<String> seen = new java.util.HashSet<>();
            List<FieldDefinition> fields = type.getFieldDefinitions().stream().filter(f -> seen.add(f.getName())).toList();
            if (fields.size() < type.getFieldDefinitions().size()) {
                types.remove(type);
                types.add(type.transform(t -> t.fieldDefinitions(fields)));
            }
        }
    }

    private static GraphQLApi current(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(GraphQLApi.class);
    }

    /** Interfaces and unions: the object's {@code __typename} names its type. */
    private static final class TypenameResolution implements WiringFactory {
        private static final TypeResolver BY_TYPENAME = env -> env.getSchema()
                .getObjectType((String) ((Map<?, ?>) env.getObject()).get("__typename"));

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_TYPENAME;
        }
    }

    /** GitHub's custom scalars (DateTime, URI, GitObjectID...) travel as the JSON values they are. */
    @SuppressWarnings("deprecation")
    private static final class AsGiven implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value) {
            return value;
        }

        @Override
        public Object parseValue(Object input) {
            return input;
        }

        @Override
        public Object parseLiteral(Object input) {
            return input instanceof graphql.language.StringValue s ? s.getValue() : input;
        }
    }
}
