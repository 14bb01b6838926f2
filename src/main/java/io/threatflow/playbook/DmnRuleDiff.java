package io.threatflow.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The rules of each decision table a DMN change adds, removes and changes, in words a reviewer reads, e.g.
 * {@code decision sla-policy, rule Rule_SlaPolicy01 changed: "CRITICAL" → "PT15M", "PT1H" becomes "CRITICAL" → "PT30M", "PT1H"}.
 * Rules are matched by their id, as Camunda Modeler keeps it.
 */
final class DmnRuleDiff {

    private DmnRuleDiff() {
    }

    static List<String> describe(String resource, byte[] before, byte[] after) {
        Map<String, Map<String, String>> old = rules(resource, before);
        Map<String, Map<String, String>> now = rules(resource, after);
        List<String> lines = new ArrayList<>();
        now.forEach((decision, rules) -> {
            Map<String, String> previous = old.getOrDefault(decision, Map.of());
            if (!old.containsKey(decision)) {
                lines.add("decision " + decision + " is new, with " + rules.size() + " rules");
                return;
            }
            rules.forEach((id, rule) -> {
                if (!previous.containsKey(id)) {
                    lines.add("decision " + decision + ", rule " + id + " added: " + rule);
                } else if (!Objects.equals(previous.get(id), rule)) {
                    lines.add("decision " + decision + ", rule " + id + " changed: " + previous.get(id) + " becomes " + rule);
                }
            });
            previous.keySet().stream().filter(id -> !rules.containsKey(id))
                    .forEach(id -> lines.add("decision " + decision + ", rule " + id + " removed: " + previous.get(id)));
        });
        old.keySet().stream().filter(decision -> !now.containsKey(decision))
                .forEach(decision -> lines.add("decision " + decision + " removed"));
        return lines;
    }

    /** Decision id: rule id: the rule as text, inputs → outputs, with its description. */
    private static Map<String, Map<String, String>> rules(String resource, byte[] content) {
        Map<String, Map<String, String>> decisions = new LinkedHashMap<>();
        if (content == null) {
            return decisions;
        }
        NodeList found = PlaybookResource.xml(resource, content).getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < found.getLength(); i++) {
            Element decision = (Element) found.item(i);
            Map<String, String> rules = new LinkedHashMap<>();
            NodeList rows = decision.getElementsByTagNameNS("*", "rule");
            for (int j = 0; j < rows.getLength(); j++) {
                Element rule = (Element) rows.item(j);
                rules.put(rule.getAttribute("id"), text(rule));
            }
            decisions.put(decision.getAttribute("id"), rules);
        }
        return decisions;
    }

    private static String text(Element rule) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String description = "";
        for (Node child = rule.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element entry) {
                String value = entry.getTextContent().trim().replaceAll("\\s+", " ");
                switch (entry.getLocalName()) {
                    case "inputEntry" -> inputs.add(value.isEmpty() ? "-" : value);
                    case "outputEntry" -> outputs.add(value.isEmpty() ? "-" : value);
                    case "description" -> description = " (" + value + ")";
                    default -> { }
                }
            }
        }
        return String.join(", ", inputs) + " → " + String.join(", ", outputs) + description;
    }
}
