#!/usr/bin/env python3
"""Where the CPU went in a JFR recording: the top frames of jdk.ExecutionSample, grouped two ways.

usage: scripts/jfr-hot.py recording.jfr [top]

- "self": the method on top of the stack (where the time was spent);
- "by area": the first frame of each sample that belongs to a known area (ThreatFlow code, the Camunda engine's
  history, persistence, DMN/FEEL, JDBC driver, H2/PostgreSQL, logging, JSON, HTTP/security), walking from
  the top, so a sample in a HashMap called by the engine's history counts as history.
Needs the JDK's `jfr` tool on the PATH (or JAVA_HOME/bin/jfr).
"""
import collections
import json
import os
import shutil
import subprocess
import sys

AREAS = [
    ("threatflow", "io.threatflow."),
    ("camunda history", "org.camunda.bpm.engine.impl.history."),
    ("camunda persistence (MyBatis, DbEntityManager)", "org.camunda.bpm.engine.impl.db."),
    ("mybatis", "org.apache.ibatis."),
    ("camunda dmn/feel", "org.camunda.bpm.dmn."),
    ("camunda feel scala", "org.camunda.feel."),
    ("camunda job executor", "org.camunda.bpm.engine.impl.jobexecutor."),
    ("camunda expression language", "org.camunda.bpm.impl.juel."),
    ("camunda authorization", "org.camunda.bpm.engine.impl.cfg.auth."),
    ("camunda engine (other)", "org.camunda.bpm."),
    ("h2", "org.h2."),
    ("postgresql driver", "org.postgresql."),
    ("hikari", "com.zaxxer.hikari."),
    ("logging", "ch.qos.logback."),
    ("logging", "org.slf4j."),
    ("jackson", "com.fasterxml.jackson."),
    ("spin/json", "org.camunda.spin."),
    ("spring security", "org.springframework.security."),
    ("spring", "org.springframework."),
    ("tomcat", "org.apache.catalina."),
    ("tomcat", "org.apache.coyote."),
    ("tomcat", "org.apache.tomcat."),
    ("jersey (engine-rest)", "org.glassfish.jersey."),
]


INCLUSIVE = [
    ("org.camunda.bpm.engine.impl.history.", "camunda history (events, producers, handlers)"),
    ("org.camunda.bpm.engine.impl.db.EnginePersistenceLogger", "camunda persistence logging"),
    ("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush", "camunda flush (SQL to the database)"),
    ("org.camunda.bpm.engine.impl.jobexecutor.", "camunda job executor"),
    ("org.camunda.bpm.dmn.", "DMN evaluation"),
    ("org.camunda.bpm.engine.impl.form.", "Camunda forms"),
    ("io.threatflow.", "ThreatFlow code"),
    ("org.springframework.security.", "Spring Security"),
    ("org.camunda.bpm.engine.impl.identity.", "identity (passwords)"),
    ("ch.qos.logback.", "logging"),
    ("org.h2.", "H2"),
    ("org.postgresql.", "PostgreSQL driver"),
    ("org.apache.ibatis.", "MyBatis"),
]


def type_name(frame):
    # jfr prints binary names (org/h2/Foo); the areas use dotted ones
    return frame["method"]["type"]["name"].replace("/", ".")


def area_of(frames):
    for frame in frames:
        name = type_name(frame)
        for area, prefix in AREAS:
            if name.startswith(prefix):
                return area
    return "jdk/other"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "64", sys.argv[1]],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    by_self = collections.Counter()
    by_area = collections.Counter()
    inclusive = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        if not frames:
            continue
        head = frames[0]["method"]
        by_self[type_name(frames[0]) + "." + head["name"]] += 1
        by_area[area_of(frames)] += 1
        seen = set()
        for frame in frames:
            name = type_name(frame) + "." + frame["method"]["name"]
            for marker, label in INCLUSIVE:
                if name.startswith(marker):
                    seen.add(label)
        for label in seen:
            inclusive[label] += 1
    total = sum(by_area.values()) or 1
    print(f"{total} execution samples in {sys.argv[1]}")
    print("\nby area (first known frame from the top of the stack):")
    for area, count in by_area.most_common():
        print(f"  {100.0 * count / total:5.1f}%  {area}")
    print("\ninclusive (samples with this anywhere on the stack):")
    for label, count in inclusive.most_common():
        print(f"  {100.0 * count / total:5.1f}%  {label}")
    print(f"\ntop {top} self methods:")
    for method, count in by_self.most_common(top):
        print(f"  {100.0 * count / total:5.1f}%  {method}")


if __name__ == "__main__":
    main()
