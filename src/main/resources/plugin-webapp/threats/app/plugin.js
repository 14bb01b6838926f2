// ThreatFlow's Cockpit plugin "Threats": the managers' KPI dashboard (its own page and a summary on the
// start dashboard), the timeline tab of a threat case, and the Playbooks page (versions, moving running cases). Plain DOM, no framework, nothing loaded from
// elsewhere; every value from the server goes in as text, never as markup.

const PLUGIN = "threats";
const PAGE = "/threats";
const PLAYBOOKS_PAGE = "/playbooks";
const PROGRESS_POLL_MS = 1000;
const WINDOWS = [7, 30, 90];
const DEFAULT_WINDOW = 30;
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
const STEPS = ["IDENTIFY", "RESPOND", "INVESTIGATE", "ERADICATE", "VALIDATE"];
const OUTCOMES = [["ELIMINATED", "Eliminated"], ["MITIGATED", "Mitigated"], ["FALSE_POSITIVE", "False positive"]];
const SLAS = [["TRIAGE", "Triage"], ["CONTAINMENT", "Containment"], ["RESOLUTION", "Resolution"]];
const AGES = [["UNDER_1D", "under 1 day"], ["D1_TO_7", "1 to 7 days"], ["D7_TO_30", "7 to 30 days"], ["OVER_30D", "over 30 days"]];
const TIMES = [["mtta", "MTTA", "reported until triaged"], ["mttc", "MTTC", "reported until contained"],
  ["mttr", "MTTR", "reported until closed"]];

// ---------- small helpers

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      element.setAttribute(name, String(value));
    }
  });
  children.flat(Infinity).forEach(child => element.append(child instanceof Node ? child : String(child ?? "")));
  return element;
}

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

function ensureStyles(api) {
  if (!document.getElementById("threatflow-threats-css")) {
    document.head.append(el("link", {id: "threatflow-threats-css", rel: "stylesheet",
      href: `${api.cockpitApi}/plugin/${PLUGIN}/static/app/plugin.css`}));
  }
}

async function getJson(api, path, payload) {
  const headers = {"Accept": "application/json", "X-XSRF-TOKEN": api.CSRFToken};
  if (payload !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${encodeURIComponent(api.engine)}/${path}`, {
    method: payload === undefined ? "GET" : "POST",
    credentials: "same-origin",
    headers,
    body: payload === undefined ? undefined : JSON.stringify(payload)
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.message)) || `The server answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function at(object, path) {
  return path.split(".").reduce((value, key) => (value === null || value === undefined ? undefined : value[key]), object);
}

/** Seconds as people read them: the two largest units, "3 h 12 min", "4 min 5 s", "2 d 6 h". */
function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return "–";
  }
  const total = Math.round(seconds);
  if (total < 60) {
    return `${total} s`;
  }
  const units = [[86400, "d"], [3600, "h"], [60, "min"], [1, "s"]];
  const first = units.findIndex(([size]) => total >= size);
  const [largeSize, largeUnit] = units[first];
  const [smallSize, smallUnit] = units[first + 1];
  const large = Math.floor(total / largeSize);
  const small = Math.floor((total - large * largeSize) / smallSize);
  return small > 0 ? `${large} ${largeUnit} ${small} ${smallUnit}` : `${large} ${largeUnit}`;
}

function percent(rate) {
  return rate === null || rate === undefined ? "–" : `${(rate * 100).toFixed(1)} %`;
}

function moment(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

/** A count cell; data-kpi names its place in the KPI report, so that tests can check it against the report. */
function countCell(report, path) {
  return el("td", {"class": "tf-num", "data-kpi": path}, at(report, path) ?? 0);
}

function durationCell(seconds) {
  return el("td", {"class": "tf-num", title: seconds === null || seconds === undefined ? "no sample" : `${seconds} s`},
    duration(seconds));
}

function table(caption, headings, rows, className = "") {
  return el("table", {"class": `cam-table tf-table ${className}`},
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, headings.map(heading => el("th", {}, heading)))),
    el("tbody", {}, rows));
}

