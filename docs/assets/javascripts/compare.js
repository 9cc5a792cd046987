/* Compare programs side by side: fills div#kb-compare from compare.json.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. The chosen programs live in the
 * address bar as ?p=slug&p=slug so a comparison can be bookmarked or shared. Every value from
 * the data is inserted as text. Runs on every page change of Material's instant navigation.
 *
 * The build (macros/directory.py, compare_data) writes everything shown, already formatted:
 * {"rows": [[key, label], ...], "not_stated": text, "programs": {slug: {"name", "title", "page",
 * "values": {key: text}, "links": {key: url}}}} with the programs in the picker's order. The
 * container's data-src is where to fetch it and data-root the site root that "page" is under.
 */
(function () {
  "use strict";

  if (window.__kbCompareLoaded) return;
  window.__kbCompareLoaded = true;

  var cache = {};
  var el = window.kb.el;

  function safeUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (e) {
      return null;
    }
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function loadPrograms(src) {
    if (!cache[src]) {
      cache[src] = fetch(src, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        if (!data || typeof data !== "object" || !Array.isArray(data.rows) ||
            !data.programs || typeof data.programs !== "object") {
          throw new Error("unexpected compare data");
        }
        return data;
      }).catch(function (error) {
        delete cache[src];
        throw error;
      });
    }
    return cache[src];
  }

  function build(container, data) {
    var root = container.getAttribute("data-root") || "";
    if (root && root.charAt(root.length - 1) !== "/") root += "/";
    var max = parseInt(container.getAttribute("data-max"), 10) || 4;
    var notStated = text(data.not_stated);
    var rows = data.rows.filter(function (row) {
      return Array.isArray(row) && typeof row[0] === "string" && typeof row[1] === "string";
    });
    var programs = Object.create(null);   /* no inherited names: ?p=constructor is no program */
    var ordered = [];   /* slugs in the order the build gave them: the picker's order */
    Object.keys(data.programs).forEach(function (slug) {
      var p = data.programs[slug];
      if (!p || typeof p !== "object") return;
      programs[slug] = p;
      ordered.push(slug);
    });

    /* A program page's address: under the site root, never a scheme of its own. */
    function pageUrl(p) {
      return typeof p.page === "string" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(p.page) ? root + p.page : null;
    }

    function name(slug) {
      return text(programs[slug].name) || slug;
    }

    /* A fact of a program: its display text, as a link when the data gives it an address. */
    function fact(slug, key) {
      var p = programs[slug];
      var value = text((p.values || {})[key]);
      var url = value ? safeUrl((p.links || {})[key]) : null;
      return url ? el("a", { href: url.href, text: value }) : value;
    }

    /* State from the address bar: known slugs only, no repeats, at most `max`. */
    var chosen = [];
    new URLSearchParams(window.location.search).getAll("p").forEach(function (slug) {
      if (programs[slug] && chosen.indexOf(slug) === -1 && chosen.length < max) chosen.push(slug);
    });

    /* The controls. */
    var select = el("select", { id: "kb-compare-select", name: "p" });
    select.appendChild(el("option", { value: "", text: "Choose a program…" }));
    ordered.forEach(function (slug) { select.appendChild(el("option", { value: slug, text: name(slug) })); });
    var add = el("button", { type: "submit", "class": "md-button md-button--primary", text: "Add" });
    var form = el("form", { "class": "kb-compare__pick", "aria-label": "Choose programs to compare" }, [
      el("label", { "for": "kb-compare-select", text: "Add a program to compare" }),
      el("div", { "class": "kb-compare__row" }, [select, add])
    ]);
    var status = el("p", { "class": "kb-count", role: "status", "aria-live": "polite" });
    var chosenHeading = el("p", { id: "kb-compare-chosen-heading", "class": "kb-compare__label", text: "Your programs" });
    var chosenList = el("ul", { "class": "kb-compare__chosen", "aria-labelledby": "kb-compare-chosen-heading" });
    var tableWrap = el("div", { "class": "kb-table kb-compare__table", role: "region", "aria-label": "Comparison", tabindex: "0" });
    /* shortlist.js, when loaded: a star in each program's heading and a live region for what it did. */
    var stars = window.kb.shortlist;
    var starStatus = stars ? stars.liveRegion() : null;
    var ui = el("div", { "class": "kb-compare" }, [form, status, chosenHeading, chosenList, tableWrap].concat(
      starStatus ? [el("p", { "class": "kb-shortlist-bar" }, [starStatus])] : []));

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
      if (value === "") {
        node.textContent = notStated;
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
        var remove = el("button", { type: "button", "class": "md-button", "aria-label": "Remove " + name(slug), text: "Remove" });
        remove.addEventListener("click", function () {
          var at = chosen.indexOf(slug);
          chosen.splice(at, 1);
          writeUrl();
          render({ removedAt: at });
        });
        chosenList.appendChild(el("li", { "data-slug": slug }, [el("span", { text: name(slug) }), " ", remove]));
      });
      chosenHeading.hidden = !chosen.length;
      chosenList.hidden = !chosen.length;

      tableWrap.textContent = "";
      tableWrap.hidden = !chosen.length;
      if (chosen.length) {
        var headRow = el("tr", null, [el("td")]);
        chosen.forEach(function (slug) {
          var p = programs[slug];
          var title = text(p.title) || name(slug);
          var href = pageUrl(p);
          var th = el("th", { scope: "col", "data-slug": slug }, [
            href ? el("a", { href: href, text: title }) : title
          ]);
          if (stars) th.appendChild(stars.button(slug, name(slug), starStatus));
          headRow.appendChild(th);
        });
        var body = el("tbody");
        rows.forEach(function (row) {
          var tr = el("tr", { "data-key": row[0] }, [el("th", { scope: "row", text: row[1] })]);
          chosen.forEach(function (slug) { tr.appendChild(cell("td", fact(slug, row[0]))); });
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
    var status = el("p", { "class": "kb-count", role: "status", text: "Loading the programs…" });
    container.appendChild(status);
    var src = new URL(container.getAttribute("data-src") || "compare.json", window.location.href).href;
    loadPrograms(src).then(function (data) {
      if (!container.isConnected) return;
      container.removeChild(status);
      build(container, data);
    }).catch(function () {
      if (!container.isConnected) return;
      status.textContent = "The program data could not be loaded, so the comparison is not available. " +
        "Every fact is also on each program's own page and in the program directory.";
    });
  }

  window.kb.onEveryPage(init);
})();
