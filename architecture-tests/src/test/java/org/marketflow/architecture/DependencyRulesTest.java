package org.marketflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the modules point one way: {@code schemas} at the bottom, the jobs on {@code
 * jobs-common} and never on each other, the service beside the jobs and never on Flink. A rule that
 * fails names the offending class and the dependency.
 */
class DependencyRulesTest {

  private static final String SCHEMAS = "org.marketflow.schemas..";
  private static final String JOBS = "org.marketflow.jobs..";
  private static final String JOBS_COMMON = "org.marketflow.jobs.common..";
  private static final String SERVICE = "org.marketflow.api..";
  private static final String INGEST = "org.marketflow.ingest..";
  private static final String TEST_SUPPORT = "org.marketflow.testing..";
  private static final String JOB_RUNNER = "org.marketflow.jobs.common.JobRunner";

  private final JavaClasses classes = ModuleClasses.all();

  @Test
  void everyModuleIsChecked() {
    assertThat(classes.containPackage("org.marketflow.api")).isTrue();
    assertThat(classes.containPackage("org.marketflow.jobs.ohlc")).isTrue();
    assertThat(classes.containPackage("org.marketflow.jobs.microstructure.book")).isTrue();
    assertThat(classes.containPackage("org.marketflow.jobs.common")).isTrue();
    assertThat(classes.containPackage("org.marketflow.jobs.analytics.estimators")).isTrue();
    assertThat(classes.containPackage("org.marketflow.schemas.kafka")).isTrue();
  }

  @Test
  void theServiceDoesNotImportFlink() {
    check(
        noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.flink..")
            .because("the service runs beside the jobs, not in Flink"));
  }

  @Test
  void aJobDoesNotImportQuarkusOrTheService() {
    check(
        noClasses()
            .that()
            .resideInAPackage(JOBS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.quarkus..", "jakarta.ws.rs..", "jakarta.enterprise..", SERVICE));
  }

  @Test
  void aJobDoesNotImportAnotherJob() {
    check(
        slices()
            .matching("org.marketflow.jobs.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(resideInAPackage(JOBS), resideInAPackage(JOBS_COMMON))
            .because("what two jobs share belongs in jobs-common"));
  }

  @Test
  void jobsCommonDoesNotImportAJob() {
    check(
        noClasses()
            .that()
            .resideInAPackage(JOBS_COMMON)
            .should()
            .dependOnClassesThat(resideInAPackage(JOBS).and(not(resideInAPackage(JOBS_COMMON)))));
  }

  @Test
  void schemasImportNothingOfOurs() {
    check(
        noClasses()
            .that()
            .resideInAPackage(SCHEMAS)
            .should()
            .dependOnClassesThat(
                resideInAPackage("org.marketflow..").and(not(resideInAPackage(SCHEMAS))))
            .because("every module reads the data contracts; they read none of them"));
  }

  @Test
  void aFunctionDoesNotImportASink() {
    check(
        noClasses()
            .that()
            .resideInAPackage("..functions..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "..sinks..",
                "..jdbc..",
                "..redis..",
                "org.apache.flink.connector..",
                "java.sql..",
                "redis.clients..")
            .because("functions compute; a job's wiring connects them to stores"));
  }

  @Test
  void theMicrostructureBookAndMetricsDoNotImportFlink() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                "org.marketflow.jobs.microstructure.book..",
                "org.marketflow.jobs.microstructure.metrics..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.flink..")
            .because(
                "the book and the formulas are plain Java, tested without Flink; their Flink"
                    + " serializers live in the state package"));
  }

  @Test
  void theAnalyticsEstimatorsDoNotImportFlink() {
    check(
        noClasses()
            .that()
            .resideInAPackage("org.marketflow.jobs.analytics.estimators..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.apache.flink..", "org.apache.avro..", "org.marketflow.schemas..")
            .because("the estimators are plain Java on plain inputs, tested without Flink"));
  }

  @Test
  void feedHandlersDoNotImportFlink() {
    check(
        noClasses()
            .that()
            .resideInAPackage(INGEST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.flink..", JOBS, SERVICE)
            .because("feed handlers publish to Kafka; any job may read what they publish"));
  }

  @Test
  void onlyTheLocalRunAndTheBenchmarksUseTheTestServers() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(SCHEMAS, JOBS, SERVICE, INGEST, "org.marketflow.migrate..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TEST_SUPPORT));
  }

  @Test
  void jobsUseNoRemovedFlinkApis() {
    check(
        noClasses()
            .that()
            .resideInAPackage(JOBS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.apache.flink.streaming.api.functions.source.legacy..",
                "org.apache.flink.streaming.api.functions.sink.legacy..")
            .because("Flink 2 jobs use Source and Sink V2"));
  }

  @Test
  void jobsAndTheServiceNeitherPrintNorSleep() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(JOBS, SERVICE)
            .and()
            .doNotHaveFullyQualifiedName(JOB_RUNNER)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because(
                "jobs and the service log through SLF4J or JBoss Logging; only a job's command"
                    + " line (JobRunner.run) answers arguments it refuses on stderr"));
    check(
        noClasses()
            .that()
            .resideInAnyPackage(JOBS, SERVICE)
            .should()
            .callMethod(Thread.class, "sleep", long.class)
            .because("operators and request threads never wait on the clock"));
  }

  private void check(ArchRule rule) {
    rule.check(classes);
  }
}
