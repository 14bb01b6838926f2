// Renders every processes/*.bpmn to docs/<name>.png and docs/<name>.svg, so the README pictures
// are drawn from the models themselves and never drift from them.
//
// bpmn-js (its NavigatedViewer bundle from node_modules) draws each diagram in Debian's Chromium,
// driven by playwright-core; a small HTTP server on 127.0.0.1 serves the page, so nothing is
// fetched from outside this machine. Usage: npm run render:diagrams [-- --scale=2]
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROCESSES = path.join(ROOT, 'processes');
const DOCS = path.join(ROOT, 'docs');
const BPMN_JS_DIST = path.join(ROOT, 'node_modules', 'bpmn-js', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags this machine needs: without the background-networking ones Chromium keeps dialling out
// and its connections are refused.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

const PADDING = 40;
const scaleArg = process.argv.find(arg => arg.startsWith('--scale='));
const SCALE = scaleArg ? Number(scaleArg.slice('--scale='.length)) : 1;
if (!(SCALE > 0)) {
  throw new Error(`--scale must be a positive number, got ${scaleArg}`);
}

const PAGE = `<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <link rel="stylesheet" href="/bpmn-js/assets/diagram-js.css">
  <link rel="stylesheet" href="/bpmn-js/assets/bpmn-js.css">
  <style>
    html, body { margin: 0; height: 100%; background: #fff; overflow: hidden; }
    #canvas { position: absolute; inset: 0; }
  </style>
  <script src="/bpmn-js/bpmn-navigated-viewer.production.min.js"></script>
</head>
<body><div id="canvas"></div></body>
</html>`;

const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml'
};

function startServer() {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
      return;
    }
    const file = path.resolve(BPMN_JS_DIST, '.' + decodeURIComponent(url.pathname).replace(/^\/bpmn-js/, ''));
    if (!url.pathname.startsWith('/bpmn-js/') || !file.startsWith(BPMN_JS_DIST + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Runs in the page: draws the diagram and returns the bounding box of everything drawn.
async function importDiagram(xml) {
  if (window.viewer) {
    window.viewer.destroy();
  }
  window.viewer = new window.BpmnJS({ container: '#canvas' });
  const { warnings } = await window.viewer.importXML(xml);
  await document.fonts.ready;
  const { x, y, width, height } = window.viewer.get('canvas').viewbox().inner;
  return { warnings: warnings.map(warning => warning.message), bounds: { x, y, width, height } };
}

// Runs in the page once the viewport matches the diagram: centres it at scale 1.
function fitViewport() {
  const canvas = window.viewer.get('canvas');
  canvas.resized();
  return canvas.zoom('fit-viewport', 'auto');
}

async function exportSvg() {
  const { svg } = await window.viewer.saveSVG();
  return svg;
}

// bpmn-js names arrow-head markers with random ids; numbering them in order of appearance keeps
// the SVG byte-identical between renders of an unchanged model.
function stableMarkerIds(svg) {
  const ids = new Map();
  return svg.replace(/marker-[a-z0-9]{10,}/g, id => {
    if (!ids.has(id)) {
      ids.set(id, `marker-${ids.size + 1}`);
    }
    return ids.get(id);
  });
}

async function render(page, bpmnFile) {
  const name = path.basename(bpmnFile, '.bpmn');
  const xml = await readFile(bpmnFile, 'utf8');

  const { warnings, bounds } = await page.evaluate(importDiagram, xml);
  if (warnings.length) {
    throw new Error(`${name}: bpmn-js import warnings:\n  ${warnings.join('\n  ')}`);
  }

  const width = Math.ceil(bounds.width + 2 * PADDING);
  const height = Math.ceil(bounds.height + 2 * PADDING);
  await page.setViewportSize({ width, height });
  const zoom = await page.evaluate(fitViewport);
  if (Math.abs(zoom - 1) > 0.01) {
    throw new Error(`${name}: expected to draw at scale 1, drew at ${zoom}`);
  }

  const png = path.join(DOCS, `${name}.png`);
  const svg = path.join(DOCS, `${name}.svg`);
  await page.screenshot({ path: png });
  await writeFile(svg, stableMarkerIds(await page.evaluate(exportSvg)));
  console.log(`${path.relative(ROOT, bpmnFile)} -> ${path.relative(ROOT, png)} (${Math.round(width * SCALE)}x${Math.round(height * SCALE)}), ${path.relative(ROOT, svg)}`);
}

async function main() {
  const bpmnFiles = (await readdir(PROCESSES))
    .filter(file => file.endsWith('.bpmn'))
    .sort()
    .map(file => path.join(PROCESSES, file));
  await mkdir(DOCS, { recursive: true });

  const server = await startServer();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'render-diagrams-'));
  let browser;
  try {
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      deviceScaleFactor: SCALE,
      viewport: { width: 1280, height: 800 }
    });
    const page = browser.pages()[0] || await browser.newPage();
    page.on('pageerror', error => console.error(`page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => typeof window.BpmnJS === 'function');
    for (const bpmnFile of bpmnFiles) {
      await render(page, bpmnFile);
    }
  } finally {
    await browser?.close();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

await main();
