package ma.bawaba;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of STYLE.md, checked by the build: dependencies point down, from the services to the case kit to
 * the platform, and never back up or across.
 */
@AnalyzeClasses(packages = "ma.bawaba", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ABOVE_THE_PLATFORM = {"ma.bawaba.cases..", "ma.bawaba.complaints..",
            "ma.bawaba.information..", "ma.bawaba.faq..", "ma.bawaba.reference..", "ma.bawaba.admin..", "ma.bawaba.demo.."};

    @ArchTest
    static final ArchRule thePlatformDependsOnNoServiceNorReferenceData = noClasses()
            .that().resideInAPackage("ma.bawaba.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_PLATFORM)
            .because("the platform is what every service reuses; it reads what it needs through interfaces");

    @ArchTest
    static final ArchRule theCaseKitKnowsNoService = noClasses()
            .that().resideInAPackage("ma.bawaba.cases..")
            .should().dependOnClassesThat().resideInAnyPackage("ma.bawaba.complaints..", "ma.bawaba.information..",
                    "ma.bawaba.faq..", "ma.bawaba.admin..", "ma.bawaba.demo..")
            .because("a service is a thin addition to the case kit, which must not need to know it");

    @ArchTest
    static final ArchRule servicesDoNotDependOnEachOther = slices()
            .matching("ma.bawaba.(complaints|information|faq)..")
            .should().notDependOnEachOther()
            .because("what two services share belongs in the case kit or the platform (administration and the demo"
                    + " data sit above them and may use several)");

    @ArchTest
    static final ArchRule nothingButQuarkusCallsAResource = noClasses()
            .that().haveSimpleNameNotEndingWith("Resource")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
            .because("resources are the outer edge: they call services, never the reverse");

    @ArchTest
    static final ArchRule thereAreNoPackageCycles = slices().matching("ma.bawaba.(*)..").should().beFreeOfCycles();
}
