// The inline script of audit.html (plain ES2017, no template literals so it can live in a raw
// string): reads the embedded report and draws the summary, the zoomable squarified treemaps,
// the duplicate list with coloured diffs, the layered require graph and the problems.
export const AUDIT_CLIENT_JS = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var threshold = data.shareThreshold || (data.split && data.split.shareThreshold) || 2;
  function fmt(n) { return Number(n || 0).toLocaleString('en-US'); }
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
  var moduleByName = {};
  data.modules.forEach(function (m) { moduleByName[m.name] = m; });
  function isShared(m) {
    if (typeof m.shared === 'boolean') return m.shared;
    return (m.processes || []).length >= threshold;
  }

  // Summary -------------------------------------------------------------------------------
  (function summary() {
    var sub = document.getElementById('subtitle');
    sub.textContent = data.processes.length + ' processes, ' + data.modules.length + ' modules, ' +
      data.duplicates.length + ' duplicate findings, ' + data.problems.length + ' problems' +
      (data.generatedAt ? ' (generated ' + data.generatedAt + ')' : '');
    var head = el('tr', {}, ['process', 'entry', 'modules', 'bundle bytes', 'shared bytes', 'specific bytes', 'shared %'].map(function (h, i) {
      return el('th', { 'class': i > 1 ? 'num' : '', text: h });
    }));
    var rows = data.processes.map(function (p) {
      var pct = p.bundleBytes ? Math.round(1000 * p.sharedBytes / p.bundleBytes) / 10 : 0;
      return el('tr', { 'data-process': p.name }, [
        el('td', { text: p.name }), el('td', { 'class': 'muted', text: p.entry }),
        el('td', { 'class': 'num', 'data-field': 'modules', text: fmt(p.modules.length) }),
        el('td', { 'class': 'num', 'data-field': 'bundleBytes', text: fmt(p.bundleBytes) }),
        el('td', { 'class': 'num', 'data-field': 'sharedBytes', text: fmt(p.sharedBytes) }),
        el('td', { 'class': 'num', 'data-field': 'specificBytes', text: fmt(p.specificBytes) }),
        el('td', { 'class': 'num', text: pct + ' %' })
      ]);
    });
    document.getElementById('summary-body').appendChild(el('table', { id: 'process-table' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
    var s = data.split;
    if (s) {
      var parts = [];
      if (s.runtimeBytes !== undefined) parts.push(el('div', { id: 'split-runtime' }, ['Projected shared runtime: ', el('b', { 'data-field': 'runtimeBytes', text: fmt(s.runtimeBytes) }), ' bytes']));
      var reduction = s.reductionPct !== undefined ? s.reductionPct : s.reductionPercent;
      if (reduction !== undefined) parts.push(el('div', { id: 'split-reduction' }, ['Reduction of the total bundle bytes: ', el('b', { 'data-field': 'reductionPct', text: reduction + ' %' })]));
      var shells = s.shells || Object.keys(s.shellBytes || {}).map(function (k) { return { name: k, bytes: s.shellBytes[k] }; });
      shells.forEach(function (sh) {
        parts.push(el('div', { 'data-shell': sh.name }, ['Shell ' + sh.name + ': ', el('b', { text: fmt(sh.bytes) }), ' bytes']));
      });
      parts.forEach(function (p) { document.getElementById('split-body').appendChild(p); });
    }
  })();

  // Treemaps ------------------------------------------------------------------------------
  function hierarchy(p) {
    var root = { name: p.name, children: [] };
    var groups = { shared: { name: 'shared', cls: 'shared', children: [] }, specific: { name: 'specific', cls: 'specific', children: [] } };
    p.modules.forEach(function (name) {
      var m = moduleByName[name];
      if (!m) return;
      var g = groups[isShared(m) ? 'shared' : 'specific'];
      var top = name.indexOf('.') > 0 ? name.slice(0, name.indexOf('.')) : '(top level)';
      var folder = g.children.filter(function (c) { return c.name === top; })[0];
      if (!folder) { folder = { name: top, cls: g.cls, children: [] }; g.children.push(folder); }
      folder.children.push({ name: name, cls: g.cls, value: Math.max(m.bytes, 1), bytes: m.bytes, path: m.path });
    });
    ['shared', 'specific'].forEach(function (k) { if (groups[k].children.length) root.children.push(groups[k]); });
    (function sum(n) { if (n.children) n.value = n.children.reduce(function (a, c) { return a + sum(c); }, 0); return n.value; })(root);
    return root;
  }
  function worst(row, side) {
    var s = row.reduce(function (a, r) { return a + r.area; }, 0);
    var max = Math.max.apply(null, row.map(function (r) { return r.area; }));
    var min = Math.min.apply(null, row.map(function (r) { return r.area; }));
    return Math.max(side * side * max / (s * s), (s * s) / (side * side * min));
  }
  // Squarified layout (Bruls et al.) of nodes into {x, y, w, h}.
  function squarify(nodes, x, y, w, h) {
    var total = nodes.reduce(function (a, n) { return a + n.value; }, 0);
    var items = nodes.slice().sort(function (a, b) { return b.value - a.value; }).map(function (n) { return { node: n, area: total ? n.value * w * h / total : 0 }; });
    var out = [];
    while (items.length) {
      var side = Math.min(w, h), row = [items.shift()];
      while (items.length && worst(row.concat([items[0]]), side) <= worst(row, side)) row.push(items.shift());
      var rowArea = row.reduce(function (a, r) { return a + r.area; }, 0);
      var thick = side ? rowArea / side : 0, pos = 0;
      row.forEach(function (r) {
        var len = thick ? r.area / thick : 0;
        if (w >= h) out.push({ node: r.node, x: x, y: y + pos, w: thick, h: len });
        else out.push({ node: r.node, x: x + pos, y: y, w: len, h: thick });
        pos += len;
      });
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
    }
    return out;
  }
  function drawTreemap(card, svgEl, crumbs, stack) {
    var node = stack[stack.length - 1];
    while (svgEl.firstChild) svgEl.removeChild(svgEl.firstChild);
    var W = svgEl.clientWidth || 1000, H = svgEl.clientHeight || 360;
    svgEl.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    squarify(node.children || [], 0, 0, W, H).forEach(function (t) {
      var n = t.node, g = svg('g', {});
      var inner = n.children ? squarify(n.children, t.x + 2, t.y + 16, Math.max(t.w - 4, 0), Math.max(t.h - 18, 0)) : [t];
      if (n.children) g.appendChild(svg('rect', { x: t.x, y: t.y, width: t.w, height: t.h, fill: n.cls === 'shared' ? '#bfdbfe' : '#fde68a', 'class': 'zoomable', 'data-node': n.name }));
      inner.forEach(function (c) {
        var r = svg('rect', { x: c.x, y: c.y, width: Math.max(c.w, 0), height: Math.max(c.h, 0), fill: c.node.cls === 'shared' ? 'var(--shared)' : 'var(--specific)', 'fill-opacity': 0.85, 'data-node': c.node.name });
        if (n.children) r.setAttribute('class', 'zoomable');
        var tip = svg('title', {}); tip.textContent = c.node.name + ': ' + fmt(c.node.value) + ' bytes' + (c.node.path ? ' (' + c.node.path + ')' : '');
        r.appendChild(tip); g.appendChild(r);
        if (c.w > 60 && c.h > 14 && c !== t) { var tx = svg('text', { x: c.x + 3, y: c.y + 12 }); tx.textContent = c.node.children ? c.node.name + ' ' + fmt(c.node.value) : c.node.name.split('.').pop(); g.appendChild(tx); }
        else if (c.w > 60 && c.h > 14 && !n.children) { var lt = svg('text', { x: c.x + 3, y: c.y + 12 }); lt.textContent = c.node.name.split('.').pop(); g.appendChild(lt); }
      });
      if (n.children && t.w > 40) { var label = svg('text', { x: t.x + 3, y: t.y + 12 }); label.textContent = n.name + ' ' + fmt(n.value); g.appendChild(label); }
      if (n.children) g.addEventListener('click', function () { stack.push(n); drawTreemap(card, svgEl, crumbs, stack); });
      svgEl.appendChild(g);
    });
    while (crumbs.firstChild) crumbs.removeChild(crumbs.firstChild);
    stack.forEach(function (s, i) {
      if (i) crumbs.appendChild(document.createTextNode(' / '));
      var a = el('a', { text: s.name + ' (' + fmt(s.value) + ')' });
      a.addEventListener('click', function () { stack.length = i + 1; drawTreemap(card, svgEl, crumbs, stack); });
      crumbs.appendChild(a);
    });
    card.setAttribute('data-zoom', stack.map(function (s) { return s.name; }).join('/'));
  }
  data.processes.forEach(function (p) {
    var card = el('div', { 'class': 'treemap-card', 'data-process': p.name });
    var crumbs = el('div', { 'class': 'crumbs' });
    var svgEl = svg('svg', { 'class': 'treemap', 'data-process': p.name });
    card.appendChild(el('h3', { text: p.name + ': ' + fmt(p.bundleBytes) + ' bytes (' + fmt(p.sharedBytes) + ' shared, ' + fmt(p.specificBytes) + ' specific)' }));
    card.appendChild(crumbs); card.appendChild(svgEl);
    document.getElementById('treemaps-body').appendChild(card);
    drawTreemap(card, svgEl, crumbs, [hierarchy(p)]);
  });

  // Duplicates ----------------------------------------------------------------------------
  function patchView(patch) {
    var pre = el('pre', {});
    patch.split('\n').forEach(function (line) {
      var cls = line.indexOf('@@') === 0 ? 'hunk' : (line[0] === '+' && line.indexOf('+++') !== 0) ? 'add' : (line[0] === '-' && line.indexOf('---') !== 0) ? 'del' : '';
      var span = el('span', cls ? { 'class': cls } : {}); span.textContent = line + (cls ? '' : '\n'); pre.appendChild(span);
    });
    return pre;
  }
  (function duplicates() {
    var body = document.getElementById('duplicates-body');
    if (!data.duplicates.length) { body.appendChild(el('p', { 'class': 'muted', text: 'No duplicates found.' })); return; }
    var kinds = {};
    data.duplicates.forEach(function (d) { kinds[d.kind] = (kinds[d.kind] || 0) + 1; });
    var filter = el('select', { id: 'dup-filter' }, [el('option', { value: '', text: 'all kinds (' + data.duplicates.length + ')' })].concat(Object.keys(kinds).map(function (k) {
      return el('option', { value: k, text: k + ' (' + kinds[k] + ')' });
    })));
    body.appendChild(el('p', {}, ['Show ', filter]));
    var list = el('div', { id: 'dup-list' });
    data.duplicates.forEach(function (d, i) {
      var members = el('table', {}, [el('tr', {}, [el('th', { text: 'copy' }), el('th', { text: 'lines' }), el('th', { 'class': 'num', text: 'bytes' })])].concat(d.members.map(function (m) {
        return el('tr', {}, [el('td', { text: m.path + (m.name ? '  ' + m.name : '') }), el('td', { text: m.startLine + '-' + m.endLine }), el('td', { 'class': 'num', text: fmt(m.bytes) })]);
      })));
      var box = el('div', { 'class': 'dup', 'data-kind': d.kind, 'data-index': String(i) }, [
        el('div', {}, [el('span', { 'class': 'badge ' + d.kind, text: d.kind }), ' similarity ', el('b', { 'data-field': 'similarity', text: (Math.round(d.similarity * 1000) / 10) + ' %' }),
          ' \u00b7 ' + d.members.length + ' copies \u00b7 processes: ' + (d.processes.length ? d.processes.join(', ') : '(none)')]),
        members
      ]);
      (d.signatureChanges || []).forEach(function (s) { box.appendChild(el('div', { 'class': 'muted', text: 'signature: ' + s })); });
      (d.diffs || []).forEach(function (df) {
        box.appendChild(el('details', { 'class': 'diff' }, [el('summary', { text: 'diff ' + df.from + ' \u2192 ' + df.to + (df.similarity !== undefined ? ' (' + Math.round(df.similarity * 1000) / 10 + ' %)' : '') }), patchView(df.patch)]));
      });
      list.appendChild(box);
    });
    body.appendChild(list);
    filter.addEventListener('change', function () {
      Array.prototype.forEach.call(list.children, function (c) { c.style.display = !filter.value || c.getAttribute('data-kind') === filter.value ? '' : 'none'; });
    });
  })();

  // Require graph -------------------------------------------------------------------------
  function requiresOf(name) {
    var m = moduleByName[name];
    if (m && m.requires) return m.requires;
    return (data.edges && data.edges[name]) || [];
  }
  function drawGraph(p, holder) {
    while (holder.firstChild) holder.removeChild(holder.firstChild);
    var inClosure = {}; p.modules.forEach(function (m) { inClosure[m] = true; });
    var level = {};
    p.modules.forEach(function (m) { // dependencies come first, so their levels are known
      level[m] = requiresOf(m).reduce(function (a, d) { return inClosure[d] && level[d] !== undefined ? Math.max(a, level[d] + 1) : a; }, 0);
    });
    var columns = [];
    p.modules.forEach(function (m) { (columns[level[m]] = columns[level[m]] || []).push(m); });
    var colW = 210, rowH = 22, boxW = 190, pos = {};
    columns.forEach(function (col, c) { col.forEach(function (m, r) { pos[m] = { x: 10 + c * colW, y: 10 + r * rowH }; }); });
    var H = 20 + rowH * Math.max.apply(null, columns.map(function (c) { return c.length; }).concat([1]));
    var s = svg('svg', { 'class': 'graph', width: 20 + colW * columns.length, height: H, 'data-process': p.name });
    var edgeCount = 0;
    p.modules.forEach(function (m) {
      requiresOf(m).forEach(function (d) {
        if (!pos[d]) return;
        edgeCount++;
        s.appendChild(svg('line', { x1: pos[m].x, y1: pos[m].y + 8, x2: pos[d].x + boxW, y2: pos[d].y + 8 }));
      });
    });
    p.modules.forEach(function (m) {
      var mod = moduleByName[m] || { bytes: 0, processes: [] };
      var cls = m === p.modules[p.modules.length - 1] ? 'entry' : isShared(mod) ? 'shared' : '';
      var r = svg('rect', { x: pos[m].x, y: pos[m].y, width: boxW, height: 16, rx: 3, 'class': cls, 'data-node': m });
      var tip = svg('title', {}); tip.textContent = m + ' (' + fmt(mod.bytes) + ' bytes, used by ' + (mod.processes || []).join(', ') + ')';
      r.appendChild(tip); s.appendChild(r);
      var t = svg('text', { x: pos[m].x + 4, y: pos[m].y + 12 }); t.textContent = m.length > 34 ? '\u2026' + m.slice(-33) : m; s.appendChild(t);
    });
    holder.appendChild(el('p', { 'class': 'muted', 'data-field': 'graph-size', text: p.modules.length + ' modules, ' + edgeCount + ' require edges; entry on the right, dependencies to the left.' }));
    holder.appendChild(el('div', { 'class': 'graph-wrap' }, [s]));
    var requiredBy = {};
    p.modules.forEach(function (m) { requiresOf(m).forEach(function (d) { (requiredBy[d] = requiredBy[d] || []).push(m); }); });
    holder.appendChild(el('details', {}, [el('summary', { text: 'adjacency table' }), el('table', { 'class': 'adjacency' }, [el('tr', {}, [el('th', { text: 'module' }), el('th', { text: 'requires' }), el('th', { text: 'required by' })])].concat(p.modules.map(function (m) {
      return el('tr', {}, [el('td', { text: m }), el('td', { text: requiresOf(m).join(', ') }), el('td', { text: (requiredBy[m] || []).join(', ') })]);
    })))]));
  }
  (function graph() {
    var body = document.getElementById('graph-body');
    if (!data.processes.length) return;
    var pick = el('select', { id: 'graph-process' }, data.processes.map(function (p) { return el('option', { value: p.name, text: p.name }); }));
    var holder = el('div', {});
    body.appendChild(el('p', {}, ['Process ', pick])); body.appendChild(holder);
    pick.addEventListener('change', function () { drawGraph(data.processes.filter(function (p) { return p.name === pick.value; })[0], holder); });
    drawGraph(data.processes[0], holder);
  })();

  // Problems ------------------------------------------------------------------------------
  (function problems() {
    var body = document.getElementById('problems-body');
    if (!data.problems.length) { body.appendChild(el('p', { 'class': 'muted', text: 'No problems.' })); return; }
    body.appendChild(el('table', { id: 'problem-table' }, [el('tr', {}, [el('th', { text: 'kind' }), el('th', { text: 'where' }), el('th', { text: 'message' })])].concat(data.problems.map(function (p) {
      return el('tr', { 'data-kind': p.kind }, [el('td', {}, [el('span', { 'class': 'badge ' + p.kind, text: p.kind })]), el('td', { text: p.path + ':' + p.line + ':' + p.column }), el('td', { text: p.message })]);
    }))));
  })();
  // TypeScript client (the ts section of audit.json) -----------------------------------------
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
  document.body.setAttribute('data-rendered', 'true');
})();
`;
