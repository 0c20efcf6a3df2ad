// The treemap part of audit.html's inline script (plain ES2017 inside the client's IIFE; uses
// its helpers el/svg/fmt/kb/fits/moduleByName/isShared). Per process: shared and specific
// groups, then the module folders (one level per name segment, single-child chains merged),
// then the modules, laid out squarified (Bruls et al.) down to the leaves in one view like
// webpack-bundle-analyzer. Every rectangle carries its raw and gzip size in its tooltip and,
// when the text fits, on a label; a label that does not fit is left out, never cut. Clicking a
// folder zooms into it, a crumb zooms out. A process is drawn when its card is first opened.
export const TREEMAP_JS = String.raw`
  function hierarchy(p) {
    var root = { name: p.name, key: p.name, children: [] };
    var groups = { shared: { name: 'shared', key: 'shared', cls: 'shared', group: true, children: [] }, specific: { name: 'specific', key: 'specific', cls: 'specific', group: true, children: [] } };
    p.modules.forEach(function (name) {
      var m = moduleByName[name];
      if (!m) return;
      var g = groups[isShared(m) ? 'shared' : 'specific'];
      var parts = name.split('.'), at = g;
      for (var i = 0; i < parts.length - 1; i++) {
        var key = parts.slice(0, i + 1).join('.');
        var next = at.children.filter(function (c) { return c.children && c.key === key; })[0];
        if (!next) { next = { name: parts[i], key: key, cls: g.cls, children: [] }; at.children.push(next); }
        at = next;
      }
      at.children.push({ name: parts[parts.length - 1], key: name, cls: g.cls, value: Math.max(m.bytes, 1), bytes: m.bytes, gzip: m.gzipBytes, path: m.path, module: name });
    });
    ['shared', 'specific'].forEach(function (k) { if (groups[k].children.length) root.children.push(groups[k]); });
    (function merge(n) { // a folder with one folder inside reads as one: game-logic.rng (the shared/specific groups stay)
      if (!n.children) return;
      n.children.forEach(merge);
      n.children = n.children.map(function (c) {
        if (c.children && c.children.length === 1 && c.children[0].children && !c.group) { var only = c.children[0]; return { name: c.name + '.' + only.name, key: only.key, cls: c.cls, children: only.children }; }
        return c;
      });
    })(root);
    (function sum(n) {
      if (n.children) {
        n.value = 0; n.bytes = 0; n.gzip = 0;
        n.children.forEach(function (c) { sum(c); n.value += c.value; n.bytes += c.bytes; n.gzip = n.gzip === undefined || c.gzip === undefined ? undefined : n.gzip + c.gzip; });
      }
    })(root);
    return root;
  }
  function worst(row, side) {
    var s = row.reduce(function (a, r) { return a + r.area; }, 0);
    var max = Math.max.apply(null, row.map(function (r) { return r.area; }));
    var min = Math.min.apply(null, row.map(function (r) { return r.area; }));
    return Math.max(side * side * max / (s * s), (s * s) / (side * side * min));
  }
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
  function sizeText(n) { return kb(n.bytes) + (n.gzip !== undefined ? ' \u00b7 gzip ' + kb(n.gzip) : ''); }
  function tipText(n) {
    return (n.module || n.key) + '\n' + fmt(n.bytes) + ' bytes (' + kb(n.bytes) + ')' + (n.gzip !== undefined ? '\ngzip ' + fmt(n.gzip) + ' bytes (' + kb(n.gzip) + ')' : '') + (n.path ? '\n' + n.path : '');
  }
  var LINE = 13, PAD = 3;
  // Label lines that fit the box: each candidate list is tried longest first; a line that fits in no form is dropped.
  function labelLines(cands, w, h, bold) {
    var out = [];
    for (var i = 0; i < cands.length && (out.length + 1) * LINE + PAD <= h; i++) {
      var pick = cands[i].filter(function (t) { return fits(t, w - 2 * PAD, 11, bold && !out.length); })[0];
      if (pick) out.push(pick); else if (i === 0) return [];
    }
    return out;
  }
  function drawLabel(g, lines, x, y, cls) {
    lines.forEach(function (t, i) {
      var tx = svg('text', { x: x + PAD, y: y + LINE * (i + 1) - 2, 'class': i ? 'size' : cls || '' });
      tx.textContent = t; g.appendChild(tx);
    });
  }
  function drawNode(parent, n, box, onZoom, depth) {
    var g = svg('g', { 'data-node': n.key });
    var r = svg('rect', { x: box.x, y: box.y, width: Math.max(box.w, 0), height: Math.max(box.h, 0), 'data-node': n.key, 'data-kind': n.children ? 'folder' : 'module', 'class': n.cls + (n.children ? ' folder d' + Math.min(depth, 3) : ' leaf') + (n.children ? ' zoomable' : '') });
    var tip = svg('title', {}); tip.textContent = tipText(n); r.appendChild(tip);
    g.appendChild(r);
    g.setAttribute('data-w', String(Math.floor(box.w))); g.setAttribute('data-h', String(Math.floor(box.h)));
    parent.appendChild(g);
    if (!n.children) {
      var one = n.name + '  ' + sizeText(n);
      var lines = box.h >= LINE + PAD && fits(one, box.w - 2 * PAD) ? [one] : labelLines([[n.name], [kb(n.bytes)], n.gzip !== undefined ? ['gzip ' + kb(n.gzip)] : []], box.w, box.h);
      drawLabel(g, lines, box.x, box.y);
      return;
    }
    var head = labelLines([[n.name + '  ' + sizeText(n), n.name + '  ' + kb(n.bytes), n.name]], box.w, box.h, true);
    drawLabel(g, head, box.x, box.y, 'head');
    g.addEventListener('click', function (e) { e.stopPropagation(); onZoom(n); });
    var top = head.length ? LINE + 2 : PAD;
    // A folder too small for padding still holds its modules (zero-area rects keep the count and tooltips honest).
    var inner = { x: box.x + PAD, y: box.y + top, w: Math.max(box.w - 2 * PAD, 0), h: Math.max(box.h - top - PAD, 0) };
    squarify(n.children, inner.x, inner.y, inner.w, inner.h).forEach(function (t) { drawNode(g, t.node, t, onZoom, depth + 1); });
  }
  function drawTreemap(card, svgEl, crumbs, stack) {
    var node = stack[stack.length - 1];
    while (svgEl.firstChild) svgEl.removeChild(svgEl.firstChild);
    var W = svgEl.clientWidth || 1000, H = svgEl.clientHeight || 420;
    svgEl.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var zoom = function (n) { stack.push(n); drawTreemap(card, svgEl, crumbs, stack); };
    squarify(node.children || [], 0, 0, W, H).forEach(function (t) { drawNode(svgEl, t.node, t, zoom, 0); });
    while (crumbs.firstChild) crumbs.removeChild(crumbs.firstChild);
    stack.forEach(function (s, i) {
      if (i) crumbs.appendChild(document.createTextNode(' / '));
      var a = el('a', { text: s.name + ' (' + sizeText(s) + ')' });
      a.addEventListener('click', function () { stack.length = i + 1; drawTreemap(card, svgEl, crumbs, stack); });
      crumbs.appendChild(a);
    });
    card.setAttribute('data-zoom', stack.map(function (s) { return s.name; }).join('/'));
    markMatches(svgEl);
  }
  // Search highlight: modules whose name or path holds the query get the 'match' class.
  function markMatches(svgEl) {
    var q = searchQuery();
    Array.prototype.forEach.call(svgEl.querySelectorAll('rect.leaf'), function (r) {
      var m = moduleByName[r.getAttribute('data-node')];
      var hit = q && m && (m.name.toLowerCase().indexOf(q) >= 0 || (m.path || '').toLowerCase().indexOf(q) >= 0);
      r.classList.toggle('match', Boolean(hit));
    });
  }
  function treemapCard(p, open) {
    var gz = p.modules.reduce(function (a, n) { var m = moduleByName[n]; return a === undefined || !m || m.gzipBytes === undefined ? undefined : a + m.gzipBytes; }, 0);
    var summary = el('summary', {}, [el('b', { text: p.name }), ' ' + kb(p.bundleBytes) + (gz !== undefined ? ' \u00b7 gzip ' + kb(gz) : '') + ' \u00b7 ',
      el('span', { 'class': 'sw shared' }), kb(p.sharedBytes) + ' shared ', el('span', { 'class': 'sw specific' }), kb(p.specificBytes) + ' specific \u00b7 ' + p.modules.length + ' modules']);
    var card = el('details', { 'class': 'treemap-card', 'data-process': p.name }, [summary]);
    var crumbs = el('div', { 'class': 'crumbs' });
    var svgEl = svg('svg', { 'class': 'treemap', 'data-process': p.name });
    card.appendChild(crumbs); card.appendChild(svgEl);
    var drawn = false;
    var draw = function () { if (card.open && !drawn) { drawn = true; drawTreemap(card, svgEl, crumbs, [hierarchy(p)]); } };
    card.addEventListener('toggle', draw);
    card.redrawMatches = function () { if (drawn) markMatches(svgEl); };
    if (open) card.open = true;
    return { card: card, draw: draw };
  }
`;
