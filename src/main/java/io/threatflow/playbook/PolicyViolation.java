package io.threatflow.playbook;

/**
 * One rule of the deployment policy that a resource breaks.
 *
 * @param resource the resource name, e.g. {@code threat-remediation.bpmn}
 * @param element  the id of the offending element (BPMN element, DMN input), or the resource itself
 * @param rule     the rule it breaks, in words a modeler reads, e.g. "no script tasks"
 * @param detail   what exactly was found
 */
public record PolicyViolation(String resource, String element, String rule, String detail) {
}
