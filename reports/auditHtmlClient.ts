// The inline script of audit.html (plain ES2017, no template literals so it can live in a raw
// string): reads the embedded report and draws the summary (a sortable process table), the
// treemaps (auditHtmlTreemap.ts: one collapsible card per process, collapsed when there are
// many), the duplicates (largest first, a page at a time), the require graph
// (auditHtmlGraph.ts) and the problems. One search box filters processes, duplicates and
// highlights modules in the treemaps and the graph.
import { GRAPH_JS } from './auditHtmlGraph.ts';
import { TREEMAP_JS } from './auditHtmlTreemap.ts';

/** Cards open on load only up to this many processes (60 open treemaps make a page 170,000 px tall). */
export const OPEN_CARDS_UP_TO = 6;
/** Duplicate findings shown per page. */
export const DUPLICATES_PAGE = 20;
/** Copies listed per duplicate before "show all". */
const MEMBERS_SHOWN = 6;

const CORE_JS = String.raw`
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var threshold = data.shareThreshold || (data.split && data.split.shareThreshold) || 2;
  function fmt(n) { return Number(n || 0).toLocaleString('en-US'); }
  function kb(n) { n = Number(n || 0); return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(2) + ' MB'; }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) { if (k === 'text') e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); }
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  // Text width with the SVG label font, so a label is drawn only when it fits.
  var measureCtx = document.createElement('canvas').getContext('2d');
  var FONT = getComputedStyle(document.body).fontFamily;
  function fits(text, width, size, bold) { measureCtx.font = (bold ? '600 ' : '') + (size || 11) + 'px ' + FONT; return measureCtx.measureText(text).width <= width; }
  var moduleByName = {};
  data.modules.forEach(function (m) { moduleByName[m.name] = m; });
  function isShared(m) {
    if (typeof m.shared === 'boolean') return m.shared;
    return (m.processes || []).length >= threshold;
  }
  var searchBox = document.getElementById('search');
  function searchQuery() { return searchBox.value.trim().toLowerCase(); }
  function processMatches(p, q) {
    if (!q || p.name.toLowerCase().indexOf(q) >= 0 || (p.entry || '').toLowerCase().indexOf(q) >= 0) return true;
    return p.modules.some(function (n) { return n.toLowerCase().indexOf(q) >= 0; });
  }
`;

