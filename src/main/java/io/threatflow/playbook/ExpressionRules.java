package io.threatflow.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * What an expression in a deployed model may reach, decided on the expression's syntax tree as the engine's JUEL
 * parses it (with every parser feature on, so nothing parses here that the engine reads otherwise): process
 * variables and their properties, literals and operators, the application's delegate and listener beans by name,
 * and a few helpers. Everything else is refused: method calls, functions, reflection, Spring beans and engine
 * objects.
 */
final class ExpressionRules {

    static final String NO_METHOD_CALLS = "no method calls in expressions";
    static final String NO_FUNCTIONS = "no functions in expressions";
    static final String NO_BEANS = "no engine services or other Spring beans in expressions";
    static final String ENGINE_OBJECTS = "execution, task and decisionResult only through the documented helpers "
            + "(execution.getVariable('name'), execution.processBusinessKey, decisionResult's entries)";
    static final String NO_REFLECTION = "no reflection";
    static final String LITERAL_KEYS = "property names in brackets are literal";
    static final String VALID = "expressions are valid JUEL";

    /** What an identifier in an expression stands for. */
    enum Role {
        /** a process variable (or a decision's input): anything that is no bean and no engine object */
        VARIABLE,
        /** one of the application's delegate or listener beans */
        DELEGATE,
        /** a helper bean: only its listed properties */
        HELPER,
        /** any other Spring bean: engine services, repositories, configuration */
        BEAN
    }

    /** Helper beans and the properties a model may read from them. */
    static final Map<String, Set<String>> HELPERS = Map.of("jobRetry", Set.of("cycle"));

    /** Objects the engine puts in scope beside the variables; {@code authenticatedUserId} is a plain string. */
    private static final Set<String> ENGINE = Set.of("execution", "task", "caseExecution", "externalTask",
            "decisionResult", "variableScope");
    /** Properties that lead from any object to its class and so to reflection. */
    private static final Set<String> REFLECTIVE = Set.of("class", "classLoader", "declaringClass", "module");
    /** What a model reads of {@code execution} as a property: the business key a call activity passes on. */
    private static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey");
    private static final Set<String> DECISION_RESULT = Set.of("getSingleResult", "getFirstResult",
            "getSingleEntry", "getResultList", "collectEntries");
    private static final Set<String> DECISION_ENTRIES = Set.of("getEntry", "get", "getSingleEntry");

    private static final Builder JUEL = new Builder(Builder.Feature.values());

    private final Function<String, Role> roles;

    ExpressionRules(Function<String, Role> roles) {
        this.roles = roles;
    }

    /** A rule an expression breaks, and where in it. */
    record Finding(String rule, String detail) {
    }

    /** Whether a text is evaluated as an expression by the engine: it holds {@code ${} or {@code #{}. */
    static boolean isExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    /** Every rule {@code expression} breaks; empty when it passes. */
    List<Finding> check(String expression) {
        List<Finding> findings = new ArrayList<>();
        Node root;
        try {
            root = (Node) JUEL.build(expression).getRoot();
        } catch (ELException e) {
            findings.add(new Finding(VALID, "cannot parse " + quote(expression)));
            return findings;
        }
        new Walk(expression, findings).node(root);
        return findings;
    }

    /** The bean an expression names when it is exactly {@code ${name}}, else null. */
    static String beanName(String expression) {
        String trimmed = expression.strip();
        if (trimmed.length() > 3 && trimmed.startsWith("${") && trimmed.endsWith("}")) {
            String name = trimmed.substring(2, trimmed.length() - 1).strip();
            return name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? name : null;
        }
        return null;
    }

    Role role(String identifier) {
        return roles.apply(identifier);
    }

    private final class Walk {
        private final String expression;
        private final List<Finding> findings;

        Walk(String expression, List<Finding> findings) {
            this.expression = expression;
            this.findings = findings;
        }

        void refuse(String rule, String what) {
            findings.add(new Finding(rule, what + " in " + quote(expression)));
        }

