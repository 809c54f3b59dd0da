// The search box in every page's header: suggestions while typing (ARIA 1.2 combobox with a listbox popup),
// Arrow keys to move, Enter to open the chosen suggestion (or, with none chosen, the results page), Escape to close.
(function () {
  'use strict';
  function init() {
    var form = document.querySelector('form.site-search');
    if (!form) return;
    var input = form.querySelector('input[role=combobox]');
    var list = form.querySelector('[role=listbox]');
    var api = form.getAttribute('data-api');
    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var asked = '';

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function setActive(i) {
      var options = list.querySelectorAll('[role=option]');
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function render(hits) {
      items = hits;
      list.textContent = '';
      hits.forEach(function (h, i) {
        var li = document.createElement('li');
        li.id = 'site-search-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.href = h.page || '';
        var name = document.createElement('span');
        name.className = 'suggestion-label';
        name.textContent = h.field === 'sentence' ? snippet(h) : h.label;
        li.appendChild(name);
        var kind = document.createElement('span');
        kind.className = 'suggestion-class';
        kind.textContent = h.classes && h.classes.length ? h.classes[0].label : '';
        li.appendChild(kind);
        // mousedown, not click: the input keeps the focus, so the list is still there when the click lands
        li.addEventListener('mousedown', function (e) { e.preventDefault(); open(i); });
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      var show = hits.length > 0;
      list.hidden = !show;
      input.setAttribute('aria-expanded', show ? 'true' : 'false');
    }

    function snippet(h) {
      var s = h.snippet || h.label;
      return s.length > 90 ? s.slice(0, 90) + '…' : s;
    }

    function open(i) {
      var h = items[i];
      if (h && h.page) window.location.assign(h.page);
    }

    function suggest() {
      var q = input.value.trim();
      if (q === asked) return;
      asked = q;
      if (pending) pending.abort();
      if (q.length < 2) { render([]); return; }
      var ctrl = new AbortController();
      pending = ctrl;
      fetch(api + '?limit=8&q=' + encodeURIComponent(q), {headers: {Accept: 'application/json'}, signal: ctrl.signal})
        .then(function (r) { return r.ok ? r.json() : {hits: []}; })
        .then(function (body) { if (pending === ctrl) { pending = null; render(body.hits || []); } })
        .catch(function () { /* aborted, or a bad query: the results page will say what is wrong */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 120);
    });
    input.addEventListener('keydown', function (e) {
      var n = items.length;
      if (e.key === 'ArrowDown') {
        if (list.hidden) { if (n) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } else { return; } }
        e.preventDefault();
        setActive(n ? (active + 1) % n : -1);
      } else if (e.key === 'ArrowUp') {
        if (list.hidden || !n) return;
        e.preventDefault();
        setActive(active <= 0 ? n - 1 : active - 1);
      } else if (e.key === 'Enter') {
        if (!list.hidden && active >= 0) { e.preventDefault(); open(active); }
        // else the form submits: the results page
      } else if (e.key === 'Escape') {
        if (!list.hidden) { e.preventDefault(); close(); } else { input.value = ''; asked = ''; }
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    input.addEventListener('focus', function () { if (items.length && input.value.trim() === asked) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
