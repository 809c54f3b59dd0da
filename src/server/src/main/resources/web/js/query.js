/*
 * fentanyl-kg query UI: a CodeMirror SPARQL editor, results as a table whose IRIs link to the resources'
 * pages, CSV/JSON/Turtle downloads, and the saved-query gallery. Every value from a result is written with
 * textContent, never as HTML.
 */
(function () {
  'use strict';

  var app = document.getElementById('query-app');
  if (!app) return;
  var endpoint = app.getAttribute('data-endpoint');
  var base = app.getAttribute('data-base');
  var namespace = app.getAttribute('data-namespace');
  var MAX_ROWS = 2000;

  // The shared prefixes, as listed on the page.
  var prefixes = {};
  document.getElementById('prefixes').textContent.split('\n').forEach(function (line) {
    var m = /^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>/i.exec(line);
    if (m) prefixes[m[1] || ''] = m[2];
  });

  var textarea = document.getElementById('query');
  var editor = null;
  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: 'application/sparql-query',
      lineNumbers: true,
      matchBrackets: true,
      indentUnit: 2,
      viewportMargin: Infinity,
      extraKeys: { 'Ctrl-Enter': function () { run(); }, 'Cmd-Enter': function () { run(); } }
    });
  }

  function getQuery() { return editor ? editor.getValue() : textarea.value; }
  function setQuery(q) { if (editor) { editor.setValue(q); editor.focus(); } else { textarea.value = q; } }

  var status = document.getElementById('status');
  var errorBox = document.getElementById('error');
  var results = document.getElementById('results');
  var buttons = {
    run: document.getElementById('run'),
    csv: document.getElementById('download-csv'),
    json: document.getElementById('download-json'),
    ttl: document.getElementById('download-ttl')
  };
  var last = null; // { query, kind, text }

  /** The query without comments, strings and IRIs, to look at its keywords and prefixed names. */
  function skeleton(q) {
    return q.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ' ')
      .replace(/<[^<>"{}|^`\\\s]*>/g, ' ')
      .replace(/#[^\n]*/g, ' ');
  }

  /** Adds the declarations of the known prefixes a query uses without declaring them. */
  function withPrefixes(q) {
    var s = skeleton(q);
    var declared = {};
    s.replace(/\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:/gi, function (m, p) { declared[p || ''] = true; return m; });
    var missing = [];
    var re = /(^|[\s(){}\[\],;|\/^!*+=<>&])([A-Za-z][\w.-]*):/g;
    var m;
    while ((m = re.exec(s)) !== null) {
      var p = m[2];
      if (!declared[p] && prefixes[p] && missing.indexOf(p) < 0) missing.push(p);
    }
    return missing.map(function (p) { return 'PREFIX ' + p + ': <' + prefixes[p] + '>\n'; }).join('') + q;
  }

  /** SELECT, ASK, CONSTRUCT or DESCRIBE. */
  function kind(q) {
    var m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(skeleton(q).replace(/\b(PREFIX|BASE)\b[^\n]*/gi, ' '));
    return m ? m[1].toUpperCase() : 'SELECT';
  }

  /** A prefixed name where the rest is a Turtle local name (no leading '-', no trailing '.'), as the server's pages write it. */
  function shorten(iri) {
    var best = null;
    Object.keys(prefixes).forEach(function (p) {
      var ns = prefixes[p];
      if (iri.indexOf(ns) === 0 && /^(\w([\w.-]*[\w-])?)?$/.test(iri.slice(ns.length)) && (!best || ns.length > prefixes[best].length)) best = p;
    });
    return best === null ? iri : best + ':' + iri.slice(prefixes[best].length);
  }

  /** The page of an IRI: this server for the graph's namespace, the IRI itself for other http(s) IRIs. */
  function href(iri) {
    if (iri.indexOf(namespace) === 0) return base + iri.slice(namespace.length);
    if (/^https?:\/\//.test(iri)) return iri;
    return null;
  }

  function el(name, cls, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function term(t) {
    var td = el('td');
    if (!t) return td;
    if (t.type === 'uri') {
      var h = href(t.value);
      var a = el(h ? 'a' : 'span', 'iri', shorten(t.value));
      if (h) a.href = h;
      a.title = t.value;
      td.appendChild(a);
    } else if (t.type === 'bnode') {
      td.appendChild(el('span', 'bnode', '_:' + t.value));
    } else {
      td.appendChild(el('span', 'literal', t.value));
      if (t['xml:lang']) td.appendChild(el('span', 'lang', '@' + t['xml:lang']));
      else if (t.datatype && !/#string$/.test(t.datatype)) td.appendChild(el('span', 'datatype', shorten(t.datatype)));
    }
    return td;
  }

  function showError(message) {
    errorBox.hidden = false;
    errorBox.textContent = message;
  }

  function renderSelect(json) {
    results.textContent = '';
    if (typeof json.boolean === 'boolean') {
      results.appendChild(el('p', 'ask', 'Answer: ' + json.boolean));
      return 1;
    }
    var vars = json.head.vars;
    var rows = json.results.bindings;
    var table = el('table');
    var head = el('thead');
    var tr = el('tr');
    vars.forEach(function (v) { tr.appendChild(el('th', null, v)); });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    rows.slice(0, MAX_ROWS).forEach(function (b) {
      var row = el('tr');
      vars.forEach(function (v) { row.appendChild(term(b[v])); });
      body.appendChild(row);
    });
    table.appendChild(body);
    results.appendChild(table);
    if (rows.length > MAX_ROWS) results.appendChild(el('p', 'hint', 'Showing ' + MAX_ROWS + ' of ' + rows.length + ' rows; download them all.'));
    return rows.length;
  }

  function renderGraph(text) {
    results.textContent = '';
    results.appendChild(el('pre', 'graph', text));
    return text.split('\n').filter(function (l) { return /\s\.\s*$/.test(l); }).length;
  }

  function post(query, accept) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': accept },
      body: new URLSearchParams({ query: query })
    });
  }

  function setBusy(busy) {
    buttons.run.disabled = busy;
    var select = last && (last.kind === 'SELECT' || last.kind === 'ASK');
    buttons.csv.disabled = busy || !last || !select;
    buttons.json.disabled = busy || !last || !select;
    buttons.ttl.disabled = busy || !last || select;
  }

  function run() {
    var text = getQuery();
    var query = withPrefixes(text);
    var k = kind(query);
    var graph = k === 'CONSTRUCT' || k === 'DESCRIBE';
    errorBox.hidden = true;
    errorBox.textContent = '';
    status.textContent = 'Running…';
    last = null;
    setBusy(true);
    var started = performance.now();
    return post(query, graph ? 'text/turtle' : 'application/sparql-results+json')
      .then(function (resp) {
        return resp.text().then(function (body) {
          if (!resp.ok) throw new Error('HTTP ' + resp.status + '\n' + body);
          var ms = Math.round(performance.now() - started);
          var n = graph ? renderGraph(body) : renderSelect(JSON.parse(body));
          last = { query: query, kind: k, text: body };
          status.textContent = (graph ? n + ' triples' : n + (n === 1 ? ' row' : ' rows')) + ' in ' + ms + ' ms';
          results.setAttribute('data-rows', String(n));
          try { history.replaceState(null, '', '?query=' + encodeURIComponent(text)); } catch (e) { /* a very long query */ }
        });
      })
      .catch(function (e) {
        results.textContent = '';
        status.textContent = 'Failed';
        showError(e.message || String(e));
      })
      .then(function () { setBusy(false); });
  }

  function download(name, type, body) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  buttons.csv.addEventListener('click', function () {
    if (!last) return;
    post(last.query, 'text/csv').then(function (r) { return r.text(); })
      .then(function (csv) { download('results.csv', 'text/csv', csv); })
      .catch(function (e) { showError(String(e)); });
  });
  buttons.json.addEventListener('click', function () {
    if (last) download('results.json', 'application/sparql-results+json', last.text);
  });
  buttons.ttl.addEventListener('click', function () {
    if (last) download('results.ttl', 'text/turtle', last.text);
  });
  document.getElementById('query-form').addEventListener('submit', function (e) {
    e.preventDefault();
    run();
  });

  Array.prototype.forEach.call(document.querySelectorAll('article.saved'), function (card) {
    var text = card.querySelector('pre.saved-text').textContent;
    card.querySelector('.run-saved').addEventListener('click', function () {
      setQuery(text);
      window.scrollTo(0, 0);
      run();
    });
    card.querySelector('.edit-saved').addEventListener('click', function () {
      setQuery(text);
      window.scrollTo(0, 0);
    });
  });

  if (app.getAttribute('data-autorun') === 'true') run();
}());