const SUMMARY_JS = String.raw`
  var processOrder = data.processes.slice();
  var cards = {}, summaryRows = {};
  (function summary() {
    var sub = document.getElementById('subtitle');
    sub.textContent = data.processes.length + ' processes, ' + data.modules.length + ' modules, ' +
      data.duplicates.length + ' duplicate findings, ' + data.problems.length + ' problems' +
      (data.generatedAt ? ' (generated ' + data.generatedAt + ')' : '');
    var cols = [['process', 'name'], ['entry', 'entry'], ['modules', 'modules'], ['bundle bytes', 'bundleBytes'], ['shared bytes', 'sharedBytes'], ['specific bytes', 'specificBytes'], ['shared %', 'pct']];
    var pct = function (p) { return p.bundleBytes ? Math.round(1000 * p.sharedBytes / p.bundleBytes) / 10 : 0; };
    var value = function (p, key) { return key === 'modules' ? p.modules.length : key === 'pct' ? pct(p) : p[key]; };
    var sortKey = '', sortDir = 1;
    var tbody = el('tbody', {});
    var rowOf = summaryRows;
    data.processes.forEach(function (p) {
      rowOf[p.name] = el('tr', { 'data-process': p.name }, [
        el('td', { text: p.name }), el('td', { 'class': 'muted', text: p.entry }),
        el('td', { 'class': 'num', 'data-field': 'modules', text: fmt(p.modules.length) }),
        el('td', { 'class': 'num', 'data-field': 'bundleBytes', text: fmt(p.bundleBytes) }),
        el('td', { 'class': 'num', 'data-field': 'sharedBytes', text: fmt(p.sharedBytes) }),
        el('td', { 'class': 'num', 'data-field': 'specificBytes', text: fmt(p.specificBytes) }),
        el('td', { 'class': 'num', text: pct(p) + ' %' })
      ]);
      tbody.appendChild(rowOf[p.name]);
    });
    var head = el('tr', {}, cols.map(function (c, i) {
      var th = el('th', { 'class': (i > 1 ? 'num ' : '') + 'sortable', 'data-sort': c[1], title: 'sort by ' + c[0], text: c[0] });
      th.addEventListener('click', function () {
        sortDir = sortKey === c[1] ? -sortDir : (i > 1 ? -1 : 1);
        sortKey = c[1];
        processOrder.sort(function (a, b) { var x = value(a, sortKey), y = value(b, sortKey); return (x < y ? -1 : x > y ? 1 : 0) * sortDir; });
        processOrder.forEach(function (p) { tbody.appendChild(rowOf[p.name]); if (cards[p.name]) cards[p.name].card.parentNode.appendChild(cards[p.name].card); });
        Array.prototype.forEach.call(head.children, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      });
      return th;
    }));
    document.getElementById('summary-body').appendChild(el('div', { 'class': 'table-wrap' }, [el('table', { id: 'process-table' }, [el('thead', {}, [head]), tbody])]));
    var s = data.split;
    if (s) {
      var parts = [];
      if (s.runtimeBytes !== undefined) parts.push(el('div', { id: 'split-runtime' }, ['Projected shared runtime: ', el('b', { 'data-field': 'runtimeBytes', text: fmt(s.runtimeBytes) }), ' bytes (' + kb(s.runtimeBytes) + ')']));
      var reduction = s.reductionPct !== undefined ? s.reductionPct : s.reductionPercent;
      if (reduction !== undefined) parts.push(el('div', { id: 'split-reduction' }, ['Reduction of the total bundle bytes: ', el('b', { 'data-field': 'reductionPct', text: reduction + ' %' })]));
      var shells = s.shells || Object.keys(s.shellBytes || {}).map(function (k) { return { name: k, bytes: s.shellBytes[k] }; });
      if (shells.length) parts.push(el('details', { id: 'split-shells' }, [el('summary', { text: 'Projected shell of each process (' + shells.length + ')' })].concat(shells.map(function (sh) {
        return el('div', { 'data-shell': sh.name }, ['Shell ' + sh.name + ': ', el('b', { text: fmt(sh.bytes) }), ' bytes']);
      }))));
      parts.forEach(function (p) { document.getElementById('split-body').appendChild(p); });
    }
  })();

  (function treemaps() {
    var body = document.getElementById('treemaps-body');
    var open = data.processes.length <= ${OPEN_CARDS_UP_TO};
    var all = el('button', { type: 'button', id: 'expand-all', text: 'open all' }), none = el('button', { type: 'button', id: 'collapse-all', text: 'close all' });
    body.appendChild(el('p', { 'class': 'muted' }, [open ? '' : data.processes.length + ' processes, closed: click one to draw its treemap. ', all, ' ', none]));
    var list = el('div', { id: 'treemap-list' });
    body.appendChild(list);
    data.processes.forEach(function (p) { cards[p.name] = treemapCard(p, open); list.appendChild(cards[p.name].card); });
    data.processes.forEach(function (p) { cards[p.name].draw(); });
    all.addEventListener('click', function () { processOrder.forEach(function (p) { if (cards[p.name].card.style.display !== 'none') cards[p.name].card.open = true; }); });
    none.addEventListener('click', function () { data.processes.forEach(function (p) { cards[p.name].card.open = false; }); });
  })();
`;

