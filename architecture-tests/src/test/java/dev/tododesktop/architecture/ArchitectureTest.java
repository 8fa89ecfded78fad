package dev.tododesktop.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked against the main classes of every module (tests are
 * not imported). A failure names the class and the dependency that broke the rule.
 */
class ArchitectureTest {

    private static final String OURS = "dev.tododesktop..";
    private static final String CONTRACT = "dev.tododesktop.contract..";
    private static final String STORE = "dev.tododesktop.store..";
    private static final String CLIENT_API = "dev.tododesktop.client.api..";
    private static final String[] CLIENT_SCREENS = {"dev.tododesktop.client.app..", "dev.tododesktop.client.ui.."};
    private static final String[] OKHTTP = {"okhttp3..", "okio.."};
    private static final String[] HTTP = {"okhttp3..", "okio..", "java.net.http..", "io.javalin..", "org.eclipse.jetty..",
            "jakarta.servlet.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tododesktop");
    }

    /** A store's or service's class; its records and enums are data a screen may show. */
    private static final DescribedPredicate<JavaClass> STORE_CLASS = resideInAPackage(STORE)
            .and(new DescribedPredicate<>("not a record or an enum") {
                @Override
                public boolean test(JavaClass c) {
                    return !c.isRecord() && !c.isEnum();
                }
            });

    @Test
    void every_module_has_its_classes_loaded() {
        // Guards the rules below against passing on an empty import.
        for (String pkg : new String[] {"dev.tododesktop.contract", "dev.tododesktop.server", "dev.tododesktop.store",
                "dev.tododesktop.client", "dev.tododesktop.testing"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes of " + pkg + " were imported");
            }
        }
    }

    @Test
    void no_package_depends_on_itself_through_others() {
        slices().matching("dev.tododesktop.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void only_the_clients_app_and_ui_packages_know_javafx() {
        noClasses().that().resideInAPackage(OURS).and().resideOutsideOfPackages(CLIENT_SCREENS)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("screens are app/ui; everything else must run and be tested without a display")
                .check(classes);
    }

    @Test
    void only_the_clients_api_package_knows_okhttp() {
        noClasses().that().resideInAPackage(OURS).and().resideOutsideOfPackage(CLIENT_API)
                .should().dependOnClassesThat().resideInAnyPackage(OKHTTP)
                .because("the HTTP client is swappable behind api's own types (ApiResult, EventStream, …)")
                .check(classes);
    }

    @Test
    void the_local_store_knows_neither_http_nor_javafx() {
        noClasses().that().resideInAPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .orShould().dependOnClassesThat().resideInAPackage("javafx..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .because("the store is disk only: the sync engine talks to the server, the UI to the person")
                .check(classes);
    }

    @Test
    void the_contract_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage(CONTRACT)
                .should().dependOnClassesThat(resideInAPackage(OURS).and(resideOutsideOfPackage(CONTRACT)))
                .because("server and client both build on it; it builds on neither")
                .check(classes);
    }

    @Test
    void controllers_only_bind_and_touch_no_store_or_api_class() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat(STORE_CLASS.or(resideInAnyPackage(CLIENT_API))
                        .as("are a store or API class"))
                .because("a controller binds its view to its view model, which does the work")
                .check(classes);
    }

    @Test
    void view_models_never_touch_the_fx_platform() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .because("view models are plain Java, tested without a screen; the UI executor is passed in")
                .check(classes);
    }
}