function section(title, ...content) {
  return el("section", {"class": "tf-section"}, el("h3", {}, title), content);
}

// ---------- the KPI dashboard

function statRow(report, label, hint, path) {
  const stat = at(report, path) || {};
  return el("tr", {"data-stat": path},
    el("th", {title: hint}, label), countCell(report, `${path}.count`),
    durationCell(stat.meanSeconds), durationCell(stat.p50Seconds), durationCell(stat.p90Seconds));
}

function tiles(report) {
  const tile = (label, value, attributes = {}) => el("div", {"class": "tf-tile"},
    el("div", Object.assign({"class": "tf-tile-value"}, attributes), value), el("div", {"class": "tf-tile-label"}, label));
  return el("div", {"class": "tf-tiles"},
    tile("reported", at(report, "overall.reported") ?? 0, {"data-kpi": "overall.reported"}),
    tile("closed", at(report, "overall.closed") ?? 0, {"data-kpi": "overall.closed"}),
    tile("open now", at(report, "backlog.total") ?? 0, {"data-kpi": "backlog.total"}),
    tile("SLA breach rate", percent(at(report, "overall.slaBreaches.rate")), {"data-rate": "overall.slaBreaches.rate"}),
    tile("recurrence rate", percent(at(report, "overall.recurrence.rate")), {"data-rate": "overall.recurrence.rate"}));
}

function times(report) {
  const headings = ["", "samples", "mean", "p50", "p90"];
  return [
    table("Time to acknowledge, contain and resolve", headings,
      TIMES.map(([key, label, hint]) => statRow(report, label, hint, `overall.${key}`)), "tf-times"),
    table("Time per step", headings,
      STEPS.map(step => statRow(report, step.charAt(0) + step.slice(1).toLowerCase(), step, `overall.steps.${step}`)),
      "tf-steps")
  ];
}

function perSeverity(report) {
  return table("Per severity",
    ["severity", "reported", "closed", "MTTA p50", "MTTC p50", "MTTR p50", "SLA breaches", "breach rate", "recurred",
      "recurrence rate"],
    SEVERITIES.map(severity => {
      const path = `bySeverity.${severity}`;
      return el("tr", {"data-severity": severity},
        el("th", {}, el("span", {"class": `tf-severity tf-severity-${severity}`}, severity)),
        countCell(report, `${path}.reported`), countCell(report, `${path}.closed`),
        durationCell(at(report, `${path}.mtta.p50Seconds`)), durationCell(at(report, `${path}.mttc.p50Seconds`)),
        durationCell(at(report, `${path}.mttr.p50Seconds`)),
        countCell(report, `${path}.slaBreaches.breachedCases`),
        el("td", {"class": "tf-num"}, percent(at(report, `${path}.slaBreaches.rate`))),
        countCell(report, `${path}.recurrence.recurred`),
        el("td", {"class": "tf-num"}, percent(at(report, `${path}.recurrence.rate`))));
    }), "tf-severities");
}

function slaBreaches(report) {
  return table("SLA breaches of the closed cases", ["", "cases"], [
    el("tr", {}, el("th", {}, "closed cases"), countCell(report, "overall.slaBreaches.cases")),
    el("tr", {}, el("th", {}, "breached at least one SLA"), countCell(report, "overall.slaBreaches.breachedCases")),
    ...SLAS.map(([key, label]) => el("tr", {}, el("th", {}, `${label} SLA breached`),
      countCell(report, `overall.slaBreaches.bySla.${key}`))),
    el("tr", {}, el("th", {}, "breach rate"), el("td", {"class": "tf-num"}, percent(at(report, "overall.slaBreaches.rate"))))
  ], "tf-sla");
}

