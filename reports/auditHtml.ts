// audit.html: one self-contained page (inline CSS and JS, no network) that renders an audit
// report: a sortable summary table, a collapsible zoomable treemap per process (shared vs
// specific bytes, raw and gzip sizes on every rectangle), the duplicate list with the diffs
// between variants, the require graph (a layered SVG with a legend, and an adjacency table),
// the problems, and one search box over all of it. The report is embedded as JSON and drawn by
// the inline script, so the page shows exactly the numbers of audit.json (plus each module's
// gzip size, measured here from the project's files when `root` is given).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AUDIT_CLIENT_JS } from './auditHtmlClient.ts';

export interface AuditHtmlProcess {
  name: string;
  entry: string;
  modules: string[];
  bundleBytes: number;
  sharedBytes: number;
  specificBytes: number;
}

export interface AuditHtmlModule {
  name: string;
  path: string;
  bytes: number;
  processes: string[];
  /** Resolved require names (for the graph view); `edges` at the top level works too. */
  requires?: string[];
  /** gzip size of the file (renderAuditHtml fills it from `root` when missing). */
  gzipBytes?: number;
}

export interface AuditHtmlDuplicate {
  kind: string;
  similarity: number;
  members: { path: string; startLine: number; endLine: number; bytes: number; name?: string }[];
  processes: string[];
  diffs?: { from: string; to: string; similarity?: number; patch: string }[];
  signatureChanges?: string[];
}

export interface AuditHtmlProblem {
  kind: string;
  path: string;
  line: number;
  column: number;
  message: string;
}

/** The part of audit.json the page reads; anything else is carried along untouched. */
export interface AuditHtmlInput {
  project?: string;
  generatedAt?: string;
  shareThreshold?: number;
  processes: AuditHtmlProcess[];
  modules: AuditHtmlModule[];
  duplicates: AuditHtmlDuplicate[];
  problems: AuditHtmlProblem[];
  /** module -> required modules, when modules[] carry no `requires`. */
  edges?: Record<string, string[]>;
  /** Projected shared-runtime split (`migrate audit` writes reductionPct and shellBytes). */
  split?: {
    shareThreshold?: number;
    runtimeBytes?: number;
    reductionPct?: number;
    reductionPercent?: number;
    shellBytes?: Record<string, number>;
    shells?: { name: string; bytes: number }[];
  };
  /** The TS client audit, when the project has one (shown as raw counts). */
  ts?: unknown;
}

