package ma.bawaba;

import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md, checked by the build: dependencies point down, from the services to the case kit to
 * the platform, and never back up or across. (Plain JUnit tests: Surefire 3.5.3 silently skips ArchUnit's
 * {@code @ArchTest} fields.)
 */
class ArchitectureTest {

    private static final JavaClasses BAWABA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ma.bawaba");

    private static final String[] ABOVE_THE_PLATFORM = {"ma.bawaba.cases..", "ma.bawaba.complaints..",
            "ma.bawaba.information..", "ma.bawaba.documents..", "ma.bawaba.faq..", "ma.bawaba.reference..", "ma.bawaba.admin..",
            "ma.bawaba.demo..", "ma.bawaba.statistics..", "ma.bawaba.inbox..", "ma.bawaba.webhooks..", "ma.bawaba.mail.."};

    @Test
    void thePlatformDependsOnNoServiceNorReferenceData() {
        noClasses()
                .that().resideInAPackage("ma.bawaba.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_PLATFORM)
                .because("the platform is what every service reuses; it reads what it needs through interfaces")
                .check(BAWABA);
    }

    @Test
    void theCaseKitKnowsNoService() {
        noClasses()
                .that().resideInAPackage("ma.bawaba.cases..")
                .should().dependOnClassesThat().resideInAnyPackage("ma.bawaba.complaints..", "ma.bawaba.information..",
                        "ma.bawaba.documents..", "ma.bawaba.faq..", "ma.bawaba.admin..", "ma.bawaba.demo..", "ma.bawaba.statistics..",
                        "ma.bawaba.inbox..", "ma.bawaba.webhooks..", "ma.bawaba.mail..")
                .because("a service is a thin addition to the case kit, which must not need to know it")
                .check(BAWABA);
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        slices()
                .matching("ma.bawaba.(complaints|information|documents|faq)..")
                .should().notDependOnEachOther()
                .because("what two services share belongs in the case kit or the platform (administration and the demo"
                        + " data sit above them and may use several)")
                .check(BAWABA);
    }

    /**
     * The edge: resources, mappers and the {@code web} packages, nested classes included. They alone see the HTTP layer
     * and the classes generated from the contract.
     */
    private static final String EDGE_PACKAGES = "..web..";
    private static final String EDGE_CLASS_NAMES = ".*(Resource|Mapper)(\\$.*)?";

    private static final String GENERATED_CONTRACT = "ma.bawaba.contract..";

    /** JAX-RS and what serves it here: RESTEasy Reactive and Vert.x's HTTP requests and routes. */
    private static final String[] HTTP = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.core.http..",
            "io.vertx.ext.web..", "io.quarkus.vertx.http.."};

    private static String[] outsideTheEdge() {
        return new String[] {EDGE_PACKAGES, GENERATED_CONTRACT};
    }

    @Test
    void onlyTheEdgeSeesHttpAndTheContract() {
        noClasses()
                .that().resideOutsideOfPackages(outsideTheEdge())
                .and().haveNameNotMatching(EDGE_CLASS_NAMES)
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .orShould().dependOnClassesThat().resideInAPackage(GENERATED_CONTRACT)
                .because("services take domain commands and an expected version and return views; resources and mappers"
                        + " translate between them and the contract (STYLE.md, \"The edge\")")
                .check(BAWABA);
    }

    @Test
    void servicesDoNotCallMappers() {
        noClasses()
                .that().resideOutsideOfPackages(outsideTheEdge())
                .and().haveNameNotMatching(EDGE_CLASS_NAMES)
                .should().dependOnClassesThat(nameMatching("ma\\.bawaba\\..*Mapper(\\$.*)?"))
                .because("mappers are edge code: a service that needs one would be answering in the contract's terms")
                .check(BAWABA);
    }

    @Test
    void nothingButQuarkusCallsAResource() {
        noClasses()
                .that().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .because("resources are the outer edge: they call services, never the reverse")
                .check(BAWABA);
    }

    @Test
    void thereAreNoPackageCycles() {
        slices().matching("ma.bawaba.(*)..").should().beFreeOfCycles()
                .check(BAWABA);
    }
}