        void node(Node node) {
            if (node instanceof AstIdentifier identifier) {
                identifier(identifier.getName());
            } else if (node instanceof AstMethod method) {
                method(method);
            } else if (node instanceof AstProperty property) {
                property(property);
            } else if (node instanceof AstFunction function) {
                refuse(NO_FUNCTIONS, "function " + function.getName() + "()");
            } else if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                    || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice) {
                children(node);
            } else if (!(node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                    || node instanceof AstBoolean || node instanceof AstNull)) {
                refuse(VALID, "unknown construct " + node.getClass().getSimpleName());
            }
        }

        void children(Node node) {
            for (int i = 0; i < node.getCardinality(); i++) {
                node(node.getChild(i));
            }
        }

        void identifier(String name) {
            if (ENGINE.contains(name)) {
                refuse(ENGINE_OBJECTS, name);
                return;
            }
            switch (role(name)) {
                case BEAN -> refuse(NO_BEANS, "bean " + name);
                case HELPER -> refuse(NO_BEANS, "helper " + name + " without one of its properties "
                        + HELPERS.get(name));
                default -> { }
            }
        }

        void property(AstProperty property) {
            Node prefix = property.getChild(0);
            String name = propertyName(property);
            if (name == null) {
                refuse(LITERAL_KEYS, "a computed property name");
                node(property.getChild(1));
            } else if (REFLECTIVE.contains(name)) {
                refuse(NO_REFLECTION, "property " + name);
                return;
            }
            if (isIdentifier(prefix, "execution") && name != null && EXECUTION_PROPERTIES.contains(name)) {
                return;
            }
            if (prefix instanceof AstIdentifier identifier && !ENGINE.contains(identifier.getName())) {
                String base = identifier.getName();
                switch (role(base)) {
                    case HELPER -> {
                        if (name == null || !HELPERS.get(base).contains(name)) {
                            refuse(NO_BEANS, "property " + name + " of helper " + base);
                        }
                    }
                    case DELEGATE -> refuse(NO_BEANS, "property " + name + " of bean " + base);
                    case BEAN -> refuse(NO_BEANS, "bean " + base);
                    default -> { }
                }
            } else {
                node(prefix);
            }
        }

        /** Only the documented helpers: execution.getVariable('name') and reading a decision's result. */
        void method(AstMethod method) {
            AstProperty target = (AstProperty) method.getChild(0);
            Node parameters = method.getChild(1);
            String name = target instanceof AstDot ? propertyName(target) : null;
            Node receiver = target.getChild(0);
            boolean literalArguments = literals(parameters);
            boolean allowed = name != null && literalArguments && (
                    isIdentifier(receiver, "execution") && name.equals("getVariable")
                            && parameters.getCardinality() == 1
                    || isIdentifier(receiver, "decisionResult") && DECISION_RESULT.contains(name)
                    || isDecisionRow(receiver) && DECISION_ENTRIES.contains(name));
            if (!allowed) {
                refuse(NO_METHOD_CALLS, "call of " + (name == null ? "a computed method" : name + "()"));
                node(receiver);
                children(parameters);
            }
        }

        /** decisionResult.getSingleResult() or .getFirstResult(), which a model reads entries of. */
        boolean isDecisionRow(Node node) {
            return node instanceof AstMethod method && method.getChild(0) instanceof AstDot dot
                    && isIdentifier(dot.getChild(0), "decisionResult")
                    && Set.of("getSingleResult", "getFirstResult").contains(propertyName(dot))
                    && method.getChild(1).getCardinality() == 0;
        }

        boolean literals(Node parameters) {
            for (int i = 0; i < parameters.getCardinality(); i++) {
                if (!(parameters.getChild(i) instanceof AstString)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean isIdentifier(Node node, String name) {
        return node instanceof AstIdentifier identifier && identifier.getName().equals(name);
    }

    /** The property's name: after the dot, or a literal in brackets; null when computed. */
    private static String propertyName(AstProperty property) {
        if (property instanceof AstDot) {
            return property.toString().substring(2);
        }
        Node key = property.getChild(1);
        if (property instanceof AstBracket && (key instanceof AstString || key instanceof AstNumber)) {
            String literal = key.toString();
            return key instanceof AstString ? literal.substring(1, literal.length() - 1) : literal;
        }
        return null;
    }

    private static String quote(String expression) {
        String shown = expression.length() > 200 ? expression.substring(0, 200) + "…" : expression;
        return "'" + shown + "'";
    }
}
