/* Compare programs side by side: fills div#kb-compare from programs.json.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. The chosen programs live in the
 * address bar as ?p=slug&p=slug so a comparison can be bookmarked or shared. Every value from
 * the data is inserted as text. Runs on every page change of Material's instant navigation.
 */
(function () {
  "use strict";

  if (window.__kbCompareLoaded) return;
  window.__kbCompareLoaded = true;

  var NOT_STATED = "Not stated";
  var cache = {};
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

  var el = window.kb.el;
  var currencySymbols = {};

  function number(value) {
    return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value);
  }

  function money(amount, currency) {
    return window.kb.money(amount, currency, currencySymbols);
  }

  function safeUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (e) {
      return null;
    }
  }

  function loadPrograms(src) {
    if (!cache[src]) {
      cache[src] = fetch(src, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).catch(function (error) {
        delete cache[src];
        throw error;
      });
    }
    return cache[src];
  }

  function build(container, labels, data) {
    var choices = labels.choices || {};
    var degreeTypes = labels.degree_types || {};
    var countries = labels.countries || {};
    var programBase = labels.program_base ||
      (container.getAttribute("data-src") || "").replace(/programs\.json$/, "programs/");
    var max = parseInt(container.getAttribute("data-max"), 10) || 4;
    var programs = {};
    var list = (data && data.programs) || [];
    list.forEach(function (p) { if (p && typeof p.slug === "string") programs[p.slug] = p; });
    var ordered = list.slice().sort(function (a, b) {
      return collator.compare(a.university + " " + a.title, b.university + " " + b.title);
    });

    function label(value) {
      return Object.prototype.hasOwnProperty.call(choices, value) ? choices[value] : value;
    }
    function labelList(values) {
      return Array.isArray(values) && values.length ? values.map(label).join(", ") : "";
    }
    function name(p) {
      return p.university + ": " + p.title;
    }

    /* Each row: its heading and a function returning a string or a node ("" when not stated). */
    var ROWS = [
      ["University", function (p) { return p.university || ""; }],
      ["Degree type", function (p) { return degreeTypes[p.degree_type] || p.degree_type || ""; }],
      ["Country", function (p) { return countries[p.country] || p.country || ""; }],
      ["City", function (p) { return p.city || ""; }],
      ["Delivery", function (p) { return labelList(p.delivery); }],
      ["Pace", function (p) { return labelList(p.pace); }],
      ["Credits", function (p) {
        var c = p.credits;
        return c && c.amount != null ? number(c.amount) + " " + label(c.unit) : "";
      }],
      ["Typical length", function (p) {
        var d = p.duration;
        if (!d || d.min_months == null) return "";
        return d.max_months == null || d.max_months === d.min_months
          ? d.min_months + " months" : d.min_months + "–" + d.max_months + " months";
      }],
      ["Final project", function (p) { return labelList(p.final_projects); }],
      ["Tuition as stated", function (p) {
        var t = p.tuition;
        if (!t || t.amount == null) return "";
        var basis = t.basis && t.basis !== "total" ? " " + label(t.basis) : "";
        var extra = [t.academic_year, t.student_group ? label(t.student_group) : ""].filter(Boolean).join(", ");
        return money(t.amount, t.currency) + basis + (extra ? " (" + extra + ")" : "");
      }],
      ["Official page", function (p) {
        var url = safeUrl(p.official_url);
        return url ? el("a", { href: url.href, text: url.hostname.replace(/^www\./, "") }) : "";
      }],
      ["Last verified", function (p) { return p.last_verified || ""; }]
    ];

    /* State from the address bar: known slugs only, no repeats, at most `max`. */
    var chosen = [];
    new URLSearchParams(window.location.search).getAll("p").forEach(function (slug) {
      if (programs[slug] && chosen.indexOf(slug) === -1 && chosen.length < max) chosen.push(slug);
    });

    /* The controls. */
    var select = el("select", { id: "kb-compare-select", name: "p" });
    select.appendChild(el("option", { value: "", text: "Choose a program…" }));
    ordered.forEach(function (p) { select.appendChild(el("option", { value: p.slug, text: name(p) })); });
    var add = el("button", { type: "submit", "class": "md-button md-button--primary", text: "Add" });
    var form = el("form", { "class": "kb-compare__pick", "aria-label": "Choose programs to compare" }, [
      el("label", { "for": "kb-compare-select", text: "Add a program to compare" }),
      el("div", { "class": "kb-compare__row" }, [select, add])
    ]);
    var status = el("p", { "class": "kb-count", role: "status", "aria-live": "polite" });
    var chosenHeading = el("p", { id: "kb-compare-chosen-heading", "class": "kb-compare__label", text: "Your programs" });
    var chosenList = el("ul", { "class": "kb-compare__chosen", "aria-labelledby": "kb-compare-chosen-heading" });
    var tableWrap = el("div", { "class": "kb-table kb-compare__table", role: "region", "aria-label": "Comparison", tabindex: "0" });
    var ui = el("div", { "class": "kb-compare" }, [form, status, chosenHeading, chosenList, tableWrap]);

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      params.delete("p");
      chosen.forEach(function (slug) { params.append("p", slug); });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    }

    function cell(tag, value, props) {
      var node = el(tag, props);
      if (value === "" || value === null || value === undefined) {
        node.textContent = NOT_STATED;
        node.className = "kb-empty";
      } else if (typeof value === "string") {
        node.textContent = value;
      } else {
        node.appendChild(value);
      }
      return node;
    }

    function render(focusAfter) {
      /* Select options: programs already chosen cannot be added again. */
      for (var i = 1; i < select.options.length; i++) {
        select.options[i].disabled = chosen.indexOf(select.options[i].value) !== -1;
      }
      if (select.value && chosen.indexOf(select.value) !== -1) select.value = "";
      var full = chosen.length >= max;
      select.disabled = full;
      add.disabled = full;

      var message;
      if (!chosen.length) message = "Choose two to " + max + " programs to compare.";
      else if (chosen.length === 1) message = "Add at least one more program to compare.";
      else if (full) message = "Comparing " + chosen.length + " programs, the most at once. Remove one to add another.";
      else message = "Comparing " + chosen.length + " programs. You can add up to " + (max - chosen.length) + " more.";
      status.textContent = message;

      chosenList.textContent = "";
      chosen.forEach(function (slug) {
        var p = programs[slug];
        var remove = el("button", { type: "button", "class": "md-button", "aria-label": "Remove " + name(p), text: "Remove" });
        remove.addEventListener("click", function () {
          var at = chosen.indexOf(slug);
          chosen.splice(at, 1);
          writeUrl();
          render({ removedAt: at });
        });
        chosenList.appendChild(el("li", { "data-slug": slug }, [el("span", { text: name(p) }), " ", remove]));
      });
      chosenHeading.hidden = !chosen.length;
      chosenList.hidden = !chosen.length;

      tableWrap.textContent = "";
      tableWrap.hidden = !chosen.length;
      if (chosen.length) {
        var headRow = el("tr", null, [el("td")]);
        chosen.forEach(function (slug) {
          var p = programs[slug];
          headRow.appendChild(el("th", { scope: "col", "data-slug": slug }, [
            el("a", { href: programBase + encodeURIComponent(slug) + "/", text: p.title || slug })
          ]));
        });
        var body = el("tbody");
        ROWS.forEach(function (row) {
          var tr = el("tr", null, [el("th", { scope: "row", text: row[0] })]);
          chosen.forEach(function (slug) { tr.appendChild(cell("td", row[1](programs[slug]))); });
          body.appendChild(tr);
        });
        tableWrap.appendChild(el("table", { id: "kb-compare-table", "class": "kb-compare-table" }, [
          el("caption", { text: "Programs side by side" }),
          el("thead", null, [headRow]),
          body
        ]));
      }

      if (focusAfter && focusAfter.removedAt !== undefined) {
        var buttons = chosenList.querySelectorAll("button");
        var next = buttons[Math.min(focusAfter.removedAt, buttons.length - 1)];
        (next || select).focus();
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var slug = select.value;
      if (!slug || !programs[slug] || chosen.indexOf(slug) !== -1 || chosen.length >= max) {
        select.focus();
        return;
      }
      chosen.push(slug);
      writeUrl();
      render();
      (select.disabled ? chosenList.querySelector("button") : select).focus();
    });

    container.appendChild(ui);
    writeUrl();
    render();
  }

  function init() {
    var container = document.getElementById("kb-compare");
    if (!container || container.hasAttribute("data-kb-enhanced")) return;
    container.setAttribute("data-kb-enhanced", "");
    var labels = window.kb.labels(container);
    currencySymbols = labels.currency_symbols || {};
    var status = el("p", { "class": "kb-count", role: "status", text: "Loading the programs…" });
    container.appendChild(status);
    var src = new URL(container.getAttribute("data-src") || "programs.json", window.location.href).href;
    loadPrograms(src).then(function (data) {
      if (!container.isConnected) return;
      container.removeChild(status);
      build(container, labels, data);
    }).catch(function () {
      if (!container.isConnected) return;
      status.textContent = "The program data could not be loaded, so the comparison is not available. " +
        "Every fact is also on each program's own page and in the program directory.";
    });
  }

  window.kb.onEveryPage(init);
})();
