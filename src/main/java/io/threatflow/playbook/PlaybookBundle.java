package io.threatflow.playbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A complete playbook: every BPMN, DMN and form that one deployment holds, by resource name. A change is laid over
 * the current bundle ({@link #overlay}), and the result deploys only when every reference in it resolves
 * ({@link #unresolved}), since every reference is bound to its own deployment.
 */
final class PlaybookBundle {

    private final Map<String, PlaybookResource> resources;

    private PlaybookBundle(Map<String, PlaybookResource> resources) {
        this.resources = resources;
    }

    static PlaybookBundle of(Collection<PlaybookResource> resources) {
        Map<String, PlaybookResource> byName = new LinkedHashMap<>();
        resources.forEach(resource -> byName.put(resource.name(), resource));
        return new PlaybookBundle(byName);
    }

    /** Reads every file; all unreadable ones are refused together. */
    static PlaybookBundle read(Map<String, byte[]> files) {
        List<InvalidPlaybookException.Error> errors = new ArrayList<>();
        List<PlaybookResource> read = new ArrayList<>();
        files.forEach((name, content) -> {
            try {
                read.add(PlaybookResource.read(name, content));
            } catch (InvalidPlaybookException e) {
                errors.addAll(e.errors());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidPlaybookException(errors);
        }
        return of(read);
    }

    /** What laying files over a bundle did: the new bundle, and which of its resources are new, changed or kept. */
    record Overlay(PlaybookBundle bundle, List<String> added, List<String> changed, List<String> unchanged,
                   Map<String, String> replaced) {
    }

    /**
     * The bundle with {@code submitted} laid over it: a submitted file replaces the resource of the same name and
     * any resource that defines the same process, decision or form key, whatever its name; the rest is kept.
     */
    Overlay overlay(PlaybookBundle submitted) {
        Map<String, PlaybookResource> merged = new LinkedHashMap<>(resources);
        Map<String, String> replaced = new LinkedHashMap<>();
        for (PlaybookResource file : submitted.resources.values()) {
            for (PlaybookResource existing : resources.values()) {
                if (existing.name().equals(file.name()) || file.definesKeyOf(existing)) {
                    merged.remove(existing.name());
                    replaced.put(file.name(), existing.name());
                }
            }
            merged.put(file.name(), file);
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (PlaybookResource resource : merged.values()) {
            String before = replaced.get(resource.name());
            if (!submitted.resources.containsKey(resource.name())) {
                unchanged.add(resource.name());
            } else if (before == null) {
                added.add(resource.name());
            } else if (Arrays.equals(resources.get(before).content(), resource.content()) && before.equals(resource.name())) {
                unchanged.add(resource.name());
            } else {
                changed.add(resource.name());
            }
        }
        return new Overlay(new PlaybookBundle(merged), added, changed, unchanged, replaced);
    }

    /** Every reference that no resource of the bundle defines, as an error naming resource, element and target. */
    List<InvalidPlaybookException.Error> unresolved() {
        Set<PlaybookResource.Definition> defined = resources.values().stream()
                .flatMap(resource -> resource.defines().stream()).collect(Collectors.toSet());
        return resources.values().stream().flatMap(resource -> resource.references().stream())
                .filter(reference -> !defined.contains(reference.to()))
                .map(reference -> new InvalidPlaybookException.Error(reference.resource(),
                        reference.element() + " refers to " + reference.to() + ", which no resource of the playbook defines"))
                .toList();
    }

    Collection<PlaybookResource> resources() {
        return resources.values();
    }

    PlaybookResource get(String name) {
        return resources.get(name);
    }

    Set<String> names() {
        return resources.keySet();
    }
}
