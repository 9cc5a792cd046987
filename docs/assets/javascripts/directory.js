/* Program directory: filters, sorting and a shareable URL for table#program-directory.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. Without JavaScript the page is the
 * complete plain table; this script only adds a filter form, a result count and sort buttons.
 * It runs on every page change of Material's instant navigation (document$) and does nothing on
 * pages without the table.
 */
(function () {
  "use strict";

  if (window.__kbDirectoryLoaded) return;
  window.__kbDirectoryLoaded = true;

  var el = window.kb.el;
  /* Labels and orders of fixed choices, from the table's data-labels (written by the build). */
  var LABELS = { choices: {}, currency_symbols: {}, delivery: [], final_projects: [] };
  var QUERY_KEYS = ["type", "delivery", "country", "final", "max", "currency", "sort", "dir"];
  /* At most this many matching rows are shown at once (more on request): laying out thousands of
   * table rows takes the browser far longer than the filtering itself. */
  var PAGE_SIZE = 100;
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function slugify(value) {
    return value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  var numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  function formatNumber(value) {
    return numberFormat.format(value);
  }

  function money(value, currency) {
    return window.kb.money(value, currency, LABELS.currency_symbols, 0);
  }

  /* Labels of a space-separated list attribute, read from the comma-separated cell text. */
  function cellLabels(values, cell, known) {
    var parts = cell ? cell.textContent.split(",").map(function (s) { return s.trim(); }) : [];
    var out = {};
    values.forEach(function (value, i) {
      out[value] = known[value] || (parts.length === values.length && parts[i]) || value;
    });
    return out;
  }

  function addOptions(select, entries) {
    entries.forEach(function (entry) {
      select.appendChild(el("option", { value: entry[0], text: entry[1] }));
    });
  }

  function sortedEntries(map, order) {
    var keys = Object.keys(map);
    if (order) {
      keys.sort(function (a, b) {
        var ia = order.indexOf(a), ib = order.indexOf(b);
        if (ia === -1) ia = order.length;
        if (ib === -1) ib = order.length;
        return ia - ib || collator.compare(map[a], map[b]);
      });
    } else {
      keys.sort(function (a, b) { return collator.compare(map[a], map[b]); });
    }
    return keys.map(function (key) { return [key, map[key]]; });
  }

  function field(id, labelText, control) {
    control.id = id;
    return el("div", { "class": "kb-filters__field" }, [el("label", { "for": id, text: labelText }), control]);
  }

  function enhance(table) {
    if (table.hasAttribute("data-kb-enhanced")) return;
    table.setAttribute("data-kb-enhanced", "");
    var given = window.kb.labels(table);
    Object.keys(LABELS).forEach(function (key) { if (given[key]) LABELS[key] = given[key]; });
    var tbody = table.tBodies[0];
    var wrapper = table.closest(".kb-table") || table;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var typeColumn = -1, countryColumn = -1, deliveryColumn = -1;
    headers.forEach(function (th, i) {
      var name = th.textContent.trim();
      if (name === "Degree type") typeColumn = i;
      if (name === "Country") countryColumn = i;
      if (name === "Delivery") deliveryColumn = i;
    });

    /* Precompute every row's values once. */
    var types = {}, countries = {}, deliveries = {}, finals = {}, currencies = {};
    var rows = Array.prototype.map.call(tbody.rows, function (tr, index) {
      var cells = tr.cells;
      var row = {
        tr: tr,
        index: index,
        type: tr.getAttribute("data-degree-type") || "",
        delivery: words(tr.getAttribute("data-delivery")),
        country: tr.getAttribute("data-country") || "",
        final: words(tr.getAttribute("data-final")),
        total: parseFloat(tr.getAttribute("data-total")),
        currency: tr.getAttribute("data-currency") || "",
        keys: null,
        dom: index,   /* increases with the row's position in the body */
        shown: !tr.hidden
      };
      if (isNaN(row.total)) row.total = null;
      if (row.type && !types[row.type]) types[row.type] = typeColumn >= 0 ? cells[typeColumn].textContent.trim() : row.type;
      if (row.country && !countries[row.country]) countries[row.country] = countryColumn >= 0 ? cells[countryColumn].textContent.trim() : row.country;
      var d = cellLabels(row.delivery, cells[deliveryColumn], LABELS.choices);
      Object.keys(d).forEach(function (k) { if (!deliveries[k]) deliveries[k] = d[k]; });
      row.final.forEach(function (k) { if (!finals[k]) finals[k] = LABELS.choices[k] || k; });
      if (row.total !== null && row.currency) currencies[row.currency] = (currencies[row.currency] || 0) + 1;
      row.keys = headers.map(function (th, i) {
        var cell = cells[i];
        if (!cell) return null;
        var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
        raw = raw.trim();
        if (th.getAttribute("data-sort-type") === "number") {
          var n = parseFloat(raw);
          return isNaN(n) ? null : n;
        }
        return raw === "" ? null : raw;
      });
      return row;
    });
    var total = rows.length;
    var order = rows.slice();   /* rows in their current table order */
    var limit = PAGE_SIZE;      /* how many matching rows are shown */
    var lastDom = total;        /* the highest "dom" position given to a row so far */

    /* The form. */
    var typeSelect = el("select", { name: "type" });
    addOptions(typeSelect, [["", "All degree types"]].concat(sortedEntries(types)));
    var deliverySelect = el("select", { name: "delivery" });
    addOptions(deliverySelect, [["", "Any delivery"]].concat(sortedEntries(deliveries, LABELS.delivery)));
    var countrySelect = el("select", { name: "country" });
    addOptions(countrySelect, [["", "All countries"]].concat(sortedEntries(countries)));
    var finalSelect = el("select", { name: "final" });
    addOptions(finalSelect, [["", "Any final project"]].concat(sortedEntries(finals, LABELS.final_projects)));
    var maxInput = el("input", { name: "max", type: "number", min: "0", step: "1000", inputmode: "numeric" });
    var currencyList = Object.keys(currencies).sort(function (a, b) {
      return currencies[b] - currencies[a] || collator.compare(a, b);
    });
    var currencySelect = el("select", { name: "currency" });
    addOptions(currencySelect, currencyList.map(function (c) { return [c, c]; }));
    var reset = el("button", { type: "button", "class": "md-button kb-filters__reset", text: "Reset filters" });
    var selects = { type: typeSelect, delivery: deliverySelect, country: countrySelect, final: finalSelect };

    var form = el("form", { "class": "kb-filters", "aria-label": "Filter programs" }, [
      field("kb-filter-type", "Degree type", typeSelect),
      field("kb-filter-delivery", "Delivery", deliverySelect),
      field("kb-filter-country", "Country", countrySelect),
      field("kb-filter-final", "Final project", finalSelect),
      field("kb-filter-max", "Estimated total tuition up to", maxInput),
      field("kb-filter-currency", "Currency", currencySelect),
      el("div", { "class": "kb-filters__field kb-filters__actions" }, [reset])
    ]);
    if (!currencyList.length) {
      maxInput.disabled = true;
      currencySelect.disabled = true;
    }
    var status = el("p", { "class": "kb-count", role: "status", "aria-live": "polite" });
    var moreButton = el("button", { type: "button", "class": "md-button" });
    var more = el("p", { "class": "kb-directory-more" }, [moreButton]);
    more.hidden = true;
    wrapper.parentNode.insertBefore(form, wrapper);
    wrapper.parentNode.insertBefore(status, wrapper);
    wrapper.parentNode.insertBefore(more, wrapper.nextSibling);

    /* Sort buttons. */
    var sortColumn = -1, sortDir = "asc";
    var sortNames = headers.map(function (th) { return slugify(th.textContent); });
    headers.forEach(function (th, i) {
      if (!th.hasAttribute("data-sort-type")) return;
      var button = el("button", { type: "button", text: th.textContent.trim() });
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = sortColumn === i && sortDir === "asc" ? "desc" : "asc";
        applySort(i, dir);
        applyFilters();
        scheduleUrl();
      });
    });

    function applySort(column, dir) {
      sortColumn = column;
      sortDir = dir;
      var numeric = column >= 0 && headers[column].getAttribute("data-sort-type") === "number";
      var sign = dir === "desc" ? -1 : 1;
      var ordered = rows.slice();
      if (column >= 0) {
        ordered.sort(function (a, b) {
          var x = a.keys[column], y = b.keys[column];
          if (x === null || y === null) {
            if (x === y) return a.index - b.index;
            return x === null ? 1 : -1; /* empties last in both directions */
          }
          var c = numeric ? x - y : collator.compare(x, y);
          return c ? c * sign : a.index - b.index;
        });
      }
      order = ordered; /* applyFilters puts the rows it shows in this order */
      headers.forEach(function (th, i) {
        if (!th.hasAttribute("data-sort-type")) return;
        th.setAttribute("aria-sort", i === column ? (dir === "desc" ? "descending" : "ascending") : "none");
      });
    }

    function state() {
      var max = parseFloat(maxInput.value);
      return {
        type: typeSelect.value,
        delivery: deliverySelect.value,
        country: countrySelect.value,
        final: finalSelect.value,
        max: !maxInput.disabled && maxInput.value !== "" && !isNaN(max) && max >= 0 ? max : null,
        currency: currencySelect.value
      };
    }

    function applyFilters() {
      var s = state();
      var matched = 0, noTuition = 0, visible = [];
      for (var i = 0; i < total; i++) {
        var row = order[i];
        var ok = (!s.type || row.type === s.type) &&
          (!s.country || row.country === s.country) &&
          (!s.delivery || row.delivery.indexOf(s.delivery) !== -1) &&
          (!s.final || row.final.indexOf(s.final) !== -1);
        if (ok && s.max !== null) {
          if (row.total === null || row.currency !== s.currency) {
            ok = false;
            noTuition++;
          } else if (row.total > s.max) {
            ok = false;
          }
        }
        if (ok) ok = ++matched <= limit;
        if (ok) visible.push(row);
        if (ok !== row.shown) {
          row.shown = ok;
          row.tr.hidden = !ok;
        }
      }
      /* The shown rows must stand in the body in sort order. If they do not, only they are moved,
       * to the end: moving thousands of hidden rows would cost more than the filtering. */
      for (var j = 1; j < visible.length; j++) {
        if (visible[j].dom < visible[j - 1].dom) {
          var fragment = document.createDocumentFragment();
          visible.forEach(function (row) {
            fragment.appendChild(row.tr);
            row.dom = ++lastDom;
          });
          tbody.appendChild(fragment);
          break;
        }
      }
      var shown = Math.min(matched, limit);
      var message;
      if (matched <= limit) message = "Showing " + formatNumber(shown) + " of " + formatNumber(total) + " programs";
      else if (matched === total) message = "Showing the first " + formatNumber(shown) + " of " + formatNumber(total) + " programs";
      else message = "Showing the first " + formatNumber(shown) + " of " + formatNumber(matched) + " matching programs";
      if (s.max !== null) message += " with an estimated total tuition up to " + money(s.max, s.currency);
      if (matched > limit && matched < total) message += " (" + formatNumber(total) + " in all)";
      message += ".";
      if (s.max !== null && noTuition) {
        message += " " + formatNumber(noTuition) + (noTuition === 1 ? " program is" : " programs are") +
          " hidden because no comparable total in " + s.currency + " can be worked out from " +
          (noTuition === 1 ? "its" : "their") + " stated price.";
      }
      if (!shown) message += " Try removing a filter.";
      if (status.textContent !== message) status.textContent = message;
      more.hidden = matched <= limit;
      if (!more.hidden) moreButton.textContent = "Show " + formatNumber(Math.min(PAGE_SIZE, matched - limit)) + " more";
    }

    /* The address is updated a moment after the change, never in the same task: Chromium's
     * history.replaceState saves the scroll position, which forces a synchronous layout of the
     * table that the change has just invalidated. Later, the layout is done and the call is cheap. */
    var urlTimer = null;
    var pagePath = window.location.pathname;
    function scheduleUrl() {
      if (urlTimer !== null) window.clearTimeout(urlTimer);
      urlTimer = window.setTimeout(function () {
        urlTimer = null;
        /* Not if instant navigation has since left this page. */
        if (table.isConnected && window.location.pathname === pagePath) writeUrl();
      }, 150);
    }

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      QUERY_KEYS.forEach(function (key) { params.delete(key); });
      var s = state();
      ["type", "delivery", "country", "final"].forEach(function (key) {
        if (s[key]) params.set(key, s[key]);
      });
      if (s.max !== null) {
        params.set("max", String(s.max));
        params.set("currency", s.currency);
      }
      if (sortColumn >= 0) {
        params.set("sort", sortNames[sortColumn]);
        params.set("dir", sortDir);
      }
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    }

    function setSelect(select, value) {
      if (value === null) return;
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) {
          select.value = value;
          return;
        }
      }
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      Object.keys(selects).forEach(function (key) { setSelect(selects[key], params.get(key)); });
      setSelect(currencySelect, params.get("currency"));
      var max = parseFloat(params.get("max"));
      if (!maxInput.disabled && !isNaN(max) && max >= 0) maxInput.value = String(max);
      var column = sortNames.indexOf(params.get("sort") || "");
      if (column >= 0 && headers[column].hasAttribute("data-sort-type")) {
        applySort(column, params.get("dir") === "desc" ? "desc" : "asc");
      }
    }

    function onChange() {
      limit = PAGE_SIZE;
      applyFilters();
      scheduleUrl();
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    moreButton.addEventListener("click", function () {
      limit += PAGE_SIZE;
      applyFilters();
      if (more.hidden) wrapper.focus();
    });
    form.addEventListener("change", onChange);
    maxInput.addEventListener("input", onChange);
    reset.addEventListener("click", function () {
      Object.keys(selects).forEach(function (key) { selects[key].value = ""; });
      maxInput.value = "";
      if (currencyList.length) currencySelect.value = currencyList[0];
      onChange();
      typeSelect.focus();
    });

    readUrl();
    applyFilters();
  }

  function init() {
    /* The page's h1 "Program directory" also gets id="program-directory" from the toc extension. */
    var table = document.querySelector("table#program-directory");
    if (table && table.tBodies.length && table.tHead) enhance(table);
  }

  window.kb.onEveryPage(init);
})();
