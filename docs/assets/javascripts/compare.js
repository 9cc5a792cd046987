/* Compare programs side by side: fills div#kb-compare with the programs named in the address.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. The chosen programs live in the
 * address bar as ?p=slug&p=slug so a comparison can be bookmarked or shared. Every value from
 * the data is inserted as text. Runs when the page is ready (kb.onEveryPage).
 *
 * It fetches only what it shows (macros/facts_json.py writes the files, macros/directory.py the container):
 * - each chosen program's facts.json, at data-facts with {slug} replaced, under the site root data-root:
 *   {"name", "title", "page", "values": {key: text}, "links": {key: url}}; a program without one
 *   (HTTP 404) does not exist and is dropped from the address;
 * - the picker's list, data-names: [[slug, name], ...] in the picker's order, only once the reader
 *   starts using the picker (focuses or presses it), at once with fewer than two programs shown, or
 *   on a touch screen once the page is idle: otherwise a visit that only looks at a comparison never
 *   fetches the names of every program.
 * The rows ([[key, label], ...]) and the text for a fact no source states are in data-labels.
 */
(function () {
  "use strict";

  if (window.__kbCompareLoaded) return;
  window.__kbCompareLoaded = true;

  var el = window.kb.el;
  var SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
  var cache = {};   /* address -> promise of its JSON (null: no such file) */

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

  /* The JSON at `url`, or null when the site has no such file (404); other failures reject. */
  function loadJson(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).catch(function (error) {
        delete cache[url];
        throw error;
      });
    }
    return cache[url];
  }

  /* Where the container says its data is: each program's facts and the picker's names. */
  function sources(container) {
    var root = container.getAttribute("data-root") || "";
    if (root && root.charAt(root.length - 1) !== "/") root += "/";
    var facts = container.getAttribute("data-facts") || "";
    var names = container.getAttribute("data-names") || "";
    return {
      root: root,
      program: function (slug) {
        if (!SLUG.test(slug) || facts.indexOf("{slug}") === -1) return Promise.resolve(null);
        return loadJson(new URL(root + facts.replace("{slug}", slug), window.location.href).href).then(function (p) {
          return p && typeof p === "object" && p.values && typeof p.values === "object" ? p : null;
        });
      },
      names: function () {
        return loadJson(new URL(root + names, window.location.href).href).then(function (list) {
          if (!Array.isArray(list)) throw new Error("unexpected list of programs");
          return list.filter(function (entry) {
            return Array.isArray(entry) && typeof entry[0] === "string" && SLUG.test(entry[0]) && typeof entry[1] === "string";
          });
        });
      }
    };
  }

  /* `programs`: the chosen programs' facts by slug; `chosen`: their slugs in the address's order. */
  function build(container, source, programs, chosen) {
    var root = source.root;
    var max = parseInt(container.getAttribute("data-max"), 10) || 4;
    var labels = window.kb.labels(container);
    var notStated = text(labels.not_stated);
    var rows = (Array.isArray(labels.rows) ? labels.rows : []).filter(function (row) {
      return Array.isArray(row) && typeof row[0] === "string" && typeof row[1] === "string";
    });
    var names = null;     /* the picker's [slug, name] list, once loaded */
    var loadingNames = false;
    var adding = false;   /* a program's facts are being fetched */

    /* A program page's address: under the site root, never a scheme of its own. */
    function pageUrl(p) {
      return typeof p.page === "string" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(p.page) ? root + p.page : null;
    }

    function name(slug) {
      return text(programs[slug].name) || slug;
    }

    /* The picker's options, fetched the first time the reader turns to the picker. */
    function fillPicker() {
      if (names || loadingNames) return;
      loadingNames = true;
      placeholder.textContent = "Loading the list of programs…";
      source.names().then(function (list) {
        names = list;
        placeholder.textContent = "Choose a program…";
        var options = document.createDocumentFragment();   /* one insertion, however many programs */
        names.forEach(function (entry) { options.appendChild(el("option", { value: entry[0], text: entry[1] })); });
        select.appendChild(options);
        updatePicker();
      }).catch(function () {
        loadingNames = false;   /* the next focus tries again */
        placeholder.textContent = "The list of programs could not be loaded";
      });
    }

    /* A fact of a program: its display text, as a link when the data gives it an address. */
    function fact(slug, key) {
      var p = programs[slug];
      var value = text((p.values || {})[key]);
      var url = value ? safeUrl((p.links || {})[key]) : null;
      return url ? el("a", { href: url.href, text: value }) : value;
    }

    /* The controls. */
    var select = el("select", { id: "kb-compare-select", name: "p" });
    var placeholder = el("option", { value: "", text: "Choose a program…" });
    select.appendChild(placeholder);
    /* Focus comes first from the keyboard, a screen reader and most pointers; a press covers the rest. */
    select.addEventListener("focus", fillPicker);
    select.addEventListener("pointerdown", fillPicker);
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

    /* The picker: programs already chosen cannot be added again; nothing can be added while four are
     * shown, and Add waits for the list (the picker itself stays usable, so that using it loads the list). */
    function updatePicker() {
      for (var i = 1; i < select.options.length; i++) {
        select.options[i].disabled = chosen.indexOf(select.options[i].value) !== -1;
      }
      if (select.value && chosen.indexOf(select.value) !== -1) select.value = "";
      var full = chosen.length >= max;
      select.disabled = full;
      add.disabled = full || !names || adding;
    }

    function render(focusAfter) {
      updatePicker();
      var full = chosen.length >= max;

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
      if (!slug || adding || chosen.indexOf(slug) !== -1 || chosen.length >= max) {
        select.focus();
        return;
      }
      adding = true;
      add.disabled = true;
      source.program(slug).then(function (p) {
        adding = false;
        if (!p) throw new Error("no data for " + slug);
        programs[slug] = p;
        if (chosen.indexOf(slug) === -1 && chosen.length < max) chosen.push(slug);
        writeUrl();
        render();
        (select.disabled ? chosenList.querySelector("button") : select).focus();
      }).catch(function () {
        adding = false;
        render();
        status.textContent = "The facts of this program could not be loaded. Try again, or open its page from the program directory.";
        select.focus();
      });
    });

    container.appendChild(ui);
    writeUrl();
    render();
    /* With fewer than two programs the picker is what the page is for: its list loads at once. A touch
     * screen's picker opens as a list of its own on the tap that would start the fetch, and that list
     * does not change while open; there the names also load once the comparison is shown and the page
     * is idle, while the picker can still add a program. Elsewhere they wait until the reader turns to it. */
    if (chosen.length < 2) fillPicker();
    else if (chosen.length < max && window.matchMedia("(pointer: coarse)").matches) whenIdle(fillPicker);
  }

  function whenIdle(task) {
    if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: 2000 });
    else window.setTimeout(task, 200);
  }

  function init() {
    var container = document.getElementById("kb-compare");
    if (!container || container.hasAttribute("data-kb-enhanced")) return;
    container.setAttribute("data-kb-enhanced", "");
    if (window.kb.offlineNotice(container, "kb-compare__offline")) return;
    var status = el("p", { "class": "kb-count", role: "status", text: "Loading the programs…" });
    container.appendChild(status);
    var source = sources(container);
    var max = parseInt(container.getAttribute("data-max"), 10) || 4;
    /* State from the address bar: no repeats; of the first few asked for, the first `max` that exist. */
    var wanted = [];
    new URLSearchParams(window.location.search).getAll("p").forEach(function (slug) {
      if (SLUG.test(slug) && wanted.indexOf(slug) === -1 && wanted.length < 2 * max) wanted.push(slug);
    });
    Promise.all(wanted.map(source.program)).then(function (found) {
      if (!container.isConnected) return;
      var programs = Object.create(null);   /* no inherited names: ?p=constructor is no program */
      var chosen = [];
      wanted.forEach(function (slug, i) {
        if (found[i] && chosen.length < max) {
          programs[slug] = found[i];
          chosen.push(slug);
        }
      });
      container.removeChild(status);
      build(container, source, programs, chosen);
    }).catch(function () {
      if (!container.isConnected) return;
      status.textContent = "The program data could not be loaded, so the comparison is not available. " +
        "Every fact is also on each program's own page and in the program directory.";
    });
  }

  window.kb.onEveryPage(init);
})();