function outcomes(report) {
  const total = OUTCOMES.reduce((sum, [key]) => sum + (at(report, `overall.outcomes.${key}`) ?? 0), 0);
  return table("Outcome mix of the closed cases", ["outcome", "cases", "share"], OUTCOMES.map(([key, label]) => {
    const value = at(report, `overall.outcomes.${key}`) ?? 0;
    const share = total === 0 ? 0 : value / total;
    const bar = el("span", {"class": `tf-bar tf-outcome-${key}`});
    bar.style.width = `${Math.round(share * 100)}%`;
    return el("tr", {"data-outcome": key}, el("th", {}, label), countCell(report, `overall.outcomes.${key}`),
      el("td", {"class": "tf-share"}, el("span", {"class": "tf-bar-track"}, bar), ` ${(share * 100).toFixed(0)} %`));
  }), "tf-outcomes");
}

function recurrence(report) {
  return table("Recurrence: closed threats reported again", ["", "cases"], [
    el("tr", {}, el("th", {}, "closed"), countCell(report, "overall.recurrence.closed")),
    el("tr", {}, el("th", {}, "reported again"), countCell(report, "overall.recurrence.recurred")),
    el("tr", {}, el("th", {}, "recurrence rate"), el("td", {"class": "tf-num"}, percent(at(report, "overall.recurrence.rate"))))
  ], "tf-recurrence");
}

/** Open threats per severity as horizontal bars stacked by age, with the figures in a table below. */
function backlog(report) {
  const open = severity => at(report, `backlog.bySeverity.${severity}.open`) ?? 0;
  const largest = Math.max(1, ...SEVERITIES.map(open));
  const rowHeight = 26;
  const labelWidth = 90;
  const barWidth = 460;
  const chart = svg("svg", {"class": "tf-chart", role: "img", width: labelWidth + barWidth + 50,
    height: SEVERITIES.length * rowHeight + 8, "aria-label": "Open threats by severity and age"});
  SEVERITIES.forEach((severity, row) => {
    const y = 4 + row * rowHeight;
    chart.append(svg("text", {x: 0, y: y + 16, "class": "tf-chart-label"}, severity));
    let x = labelWidth;
    AGES.forEach(([age, label], index) => {
      const count = at(report, `backlog.bySeverity.${severity}.ages.${age}`) ?? 0;
      const width = (count / largest) * barWidth;
      if (count > 0) {
        const bar = svg("rect", {x, y, width, height: rowHeight - 6, "class": `tf-age tf-age-${index}`});
        bar.append(svg("title", {}, `${severity}, ${label}: ${count}`));
        chart.append(bar);
      }
      x += width;
    });
    chart.append(svg("text", {x: x + 6, y: y + 16, "class": "tf-chart-value"}, open(severity)));
  });
  const legend = el("div", {"class": "tf-legend"}, AGES.map(([, label], index) =>
    el("span", {}, el("span", {"class": `tf-swatch tf-age-${index}`}), ` open ${label}`)));
  const figures = table("Open threats by severity and age", ["severity", "open", ...AGES.map(([, label]) => label)],
    [...SEVERITIES.map(severity => el("tr", {"data-backlog": severity}, el("th", {}, severity),
      countCell(report, `backlog.bySeverity.${severity}.open`),
      AGES.map(([age]) => countCell(report, `backlog.bySeverity.${severity}.ages.${age}`)))),
      el("tr", {"class": "tf-total"}, el("th", {}, "all"), countCell(report, "backlog.total"))], "tf-backlog");
  return [chart, legend, figures];
}

function dashboard(report) {
  return el("div", {"class": "tf-report", "data-from": report.from, "data-to": report.to},
    el("p", {"class": "tf-window-text"}, `Reported from ${moment(report.from)} to ${moment(report.to)}; open threats as of `
      + `${moment(at(report, "backlog.asOf"))}.`),
    tiles(report),
    section("Response times", times(report)),
    section("Per severity", perSeverity(report)),
    section("SLA breaches, outcomes and recurrence",
      el("div", {"class": "tf-columns"}, slaBreaches(report), outcomes(report), recurrence(report))),
    section("Open backlog", backlog(report)));
}

function failure(error) {
  return error.status === 403
    ? el("div", {"class": "alert alert-warning tf-refused"}, "The threat KPIs are for managers.")
    : el("div", {"class": "alert alert-danger tf-error"}, `The KPIs could not be loaded: ${error.message}`);
}