/** JSON that is safe inside <script>: no `</script>`, no `<!--`, no U+2028/2029 surprises. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `
:root { --shared: #3b82f6; --specific: #f59e0b; --bg: #fff; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header { padding: 16px 24px; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 20px; }
nav a { margin-right: 16px; color: var(--shared); text-decoration: none; }
main { padding: 0 24px 48px; max-width: 1400px; }
section { margin-top: 28px; }
h2 { font-size: 17px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: #eef2ff; color: #3730a3; }
.badge.drifted, .badge.parse-error, .badge.cycle { background: #fee2e2; color: #991b1b; }
.badge.near { background: #fef3c7; color: #92400e; }
.badge.exact-file { background: #dcfce7; color: #166534; }
.treemap-card { margin: 16px 0; }
.crumbs { margin: 4px 0; font-size: 13px; }
.crumbs a { color: var(--shared); cursor: pointer; }
details.treemap-card { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 0 10px; }
details.treemap-card > summary { cursor: pointer; padding: 6px 0; }
details.treemap-card[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 4px; }
.sw { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 6px; border-radius: 2px; }
.sw.shared { background: var(--shared); } .sw.specific { background: var(--specific); }
svg.treemap { width: 100%; height: 420px; display: block; margin-bottom: 10px; background: #fafafa; }
svg.treemap rect { stroke: #fff; stroke-width: 1; }
svg.treemap rect.leaf.shared { fill: var(--shared); } svg.treemap rect.leaf.specific { fill: var(--specific); }
svg.treemap rect.folder.shared { fill: #bfdbfe; } svg.treemap rect.folder.specific { fill: #fde68a; }
svg.treemap rect.folder.d1.shared, svg.treemap rect.folder.d3.shared { fill: #93c5fd; }
svg.treemap rect.folder.d1.specific, svg.treemap rect.folder.d3.specific { fill: #fcd34d; }
svg.treemap rect.match { stroke: #dc2626; stroke-width: 3; }
svg.treemap rect.zoomable { cursor: zoom-in; }
svg.treemap g:hover > rect.leaf { fill-opacity: 0.8; }
svg.treemap text { font-size: 11px; pointer-events: none; fill: #111; }
svg.treemap text.head { font-weight: 600; }
svg.treemap text.size { fill: #1f2937; opacity: 0.8; }
.legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px -2px 12px; }
.graph-key { font-size: 12px; color: var(--muted); margin: 4px 0; }
.graph-key .item { display: inline-flex; align-items: center; margin-right: 14px; }
.graph-key .box { width: 22px; height: 12px; margin: 0 5px 0 0; border: 1px solid #94a3b8; background: #fff; border-radius: 3px; }
.graph-key .box.shared { background: #dbeafe; border-color: var(--shared); }
.graph-key .box.entry { background: #fef3c7; border-color: var(--specific); }
.graph-key .edge { width: 22px; height: 0; border-top: 1px solid #94a3b8; margin: 0 5px 0 0; }
svg.graph rect.match { stroke: #dc2626; stroke-width: 2; }
.table-wrap { max-height: 420px; overflow: auto; border: 1px solid var(--line); }
.table-wrap thead th { position: sticky; top: 0; background: #fff; }
th.sortable { cursor: pointer; user-select: none; }
th[aria-sort=ascending]::after { content: " \\25B2"; } th[aria-sort=descending]::after { content: " \\25BC"; }
.search { margin-top: 8px; }
.search input { font: inherit; padding: 4px 8px; width: 320px; }
button { font: inherit; font-size: 13px; }
.dup { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.dup pre { background: #f8fafc; padding: 8px; overflow: auto; max-height: 360px; font-size: 12px; }
.dup pre .add { color: #166534; background: #f0fdf4; display: block; }
.dup pre .del { color: #991b1b; background: #fef2f2; display: block; }
.dup pre .hunk { color: #6b21a8; display: block; }
svg.graph { border: 1px solid var(--line); background: #fafafa; }
svg.graph rect { fill: #fff; stroke: #94a3b8; }
svg.graph rect.shared { fill: #dbeafe; stroke: var(--shared); }
svg.graph rect.entry { fill: #fef3c7; stroke: var(--specific); }
svg.graph text { font-size: 10px; }
svg.graph line { stroke: #94a3b8; stroke-width: 0.8; }
.graph-wrap { overflow: auto; max-height: 640px; }
select { font: inherit; }
`;

/** The report with each module's gzip size measured from its file under `root` (unreadable files keep none). */
function withGzipSizes(report: AuditHtmlInput, root: string | undefined): AuditHtmlInput {
  if (!root) return report;
  const modules = report.modules.map((m) => {
    if (m.gzipBytes !== undefined || !m.path) return m;
    try {
      return { ...m, gzipBytes: gzipSync(readFileSync(path.join(root, m.path))).length };
    } catch {
      return m;
    }
  });
  return { ...report, modules };
}

/** `root`: the project folder, to measure each module's gzip size from its file. */
export function renderAuditHtml(report: AuditHtmlInput, opts: { title?: string; root?: string } = {}): string {
  const title = opts.title ?? `Audit${report.project ? ` of ${report.project}` : ''}`;
  const data = withGzipSizes(report, opts.root);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<div class="muted" id="subtitle"></div>
<div class="search"><input id="search" type="search" placeholder="Search processes, modules, files" aria-label="search"> <span class="muted" id="search-count"></span></div>
<nav><a href="#summary">Summary</a><a href="#treemaps">Treemaps</a><a href="#duplicates">Duplicates</a><a href="#graph">Require graph</a><a href="#problems">Problems</a></nav>
</header>
<main>
<section id="summary"><h2>Processes</h2><div id="summary-body"></div><div id="split-body"></div></section>
<section id="treemaps"><h2>Bundle treemaps <span class="legend"><span style="background:var(--shared)"></span>shared<span style="background:var(--specific)"></span>specific</span></h2>
<p class="muted">Area is bytes. Each block shows its raw and gzip size when they fit (hover for all of it); click a folder to zoom in, a crumb to zoom out.</p><div id="treemaps-body"></div></section>
<section id="duplicates"><h2>Duplicates</h2><div id="duplicates-body"></div></section>
<section id="graph"><h2>Require graph</h2><div id="graph-body"></div></section>
<section id="problems"><h2>Problems</h2><div id="problems-body"></div></section>
<section id="ts" hidden><h2>TypeScript client</h2><div id="ts-body"></div></section>
</main>
<script type="application/json" id="audit-data">${embedJson(data)}</script>
<script>${AUDIT_CLIENT_JS}</script>
</body>
</html>
`;
}
