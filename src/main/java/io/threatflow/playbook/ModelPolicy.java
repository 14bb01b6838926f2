package io.threatflow.playbook;

import io.threatflow.engine.DeploymentCheck;
import io.threatflow.playbook.ExpressionRules.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The deployment policy on BPMN and DMN models (docs/playbooks.md): no scripts, no Java classes, no connectors, no
 * forms that bring their own HTML, and expressions within {@link ExpressionRules}. Every attribute and text of a model
 * that holds {@code ${} or {@code #{} is checked as an expression, whatever its element, so an attribute the engine
 * evaluates and this class does not know by name is checked too. Camunda Forms, images and other resources pass:
 * a Camunda Form's FEEL runs in the browser of whoever opens it, not on the server. CMMN is refused.
 */
@Component
class ModelPolicy implements DeploymentPolicy, DeploymentCheck {

    static final String NO_SCRIPTS = "no script tasks, script listeners, script conditions or script mappings";
    static final String NO_CLASSES = "no camunda:class: Java runs only through the application's delegate beans";
    static final String NAMED_DELEGATES = "delegate expressions name one of the application's delegate or listener "
            + "beans";
    static final String NO_CONNECTORS = "no connectors: outside systems are reached through the application's "
            + "delegates";
    static final String CAMUNDA_FORMS = "forms are Camunda Forms (camunda:formRef)";
    static final String NO_VALIDATORS = "no custom form field validators";
    static final String NO_SHELL_OR_MAIL = "no shell or mail tasks: service tasks are delegates or external tasks";
    static final String NO_IMPORTS = "no imports: a model is parsed from itself alone";
    static final String NO_CMMN = "no CMMN case models";
    static final String FEEL_DECISIONS = "decisions are written in FEEL";
    static final String WELL_FORMED = "models are well-formed XML without DOCTYPE or entities";

    /** Attributes (in the camunda or legacy activiti namespace) that name a Java class to instantiate. */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
            "variableMappingDelegateExpression");
    private static final Set<String> DECISION_EXPRESSIONS = Set.of("inputExpression", "inputEntry", "outputEntry",
            "literalExpression");
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "http://www.omg.org/spec/dmn/20191111/feel/", "https://www.omg.org/spec/dmn/20191111/feel/",
            "https://www.omg.org/spec/dmn/20230324/feel/");

    private final ExpressionRules expressions;

    ModelPolicy(ListableBeanFactory beans) {
        this.expressions = new ExpressionRules(name -> role(beans, name));
    }

    /** A process variable unless it is a bean; the application's delegates, listeners and helpers by type. */
    private static Role role(ListableBeanFactory beans, String name) {
        if (!beans.containsBean(name)) {
            return Role.VARIABLE;
        }
        if (ExpressionRules.HELPERS.containsKey(name)) {
            return Role.HELPER;
        }
        Class<?> type = beans.getType(name, false);
        boolean delegate = type != null && type.getName().startsWith("io.threatflow.")
                && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                || TaskListener.class.isAssignableFrom(type));
        return delegate ? Role.DELEGATE : Role.BEAN;
    }

    @Override
    public void check(Map<String, byte[]> resources) {
        List<PolicyViolation> violations = new ArrayList<>();
        resources.forEach((name, content) -> violations.addAll(violations(name, content)));
        if (!violations.isEmpty()) {
            throw new DeploymentRefusedException(violations);
        }
    }

    @Override
    public List<PolicyViolation> violations(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        List<PolicyViolation> violations = new ArrayList<>();
        if (name.endsWith(".cmmn") || name.matches(".*\\.cmmn\\d*\\.xml")) {
            violations.add(new PolicyViolation(resourceName, resourceName, NO_CMMN,
                    "ThreatFlow runs BPMN processes and DMN decisions only"));
            return violations;
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return violations;
        }
        Document document;
        try {
            document = parse(content);
        } catch (SAXException | IOException e) {
            violations.add(new PolicyViolation(resourceName, resourceName, WELL_FORMED,
                    "the resource is not XML the policy reads: malformed, or with a DOCTYPE or entity"));
            return violations;
        }
        new Inspection(resourceName, dmn, violations).element(document.getDocumentElement(), null);
        return violations;
    }

    /** Camunda's extensions, also under the namespace of Activiti, which the engine still reads. */
    private static boolean isExtension(String namespace) {
        return namespace != null && (namespace.startsWith("http://camunda.org/schema/")
                || namespace.equals("http://activiti.org/bpmn"));
    }

    /** Namespace-aware, and refusing DOCTYPE, external entities and XInclude (no XXE). */
    private static Document parse(byte[] content) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be made safe", e);
        }
    }

    /** One walk over a model's elements. */
    private final class Inspection {
        private final String resource;
        private final boolean dmn;
        private final List<PolicyViolation> violations;
        private String decisionLanguage;

        Inspection(String resource, boolean dmn, List<PolicyViolation> violations) {
            this.resource = resource;
            this.dmn = dmn;
            this.violations = violations;
        }

        void refuse(String element, String rule, String detail) {
            violations.add(new PolicyViolation(resource, element, rule, detail));
        }

        /** Checks the element and its descendants; {@code owner} is the id of the nearest element that has one. */
        void element(Element element, String owner) {
            String id = isExtension(element.getNamespaceURI()) ? "" : element.getAttribute("id");
            String at = id.isEmpty() ? (owner == null ? resource : owner) : id;
            String name = element.getLocalName();
            if (dmn) {
                decision(element, name, at);
            } else {
                process(element, name, at);
            }
            attributes(element, at);
            StringBuilder own = new StringBuilder();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element nested) {
                    element(nested, at);
                } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    own.append(child.getNodeValue());
                }
            }
            // the engine reads an element's whole text: "$<![CDATA[{x}]]>", "$<!-- -->{x}" and "$<y>{x}</y>" are ${x};
            // documentation too, as <timeCycle><documentation>${x}</documentation></timeCycle> is ${x}
            if (!own.toString().isBlank()) {
                String text = text(element);
                if (ExpressionRules.isExpression(text)) {
                    expression(at, "<" + name + ">", text.strip());
                }
            }
        }

        /** The element's text with all its descendants', as the engine reads it. */
        String text(Element element) {
            StringBuilder text = new StringBuilder();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element nested) {
                    text.append(text(nested));
                } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    text.append(child.getNodeValue());
                }
            }
            return text.toString();
        }

        void process(Element element, String name, String at) {
            if (name.equals("scriptTask") || name.equals("script")) {
                refuse(at, NO_SCRIPTS, "<" + element.getTagName() + ">");
            } else if (isExtension(element.getNamespaceURI()) && CLASS_ATTRIBUTES.contains(name)) {
                refuse(at, NO_CLASSES, "<" + element.getTagName() + ">");
            } else if (name.equals("import")) {
                refuse(at, NO_IMPORTS, "<" + element.getTagName() + " location=\"" + element.getAttribute("location")
                        + "\">");
            } else if (name.equals("connector")) {
                refuse(at, NO_CONNECTORS, "<" + element.getTagName() + ">");
            } else if (name.equals("constraint") && "validator".equals(element.getAttribute("name"))) {
                refuse(at, NO_VALIDATORS, "validator " + element.getAttribute("config"));
            }
        }

        void decision(Element element, String name, String at) {
            if (name.equals("definitions")) {
                decisionLanguage = element.getAttribute("expressionLanguage");
            } else if (DECISION_EXPRESSIONS.contains(name)) {
                String language = element.getAttribute("expressionLanguage");
                language = (language.isEmpty() ? decisionLanguage : language).strip().toLowerCase(Locale.ROOT);
                if (language.equals("juel")) {
                    String text = element.getTextContent().strip();
                    // with ${} its text is checked as every text is; without, read as the expression it may be
                    if (!text.isEmpty() && !ExpressionRules.isExpression(text)) {
                        expression(at, "<" + name + ">", "${" + text + "}");
                    }
                } else if (!language.isEmpty() && !FEEL.contains(language)) {
                    refuse(at, FEEL_DECISIONS, name + " in " + language);
                }
            }
        }

        void attributes(Element element, String at) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                String value = attribute.getValue();
                // camunda:class on a task, or class on a camunda:executionListener
                boolean extension = isExtension(attribute.getNamespaceURI())
                        || attribute.getNamespaceURI() == null && isExtension(element.getNamespaceURI());
                if (!dmn && (name.equals("language") || name.equals("scriptFormat")
                        || extension && name.equals("resource"))) {
                    refuse(at, NO_SCRIPTS, attribute.getName() + "=\"" + value + "\"");
                } else if (!dmn && extension && CLASS_ATTRIBUTES.contains(name)) {
                    refuse(at, NO_CLASSES, attribute.getName() + "=\"" + value + "\"");
                } else if (!dmn && isExtension(attribute.getNamespaceURI()) && name.equals("type")
                        && !value.equals("external")) {
                    refuse(at, NO_SHELL_OR_MAIL, attribute.getName() + "=\"" + value + "\"");
                } else if (!dmn && extension && name.equals("formKey") && !value.startsWith("camunda-forms:")) {
                    refuse(at, CAMUNDA_FORMS, attribute.getName() + "=\"" + value
                            + "\": embedded and external forms run their own HTML in the browser of whoever opens them");
                } else if (!dmn && extension && DELEGATE_ATTRIBUTES.contains(name)) {
                    delegate(at, attribute.getName(), value);
                } else if (ExpressionRules.isExpression(value)) {
                    expression(at, attribute.getName(), value);
                }
            }
        }

        void delegate(String at, String attribute, String value) {
            String bean = ExpressionRules.beanName(value);
            if (bean == null || expressions.role(bean) != Role.DELEGATE) {
                refuse(at, NAMED_DELEGATES, attribute + "=\"" + value + "\"");
            }
        }

        void expression(String at, String where, String expression) {
            for (ExpressionRules.Finding finding : expressions.check(expression)) {
                refuse(at, finding.rule(), where + ": " + finding.detail());
            }
        }
    }
}