function renderPage(node, api) {
  ensureStyles(api);
  const content = el("div", {"class": "tf-content"}, el("p", {}, "Loading…"));
  const buttons = WINDOWS.map(days => el("button", {type: "button", "class": "btn btn-default", "data-days": days},
    `Last ${days} days`));
  let shown = 0;
  const load = days => {
    const request = ++shown;
    buttons.forEach(button => button.classList.toggle("active", button.dataset.days === String(days)));
    content.replaceChildren(el("p", {}, "Loading…"));
    getJson(api, `kpis?days=${days}`)
      .then(report => request === shown && content.replaceChildren(dashboard(report)))
      .catch(error => request === shown && content.replaceChildren(failure(error)));
  };
  buttons.forEach(button => button.addEventListener("click", () => load(Number(button.dataset.days))));
  node.replaceChildren(el("div", {"class": "tf-threats ctn-content-container"},
    el("h1", {}, "Threats"),
    el("div", {"class": "btn-group tf-windows", role: "group", "aria-label": "Window"}, buttons),
    content));
  load(DEFAULT_WINDOW);
}

function renderSummary(node, api) {
  ensureStyles(api);
  getJson(api, `kpis?days=${DEFAULT_WINDOW}`).then(report => node.replaceChildren(
    el("section", {"class": "tf-summary"},
      el("h3", {}, el("a", {href: `#${PAGE}`}, "Threats"), ` in the last ${DEFAULT_WINDOW} days`),
      tiles(report))))
    // the summary is for managers; everybody else's dashboard stays as it was
    .catch(error => node.replaceChildren(error.status === 403 ? "" : failure(error)));
}

// ---------- the timeline of a case

function renderTimeline(node, api, processInstanceId) {
  ensureStyles(api);
  node.replaceChildren(el("p", {}, "Loading…"));
  getJson(api, `process-instance/${encodeURIComponent(processInstanceId)}/timeline`).then(timeline => {
    const threat = timeline.threat;
    node.replaceChildren(el("div", {"class": "tf-timeline", "data-threat-id": threat.threatId},
      el("h3", {"class": "tf-threat-title"}, threat.title),
      el("dl", {"class": "tf-threat"},
        el("dt", {}, "Threat"), el("dd", {"class": "tf-threat-id"}, threat.threatId),
        el("dt", {}, "Severity"), el("dd", {"class": "tf-threat-severity"},
          el("span", {"class": `tf-severity tf-severity-${threat.severity || "NONE"}`}, threat.severity || "not assessed")),
        el("dt", {}, "Status"), el("dd", {"class": "tf-threat-status"}, threat.status),
        ...(threat.dryRun ? [el("dt", {}, "Dry run"),
          el("dd", {"class": "tf-threat-dry-run"}, "yes: nothing was changed, the status is what would have happened")] : [])),
      table("Timeline", ["when", "step", "what", "kind", "element", "by", "detail"], timeline.entries.map(entry =>
        el("tr", {"data-kind": entry.kind, "data-element": entry.element},
          el("td", {title: entry.at}, moment(entry.at)), el("td", {}, entry.step || ""), el("td", {}, entry.name),
          el("td", {}, entry.kind), el("td", {}, entry.element || ""), el("td", {}, entry.actor || ""),
          el("td", {}, entry.detail || ""))), "tf-timeline-table")));
  }).catch(error => node.replaceChildren(el("div", {"class": "alert alert-warning tf-error"},
    `No threat timeline: ${error.message}`)));
}

// ---------- the Playbooks page: versions, and moving running cases to another version

/** An element as people read it: its name; the id only where it has none, and as a tooltip. */
function elementName(element) {
  return el("span", {"class": "tf-element", title: element.id, "data-element": element.id}, element.name || element.id);
}

function versionLabel(version) {
  return `version ${version.version}` + (version.runningCases === undefined ? "" : ` (${version.runningCases} running)`);
}

