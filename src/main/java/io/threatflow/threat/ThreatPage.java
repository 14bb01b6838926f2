package io.threatflow.threat;

import java.util.List;

public record ThreatPage(List<Threat> items, int page, int size, long total) {
}
