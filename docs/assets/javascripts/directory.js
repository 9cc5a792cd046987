/* Program directory: filters, sorting and a shareable URL for table#program-directory.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. Without JavaScript the page is the
 * complete plain table; this script only adds a filter form, a result count and sort buttons, and
 * reveals the page's instructions for them (elements with class kb-directory-help, hidden until then).
 * It runs when the page is ready (kb.onEveryPage, Material's document$), on the pages that
 * load it (front matter `scripts:`): the directory and, once the directory is split, each
 * country's page (macros/directory_pages.py).
 *
 * The build (macros/directory.py) writes everything shown: the headings (th[data-key], whose key
 * also names the column in ?sort=), the rows' values (data-* attributes, data-sort on numbers),
 * and in the table's data-labels the filter options, option groups (one option matching several
 * values, such as online or low residency), how each currency writes an amount, and the old names
 * of renamed sort keys.
 */
(function () {
  "use strict";

  if (window.__kbDirectoryLoaded) return;
  window.__kbDirectoryLoaded = true;

  var el = window.kb.el;
  /* Filter parameters of the address, then the sort ones. Old bookmarks keep working: the sort
   * keys are the columns' data-key values, which equal the slugs of the headings used before, and
   * the keys of renamed columns are translated through data-labels' aliases. */
  var FILTER_KEYS = ["type", "delivery", "pace", "country", "final", "gre", "start", "language"];
  /* The search box is "search", never "q": with ?q= Material opens its own site search. */
  var QUERY_KEYS = FILTER_KEYS.concat(["search", "max", "currency", "sort", "dir"]);
  /* Each filter: its key (in the address and data-labels), the row attribute it reads (values
   * separated by spaces), the label of its control and the label of its "any" choice. */
  var FILTERS = [
    ["type", "data-degree-type", "Degree type", "All degree types"],
    ["delivery", "data-delivery", "Delivery", "Any delivery"],
    ["pace", "data-pace", "Pace", "Any pace"],
    ["country", "data-country", "Country", "All countries"],
    ["final", "data-final", "Final project", "Any final project"],
    ["gre", "data-gre", "GRE policy", "Any GRE policy"],
    ["start", "data-start", "Start term", "Any start term"],
    ["language", "data-language", "Language of instruction", "Any language"]
  ];
  /* At most this many matching rows are shown at once (more on request): laying out thousands of
   * table rows takes the browser far longer than the filtering itself. */
  var PAGE_SIZE = 100;
  /* Made when a column of words is first sorted: a page's first Intl object costs the browser 15-55 ms
   * (loading its locale data), too much to pay while the page starts. */
  var collator = null;

  function compareWords(a, b) {
    collator = collator || new Intl.Collator("en", { sensitivity: "base", numeric: true });
    return collator.compare(a, b);
  }

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  /* The words of a search, compared as the build wrote data-text: lower case. */
  function searchWords(value) {
    return words((value || "").toLowerCase());
  }

  /* A count or an amount's digits: rounded, grouped in threes ("1,234"). Written out rather than with
   * Intl.NumberFormat, whose locale data would load while the page starts (see collator). */
  function formatNumber(value) {
    var digits = String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+$)/g, ",");
    return (value <= -0.5 ? "-" : "") + digits;
  }

  /* [value, label] pairs from the build, in its order; anything malformed is skipped. */
  function choices(list) {
    return (Array.isArray(list) ? list : []).filter(function (entry) {
      return Array.isArray(entry) && typeof entry[0] === "string" && entry[0] !== "" && typeof entry[1] === "string";
    });
  }

  function addOptions(select, entries) {
    entries.forEach(function (entry) {
      select.appendChild(el("option", { value: entry[0], text: entry[1] }));
    });
  }

  function field(id, labelText, control) {
    control.id = id;
    return el("div", { "class": "kb-filters__field" }, [el("label", { "for": id, text: labelText }), control]);
  }

  function enhance(table) {
    if (table.hasAttribute("data-kb-enhanced")) return;
    table.setAttribute("data-kb-enhanced", "");
    /* From the build: {options: {type, delivery, ...: [[value, label], ...]},
     * groups: {delivery: [[value, label, [values matched]], ...]},
     * money: {currency: pattern with "#" for the digits}, aliases: {old sort key: key}}. */
    var given = window.kb.labels(table);
    var options = given.options && typeof given.options === "object" ? given.options : {};
    var groups = given.groups && typeof given.groups === "object" ? given.groups : {};
    var moneyPatterns = given.money && typeof given.money === "object" ? given.money : {};
    var aliases = given.aliases && typeof given.aliases === "object" ? given.aliases : {};
    var count = table.querySelector("caption .kb-directory-count");
    var countAll = count ? count.textContent : "";
    var tbody = table.tBodies[0];
    var wrapper = table.closest(".kb-table") || table;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    /* Columns are known by their data-key, never by their heading's words. */
    var columnKeys = headers.map(function (th) { return th.getAttribute("data-key") || ""; });

    function money(value, currency) {
      return moneyPatterns[currency].replace("#", formatNumber(value));
    }

    /* Precompute every row's values once. */
    var currencies = {};
    var rows = Array.prototype.map.call(tbody.rows, function (tr, index) {
      var row = {
        tr: tr,
        index: index,
        values: {},   /* filter key: the row's values */
        text: tr.getAttribute("data-text") || "",
        total: parseFloat(tr.getAttribute("data-total")),
        currency: tr.getAttribute("data-currency") || "",
        dom: index,   /* increases with the row's position in the body */
        shown: !tr.hidden
      };
      FILTERS.forEach(function (f) { row.values[f[0]] = words(tr.getAttribute(f[1])); });
      if (isNaN(row.total)) row.total = null;
      if (row.total !== null && typeof moneyPatterns[row.currency] === "string") {
        currencies[row.currency] = (currencies[row.currency] || 0) + 1;
      }
      return row;
    });

    /* A column's sort key for every row, read from the cells the first time the column is sorted
     * (not at start-up: reading every cell of a long table is most of the start-up's work). */
    var sortKeys = [];
    function keysOf(column) {
      if (!sortKeys[column]) {
        var numeric = headers[column].getAttribute("data-sort-type") === "number";
        sortKeys[column] = rows.map(function (row) {
          var cell = row.tr.cells[column];
          if (!cell) return null;
          var raw = (cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent).trim();
          if (numeric) {
            var n = parseFloat(raw);
            return isNaN(n) ? null : n;
          }
          return raw === "" ? null : raw;
        });
      }
      return sortKeys[column];
    }
    var total = rows.length;
    var order = rows.slice();   /* rows in their current table order */
    var limit = PAGE_SIZE;      /* how many matching rows are shown */
    var lastDom = total;        /* the highest "dom" position given to a row so far */

    /* The form: each filter's options are the build's, in its order; a group (one option for
     * several values) comes just before the option of its first value. `matches` maps each
     * option's value to the row values it selects. */
    var selects = {}, matches = {}, fields = [];
    FILTERS.forEach(function (f) {
      var key = f[0];
      var entries = choices(options[key]);
      if (!entries.length) return;
      matches[key] = {};
      entries.forEach(function (entry) { matches[key][entry[0]] = [entry[0]]; });
      choices(groups[key]).forEach(function (group) {
        var members = Array.isArray(group[2]) ? group[2].filter(function (m) { return typeof m === "string"; }) : [];
        var at = entries.findIndex(function (entry) { return members.indexOf(entry[0]) !== -1; });
        if (!members.length || at === -1 || matches[key][group[0]]) return;
        entries.splice(at, 0, group);
        matches[key][group[0]] = members;
      });
      var select = el("select", { name: key });
      addOptions(select, [["", f[3]]].concat(entries));
      selects[key] = select;
      fields.push(field("kb-filter-" + key, f[2], select));
    });
    var searchInput = el("input", { name: "search", type: "search", autocomplete: "off", spellcheck: "false" });
    var maxInput = el("input", { name: "max", type: "number", min: "0", step: "1000", inputmode: "numeric" });
    var currencyList = Object.keys(currencies).sort(function (a, b) {
      return currencies[b] - currencies[a] || (a < b ? -1 : a > b ? 1 : 0); /* ISO codes: capital letters */
    });
    var currencySelect = el("select", { name: "currency" });
    addOptions(currencySelect, currencyList.map(function (c) { return [c, c]; }));
    var reset = el("button", { type: "button", "class": "md-button kb-filters__reset", text: "Reset filters" });

    var search = field("kb-filter-search", "Search by university, program or city", searchInput);
    search.className += " kb-filters__field--search";
    var form = el("form", { "class": "kb-filters", "aria-label": "Filter programs" }, [search].concat(fields, [
      field("kb-filter-max", "Estimated total tuition up to", maxInput),
      field("kb-filter-currency", "Currency", currencySelect),
      el("div", { "class": "kb-filters__field kb-filters__actions" }, [reset])
    ]));
    if (!currencyList.length) {
      maxInput.disabled = true;
      currencySelect.disabled = true;
    }
    var status = el("p", { "class": "kb-count", role: "status", "aria-live": "polite" });
    var moreButton = el("button", { type: "button", "class": "md-button" });
    var more = el("p", { "class": "kb-directory-more" }, [moreButton]);
    more.hidden = true;
    var controls = window.kb.directoryControls(table);
    controls.appendChild(form);
    controls.appendChild(status);
    wrapper.parentNode.insertBefore(more, wrapper.nextSibling);
    /* The page's instructions for the filters and sort buttons, true only now. */
    Array.prototype.forEach.call((table.closest("article") || document).querySelectorAll(".kb-directory-help"),
      function (help) { help.hidden = false; });

    /* Sort buttons. */
    var sortColumn = -1, sortDir = "asc";
    headers.forEach(function (th, i) {
      if (!th.hasAttribute("data-sort-type") || !columnKeys[i]) return;
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
        var keys = keysOf(column);
        ordered.sort(function (a, b) {
          var x = keys[a.index], y = keys[b.index];
          if (x === null || y === null) {
            if (x === y) return a.index - b.index;
            return x === null ? 1 : -1; /* empties last in both directions */
          }
          var c = numeric ? x - y : compareWords(x, y);
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
      var s = {
        q: searchInput.value.trim(),
        max: !maxInput.disabled && maxInput.value !== "" && !isNaN(max) && max >= 0 ? max : null,
        currency: currencySelect.value
      };
      FILTER_KEYS.forEach(function (key) { s[key] = selects[key] ? selects[key].value : ""; });
      return s;
    }

    /* Whether a row passes every filter but the budget. */
    function passes(row, s, terms) {
      for (var k = 0; k < FILTER_KEYS.length; k++) {
        var key = FILTER_KEYS[k];
        if (!s[key]) continue;
        var wanted = matches[key][s[key]] || [s[key]];
        if (!row.values[key].some(function (v) { return wanted.indexOf(v) !== -1; })) return false;
      }
      for (var t = 0; t < terms.length; t++) {
        if (row.text.indexOf(terms[t]) === -1) return false;
      }
      return true;
    }

    /* Shows the rows that pass the filters, in sort order. With a budget, the programs within it
     * come first, then those whose total in the budget's currency is unknown (never hidden: their
     * price cell says what is known); programs above the budget are hidden. */
    function applyFilters() {
      var s = state();
      var terms = searchWords(s.q);
      var within = [], unknown = [];
      for (var i = 0; i < total; i++) {
        var row = order[i];
        if (!passes(row, s, terms)) continue;
        if (s.max === null) within.push(row);
        else if (row.total === null || row.currency !== s.currency) unknown.push(row);
        else if (row.total <= s.max) within.push(row);
      }
      var listed = within.concat(unknown);
      var matched = listed.length;
      var visible = listed.slice(0, limit);
      var show = new Set(visible);
      for (var r = 0; r < total; r++) {
        var ok = show.has(rows[r]);
        if (ok !== rows[r].shown) {
          rows[r].shown = ok;
          rows[r].tr.hidden = !ok;
        }
      }
      /* The shown rows must stand in the body in this order. If they do not, only they are moved,
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
      var shown = visible.length;
      var message;
      if (matched <= limit) message = "Showing " + formatNumber(shown) + " of " + formatNumber(total) + " programs";
      else if (matched === total) message = "Showing the first " + formatNumber(shown) + " of " + formatNumber(total) + " programs";
      else message = "Showing the first " + formatNumber(shown) + " of " + formatNumber(matched) + " matching programs";
      if (matched > limit && matched < total) message += " (" + formatNumber(total) + " in all)";
      if (s.max !== null) {
        message += ": " + formatNumber(within.length) + " with an estimated total tuition up to " + money(s.max, s.currency);
        if (unknown.length) {
          message += ", then " + formatNumber(unknown.length) + " whose total tuition in " + s.currency + " is unknown";
        }
      }
      message += ".";
      if (!shown) message += " Try removing a filter.";
      if (status.textContent !== message) status.textContent = message;
      more.hidden = matched <= limit;
      if (!more.hidden) moreButton.textContent = "Show " + formatNumber(Math.min(PAGE_SIZE, matched - limit)) + " more";
      if (count) {
        var filtered = s.q !== "" || s.max !== null || FILTER_KEYS.some(function (key) { return s[key]; });
        var caption = filtered ? formatNumber(matched) + " of " + formatNumber(total) : countAll;
        if (count.textContent !== caption) count.textContent = caption;
      }
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
        /* Not if the page has since been left (were navigation.instant turned on). */
        if (table.isConnected && window.location.pathname === pagePath) writeUrl();
      }, 150);
    }

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      QUERY_KEYS.forEach(function (key) { params.delete(key); });
      var s = state();
      FILTER_KEYS.forEach(function (key) {
        if (s[key]) params.set(key, s[key]);
      });
      if (s.q) params.set("search", s.q);
      if (s.max !== null) {
        params.set("max", String(s.max));
        params.set("currency", s.currency);
      }
      if (sortColumn >= 0) {
        params.set("sort", columnKeys[sortColumn]);
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
      searchInput.value = params.get("search") || "";
      setSelect(currencySelect, params.get("currency"));
      var max = parseFloat(params.get("max"));
      if (!maxInput.disabled && !isNaN(max) && max >= 0) maxInput.value = String(max);
      var key = params.get("sort");
      /* Renamed columns keep their old addresses. */
      if (key && Object.prototype.hasOwnProperty.call(aliases, key) && typeof aliases[key] === "string") key = aliases[key];
      var column = key ? columnKeys.indexOf(key) : -1;
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
    searchInput.addEventListener("input", onChange);
    reset.addEventListener("click", function () {
      Object.keys(selects).forEach(function (key) { selects[key].value = ""; });
      searchInput.value = "";
      maxInput.value = "";
      if (currencyList.length) currencySelect.value = currencyList[0];
      onChange();
      searchInput.focus();
    });

    readUrl();
    applyFilters();
  }

  /* A directory split by country (macros/directory_pages.py) lists the countries instead of the
   * table. Addresses bookmarked with a search or filters keep working: one that names a country
   * opens that country's page, and otherwise the links to the countries carry the search and filters. */
  function carryQuery(index) {
    if (index.hasAttribute("data-kb-enhanced")) return;
    index.setAttribute("data-kb-enhanced", "");
    var params = new URLSearchParams(window.location.search);
    var kept = new URLSearchParams();
    QUERY_KEYS.forEach(function (key) {
      if (key !== "country" && params.get(key)) kept.set(key, params.get(key));
    });
    var query = kept.toString();
    var country = params.get("country");
    var target = null;
    Array.prototype.forEach.call(index.querySelectorAll("a[data-country]"), function (link) {
      if (query) link.setAttribute("href", link.getAttribute("href").split("?")[0] + "?" + query);
      if (country && link.getAttribute("data-country") === country && link.getAttribute("data-part") === "1") target = link;
    });
    if (target) {
      window.location.replace(target.href);
    } else if (query) {
      index.insertBefore(el("p", { "class": "kb-directory-carried", text: "The search and filters of this address apply " +
        "on the country page you choose." }), index.firstChild);
    }
  }

  function init() {
    /* The page's h1 "Program directory" also gets id="program-directory" from the toc extension. */
    var table = document.querySelector("table#program-directory");
    if (table && table.tBodies.length && table.tHead) enhance(table);
    var index = document.getElementById("kb-directory-countries");
    if (index) carryQuery(index);
  }

  window.kb.onEveryPage(init);
})();