function renderVersions(node, api) {
  node.replaceChildren(el("p", {}, "Loading…"));
  getJson(api, "playbooks/versions").then(versions => {
    if (!Array.isArray(versions) || versions.length === 0) {
      node.replaceChildren(el("p", {"class": "tf-no-versions"}, "No version history available."));
      return;
    }
    node.replaceChildren(table("Playbook versions, newest first",
      ["version", "deployed", "proposed by", "approved by", "running cases", "finished cases", ""],
      versions.map(version => el("tr", {"data-deployment": version.deploymentId},
        el("th", {}, version.version ?? ""), el("td", {title: version.deployedAt}, moment(version.deployedAt)),
        el("td", {}, version.proposedBy || "not recorded"), el("td", {}, version.approvedBy || "not recorded"),
        el("td", {"class": "tf-num"}, version.runningCases ?? 0), el("td", {"class": "tf-num"}, version.finishedCases ?? 0),
        el("td", {}, version.current ? "current" : ""))), "tf-versions"));
  }).catch(error => node.replaceChildren(error.status === 404
    ? el("p", {"class": "tf-no-versions"}, "No version history available.")
    : el("div", {"class": "alert alert-warning tf-error"}, `The versions could not be loaded: ${error.message}`)));
}

function select(attributes, options, chosen) {
  return el("select", Object.assign({"class": "form-control"}, attributes), options.map(([value, label]) => {
    const option = el("option", {value}, label);
    option.selected = value === chosen;
    return option;
  }));
}

function renderPlan(node, api, plan, mappings, replan) {
  const instructions = plan.instructions.length === 0
    ? el("p", {"class": "tf-no-instructions"}, "No element of this version maps to the new version by itself.")
    : table("What moves where", ["from", "to", "how"], plan.instructions.map(instruction =>
    el("tr", {"data-source": instruction.source.id},
      el("td", {}, elementName(instruction.source)), el("td", {}, elementName(instruction.target)),
      el("td", {}, instruction.generated ? "same element" : "chosen mapping"))), "tf-instructions");
  const targets = [["", "choose an element of the new version"],
    ...plan.targetElements.map(element => [element.id, element.name || element.id])];
  const unmapped = plan.unmapped.length === 0
    ? el("p", {"class": "tf-all-mapped"}, "Every element with waiting cases is mapped.")
    : table("Cannot be mapped: cases waiting here cannot move until you map the element",
      ["element", "waiting cases", "map to"], plan.unmapped.map(item => {
        const choice = select({"class": "form-control tf-map", "data-source": item.element.id,
          "aria-label": `Map ${item.element.name || item.element.id} to`}, targets, mappings[item.element.id] || "");
        choice.addEventListener("change", () => {
          if (choice.value) {
            mappings[item.element.id] = choice.value;
          } else {
            delete mappings[item.element.id];
          }
          replan();
        });
        return el("tr", {"data-element": item.element.id}, el("td", {}, elementName(item.element)),
          el("td", {"class": "tf-num"}, item.cases), el("td", {}, choice));
      }), "tf-unmapped");
  // chosen mappings stay adjustable after they made the element mapped
  const chosen = Object.keys(mappings).length === 0 ? [] : [table("Chosen mappings", ["element", "mapped to", ""],
    Object.entries(mappings).map(([source, target]) => {
      const undo = el("button", {type: "button", "class": "btn btn-default btn-xs tf-unmap", "data-source": source},
        "remove");
      undo.addEventListener("click", () => {
        delete mappings[source];
        replan();
      });
      const sourceElement = plan.instructions.map(i => i.source).find(e => e.id === source) || {id: source};
      const targetElement = plan.targetElements.find(e => e.id === target) || {id: target};
      return el("tr", {}, el("td", {}, elementName(sourceElement)), el("td", {}, elementName(targetElement)),
        el("td", {}, undo));
    }), "tf-chosen")];
  const problems = plan.problems.length === 0 ? [] : [el("div", {"class": "alert alert-warning tf-problems"},
    el("p", {}, "The engine cannot move cases with this plan:"),
    el("ul", {}, plan.problems.map(problem => el("li", {}, problem.message))))];
  const count = plan.source.runningCases;
  const run = el("button", {type: "button", "class": "btn btn-primary tf-migrate-button"},
    `Move ${count} running ${count === 1 ? "case" : "cases"} to version ${plan.target.version}`);
  run.disabled = !plan.ready || count === 0;
  const progress = el("div", {"class": "tf-migration-progress"});
  run.addEventListener("click", () => {
    run.disabled = true;
    progress.replaceChildren(el("p", {}, "Starting…"));
    getJson(api, "playbooks/migrations", {sourceDefinitionId: plan.source.definitionId,
      targetDefinitionId: plan.target.definitionId, mappings})
      .then(started => followBatch(api, started.batchId, progress))
      .catch(error => progress.replaceChildren(el("div", {"class": "alert alert-danger tf-error"},
        `The cases were not moved: ${error.message}`)));
  });
  node.replaceChildren(el("div", {"class": "tf-plan", "data-ready": String(plan.ready)},
    el("p", {"class": "tf-plan-summary"}, `${count} running ${count === 1 ? "case" : "cases"} of `
      + `${plan.source.name || plan.source.key} on version ${plan.source.version}; moving to version ${plan.target.version}. `
      + "A moved case keeps its tasks, their assignees, its variables and its history."),
    instructions, unmapped, chosen, problems,
    plan.ready ? "" : el("p", {"class": "tf-not-ready"}, count === 0 ? "No case runs on this version."
      : "Map every element with waiting cases, and resolve the problems, before the cases can move."),
    run, progress));
}

