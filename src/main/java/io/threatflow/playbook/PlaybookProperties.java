package io.threatflow.playbook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reviewRequired a playbook change goes live only after a second person approves it; off only for a
 *                       single-person lab, where a change deploys at once (still complete and checked)
 */
@ConfigurationProperties("threatflow.playbooks")
record PlaybookProperties(@DefaultValue("true") boolean reviewRequired) {
}
