// ThreatFlow's Tasklist plugin "casefile": a "Threats" link in Tasklist's header to the Threats list, and a
// "Case" tab on every task of a threat case with the threat's summary and links to its case page and report.
// Plain DOM, nothing loaded from elsewhere; every value from the server goes in as text, never as markup.

const PLUGIN = "casefile";

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

function pages(api) {
  return `${api.tasklistApi}/plugin/${PLUGIN}/${encodeURIComponent(api.engine)}`;
}

async function taskCase(api, taskId) {
  const response = await fetch(`${pages(api)}/task/${encodeURIComponent(taskId)}`, {
    credentials: "same-origin",
    headers: {"Accept": "application/json", "X-XSRF-TOKEN": api.CSRFToken}
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && body.detail) || `The server answered ${response.status}`);
  }
  return body;
}

function renderCase(node, api, taskId) {
  node.replaceChildren(el("p", {"class": "tf-case-loading"}, "Loading the case…"));
  taskCase(api, taskId).then(found => {
    const rows = [["Severity", found.severity], ["Status", found.status],
      ["Known exploited (KEV)", found.knownExploited ? "yes" : "no"], ["Asset", found.asset],
      ["CVE", found.cve || "none"]];
    node.replaceChildren(el("div", {"class": "tf-case", style: "padding:10px"},
      el("h4", {"class": "tf-case-title"}, found.title),
      el("dl", {"class": "dl-horizontal"}, rows.map(([label, value]) => [el("dt", {}, label), el("dd", {}, value)])),
      el("p", {},
        el("a", {href: found.casePage, target: "_blank", rel: "noopener", "class": "btn btn-default tf-case-page"},
          "Open the case page"), " ",
        el("a", {href: found.reportPdf, "class": "btn btn-default tf-case-report"}, "Download the report (PDF)"))));
  }).catch(error => node.replaceChildren(el("p", {"class": "tf-case-error text-muted", style: "padding:10px"},
    error.message)));
}

export default [
  {
    id: "threatflow-threats-link",
    pluginPoint: "tasklist.navbar.action",
    priority: 10,
    render: (node, {api}) => node.replaceChildren(el("a", {href: `${pages(api)}/threats`, "class": "tf-threats-link",
      title: "Every threat, with its case page and report"}, "Threats"))
  },
  {
    id: "threatflow-case",
    pluginPoint: "tasklist.task.detail",
    priority: 50,
    properties: {label: "Case"},
    render: (node, {api, taskId}) => renderCase(node, api, taskId)
  }
];
