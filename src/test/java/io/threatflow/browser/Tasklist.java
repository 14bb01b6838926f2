package io.threatflow.browser;

import io.threatflow.testing.RawApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Camunda Tasklist as a person uses it: filters on the left, the task list, and the task view with its
 * Camunda Form (form-js), whose fields are found by their labels.
 */
final class Tasklist {

    private static final String TASK_NAMES = ".tasks-list li.task h4.task a";
    private static final By FORM = By.cssSelector("[cam-tasklist-form] form.fjs-form");
    private static final By ENABLED_FORM = By.cssSelector("[cam-tasklist-form] > div:not(.disabled-form) form.fjs-form");
    private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] button[ng-click='complete()']");

    private final BrowserSupport browser;

    Tasklist(BrowserSupport browser) {
        this.browser = browser;
    }

    /** Logs in and waits for the filters, so that Tasklist is ready to use. */
    static Tasklist loginAs(BrowserSupport browser, String user) {
        browser.login(user, BrowserSupport.TASKLIST);
        browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter"));
        return new Tasklist(browser);
    }

    /**
     * Makes the task due first, as administrators may, so that it heads its queue: the queues open with the task due
     * first, and the tests' shared database holds open tasks of every other test, some due sooner than a new one.
     */
    static void putFirstInQueue(TestRestTemplate http, String taskId) {
        RawApi admin = RawApi.as(http, "admin");
        Map<String, Object> stored = admin.get("/engine-rest/task/" + taskId).json();
        // PUT replaces every property it takes; keep all but the due date
        Map<String, Object> task = new HashMap<>();
        for (String property : List.of("name", "description", "priority", "assignee", "owner", "delegationState",
                "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
            task.put(property, stored.get(property));
        }
        task.put("due", "2001-01-01T00:00:00.000+0000");
        RawApi.Answer updated = admin.put("/engine-rest/task/" + taskId, task);
        if (updated.status() != 204) {
            throw new IllegalStateException("could not move task " + taskId + " to the head of its queue: " + updated);
        }
    }

    /** Focuses the filter and waits until its list shows the task (put it first with {@link #putFirstInQueue}). */
    Tasklist showFilter(String filter, String expectedTaskId) {
        selectFilter(filter);
        browser.visible(taskLink(expectedTaskId));
        return this;
    }

    /** Focuses the filter and waits until its list has loaded, whether or not it holds any task. */
    Tasklist showFilter(String filter) {
        selectFilter(filter);
        browser.until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list li.task")),
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasks] .well"))));
        return this;
    }

    private void selectFilter(String filter) {
        browser.click(filterLink(filter));
        // the focused filter shows its task count; until then the list may still show the previous filter
        browser.visible(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
                + "//a[normalize-space(text())='" + filter + "']/span[contains(@class,'counter')]"));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasks] > .loader")));
    }

    /** The name of the filter Tasklist has focused (without its task count). */
    String activeFilter() {
        return browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter.active h4.name a")).getText()
                .replaceFirst("\\s*\\d+$", "");
    }

    /** The names of the filters the user may use, in Tasklist's order. */
    List<String> filterNames() {
        browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter"));
        return browser.texts("[cam-tasklist-filters] .task-filter h4.name a").stream()
                .map(name -> name.replaceFirst("\\s*\\d+$", "")).toList();
    }

    /** The names of the tasks the list shows now. */
    List<String> taskNames() {
        return browser.texts(TASK_NAMES);
    }

    /** Opens the task from the list, claims it, and waits until its form can be filled in. */
    Tasklist openAndClaim(String taskId) {
        open(taskId);
        browser.click(By.cssSelector("button.claim"));
        browser.visible(ENABLED_FORM);
        return this;
    }

    /** Opens the task from the list and waits for its form. */
    Tasklist open(String taskId) {
        browser.click(taskLink(taskId));
        browser.visible(FORM);
        return this;
    }

    WebElement field(String label) {
        WebElement labelElement = browser.visible(By.xpath("//form[contains(@class,'fjs-form')]"
                + "//label[contains(@class,'fjs-form-field-label')][normalize-space(text())='" + label + "']"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    String value(String label) {
        return field(label).getDomProperty("value");
    }

    Tasklist tick(String label, boolean ticked) {
        WebElement checkbox = field(label);
        if (checkbox.isSelected() != ticked) {
            browser.click(By.id(checkbox.getAttribute("id")));
        }
        browser.until(ExpectedConditions.elementSelectionStateToBe(By.id(checkbox.getAttribute("id")), ticked));
        return this;
    }

    /** Picks the radio button whose label is {@code option}. */
    Tasklist pick(String option) {
        WebElement label = browser.visible(By.xpath("//form[contains(@class,'fjs-form')]"
                + "//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space()='" + option + "']"));
        String id = label.getAttribute("for");
        By radio = id != null && !id.isBlank() ? By.id(id)
                : By.xpath("//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-form-field-radio')]"
                        + "//label[normalize-space()='" + option + "']//input[@type='radio']");
        browser.click(radio);
        browser.until(ExpectedConditions.elementSelectionStateToBe(radio, true));
        return this;
    }

    /** Opens the select's dropdown and picks the option with the given label. */
    Tasklist choose(String label, String option) {
        String id = field(label).getAttribute("id");
        browser.click(By.id(id + "-display"));
        browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
        browser.until(ExpectedConditions.textToBe(By.id(id + "-display"), option));
        return this;
    }

    Tasklist type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
        browser.until(ExpectedConditions.attributeToBe(input, "value", text));
        return this;
    }

    /** Whether the open form has a field with this label. */
    boolean hasField(String label) {
        return !browser.driver().findElements(By.xpath("//form[contains(@class,'fjs-form')]"
                + "//label[contains(@class,'fjs-form-field-label')][normalize-space(text())='" + label + "']")).isEmpty();
    }

    /**
     * What the open form shows: its text and the values in its fields (a select's field holds the label it shows),
     * which the page text leaves out.
     */
    String formText() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const form = document.querySelector('[cam-tasklist-form] form.fjs-form');"
                        + "const fields = form.querySelectorAll('input:not([type=hidden]):not([type=radio])"
                        + ":not([type=checkbox]), textarea');"
                        + "return form.innerText + '\\n' + Array.from(fields).map(f => f.value).join('\\n');");
    }

    /** Completes the task and waits until the list no longer shows it. */
    void complete(String taskId) {
        browser.click(COMPLETE);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(taskId)));
    }

    static By taskLink(String taskId) {
        return By.cssSelector(".tasks-list li.task h4.task a[href='#/?task=" + taskId + "']");
    }

    private static By filterLink(String filter) {
        return By.xpath("//div[contains(@class,'task-filter')]//a[normalize-space(text())='" + filter + "']");
    }
}
