// ThreatFlow's Tasklist plugin "casefile": a "Threats" link in Tasklist's header to the Threats list, a "Case"
// tab on every task of a threat case with the threat's summary and links to its case page and report, the
// severity, KEV and "Overdue" marks on task cards, "Create task" only for whom it works, and a link to the new
// case after "Start process".
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

async function getJson(api, path) {
  const response = await fetch(`${pages(api)}/${path}`, {
    credentials: "same-origin",
    headers: {"Accept": "application/json", "X-XSRF-TOKEN": api.CSRFToken}
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((body && body.detail) || `The server answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---------- styles of the marks on task cards and of the start confirmation; every class starts with tf-

const STYLES = `
.tf-card-marks { margin-top: 3px; }
.tf-mark { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border-radius: 3px; font-size: 90%;
  background: #eee; color: #333; }
.tf-mark-kev { background: #fbe3c0; }
.tf-mark-overdue { background: #c9302c; color: #fff; font-weight: bold; }
.tasks-list li.task.tf-overdue-card { border-left: 4px solid #c9302c !important; }
.tf-started { position: fixed; top: 60px; right: 20px; z-index: 2000; max-width: 480px; }
`;

function ensureStyles() {
  if (!document.getElementById("threatflow-casefile-css")) {
    const style = el("style", {id: "threatflow-casefile-css"});
    style.textContent = STYLES;
    document.head.append(style);
  }
}

// ---------- task cards: severity, KEV and "Overdue" in words, as the server says

function renderCard(node, api, taskId) {
  ensureStyles();
  node.replaceChildren();
  getJson(api, `task/${encodeURIComponent(taskId)}/card`).then(card => {
    const marks = [el("span", {"class": "tf-mark tf-mark-severity"}, card.severity),
      el("span", {"class": "tf-mark tf-mark-kev"}, card.knownExploited)];
    const item = node.closest("li.task") || node.closest("li");
    if (card.overdue) {
      marks.unshift(el("span", {"class": "tf-mark tf-mark-overdue", title: `Due ${card.due}`}, "Overdue"));
    }
    if (item) {
      item.classList.toggle("tf-overdue-card", card.overdue);
    }
    node.replaceChildren(el("div", {"class": "tf-card-marks"}, marks));
  }).catch(() => node.replaceChildren()); // a task of no threat case (a playbook change) has no marks
}

// ---------- what Tasklist offers: "Create task" only to whom the server says may create tasks

function applyOffers(api) {
  // asked whenever the header renders: after a logout another user may log in without the page loading again
  document.body.classList.remove("tf-may-create-task");
  getJson(api, "offers").catch(() => ({createTask: false}))
    .then(found => document.body.classList.toggle("tf-may-create-task", found.createTask === true));
}

// ---------- the list's sort: by due date, as the queues are ordered, so that the sort control says "Due date"
// (Tasklist would say "Created" while the filter orders by due date first)

const BY_DUE = JSON.stringify([{sortBy: "dueDate", sortOrder: "asc"}]);
let sorting = false;

function sortByDue() {
  const hash = window.location.hash || "#/";
  const [path, query = ""] = hash.split("?");
  if (path !== "#/") {
    return;
  }
  const params = new URLSearchParams(query);
  if (!params.has("sorting")) {
    params.set("sorting", BY_DUE);
    window.location.replace(`${path}?${params.toString()}`);
  }
}

function keepSortingByDue() {
  if (!sorting) {
    sorting = true;
    window.addEventListener("hashchange", sortByDue);
  }
  sortByDue();
}

// ---------- the start confirmation: after "Start process", the new case's threat and a link to its case page

const STARTED = /\/process-definition\/[^/]+(?:\/tenant-id\/[^/]+)?\/(?:submit-form|start)$|\/process-definition\/key\/[^/]+(?:\/tenant-id\/[^/]+)?\/(?:submit-form|start)$/;
let watching = false;

function watchStarts(api) {
  if (watching) {
    return;
  }
  watching = true;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === "POST" && STARTED.test(String(url).split("?")[0])) {
      this.addEventListener("load", () => {
        if (this.status >= 200 && this.status < 300) {
          try {
            const started = JSON.parse(this.responseText);
            if (started && started.id) {
              announceCase(api, started.id, 0);
            }
          } catch (e) {
            // not the answer of a start: nothing to announce
          }
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

/** The threat is registered by the case's first step, which may run a moment after the start: asked a few times. */
function announceCase(api, processInstanceId, attempt) {
  getJson(api, `process-instance/${encodeURIComponent(processInstanceId)}/threat`).then(found => {
    ensureStyles();
    document.querySelectorAll(".tf-started").forEach(old => old.remove());
    const close = el("button", {type: "button", "class": "close", "aria-label": "Close"}, "×");
    const notice = el("div", {"class": "alert alert-success tf-started", role: "status"}, close,
      el("strong", {}, "Threat case started: "), found.title, el("br"),
      "Threat id ", el("code", {"class": "tf-started-id"}, found.threatId), " · ",
      el("a", {href: found.casePage, target: "_blank", rel: "noopener", "class": "tf-started-case"},
        "Open the case page"));
    close.addEventListener("click", () => notice.remove());
    document.body.append(notice);
  }).catch(error => {
    if (error.status === 404 && attempt < 10) {
      setTimeout(() => announceCase(api, processInstanceId, attempt + 1), 500);
    }
  });
}

export default [
  {
    id: "threatflow-threats-link",
    pluginPoint: "tasklist.navbar.action",
    priority: 10,
    render: (node, {api}) => {
      applyOffers(api);
      watchStarts(api);
      keepSortingByDue();
      node.replaceChildren(el("a", {href: `${pages(api)}/threats`, "class": "tf-threats-link",
        title: "Every threat, with its case page and report"}, "Threats"));
    }
  },
  {
    id: "threatflow-card",
    pluginPoint: "tasklist.card",
    priority: 10,
    render: (node, {api, taskId}) => renderCard(node, api, taskId)
  },
  {
    id: "threatflow-case",
    pluginPoint: "tasklist.task.detail",
    priority: 50,
    properties: {label: "Case"},
    render: (node, {api, taskId}) => renderCase(node, api, taskId)
  }
];