function followBatch(api, batchId, node) {
  getJson(api, `playbooks/migrations/${encodeURIComponent(batchId)}`).then(progress => {
    node.setAttribute("data-finished", String(progress.finished));
    node.replaceChildren(el("p", {"class": progress.failed > 0 ? "alert alert-warning" : "alert alert-info"},
      progress.finished
        ? `Finished: moved ${progress.done} of ${progress.total} ${progress.total === 1 ? "case" : "cases"}.`
        : `Moving: ${progress.done} of ${progress.total} done` + (progress.failed > 0
          ? `, ${progress.failed} failed (see the incidents of the batch in Cockpit).` : "…")));
    if (!progress.finished) {
      setTimeout(() => followBatch(api, batchId, node), PROGRESS_POLL_MS);
    }
  }).catch(error => node.replaceChildren(el("div", {"class": "alert alert-danger tf-error"},
    `The progress could not be read: ${error.message}`)));
}

function renderMigration(node, api) {
  node.replaceChildren(el("p", {}, "Loading…"));
  getJson(api, "playbooks/migrations/definitions").then(versions => {
    const keys = [...new Set(versions.map(version => version.key))];
    if (keys.length === 0) {
      node.replaceChildren(el("p", {}, "No process is deployed."));
      return;
    }
    const planNode = el("div", {"class": "tf-plan-area"});
    const process = select({id: "tf-migration-process", "aria-label": "Process"},
      keys.map(key => [key, (versions.find(v => v.key === key).name || key)]), keys[0]);
    const source = select({id: "tf-migration-source", "aria-label": "Move the cases of"}, [], "");
    const target = select({id: "tf-migration-target", "aria-label": "to"}, [], "");
    const show = el("button", {type: "button", "class": "btn btn-default tf-plan-button"}, "Show the plan");
    let mappings = {};
    const fill = () => {
      const ofKey = versions.filter(version => version.key === process.value);
      const running = ofKey.find(version => version.runningCases > 0) || ofKey[ofKey.length - 1];
      source.replaceChildren(...select({}, ofKey.map(v => [v.definitionId, versionLabel(v)]), running.definitionId).children);
      target.replaceChildren(...select({}, ofKey.map(v => [v.definitionId, versionLabel(v)]), ofKey[0].definitionId).children);
      planNode.replaceChildren();
    };
    const replan = () => {
      planNode.replaceChildren(el("p", {}, "Planning…"));
      getJson(api, "playbooks/migrations/plan", {sourceDefinitionId: source.value, targetDefinitionId: target.value,
        mappings})
        .then(plan => renderPlan(planNode, api, plan, mappings, replan))
        .catch(error => planNode.replaceChildren(el("div", {"class": "alert alert-warning tf-error"},
          `No plan: ${error.message}`)));
    };
    process.addEventListener("change", fill);
    [source, target].forEach(choice => choice.addEventListener("change", () => planNode.replaceChildren()));
    show.addEventListener("click", () => {
      mappings = {};
      replan();
    });
    fill();
    const choice = el("form", {"class": "form-inline tf-migration-choice"},
      el("label", {}, "Process ", process), " ", el("label", {}, "move the cases of ", source), " ",
      el("label", {}, "to ", target), " ", show);
    choice.addEventListener("submit", event => event.preventDefault());
    node.replaceChildren(choice, planNode);
  }).catch(error => node.replaceChildren(error.status === 403
    ? el("div", {"class": "alert alert-warning tf-refused"}, "Moving cases between versions is for managers and administrators.")
    : el("div", {"class": "alert alert-danger tf-error"}, `The versions could not be loaded: ${error.message}`)));
}

