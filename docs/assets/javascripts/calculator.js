/* The cost calculator (docs/costs/calculator.md): shows div#kb-calc and computes as the reader types.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. Runs when its page is ready
 * (kb.onEveryPage). The arithmetic mirrors macros/calculator.py rule for rule and in
 * the same order of operations (its docstring states the rules); data/cost_scenarios.yml checks
 * both to the cent. Keep them in step.
 *
 * The build writes everything else: the form and its labels, the starting points (data-config:
 * national averages and programs with their price, basis, credits and length as plain numbers,
 * and each currency's money pattern such as "$#" or "CHF #") and the sentences (data-labels).
 * The scenario lives in the address bar (?from=...&price=...), so it can be shared.
 */
(function () {
  "use strict";

  /* Once a page, even were navigation.instant turned on (see macros/page_assets.py). */
  if (window.__kbCalculatorLoaded) return;
  window.__kbCalculatorLoaded = true;

  var FIELDS = ["from", "basis", "price", "length", "credits", "per_course", "years", "pace", "courses", "terms",
                "increase", "fees", "assist", "living", "income"];
  var STARTS = ["basis", "price", "length", "credits", "per_course", "years", "pace", "assist"];
  var el = window.kb.el;

  /* --- Arithmetic (macros/calculator.py) ------------------------------------------------------ */

  var EPSILON = 1e-9;

  function roundCents(value) {
    return Math.floor(value + 0.5);
  }

  function courseCount(i, fullLoad) {
    if (i.length === "credits") return i.credits / i.credits_per_course;
    return i.years * i.terms_per_year * fullLoad;
  }

  function wholeTuition(i, courses, fullLoad) {
    if (i.basis === "per-credit") return i.price * 100 * i.credits;
    if (i.basis === "per-term") return i.price * 100 * courses / fullLoad;
    if (i.basis === "per-year") return i.price * 100 * courses / (fullLoad * i.terms_per_year);
    return i.price * 100;
  }

  function spread(yearly, term, perYear) {
    return roundCents(yearly * 100 * term / perYear) - roundCents(yearly * 100 * (term - 1) / perYear);
  }

  /* The estimate in cents: {terms: [{study_year, tuition, fees, assistance, living, income, total}], totals}. */
  function estimate(i, fullLoad) {
    var courses = courseCount(i, fullLoad);
    var load = i.pace === "full-time" ? fullLoad : i.courses_per_term;
    var count = Math.max(1, Math.ceil(courses / load - EPSILON));
    var perYear = i.terms_per_year;
    var whole = wholeTuition(i, courses, fullLoad);
    var growth = 1 + i.increase / 100;
    var cap = roundCents(i.assistance * 100);
    var fees = roundCents(i.fees_per_term * 100);
    var left = {};
    var terms = [];
    for (var number = 1; number <= count; number++) {
      var studyYear = Math.floor((number - 1) / perYear) + 1;
      var calendarYear = studyYear - 1 + ((number - 1) % perYear === 0 ? 0 : 1);
      var done = Math.min(load * number, courses);
      var before = Math.min(load * (number - 1), courses);
      var base = roundCents(whole * done / courses) - roundCents(whole * before / courses);
      var factor = 1.0;
      if (i.basis !== "total") {
        for (var k = 0; k < studyYear - 1; k++) factor = factor * growth;
      }
      var tuition = roundCents(base * factor);
      var helpLeft = calendarYear in left ? left[calendarYear] : cap;
      var assistance = Math.min(helpLeft, tuition);
      left[calendarYear] = helpLeft - assistance;
      var term = {study_year: studyYear, tuition: tuition, fees: fees, assistance: assistance,
                  living: spread(i.living, number, perYear), income: spread(i.income, number, perYear)};
      term.total = term.tuition + term.fees - term.assistance + term.living + term.income;
      terms.push(term);
    }
    var totals = {};
    ["tuition", "fees", "assistance", "living", "income", "total"].forEach(function (key) {
      totals[key] = terms.reduce(function (sum, t) { return sum + t[key]; }, 0);
    });
    return {
      terms: terms,
      totals: totals,
      years: terms.length / perYear,
      per_year: roundCents(totals.total * perYear / terms.length),
      per_term: roundCents(totals.total / terms.length)
    };
  }

  /* --- Display: the patterns come from the build (macros/formatting.py money_pattern) ---------- */

  function grouped(whole) {
    return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /* Cents as the guide writes money (formatting.money): "$1,234" or "$1,234.50". */
  function money(cents, pattern) {
    var negative = cents < 0;
    var abs = Math.abs(cents);
    var whole = Math.floor(abs / 100);
    var rest = abs % 100;
    var digits = grouped(whole) + (rest ? "." + (rest < 10 ? "0" : "") + rest : "");
    return (negative ? "-" : "") + (pattern || "#").replace("#", digits);
  }

  /* formatting.number for years: 2 -> "2", 2.5 -> "2.5", 1.6667 -> "1.67". */
  function number(value) {
    var rounded = Math.round(value * 100) / 100;
    return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  /* --- The widget -------------------------------------------------------------------------------- */

  function parseJson(value) {
    try {
      var parsed = JSON.parse(value || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (e) {
      return {};
    }
  }

  function build(root) {
    var config = parseJson(root.getAttribute("data-config"));
    var labels = window.kb.labels(root);
    var starts = config.starts || {};
    var programs = config.programs || {};
    var patterns = config.patterns || {};
    var fullLoad = Number(config.full_load) || 3;
    var parts = Array.isArray(config.parts) ? config.parts : [];
    var form = root.querySelector("form");
    var controls = {};
    FIELDS.forEach(function (name) { controls[name] = form.elements.namedItem(name); });
    var out = function (role) { return root.querySelector("[data-role='" + role + "']"); };
    var announce = null;

    function start(key) {
      if (typeof key === "string" && key.indexOf("program:") === 0) {
        var slug = key.slice(8);
        return Object.prototype.hasOwnProperty.call(programs, slug) ? programs[slug] : null;
      }
      return Object.prototype.hasOwnProperty.call(starts, key) ? starts[key] : null;
    }

    function setStart(key) {
      var s = start(key) || starts.average;
      if (!s) return;
      controls.basis.value = s.basis;
      controls.price.value = s.price;
      controls.length.value = s.length;
      controls.credits.value = s.credits;
      controls.per_course.value = s.per_course;
      controls.years.value = s.years;
      controls.pace.value = s.pace;
      controls.assist.value = s.assist;
    }

    function defaults() {
      controls.from.value = "average";
      setStart("average");
      controls.courses.value = 2;
      controls.terms.value = "2";
      controls.increase.value = 3;
      controls.fees.value = 0;
      controls.living.value = 0;
      controls.income.value = 0;
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      var from = params.get("from");
      if (from && start(from)) {
        controls.from.value = from;
        setStart(from);
      }
      FIELDS.forEach(function (name) {
        if (name === "from" || !params.has(name)) return;
        var value = params.get(name);
        var control = controls[name];
        if (control.tagName === "SELECT") {
          if (Array.prototype.some.call(control.options, function (o) { return o.value === value; })) control.value = value;
        } else if (value !== "" && isFinite(Number(value))) {
          control.value = value;
        }
      });
    }

    function save() {
      var params = new URLSearchParams(window.location.search);
      FIELDS.forEach(function (name) { params.set(name, controls[name].value); });
      var url = window.location.pathname + "?" + params.toString() + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
    }

    function num(name, fallback) {
      var value = parseFloat(controls[name].value);
      return isFinite(value) && value >= 0 ? value : fallback;
    }

    function inputs() {
      return {
        basis: controls.basis.value,
        price: num("price", 0),
        length: controls.length.value,
        credits: num("credits", 0),
        credits_per_course: num("per_course", 0),
        years: num("years", 0),
        pace: controls.pace.value,
        courses_per_term: Math.max(1, Math.round(num("courses", 1))),
        terms_per_year: parseInt(controls.terms.value, 10) || 2,
        increase: num("increase", 0),
        fees_per_term: num("fees", 0),
        assistance: num("assist", 0),
        living: num("living", 0),
        income: num("income", 0)
      };
    }

    function valid(i) {
      if (!(i.price > 0)) return false;
      if ((i.length === "credits" || i.basis === "per-credit") && !(i.credits > 0)) return false;
      if (i.length === "credits" && !(i.credits_per_course > 0)) return false;
      if (i.length === "years" && !(i.years > 0)) return false;
      return i.length === "credits" ? i.credits / i.credits_per_course <= 1000 : i.years <= 10;
    }

    function showFields(i) {
      var needCredits = i.length === "credits" || i.basis === "per-credit";
      root.querySelector("[data-field='credits']").hidden = !needCredits;
      root.querySelector("[data-field='per_course']").hidden = i.length !== "credits";
      root.querySelector("[data-field='years']").hidden = i.length !== "years";
      root.querySelector("[data-field='courses']").hidden = i.pace !== "part-time";
    }

    function yearsText(years) {
      return number(years) + " " + (years === 1 ? labels.year_one : labels.years_many);
    }

    function chart(result, pattern) {
      var largest = parts.reduce(function (max, p) { return Math.max(max, result.totals[p[0]] || 0); }, 0);
      var list = el("ul", {"class": "kb-calc__bars", "aria-label": labels.chart});
      parts.forEach(function (p) {
        var value = result.totals[p[0]] || 0;
        var fillBar = el("span", {"class": "kb-calc__fill kb-chart__bar--" + (p[0] === "assistance" ? 2 : 1)});
        fillBar.style.width = (largest ? Math.max(value ? 1 : 0, 100 * value / largest) : 0).toFixed(1) + "%";
        var name = p[1] + (p[0] === "assistance" ? " (" + labels.subtracted + ")" : "");
        list.appendChild(el("li", null, [
          el("span", {"class": "kb-calc__bar-label", text: name}),
          el("span", {"class": "kb-calc__track", "aria-hidden": "true"}, [fillBar]),
          el("span", {"class": "kb-calc__bar-value", text: money(value, pattern)})
        ]));
      });
      return el("figure", {"class": "kb-calc__chart"}, [el("figcaption", {text: labels.chart}), list]);
    }

    function breakdown(result, pattern) {
      var byYear = [];
      result.terms.forEach(function (t) {
        var row = byYear[t.study_year - 1];
        if (!row) {
          row = byYear[t.study_year - 1] = {year: t.study_year, total: 0};
          parts.forEach(function (p) { row[p[0]] = 0; });
        }
        parts.forEach(function (p) { row[p[0]] += t[p[0]]; });
        row.total += t.total;
      });
      var head = el("tr", null, [el("th", {scope: "col", text: labels.study_year})].concat(
        parts.map(function (p) { return el("th", {scope: "col", text: p[1]}); }),
        [el("th", {scope: "col", text: labels.total})]));
      function line(name, values) {
        return el("tr", null, [el("th", {scope: "row", text: name})].concat(
          parts.map(function (p) { return el("td", {"data-label": p[1], text: money(values[p[0]], pattern)}); }),
          [el("td", {"data-label": labels.total, text: money(values.total, pattern)})]));
      }
      var rows = byYear.map(function (row) { return line(fill(labels.year, {year: row.year}), row); });
      rows.push(line(labels.total, result.totals));
      var tableEl = el("table", {id: "kb-calc-table"}, [
        el("caption", {text: labels.caption}), el("thead", null, [head]), el("tbody", null, rows)]);
      return el("div", {"class": "kb-table", role: "region", "aria-label": labels.caption, tabindex: "0"}, [tableEl]);
    }

    function update() {
      var key = controls.from.value;
      var s = start(key) || starts.average || {};
      var currency = s.currency || "USD";
      var pattern = patterns[currency] || currency + " #";
      var i = inputs();
      showFields(i);
      out("currency").textContent = fill(labels.currency, {currency: currency});
      var program = out("program");
      program.textContent = "";
      if (key.indexOf("program:") === 0 && s.price_text) {
        program.appendChild(document.createTextNode(s.price_text + " "));
        if (typeof s.page === "string" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(s.page)) {
          program.appendChild(el("a", {href: s.page, text: labels.program_page}));
        }
      }
      save();
      var result = valid(i) ? estimate(i, fullLoad) : null;
      var resultBox = out("result");
      resultBox.hidden = !result;
      var message = result ? fill(labels.status, {total: money(result.totals.total, pattern),
                                                   terms: result.terms.length, years: yearsText(result.years)})
                           : labels.invalid;
      if (result) {
        root.querySelector("[data-out='total']").textContent = money(result.totals.total, pattern);
        root.querySelector("[data-out='per_year']").textContent = money(result.per_year, pattern);
        root.querySelector("[data-out='per_term']").textContent = money(result.per_term, pattern);
        out("terms").textContent = fill(labels.terms, {terms: result.terms.length, years: yearsText(result.years),
                                                       per_year: money(result.per_year, pattern),
                                                       per_term: money(result.per_term, pattern)});
        out("chart").replaceChildren(chart(result, pattern));
        out("table").replaceChildren(breakdown(result, pattern));
      }
      /* The live region speaks once typing pauses, not on every keystroke. */
      window.clearTimeout(announce);
      announce = window.setTimeout(function () { out("status").textContent = message; }, 250);
    }

    defaults();
    restore();
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      if (event.target === controls.from) setStart(controls.from.value);
      update();
    });
    form.addEventListener("change", function (event) {
      if (event.target === controls.from) {
        setStart(controls.from.value);
        update();
      }
    });
    root.hidden = false;
    var note = document.querySelector(".kb-calc__nojs");
    if (note) note.hidden = true;
    update();
  }

  window.kb.onEveryPage(function () {
    var root = document.getElementById("kb-calc");
    if (root && !root.hasAttribute("data-ready")) {
      root.setAttribute("data-ready", "");
      build(root);
    }
  });

  /* For the tests: the arithmetic, without the page. */
  window.kb.costEstimate = estimate;
})();
