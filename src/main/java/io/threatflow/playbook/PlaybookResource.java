package io.threatflow.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * One file of a playbook, read for what it defines (process, decision and form keys) and what it refers to.
 * An unreadable file (not XML or JSON, a DOCTYPE, a form without id) is an {@link InvalidPlaybookException}.
 *
 * @param name    the resource name, e.g. {@code sla-policy.dmn}
 * @param content the file as deployed
 */
record PlaybookResource(String name, byte[] content, Kind kind, Set<Definition> defines, List<Reference> references) {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String FORM_KEY_PREFIX = "camunda-forms:deployment:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of file a playbook holds, by ending. */
    enum Kind {
        BPMN(".bpmn"), DMN(".dmn"), FORM(".form");

        final String ending;

        Kind(String ending) {
            this.ending = ending;
        }

        static Kind of(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (lower.endsWith(kind.ending)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** What a reference points at: a process, decision or form by key, or a resource of the deployment by name. */
    enum Target { PROCESS, DECISION, FORM, RESOURCE }

    /** Something a resource defines that others refer to. */
    record Definition(Target target, String key) {
        @Override
        public String toString() {
            return target.name().toLowerCase(Locale.ROOT) + " '" + key + "'";
        }
    }

    /** A reference from an element of a resource to a definition. */
    record Reference(String resource, String element, Definition to) {
    }

    /**
     * The file name of a deployed resource: the starter's start-up deployment names each by its path on the
     * classpath (a directory or the jar), a playbook change by its file name.
     */
    static String fileName(String resourceName) {
        return resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    }

    static PlaybookResource read(String name, byte[] content) {
        Kind kind = Kind.of(name);
        if (kind == null) {
            throw new InvalidPlaybookException(name, "is not a BPMN (.bpmn), DMN (.dmn) or Camunda Form (.form) file");
        }
        return switch (kind) {
            case FORM -> form(name, content);
            case BPMN -> bpmn(name, content, xml(name, content));
            case DMN -> dmn(name, content, xml(name, content));
        };
    }

    /** The definition of {@code target} this resource makes, if any: a decision or process key, or a form id. */
    boolean definesKeyOf(PlaybookResource other) {
        return other.defines.stream().filter(d -> d.target() != Target.RESOURCE).anyMatch(defines::contains);
    }

    private static PlaybookResource form(String name, byte[] content) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new InvalidPlaybookException(name, "is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
            throw new InvalidPlaybookException(name, "is not a Camunda Form: it has no \"id\"");
        }
        return new PlaybookResource(name, content, Kind.FORM,
                Set.of(new Definition(Target.FORM, form.path("id").asText()), new Definition(Target.RESOURCE, name)), List.of());
    }

    private static PlaybookResource bpmn(String name, byte[] content, Document xml) {
        Set<Definition> defines = new LinkedHashSet<>();
        defines.add(new Definition(Target.RESOURCE, name));
        NodeList processes = xml.getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            defines.add(new Definition(Target.PROCESS, ((Element) processes.item(i)).getAttribute("id")));
        }
        List<Reference> references = new ArrayList<>();
        NodeList all = xml.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String id = element.getAttribute("id");
            refer(references, name, id, Target.DECISION, element.getAttributeNS(CAMUNDA, "decisionRef"));
            refer(references, name, id, Target.FORM, element.getAttributeNS(CAMUNDA, "formRef"));
            String formKey = element.getAttributeNS(CAMUNDA, "formKey");
            if (formKey.startsWith(FORM_KEY_PREFIX)) {
                refer(references, name, id, Target.RESOURCE, formKey.substring(FORM_KEY_PREFIX.length()));
            }
            if ("callActivity".equals(element.getLocalName())) {
                refer(references, name, id, Target.PROCESS, element.getAttribute("calledElement"));
            }
        }
        return new PlaybookResource(name, content, Kind.BPMN, defines, references);
    }

    private static PlaybookResource dmn(String name, byte[] content, Document xml) {
        Set<Definition> defines = new LinkedHashSet<>();
        defines.add(new Definition(Target.RESOURCE, name));
        List<Reference> references = new ArrayList<>();
        NodeList decisions = xml.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            defines.add(new Definition(Target.DECISION, ((Element) decisions.item(i)).getAttribute("id")));
        }
        for (int i = 0; i < decisions.getLength(); i++) {
            Element decision = (Element) decisions.item(i);
            NodeList required = decision.getElementsByTagNameNS("*", "requiredDecision");
            for (int j = 0; j < required.getLength(); j++) {
                String href = ((Element) required.item(j)).getAttribute("href");
                // a DMN file requires decisions of its own file only
                refer(references, name, decision.getAttribute("id"), Target.DECISION,
                        href.startsWith("#") ? href.substring(1) : href);
            }
        }
        return new PlaybookResource(name, content, Kind.DMN, defines, references);
    }

    /** A static reference; an expression (${...}) is resolved only when the case runs. */
    private static void refer(List<Reference> references, String resource, String element, Target target, String key) {
        if (key != null && !key.isBlank() && !key.contains("${") && !key.contains("#{")) {
            references.add(new Reference(resource, element.isBlank() ? resource : element, new Definition(target, key.trim())));
        }
    }

    /** Parses without DOCTYPE or external entities: a deployed model is never allowed to read other files. */
    static Document xml(String name, byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new InvalidPlaybookException(name, "is not XML that is accepted (line " + e.getLineNumber()
                    + "): malformed, or with a DOCTYPE or external entity");
        } catch (SAXException | IOException e) {
            throw new InvalidPlaybookException(name, "is not XML that is accepted: malformed, or with a DOCTYPE or "
                    + "external entity");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without secure processing", e);
        }
    }
}
