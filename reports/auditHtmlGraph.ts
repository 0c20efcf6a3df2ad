// The require-graph part of audit.html's inline script (plain ES2017 inside the client's IIFE;
// uses its helpers el/svg/fmt/kb/fits/moduleByName/isShared/searchQuery). A layered SVG per
// process: dependencies to the left, the entry on the right. A box shows as many trailing name
// segments as fit (`rng.crypto-rng`, never a leading "…"; the full name is in the tooltip), and
// a legend says what the colours and lines mean. The adjacency table lists every edge.
export const GRAPH_JS = String.raw`
  function requiresOf(name) {
    var m = moduleByName[name];
    if (m && m.requires) return m.requires;
    return (data.edges && data.edges[name]) || [];
  }
  // The longest tail of the dotted name that fits; the last segment alone is cut at its end.
  function graphLabel(name, width) {
    var parts = name.split('.');
    for (var i = 0; i < parts.length; i++) { var t = parts.slice(i).join('.'); if (fits(t, width, 10)) return t; }
    var last = parts[parts.length - 1];
    while (last.length > 1 && !fits(last + '\u2026', width, 10)) last = last.slice(0, -1);
    return last + '\u2026';
  }
  function graphLegend() {
    var item = function (cls, text) { return el('span', { 'class': 'item' }, [el('span', { 'class': 'box ' + cls }), text]); };
    return el('div', { 'class': 'graph-key' }, [item('shared', 'shared module (used by several processes)'), item('', 'specific module'), item('entry', 'entry'),
      el('span', { 'class': 'item' }, [el('span', { 'class': 'edge' }), 'require (from the requiring module on the right to the required one on the left)'])]);
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
    var colW = 230, rowH = 22, boxW = 200, pos = {};
    columns.forEach(function (col, c) { col.forEach(function (m, r) { pos[m] = { x: 10 + c * colW, y: 10 + r * rowH }; }); });
    var H = 20 + rowH * Math.max.apply(null, columns.map(function (c) { return c.length; }).concat([1]));
    var s = svg('svg', { 'class': 'graph', width: 20 + colW * columns.length, height: H, 'data-process': p.name });
    var edgeCount = 0, q = searchQuery();
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
      if (q && m.toLowerCase().indexOf(q) >= 0) cls += ' match';
      var r = svg('rect', { x: pos[m].x, y: pos[m].y, width: boxW, height: 16, rx: 3, 'class': cls, 'data-node': m });
      var tip = svg('title', {}); tip.textContent = m + '\n' + kb(mod.bytes) + (mod.gzipBytes !== undefined ? ' \u00b7 gzip ' + kb(mod.gzipBytes) : '') + '\nused by ' + (mod.processes || []).join(', ');
      r.appendChild(tip); s.appendChild(r);
      var t = svg('text', { x: pos[m].x + 4, y: pos[m].y + 12 }); t.textContent = graphLabel(m, boxW - 8); s.appendChild(t);
    });
    holder.appendChild(el('p', { 'class': 'muted', 'data-field': 'graph-size', text: p.modules.length + ' modules, ' + edgeCount + ' require edges; entry on the right, dependencies to the left.' }));
    holder.appendChild(graphLegend());
    holder.appendChild(el('div', { 'class': 'graph-wrap' }, [s]));
    var requiredBy = {};
    p.modules.forEach(function (m) { requiresOf(m).forEach(function (d) { (requiredBy[d] = requiredBy[d] || []).push(m); }); });
    holder.appendChild(el('details', {}, [el('summary', { text: 'adjacency table' }), el('table', { 'class': 'adjacency' }, [el('tr', {}, [el('th', { text: 'module' }), el('th', { text: 'requires' }), el('th', { text: 'required by' })])].concat(p.modules.map(function (m) {
      return el('tr', {}, [el('td', { text: m }), el('td', { text: requiresOf(m).join(', ') }), el('td', { text: (requiredBy[m] || []).join(', ') })]);
    })))]));
  }
`;
