package dev.tododesktop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.Task;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps openapi.yaml and the records in step: every contract record, enum and sealed union has a
 * component schema of the same name whose properties, required list, enum values or union
 * members are exactly what the shared mapper reads and writes; and the paths match ApiPaths.
 */
class OpenApiDriftTest {

    private static final ObjectMapper MAPPER = ApiJson.mapper();
    /** Optional in JSON: the record leaves the property out in these cases. */
    private static final Set<JsonInclude.Include> OMITTABLE = Set.of(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_EMPTY,
            JsonInclude.Include.NON_DEFAULT);

    private static JsonNode openApi;
    private static Map<String, Class<?>> contractTypes;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        try (InputStream in = ApiJson.class.getResourceAsStream("openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the classpath next to ApiJson").isNotNull();
            openApi = new YAMLMapper().readTree(in);
        }
        contractTypes = scanContractTypes();
    }

    @Test
    void declaresOpenApi31() {
        assertThat(openApi.path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void everyContractTypeHasASchemaAndEverySchemaAType() {
        assertThat(contractTypes).as("contract types found by the scan").containsKeys("Task", "Problem", "Mutation");
        assertThat(fieldNames(schemas())).containsExactlyInAnyOrderElementsOf(contractTypes.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachSchemaMatchesItsJavaType() {
        return contractTypes.entrySet().stream().map(entry -> dynamicTest(entry.getKey(),
                () -> assertThat(drift(schemas().path(entry.getKey()), entry.getValue())).isEmpty()));
    }

    @Test
    void theDriftCheckNoticesARemovedPropertyARenamedOneAndAnOptionalRequiredOne() {
        var schema = (ObjectNode) schemas().get("Task").deepCopy();
        assertThat(drift(schema, Task.class)).isEmpty();

        ((ObjectNode) schema.get("properties")).remove("due_at");
        assertThat(drift(schema, Task.class)).anyMatch(d -> d.contains("due_at"));

        var renamed = (ObjectNode) schemas().get("Task").deepCopy();
        ((ObjectNode) renamed.get("properties")).set("dueAt", renamed.get("properties").get("due_at"));
        ((ObjectNode) renamed.get("properties")).remove("due_at");
        assertThat(drift(renamed, Task.class)).anyMatch(d -> d.contains("dueAt"));

        var optional = (ObjectNode) schemas().get("Task").deepCopy();
        var required = (ArrayNode) optional.get("required");
        required.remove(indexOf(required, "version"));
        assertThat(drift(optional, Task.class)).anyMatch(d -> d.contains("version"));
    }

    @Test
    void everyApiPathIsDocumentedAndEveryDocumentedPathIsInApiPaths() throws IllegalAccessException {
        var constants = new TreeSet<String>();
        for (Field field : ApiPaths.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String value = (String) field.get(null);
                if (value.startsWith("/")) {
                    constants.add(value);
                }
            }
        }
        assertThat(constants).hasSize(17);
        assertThat(fieldNames(openApi.path("paths"))).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void everyReferenceResolves() {
        var refs = new TreeSet<String>();
        collectRefs(openApi, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(openApi.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        });
    }

    @TestFactory
    Stream<DynamicTest> everyOperationDocumentsTheStatusCodesOfTheContractsGeneralRules() {
        return operations().map(op -> dynamicTest(op.method() + " " + op.path(), () -> {
            var codes = fieldNames(op.node().path("responses"));
            var errorCodes = codes.stream().filter(code -> code.startsWith("4") || code.startsWith("5")).toList();
            for (String code : errorCodes) {
                JsonNode response = resolve(op.node().path("responses").path(code));
                assertThat(response.path("content").path(Problem.MEDIA_TYPE).path("schema").path("$ref").asText())
                        .as(code + " answers with a problem").isEqualTo("#/components/schemas/Problem");
            }
            boolean authenticated = !op.node().has("security") || !op.node().get("security").isEmpty();
            if (authenticated) {
                assertThat(codes).as("needs a token, so may answer 401").contains("401");
            }
            if (op.path().contains("{user_id}")) {
                assertThat(codes).as("a foreign user_id is 404").contains("404");
            }
            if (op.node().has("requestBody")) {
                assertThat(codes).as("a body may be malformed or too large").contains("400", "413");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPathTemplateParameterIsDeclared() {
        return operations().map(op -> dynamicTest(op.method() + " " + op.path(), () -> {
            var declared = new TreeSet<String>();
            var parameters = new ArrayList<JsonNode>();
            openApi.path("paths").path(op.path()).path("parameters").forEach(parameters::add);
            op.node().path("parameters").forEach(parameters::add);
            parameters.stream().map(OpenApiDriftTest::resolve).filter(p -> p.path("in").asText().equals("path"))
                    .forEach(p -> declared.add(p.path("name").asText()));
            var inTemplate = new TreeSet<String>();
            java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path()).results().forEach(m -> inTemplate.add(m.group(1)));
            assertThat(declared).isEqualTo(inTemplate);
        }));
    }

    private record Operation(String path, String method, JsonNode node) {}

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static Stream<Operation> operations() {
        var operations = new ArrayList<Operation>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> HTTP_METHODS.contains(method.getKey()))
                .forEach(method -> operations.add(new Operation(path.getKey(), method.getKey().toUpperCase(), method.getValue()))));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        return operations.stream();
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? openApi.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** Human-readable differences between a component schema and the Java type; empty when in step. */
    static List<String> drift(JsonNode schema, Class<?> type) {
        var problems = new ArrayList<String>();
        if (schema.isMissingNode()) {
            return List.of("no schema for " + type.getSimpleName());
        }
        if (type.isEnum()) {
            var wire = Arrays.stream(type.getEnumConstants()).map(c -> MAPPER.convertValue(c, String.class)).toList();
            var documented = StreamSupport.stream(schema.path("enum").spliterator(), false).map(JsonNode::asText).toList();
            if (!wire.equals(documented)) {
                problems.add("enum " + documented + " but Java writes " + wire);
            }
        } else if (type.isSealed()) {
            var members = Arrays.stream(type.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toSet());
            var documented = StreamSupport.stream(schema.path("oneOf").spliterator(), false)
                    .map(n -> n.path("$ref").asText().replace("#/components/schemas/", ""))
                    .collect(Collectors.toSet());
            if (!members.equals(documented)) {
                problems.add("oneOf " + documented + " but Java permits " + members);
            }
        } else {
            Map<String, BeanPropertyDefinition> written = jacksonProperties(type);
            var documented = fieldNames(schema.path("properties"));
            diff("property", documented, written.keySet(), problems);

            var required = new TreeSet<String>();
            schema.path("required").forEach(n -> required.add(n.asText()));
            var alwaysWritten = written.values().stream()
                    .filter(p -> !OMITTABLE.contains(p.findInclusion().getValueInclusion()))
                    .map(BeanPropertyDefinition::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            diff("required property", required, alwaysWritten, problems);

            var read = MAPPER.getDeserializationConfig()
                    .introspect(MAPPER.constructType(type)).findProperties().stream()
                    .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
            read.stream().filter(name -> !documented.contains(name))
                    .forEach(name -> problems.add("Java reads undocumented property " + name));
        }
        return problems;
    }

    private static Map<String, BeanPropertyDefinition> jacksonProperties(Class<?> type) {
        return MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type)).findProperties().stream()
                .filter(BeanPropertyDefinition::couldSerialize)
                .collect(Collectors.toMap(BeanPropertyDefinition::getName, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private static void diff(String what, Set<String> documented, Set<String> java, List<String> problems) {
        documented.stream().filter(n -> !java.contains(n)).forEach(n -> problems.add("documented " + what + " " + n + " missing in Java"));
        java.stream().filter(n -> !documented.contains(n)).forEach(n -> problems.add("Java " + what + " " + n + " not documented"));
    }

    private static JsonNode schemas() {
        return openApi.path("components").path("schemas");
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new TreeSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int indexOf(ArrayNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(value)) {
                return i;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    /**
     * Every public top-level record, enum and sealed interface of the module's main classes.
     * {@link FieldUpdate} is left out: it wraps one property and has no schema of its own.
     */
    private static Map<String, Class<?>> scanContractTypes() throws IOException, URISyntaxException {
        Path root = Path.of(ApiJson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var types = new TreeMap<String, Class<?>>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = load(name);
                boolean data = type.isRecord() || type.isEnum() || (type.isInterface() && type.isSealed());
                if (data && Modifier.isPublic(type.getModifiers()) && type != FieldUpdate.class) {
                    Class<?> previous = types.put(type.getSimpleName(), type);
                    assertThat(previous).as("two contract types named " + type.getSimpleName()).isNull();
                }
            }
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiJson.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
