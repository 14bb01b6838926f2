package io.threatflow.browser;

import static io.threatflow.browser.BrowserSupport.COCKPIT;
import static io.threatflow.testing.TestPlaybooks.ASSESS;
import static io.threatflow.testing.TestPlaybooks.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.testing.TestPlaybooks;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Playbook versions in Chromium: Cockpit's own deployments page cannot delete a version that has a case, not even
 * for an administrator; a manager moves a waiting case to a new version on the Playbooks page of the Threats plugin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaybooksBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void shouldRefuseAnAdministratorDeletingAVersionWithACaseInCockpitsDeploymentsPage_andKeepTheCase() {
        String key = TestPlaybooks.newKey();
        ProcessDefinition version = TestPlaybooks.deploy(engine, key, 1);
        String caseId = runtime.startProcessInstanceById(version.getId()).getId();

        browser.login("admin", COCKPIT);
        browser.open(COCKPIT, "#/repository/?deployment=" + version.getDeploymentId());
        By deployment = By.xpath("//li[.//*[contains(normalize-space(.), '" + key + " v1')]]");
        browser.visible(deployment);
        browser.step("deployments page with the version");
        // the delete button shows on hover; a person hovers, the test clicks it directly
        WebElement delete = browser.driver().findElement(deployment).findElement(By.cssSelector("a.delete-deployment"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", delete);
        browser.visible(By.cssSelector(".delete-deployment-dialog input[name='cascade']"));
        browser.click(By.cssSelector(".delete-deployment-dialog input[name='cascade']"));
        browser.step("delete dialog, cascade chosen");
        browser.click(By.cssSelector(".modal-footer button[ng-click='deleteDeployment()']"));

        WebElement refusal = browser.until(driver -> driver.findElements(By.cssSelector(".modal-content .alert")).stream()
                .filter(alert -> alert.getText().contains("running and")).findFirst().orElse(null));
        browser.step("deletion refused");
        assertThat(refusal.getText()).contains("Could not delete deployment", "1 running and 0 finished cases",
                "X-ThreatFlow-Confirm-Delete");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
        assertThat(repository.createDeploymentQuery().deploymentId(version.getDeploymentId()).count()).isOne();
    }

    @Test
    void shouldLetAManagerMoveAWaitingCaseToTheNewVersionOnThePlaybooksPage() {
        Map<String, Object> variables = Map.of("threatNote", "<b>keep me</b>");
        TestPlaybooks.WaitingCase waiting = TestPlaybooks.waitingCase(engine, variables);

        browser.login("manager", COCKPIT);
        browser.click(By.cssSelector("a.tf-playbooks-navigation"));
        browser.visible(By.cssSelector(".tf-versions-area .tf-versions, .tf-versions-area .tf-no-versions"));
        new Select(browser.visible(By.id("tf-migration-process"))).selectByValue(waiting.key());
        new Select(browser.visible(By.id("tf-migration-source"))).selectByValue(waiting.v1().getId());
        new Select(browser.visible(By.id("tf-migration-target"))).selectByValue(waiting.v2().getId());
        browser.step("versions and migration choice");
        browser.click(By.cssSelector(".tf-plan-button"));

        By unmapped = By.cssSelector(".tf-unmapped tr[data-element='" + REVIEW + "'] select");
        browser.visible(unmapped);
        browser.step("plan: the renamed review cannot be mapped by itself");
        assertThat(browser.texts(".tf-unmapped tbody tr td:first-child")).containsExactly("Review case");
        assertThat(browser.driver().findElement(By.cssSelector(".tf-migrate-button")).isEnabled()).isFalse();

        new Select(browser.driver().findElement(unmapped)).selectByValue(ASSESS);
        browser.visible(By.cssSelector(".tf-plan[data-ready='true']"));
        browser.step("plan with the review mapped to Assess case");
        assertThat(browser.texts(".tf-instructions tr[data-source='" + REVIEW + "'] td"))
                .containsExactly("Review case", "Assess case", "chosen mapping");

        browser.click(By.cssSelector(".tf-migrate-button"));
        browser.visible(By.cssSelector(".tf-migration-progress[data-finished='true']"));
        browser.step("case moved");
        assertThat(browser.texts(".tf-migration-progress")).singleElement().asString().contains("moved 1 of 1 case");

        TestPlaybooks.assertMovedToVersion2(engine, waiting, variables);
    }
}