function renderPlaybooks(node, api) {
  ensureStyles(api);
  const versions = el("div", {"class": "tf-versions-area"});
  const migration = el("div", {"class": "tf-migration"});
  node.replaceChildren(el("div", {"class": "tf-playbooks ctn-content-container"},
    el("h1", {}, "Playbooks"),
    section("Versions", versions),
    section("Move running cases to another version", migration)));
  renderVersions(versions, api);
  renderMigration(migration, api);
}

// ---------- accepted risks (issue 15): the risk register as its own page; kept in this block on its own

const RISKS_PAGE = "/accepted-risks";
const RISK_STATES = [["", "All"], ["EXPIRING_SOON", "Expiring soon"], ["OVERDUE", "Overdue"]];
const RISK_STATE_WORDS = {ACTIVE: "Active", EXPIRING_SOON: "Expiring soon", OVERDUE: "Overdue: review due"};

function risksTable(risks) {
  if (risks.length === 0) {
    return el("p", {"class": "tf-risks-empty"}, "No accepted risk in this view.");
  }
  return table("Accepted residual risks, the soonest review first",
    ["threat", "asset", "severity", "accepted by", "comment", "accepted", "until", "state"],
    risks.map(risk => el("tr", {"data-threat-id": risk.threatId, "data-state": risk.state},
      el("td", {title: risk.threatId}, risk.title), el("td", {}, risk.assetName),
      el("td", {}, el("span", {"class": `tf-severity tf-severity-${risk.severity || "NONE"}`}, risk.severity || "not assessed")),
      el("td", {}, risk.acceptedBy), el("td", {}, risk.comment || ""),
      el("td", {title: risk.acceptedAt}, moment(risk.acceptedAt)), el("td", {"class": "tf-risk-until"}, risk.reviewDate),
      el("td", {"class": `tf-risk-state tf-risk-${risk.state}`}, RISK_STATE_WORDS[risk.state] || risk.state))),
    "tf-risks-table");
}

function renderRisksPage(node, api) {
  ensureStyles(api);
  const content = el("div", {"class": "tf-risks-content"}, "Loading…");
  const load = state => {
    content.replaceChildren("Loading…");
    getJson(api, state ? `risks?state=${encodeURIComponent(state)}` : "risks")
      .then(risks => content.replaceChildren(risksTable(risks)))
      .catch(error => content.replaceChildren(error.status === 403
        ? el("div", {"class": "alert alert-warning tf-refused"}, "The risk register is for analysts, managers and administrators.")
        : el("div", {"class": "alert alert-danger tf-error"}, `The accepted risks could not be loaded: ${error.message}`)));
  };
  const buttons = RISK_STATES.map(([state, label]) => {
    const button = el("button", {type: "button", "class": "btn btn-default", "data-state": state}, label);
    button.addEventListener("click", () => load(state));
    return button;
  });
  node.replaceChildren(el("div", {"class": "tf-page tf-risks"},
    el("h2", {}, "Accepted risks"),
    el("p", {}, "Residual risks that managers accepted until a review date. On that date ThreatFlow re-checks the "
      + "threat: gone, the case closes as eliminated; still there, a manager reviews the risk again."),
    el("div", {"class": "btn-group tf-risk-states", role: "group", "aria-label": "State"}, buttons),
    content));
  load("");
}

