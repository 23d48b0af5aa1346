/* SiteGen default theme: "Reken met uw eigen situatie" on a dwelling page.
   It knows nothing of heating: it evaluates figure = a + b x gas with the numbers SiteGen put in the page
   (data-calculator: this dwelling's part of calculator.json) and shows them. No request, no storage, no cookies;
   the inputs live only in the form and, for sharing, in the address after '#'. */
(function () {
  'use strict';
  var root = document.querySelector('[data-calculator]');
  if (!root || !window.JSON || !root.querySelector) return;
  var data = JSON.parse(root.getAttribute('data-calculator'));
  var d = data.dwelling, steps = data.display_steps;
  var form = root.querySelector('form'), f = form.elements;
  var NBSP = '\u00a0', MINUS = '\u2212';
  // Address keys (after '#') and the form fields they set.
  var KEYS = { gas: 'gas', label: 'label', prijs: 'price', huur: 'tenure', ketel: 'boiler', lening: 'loan', inkomen: 'low_income' };

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function show(selector, on) { each(root.querySelectorAll(selector), function (e) { e.hidden = !on; }); }

  // Half away from zero to a multiple of step, like the site's own rounding.
  function round(v, step) { var r = Math.round(Math.abs(v) / step) * step; return v < 0 && r > 0 ? -r : r; }
  function euro(v) {
    var digits = String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (v < 0 ? MINUS + NBSP : '') + '\u20ac' + NBSP + digits;
  }

  // "1.900", "1900", "1900 m3" -> 1900; empty -> null (the example house's figure); anything else -> NaN.
  function parseGas(s) {
    s = s.replace(/\s+|m\u00b3|m3|kuub/gi, ''); // "1900 kuub", as many residents say it
    if (s === '') return null;
    s = s.replace(/\.(?=\d{3}(?!\d))/g, '').replace(',', '.');
    if (!/^\d+(\.\d+)?$/.test(s)) return NaN;
    var g = parseFloat(s);
    return g > 10000 ? NaN : g;
  }

  function state() {
    return {
      gas: parseGas(f.gas.value), label: f.label.value, price: f.price.value || 'central',
      tenant: f.tenure.value === 'tenant', boiler: f.boiler.checked, loan: f.loan.checked, low: f.low_income.checked
    };
  }

  // One variant's figures for one price setting: a + b x gas, plus the loan as the core exported it.
  function figures(v, s, price) {
    var set = v.sets[v.labels[s.label || d.label]];
    var b = set.b[price], gas = s.gas === null ? d.gas_m3 : s.gas;
    if (s.tenant) return { tco: set.tenant.tco + b.tco * gas, monthly: set.tenant.monthly + b.monthly * gas, upfront: null };
    var o = set.owner[s.boiler ? 'natural_moment' : 'now'];
    var r = { tco: o.tco + b.tco * gas, monthly: o.monthly + b.monthly * gas, upfront: o.upfront, own: null };
    if (s.loan) {
      var terms = s.low ? data.loan.low_income : data.loan.standard;
      var borrowed = Math.min(Math.max(o.upfront, 0), data.loan.max_amount_eur);
      r.monthly += borrowed * terms.monthly_per_eur;
      r.tco += borrowed * terms.interest_per_eur;
      r.own = o.upfront - borrowed; // what the loan does not cover
    }
    return r;
  }

  // The site's "cheapest" rule, on the 30-year totals at the lower and higher price settings as the range.
  function compare(ranges) {
    var order = ranges.map(function (r, i) { return i; }).sort(function (x, y) {
      return ranges[x].central - ranges[y].central || x - y;
    });
    var lo = ranges[order[0]];
    var clear = order.slice(1).every(function (i) { return lo.high < ranges[i].low; });
    if (clear) return { clear: true, ids: [order[0]] };
    return { clear: false, ids: order.filter(function (i) { return i === order[0] || (ranges[i].low <= lo.high && lo.low <= ranges[i].high); }) };
  }

  function names(list) {
    return list.length < 2 ? list.join('') : list.slice(0, -1).join(', ') + ' en ' + list[list.length - 1];
  }

  function address(s) {
    var q = [];
    if (f.gas.value.trim() !== '') q.push('gas=' + encodeURIComponent(f.gas.value.trim()));
    if (s.label) q.push('label=' + encodeURIComponent(s.label));
    if (s.price !== 'central') q.push('prijs=' + (s.price === 'low' ? 'laag' : 'hoog'));
    if (s.tenant) q.push('huur=ja');
    else {
      if (s.boiler) q.push('ketel=vervangen');
      if (s.loan) q.push('lening=ja');
      if (s.loan && s.low) q.push('inkomen=laag');
    }
    return q.join('&');
  }

  // The inputs in words, from the form's own labels (for the printed handout).
  function described() {
    var parts = [];
    each(form.querySelectorAll('input, select'), function (e) {
      var label = form.querySelector('label[for="' + e.id + '"]'), text = label ? label.textContent.trim() : '';
      if (e.closest('[hidden]')) return;
      if (e.tagName === 'SELECT') parts.push(text + ': ' + e.options[e.selectedIndex].text);
      else if (e.type === 'text') parts.push(text + ': ' + (e.value.trim() || e.getAttribute('data-default')));
      else if (e.checked) parts.push(text);
    });
    return parts.join('; ');
  }

  function update() {
    var s = state(), invalid = s.gas !== s.gas; // NaN
    f.gas.setAttribute('aria-invalid', invalid ? 'true' : 'false');
    show('[data-calc-error]', invalid);
    show('[data-owner-only]', !s.tenant);
    show('[data-tenant-only]', s.tenant);
    show('[data-loan-only]', !s.tenant && s.loan);
    var rows = root.querySelectorAll('tr[data-variant]'), ranges = [];
    each(rows, function (row, i) {
      var v = d.variants.filter(function (x) { return x.id === row.getAttribute('data-variant'); })[0];
      var c = invalid ? null : figures(v, s, s.price);
      each(row.querySelectorAll('[data-figure]'), function (cell) {
        var key = cell.getAttribute('data-figure');
        cell.textContent = c && c[key] !== null ? euro(round(c[key], steps[key === 'own' ? 'upfront' : key])) : '\u2013';
      });
      if (c) ranges.push({ central: c.tco, low: figures(v, s, 'low').tco, high: figures(v, s, 'high').tco });
    });
    show('[data-outcome]', false);
    if (invalid) show('[data-outcome="none"]', true);
    else {
      var outcome = compare(ranges), shown = root.querySelector('[data-outcome="' + (outcome.clear ? 'clear' : 'equal') + '"]');
      // The names as they read inside a sentence ("de gasketel"); a theme's own rows without them show the row headers.
      shown.querySelector('[data-names]').textContent = names(outcome.ids.map(function (i) {
        return rows[i].getAttribute('data-in-sentence') || rows[i].querySelector('th').textContent;
      }));
      shown.hidden = false;
    }
    root.querySelector('[data-inputs]').textContent = described();
    var q = address(s);
    if (q) root.setAttribute('data-filled', ''); else root.removeAttribute('data-filled');
    root.querySelector('[data-share]').setAttribute('href', q ? '#' + q : '#reken');
    if (window.history && history.replaceState && !invalid)
      history.replaceState(null, '', q ? '#' + q : location.pathname + location.search);
  }

  // Inputs from the address, e.g. #gas=1900&label=E (a shared link).
  function read(hash) {
    if (hash.indexOf('=') < 0) return false;
    var values = { laag: 'low', hoog: 'high' };
    hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var kv = pair.split('='), field = f[KEYS[kv[0]]];
      var value = decodeURIComponent(kv[1] || '');
      if (!field) return;
      if (KEYS[kv[0]] === 'tenure') { f.tenure.value = value === 'ja' ? 'tenant' : 'owner'; return; }
      if (field.type === 'checkbox') field.checked = true;
      else if (KEYS[kv[0]] === 'price') field.value = values[value] || 'central';
      else if (field.tagName === 'SELECT') { if (field.querySelector('option[value="' + value.replace(/"/g, '') + '"]')) field.value = value; }
      else field.value = value;
    });
    return true;
  }

  // The answer is read out once the resident stops typing, not at every key: typing 1900 made a screen reader say the
  // answers for 1, 19 and 190 m3, which contradict each other. A theme's own calculator without the region reads nothing out.
  var announcing;
  function announce(delay) {
    var region = root.querySelector('[data-announce]');
    if (!region) return;
    clearTimeout(announcing);
    announcing = setTimeout(function () {
      var shown = [].filter.call(root.querySelectorAll('[data-outcome]'), function (e) { return !e.hidden; });
      region.textContent = shown.map(function (e) { return e.textContent; }).join(' ');
    }, delay);
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); update(); announce(0); });
  form.addEventListener('input', function (e) { update(); announce(e.target.type === 'text' ? 1000 : 0); });
  form.addEventListener('change', function () { update(); announce(0); });
  root.hidden = false;
  each(document.querySelectorAll('[data-calculator-link]'), function (e) { e.hidden = false; });
  var shared = read(location.hash);
  update();
  if (shared) root.scrollIntoView();
})();
