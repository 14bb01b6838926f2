// ThreatFlow's Cockpit plugin "Threats": the managers' KPI dashboard (its own page and a summary on the
// start dashboard) and the timeline tab of a threat case. Plain DOM, no framework, nothing loaded from
// elsewhere; every value from the server goes in as text, never as markup.

const PLUGIN = "threats";
const PAGE = "/threats";
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

async function getJson(api, path) {
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${encodeURIComponent(api.engine)}/${path}`, {
    credentials: "same-origin",
    headers: {"Accept": "application/json", "X-XSRF-TOKEN": api.CSRFToken}
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
    render: node => node.replaceChildren(el("a", {href: `#${PAGE}`, "class": "tf-navigation"}, "Threats"))
  },
  {
    id: "threatflow-threats-page",
    pluginPoint: "cockpit.route",
    priority: 0,
    properties: {path: PAGE},
    render: (node, {api}) => renderPage(node, api)
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