const DUPLICATES_JS = String.raw`
  function patchView(patch) {
    var pre = el('pre', {});
    patch.split('\n').forEach(function (line) {
      var cls = line.indexOf('@@') === 0 ? 'hunk' : (line[0] === '+' && line.indexOf('+++') !== 0) ? 'add' : (line[0] === '-' && line.indexOf('---') !== 0) ? 'del' : '';
      var span = el('span', cls ? { 'class': cls } : {}); span.textContent = line + (cls ? '' : '\n'); pre.appendChild(span);
    });
    return pre;
  }
  function memberRow(m) {
    // The copy is its path; a function or block name is shown next to it only when it is not the path again.
    var what = m.name && m.name !== m.path ? el('span', { 'class': 'muted', text: '  ' + m.name }) : null;
    return el('tr', {}, [el('td', {}, [m.path, what]), el('td', { text: m.startLine + '-' + m.endLine }), el('td', { 'class': 'num', text: fmt(m.bytes) })]);
  }
  function dupBox(d, i) {
    var rows = d.members.slice(0, ${MEMBERS_SHOWN}).map(memberRow);
    var members = el('table', {}, [el('tr', {}, [el('th', { text: 'copy' }), el('th', { text: 'lines' }), el('th', { 'class': 'num', text: 'bytes' })])].concat(rows));
    var box = el('div', { 'class': 'dup', 'data-kind': d.kind, 'data-index': String(i) }, [
      el('div', {}, [el('span', { 'class': 'badge ' + d.kind, text: d.kind }), ' similarity ', el('b', { 'data-field': 'similarity', text: (Math.round(d.similarity * 1000) / 10) + ' %' }),
        ' \u00b7 ' + d.members.length + ' copies' + (d.redundantBytes !== undefined ? ' \u00b7 ' + kb(d.redundantBytes) + ' redundant' : '') + ' \u00b7 processes: ' + (d.processes.length ? d.processes.slice(0, 8).join(', ') + (d.processes.length > 8 ? ' and ' + (d.processes.length - 8) + ' more' : '') : '(none)')]),
      members
    ]);
    if (d.members.length > ${MEMBERS_SHOWN}) {
      var more = el('button', { type: 'button', 'class': 'more', text: 'show all ' + d.members.length + ' copies' });
      more.addEventListener('click', function () { d.members.slice(${MEMBERS_SHOWN}).forEach(function (m) { members.appendChild(memberRow(m)); }); more.remove(); });
      box.appendChild(more);
    }
    (d.signatureChanges || []).forEach(function (s) { box.appendChild(el('div', { 'class': 'muted', text: 'signature: ' + s })); });
    (d.diffs || []).forEach(function (df) {
      box.appendChild(el('details', { 'class': 'diff' }, [el('summary', { text: 'diff ' + df.from + ' \u2192 ' + df.to + (df.similarity !== undefined ? ' (' + Math.round(df.similarity * 1000) / 10 + ' %)' : '') }), patchView(df.patch)]));
    });
    return box;
  }
  var redrawDuplicates = function () {};
  (function duplicates() {
    var body = document.getElementById('duplicates-body');
    if (!data.duplicates.length) { body.appendChild(el('p', { 'class': 'muted', text: 'No duplicates found.' })); return; }
    var kinds = {};
    data.duplicates.forEach(function (d) { kinds[d.kind] = (kinds[d.kind] || 0) + 1; });
    var filter = el('select', { id: 'dup-filter' }, [el('option', { value: '', text: 'all kinds (' + data.duplicates.length + ')' })].concat(Object.keys(kinds).map(function (k) {
      return el('option', { value: k, text: k + ' (' + kinds[k] + ')' });
    })));
    var order = el('select', { id: 'dup-sort' }, [['redundant', 'most redundant bytes first'], ['similarity', 'most similar first'], ['copies', 'most copies first'], ['report', 'report order']].map(function (o) { return el('option', { value: o[0], text: o[1] }); }));
    var count = el('span', { 'class': 'muted', id: 'dup-count' });
    body.appendChild(el('p', {}, ['Show ', filter, ' sorted by ', order, ' ', count]));
    var list = el('div', { id: 'dup-list' });
    var more = el('button', { type: 'button', id: 'dup-more' });
    body.appendChild(list); body.appendChild(more);
    var shown = ${DUPLICATES_PAGE}, chosen = [];
    function matches(d, q) {
      return !q || d.members.some(function (m) { return (m.path + ' ' + (m.name || '') + ' ' + (m.module || '')).toLowerCase().indexOf(q) >= 0; });
    }
    function render() {
      while (list.firstChild) list.removeChild(list.firstChild);
      chosen.slice(0, shown).forEach(function (x) { list.appendChild(dupBox(x.d, x.i)); });
      count.textContent = Math.min(shown, chosen.length) + ' of ' + chosen.length + ' shown';
      more.textContent = 'show ' + Math.min(${DUPLICATES_PAGE}, chosen.length - shown) + ' more';
      more.style.display = chosen.length > shown ? '' : 'none';
    }
    redrawDuplicates = function () {
      var q = searchQuery(), key = order.value;
      chosen = data.duplicates.map(function (d, i) { return { d: d, i: i }; }).filter(function (x) { return (!filter.value || x.d.kind === filter.value) && matches(x.d, q); });
      var by = { redundant: function (x) { return x.d.redundantBytes || x.d.bytes || 0; }, similarity: function (x) { return x.d.similarity; }, copies: function (x) { return x.d.members.length; } }[key];
      if (by) chosen.sort(function (a, b) { return by(b) - by(a) || a.i - b.i; });
      shown = ${DUPLICATES_PAGE};
      render();
    };
    more.addEventListener('click', function () { shown += ${DUPLICATES_PAGE}; render(); });
    filter.addEventListener('change', redrawDuplicates);
    order.addEventListener('change', redrawDuplicates);
    redrawDuplicates();
  })();
`;