// ---------- end of accepted risks

// ---------- the header's links: only the pages the user may open (the server decides, GET navigation)

// one question for the header's items, asked again when the header renders anew (another user may have logged in
// without the page loading again); the page's body says data-tf-navigation="settled" once it is answered
let navigation = {at: 0, answer: null};

function allowedPages(api) {
  const now = Date.now();
  if (!navigation.answer || now - navigation.at > 2000) {
    document.body.removeAttribute("data-tf-navigation");
    const answer = getJson(api, "navigation").catch(() => ({}));
    answer.then(() => document.body.setAttribute("data-tf-navigation", "settled"));
    navigation = {at: now, answer};
  }
  return navigation.answer;
}

function navigationItem(node, api, page, href, className, label) {
  // nothing until the server answers: a link that is not offered cannot lead to a refusal
  node.replaceChildren();
  const item = node.closest("li");
  if (item) {
    item.style.display = "none";
  }
  allowedPages(api).then(pages => {
    if (pages[page]) {
      node.replaceChildren(el("a", {href, "class": className}, label));
      if (item) {
        item.style.display = "";
      }
    }
  });
}

export default [
  // ---------- begin: link to the case page (issue 16; the page is served by the Tasklist plugin "casefile")
  {
    id: "threatflow-case-page-link",
    pluginPoint: "cockpit.processInstance.runtime.action",
    priority: 5,
    render: (node, {api, processInstanceId}) => node.replaceChildren(el("a", {"class": "btn btn-default tf-case-page",
      target: "_blank", rel: "noopener", title: "The whole case: decisions, actions, evidence and its report",
      href: `${api.tasklistApi}/plugin/casefile/${encodeURIComponent(api.engine)}/process-instance/${encodeURIComponent(processInstanceId)}`},
      "Case page"))
  },
  // ---------- end: link to the case page
  {
    id: "threatflow-threats-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 5,
    properties: {path: PAGE},
    render: (node, {api}) => navigationItem(node, api, "threats", `#${PAGE}`, "tf-navigation", "Threats")
  },
  {
    id: "threatflow-threats-page",
    pluginPoint: "cockpit.route",
    priority: 0,
    properties: {path: PAGE},
    render: (node, {api}) => renderPage(node, api)
  },
  {
    id: "threatflow-playbooks-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 4,
    properties: {path: PLAYBOOKS_PAGE},
    render: (node, {api}) => navigationItem(node, api, "playbooks", `#${PLAYBOOKS_PAGE}`, "tf-playbooks-navigation",
      "Playbooks")
  },
  {
    id: "threatflow-playbooks-page",
    pluginPoint: "cockpit.route",
    priority: 0,
    properties: {path: PLAYBOOKS_PAGE},
    render: (node, {api}) => renderPlaybooks(node, api)
  },
  {
    id: "threatflow-risks-navigation",
    pluginPoint: "cockpit.navigation",
    priority: 3,
    properties: {path: RISKS_PAGE},
    render: (node, {api}) => navigationItem(node, api, "risks", `#${RISKS_PAGE}`, "tf-risks-navigation",
      "Accepted risks")
  },
  {
    id: "threatflow-risks-page",
    pluginPoint: "cockpit.route",
    priority: 0,
    properties: {path: RISKS_PAGE},
    render: (node, {api}) => renderRisksPage(node, api)
  },
  {
    id: "threatflow-threats-summary",
    pluginPoint: "cockpit.dashboard",
    priority: 5,
    render: (node, {api}) => renderSummary(node, api)
  },
  {
    id: "threatflow-threat-timeline",
    pluginPoint: "cockpit.processInstance.runtime.tab",
    priority: 5,
    properties: {label: "Threat timeline"},
    render: (node, {api, processInstanceId}) => renderTimeline(node, api, processInstanceId)
  }
];