const REST_JS = String.raw`
  var redrawGraph = function () {};
  (function graph() {
    var body = document.getElementById('graph-body');
    if (!data.processes.length) return;
    var pick = el('select', { id: 'graph-process' }, data.processes.map(function (p) { return el('option', { value: p.name, text: p.name }); }));
    var holder = el('div', {});
    body.appendChild(el('p', {}, ['Process ', pick])); body.appendChild(holder);
    redrawGraph = function () { drawGraph(data.processes.filter(function (p) { return p.name === pick.value; })[0], holder); };
    pick.addEventListener('change', redrawGraph);
    redrawGraph();
  })();
  (function problems() {
    var body = document.getElementById('problems-body');
    if (!data.problems.length) { body.appendChild(el('p', { 'class': 'muted', text: 'No problems.' })); return; }
    body.appendChild(el('table', { id: 'problem-table' }, [el('tr', {}, [el('th', { text: 'kind' }), el('th', { text: 'where' }), el('th', { text: 'message' })])].concat(data.problems.map(function (p) {
      return el('tr', { 'data-kind': p.kind }, [el('td', {}, [el('span', { 'class': 'badge ' + p.kind, text: p.kind })]), el('td', { text: p.path + ':' + p.line + ':' + p.column }), el('td', { text: p.message })]);
    }))));
  })();
  (function ts() {
    var t = data.ts;
    if (!t) return;
    var section = document.getElementById('ts');
    var body = document.getElementById('ts-body');
    section.hidden = false;
    document.querySelector('nav').appendChild(el('a', { href: '#ts', text: 'TypeScript client' }));
    if (t.error) { body.appendChild(el('p', { 'class': 'muted', text: 'The TS audit failed: ' + t.error })); return; }
    var rows = (t.entries || []).map(function (e) {
      return el('tr', { 'data-entry': e.entry }, [el('td', { text: e.entry }), el('td', { 'class': 'num', text: fmt((e.closure || []).length) }),
        el('td', { 'class': 'num', text: fmt((e.shared || []).length) }), el('td', { 'class': 'num', 'data-field': 'monolithBytes', text: fmt(e.monolithBytes) }),
        el('td', { 'class': 'num', 'data-field': 'shellBytes', text: fmt(e.shellBytes) })]);
    });
    body.appendChild(el('table', { id: 'ts-table' }, [el('tr', {}, ['entry', 'files', 'shared files', 'bundle bytes', 'shell bytes'].map(function (h, i) {
      return el('th', { 'class': i ? 'num' : '', text: h });
    }))].concat(rows)));
    var b = t.bundles || {};
    body.appendChild(el('p', { id: 'ts-split' }, ['Bundles ', el('b', { text: fmt(b.monolithTotalBytes) }), ' bytes -> runtime chunk ', el('b', { text: fmt(b.runtimeChunkBytes) }),
      ' + shells ', el('b', { text: fmt(b.shellTotalBytes) }), ' bytes (' + b.savedPercent + ' % smaller); ' + (t.duplicates || []).length + ' duplicate groups.']));
  })();
  (function search() {
    var info = document.getElementById('search-count');
    var timer;
    function apply() {
      var q = searchQuery(), n = 0;
      data.processes.forEach(function (p) {
        var hit = processMatches(p, q);
        if (hit) n++;
        summaryRows[p.name].style.display = hit ? '' : 'none';
        cards[p.name].card.style.display = hit ? '' : 'none';
        cards[p.name].card.redrawMatches();
      });
      info.textContent = q ? n + ' of ' + data.processes.length + ' processes match' : '';
      redrawDuplicates();
      redrawGraph();
    }
    searchBox.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  })();
  document.body.setAttribute('data-rendered', 'true');
`;

export const AUDIT_CLIENT_JS = `(function () {\n  'use strict';${CORE_JS}${TREEMAP_JS}${GRAPH_JS}${SUMMARY_JS}${DUPLICATES_JS}${REST_JS}})();\n`;
