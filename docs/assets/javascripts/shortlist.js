/* The shortlist: programs a reader stars in the directory, on program pages and in compare.
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. The shortlist is kept in this
 * browser (localStorage, key "kb-shortlist": a JSON list of program slugs) and, on the shortlist
 * page, in the address bar as ?p=slug&p=slug so it can be shared. Every value from the data is
 * inserted as text. Runs when the page is ready (kb.onEveryPage).
 *
 * Python formats, this script only arranges:
 * - program pages carry a hidden "Save to shortlist" button (button[data-kb-star], macros/program_page.py);
 * - the directory's rows (tr[data-slug], macros/directory.py) carry a hidden star in their program
 *   cell (button.kb-star, shown by the stylesheet when JavaScript runs), and the table names the
 *   shortlist page (data-shortlist) for the link above it;
 * - compare.js asks window.kb.shortlist.button() for a star in each program's column heading;
 * - the shortlist page's container div#kb-shortlist (macros/shortlist.py) names where each program's
 *   facts.json is (data-facts with {slug}, under the site root data-root; macros/facts_json.py: display
 *   values and each upcoming deadline as [ISO date, label, iCalendar VEVENT text]), and holds in
 *   data-labels the rows' labels and the calendar's head and foot; it also names the compare page,
 *   the most programs it compares, and the CSV rule's formula starts (macros/exports.py FORMULA_STARTS).
 *   Only the programs on the list are fetched, never the whole directory.
 * The stylesheet draws every star's icon (guide.css), filled when aria-pressed is "true".
 */
(function () {
  "use strict";

  if (window.__kbShortlistLoaded) return;
  window.__kbShortlistLoaded = true;

  var el = window.kb.el;
  var KEY = "kb-shortlist";
  var SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

  /* ---- The stored list ---- */

  var memory = [];   /* used when the browser refuses storage */

  function clean(list) {
    var seen = [];
    (Array.isArray(list) ? list : []).forEach(function (slug) {
      if (typeof slug === "string" && SLUG.test(slug) && seen.indexOf(slug) === -1) seen.push(slug);
    });
    return seen;
  }

  function read() {
    try {
      var stored = window.localStorage.getItem(KEY);
      return stored === null ? memory.slice() : clean(JSON.parse(stored));
    } catch (e) {
      return memory.slice();
    }
  }

  var watchers = [];   /* [node, callback]: dropped once the node has left the page */

  function notify() {
    var list = read();
    watchers = watchers.filter(function (w) { return w[0].isConnected; });
    watchers.forEach(function (w) { w[1](list); });
  }

  function write(list) {
    memory = clean(list);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(memory));
    } catch (e) { /* private mode or storage full: the list lasts until the page is left */ }
    notify();
  }

  function watch(node, callback) {
    watchers.push([node, callback]);
  }

  function has(slug) {
    return read().indexOf(slug) !== -1;
  }

  /* Adds or removes a program; returns whether it is on the shortlist afterwards. */
  function toggle(slug) {
    var list = read();
    var at = list.indexOf(slug);
    if (at === -1) list.push(slug);
    else list.splice(at, 1);
    write(list);
    return at === -1;
  }

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) notify();
  });

  /* ---- Star buttons ---- */

  function countText(n) {
    return n === 1 ? "1 program" : n + " programs";
  }

  /* What a press said, for the live region `status`. */
  function announce(status, on, name) {
    if (!status) return;
    status.textContent = (on ? "Saved " + name + " to your shortlist" : "Removed " + name + " from your shortlist") +
      " (" + countText(read().length) + ").";
  }

  /* Makes `button` a star for `slug`: aria-pressed follows the shortlist; `status` (a live region)
   * says what a press did. The button's name stays the same; its pressed state says the rest. */
  function enhanceButton(button, slug, name, status) {
    if (button.hasAttribute("data-kb-star-ready")) return button;
    button.setAttribute("data-kb-star-ready", "");
    button.setAttribute("data-kb-star", slug);
    function show(list) {
      button.setAttribute("aria-pressed", list.indexOf(slug) !== -1 ? "true" : "false");
    }
    button.addEventListener("click", function () {
      announce(status, toggle(slug), name);
    });
    watch(button, show);
    show(read());
    return button;
  }

  /* A new icon-only star for a program, e.g. in a table cell. */
  function button(slug, name, status) {
    var label = "Save " + name + " to your shortlist";
    var b = el("button", { type: "button", "class": "kb-star", "aria-label": label, title: label });
    return enhanceButton(b, slug, name, status);
  }

  function liveRegion() {
    return el("span", { "class": "kb-shortlist-status", role: "status", "aria-live": "polite" });
  }

  /* Program pages: the build's hidden button. */
  function enhanceProgramPage() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-kb-star]:not([data-kb-star-ready])"), function (b) {
      var slug = b.getAttribute("data-kb-star");
      if (!SLUG.test(slug || "")) return;
      var holder = b.closest(".kb-shortlist-save") || b.parentNode;
      var status = holder.querySelector("[role=status]");
      var title = document.querySelector("article h1");
      enhanceButton(b, slug, title ? title.textContent.trim() : slug, status);
      holder.hidden = false;
    });
  }

  /* The directory: each row's star is in the build's HTML (macros/directory.py), so start-up does
   * no work per row: one listener on the table answers every star, and only the saved programs'
   * stars are touched to show them pressed. Above the table, a link to the shortlist with its count
   * and a live region. */
  function enhanceDirectory() {
    var table = document.querySelector("table#program-directory");
    if (!table || !table.tBodies.length || table.hasAttribute("data-kb-stars")) return;
    table.setAttribute("data-kb-stars", "");
    var count = el("span");
    var status = liveRegion();
    var bar = el("p", { "class": "kb-shortlist-bar" }, [
      el("a", { href: table.getAttribute("data-shortlist") || "", text: "Your shortlist" }), ": ", count, " ", status
    ]);
    window.kb.directoryControls(table).appendChild(bar); /* after the directory's filters */

    function setPressed(slug, on) {
      var b = table.tBodies[0].querySelector('tr[data-slug="' + slug + '"] th[scope=row] button.kb-star');
      if (b) b.setAttribute("aria-pressed", on ? "true" : "false");
    }
    var pressed = [];   /* the slugs whose star shows pressed (the build wrote every star unpressed) */
    function show(list) {
      count.textContent = countText(list.length) + ".";
      pressed.forEach(function (slug) { if (list.indexOf(slug) === -1) setPressed(slug, false); });
      list.forEach(function (slug) { if (pressed.indexOf(slug) === -1) setPressed(slug, true); });
      pressed = list;
    }
    table.tBodies[0].addEventListener("click", function (event) {
      var b = event.target.closest("button.kb-star");
      var tr = b && b.closest("tr[data-slug]");
      var slug = tr && tr.getAttribute("data-slug");
      if (!slug || !SLUG.test(slug)) return;
      var cell = b.closest("th[scope=row]");
      var university = tr.cells[0] && tr.cells[0] !== cell ? tr.cells[0].textContent.trim() : "";
      var title = cell ? cell.textContent.trim() : slug;
      announce(status, toggle(slug), university ? title + " (" + university + ")" : title);
    });
    /* A star's name as its tooltip, given when the pointer first reaches it: with a title in the
     * HTML, Material would make a tooltip of every star at start-up. */
    table.tBodies[0].addEventListener("mouseover", function (event) {
      var b = event.target.closest("button.kb-star");
      if (b && !b.title) b.title = b.getAttribute("aria-label") || "";
    });
    watch(bar, show);
    show(read());
  }

  /* ---- The shortlist page ---- */

  var cache = {};   /* address -> promise of its JSON (null: no such file) */

  function load(src) {
    if (!cache[src]) {
      cache[src] = fetch(src, { credentials: "same-origin" }).then(function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        return data && typeof data === "object" && data.values && typeof data.values === "object" ? data : null;
      }).catch(function (error) {
        delete cache[src];
        throw error;
      });
    }
    return cache[src];
  }

  /* The programs' facts, fetched one file per program as the page needs them: `programs` holds
   * those loaded (a slug without a file is no program), `ensure(slugs)` loads the missing ones. */
  function programSource(container) {
    var root = container.getAttribute("data-root") || "";
    if (root && root.charAt(root.length - 1) !== "/") root += "/";
    var pattern = container.getAttribute("data-facts") || "";
    var programs = Object.create(null);
    function ensure(slugs) {
      return Promise.all(clean(slugs).filter(function (slug) {
        return !(slug in programs) && pattern.indexOf("{slug}") !== -1;
      }).map(function (slug) {
        return load(new URL(root + pattern.replace("{slug}", slug), window.location.href).href).then(function (p) {
          if (p) programs[slug] = p;
        });
      }));
    }
    return { root: root, programs: programs, ensure: ensure };
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function todayIso() {
    return new Date().toISOString().slice(0, 10);   /* UTC, as the build's is_past */
  }

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var a = el("a", { href: url, download: name });
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function buildPage(container, source) {
    var root = source.root;
    var programs = source.programs;
    var labels = window.kb.labels(container);
    var max = parseInt(container.getAttribute("data-max"), 10) || 4;
    var compareUrl = container.getAttribute("data-compare") || "";
    var formulaStarts = [];
    try {
      formulaStarts = JSON.parse(container.getAttribute("data-formula-starts") || "[]").filter(function (s) {
        return typeof s === "string" && s !== "";
      });
    } catch (e) { formulaStarts = []; }
    var rows = (Array.isArray(labels.rows) ? labels.rows : []).filter(function (row) {
      return Array.isArray(row) && typeof row[0] === "string" && typeof row[1] === "string";
    });
    var calendarParts = labels.calendar && typeof labels.calendar === "object" ? labels.calendar : {};

    function name(slug) {
      return text(programs[slug].name) || slug;
    }

    function pageUrl(slug) {
      var page = programs[slug].page;
      return typeof page === "string" && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(page) ? root + page : null;
    }

    /* Deadlines that have not passed today (the build's list may be older than today). */
    function ahead(slug) {
      var today = todayIso();
      var given = Array.isArray(programs[slug].deadlines) ? programs[slug].deadlines : [];
      return given.filter(function (d) {
        return Array.isArray(d) && typeof d[0] === "string" && typeof d[1] === "string" && typeof d[2] === "string" &&
          d[0] >= today;
      });
    }

    function known(list) {
      return clean(list).filter(function (slug) { return programs[slug]; });
    }

    var fromUrl = known(new URLSearchParams(window.location.search).getAll("p"));
    var shared = fromUrl.length > 0 && fromUrl.join(" ") !== known(read()).join(" ");
    var shown = shared ? fromUrl : known(read());

    var status = el("p", { "class": "kb-count", role: "status", "aria-live": "polite" });
    var intro = el("p", { "class": "kb-shortlist__intro" });
    var keep = el("button", { type: "button", "class": "md-button md-button--primary", text: "Add these to my shortlist" });
    var sharedNote = el("div", { "class": "kb-shortlist__shared" }, [intro, el("p", null, [keep])]);
    var list = el("ul", { "class": "kb-shortlist__list", "aria-label": "Programs on the shortlist" });
    var compare = el("a", { "class": "md-button" });
    var csv = el("button", { type: "button", "class": "md-button", text: "Download as a spreadsheet (CSV)" });
    var ics = el("button", { type: "button", "class": "md-button", text: "Add the upcoming deadlines to a calendar (.ics)" });
    var actions = el("p", { "class": "kb-shortlist__actions" }, [compare, " ", csv, " ", ics]);
    var compareNote = el("p", { "class": "kb-shortlist__note" });
    var deadlineNote = el("p", { "class": "kb-shortlist__note" });
    var shareLink = el("a");
    var share = el("p", { "class": "kb-shortlist__share" }, ["Link to this shortlist: ", shareLink]);
    var ui = el("div", { "class": "kb-shortlist" }, [status, sharedNote, list, actions, compareNote, deadlineNote, share]);

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      params.delete("p");
      shown.forEach(function (slug) { params.append("p", slug); });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
      shareLink.href = window.location.href;
      shareLink.textContent = window.location.href;
    }

    function render(focusAfter) {
      sharedNote.hidden = !shared;
      if (shared) {
        intro.textContent = "You opened a shared shortlist of " + countText(shown.length) +
          ". Your own shortlist in this browser is unchanged until you add these to it.";
      }
      list.textContent = "";
      shown.forEach(function (slug) {
        var href = pageUrl(slug);
        var dates = ahead(slug);
        var item = el("li", { "data-slug": slug }, [
          href ? el("a", { href: href, text: name(slug) }) : name(slug)
        ]);
        if (!shared) {
          var remove = el("button", { type: "button", "class": "md-button", "aria-label": "Remove " + name(slug) + " from your shortlist", text: "Remove" });
          remove.addEventListener("click", function () {
            var at = shown.indexOf(slug);
            write(read().filter(function (s) { return s !== slug; }));
            status.textContent = "Removed " + name(slug) + " from your shortlist.";
            render({ removedAt: at });
          });
          item.appendChild(document.createTextNode(" "));
          item.appendChild(remove);
        }
        item.appendChild(el("br"));
        item.appendChild(el("span", { "class": "kb-meta", text: dates.length
          ? "Upcoming deadlines: " + dates.map(function (d) { return d[1]; }).join("; ")
          : "No upcoming deadline in the guide's data." }));
        list.appendChild(item);
      });
      var empty = !shown.length;
      list.hidden = empty;
      actions.hidden = empty;
      share.hidden = empty;
      var first = shown.slice(0, max);
      compare.href = compareUrl + (first.length ? "?" + first.map(function (s) { return "p=" + encodeURIComponent(s); }).join("&") : "");
      compare.textContent = shown.length > max ? "Compare the first " + max + " side by side" : "Compare side by side";
      compareNote.hidden = empty || shown.length <= max;
      compareNote.textContent = "Compare shows up to " + max + " programs at once, so its link opens the first " + max + ".";
      var withDates = shown.filter(function (slug) { return ahead(slug).length; }).length;
      deadlineNote.hidden = empty;
      deadlineNote.textContent = withDates
        ? "The calendar file holds the upcoming deadlines of " + countText(withDates) + "; past deadlines are left out."
        : "None of these programs has an upcoming application deadline in the guide's data, so there is no calendar to download.";
      ics.disabled = !withDates;
      emptyNote.hidden = !empty;
      writeUrl();
      if (focusAfter && focusAfter.removedAt !== undefined) {
        var buttons = list.querySelectorAll("button");
        var next = buttons[Math.min(focusAfter.removedAt, buttons.length - 1)];
        (next || status).focus();
      }
    }

    var directory = container.getAttribute("data-directory") || "";
    var emptyNote = el("p", { "class": "kb-shortlist__empty" }, [
      "Your shortlist is empty. Star programs in the ",
      el("a", { href: directory, text: "program directory" }),
      ", on a program's page or in compare, and they appear here."
    ]);
    ui.insertBefore(emptyNote, list);
    status.setAttribute("tabindex", "-1");

    keep.addEventListener("click", function () {
      write(read().concat(shown));
      shared = false;
      shown = known(read());
      status.textContent = "Added to your shortlist: it now has " + countText(shown.length) + ".";
      render();
      status.focus();
    });

    function csvCell(value) {
      var cell = String(value);
      if (formulaStarts.some(function (start) { return cell.indexOf(start) === 0; })) cell = "'" + cell;
      return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
    }

    csv.addEventListener("click", function () {
      var header = ["Program"].concat(rows.map(function (row) { return row[1]; }), ["Page in the guide"]);
      var lines = [header].concat(shown.map(function (slug) {
        var values = programs[slug].values || {};
        var href = pageUrl(slug);
        return [name(slug)].concat(rows.map(function (row) { return text(values[row[0]]); }),
          [href ? new URL(href, window.location.href).href : ""]);
      }));
      download("shortlist.csv", "text/csv;charset=utf-8",
        lines.map(function (line) { return line.map(csvCell).join(","); }).join("\r\n") + "\r\n");
      status.textContent = "Downloaded the shortlist of " + countText(shown.length) + " as shortlist.csv.";
    });

    ics.addEventListener("click", function () {
      var events = [];
      shown.forEach(function (slug) { ahead(slug).forEach(function (d) { events.push(d[2]); }); });
      if (!events.length || typeof calendarParts.head !== "string" || typeof calendarParts.foot !== "string") {
        status.textContent = "None of these programs has an upcoming application deadline in the guide's data.";
        return;
      }
      download("shortlist-deadlines.ics", "text/calendar;charset=utf-8", calendarParts.head + events.join("") + calendarParts.foot);
      status.textContent = "Downloaded " + (events.length === 1 ? "1 upcoming deadline" : events.length + " upcoming deadlines") +
        " as shortlist-deadlines.ics.";
    });

    /* Another tab changed the shortlist: show it, unless this page shows a shared one. */
    watch(ui, function () {
      if (shared) return;
      source.ensure(read()).catch(function () { /* those not loaded stay out of the list */ }).then(function () {
        if (shared || !ui.isConnected) return;
        shown = known(read());
        render();
      });
    });

    container.appendChild(ui);
    if (shared) status.textContent = "";
    render();
  }

  function enhanceShortlistPage() {
    var container = document.getElementById("kb-shortlist");
    if (!container || container.hasAttribute("data-kb-enhanced")) return;
    container.setAttribute("data-kb-enhanced", "");
    if (window.kb.offlineNotice(container, "kb-shortlist__offline")) return;
    var loading = el("p", { "class": "kb-count", role: "status", text: "Loading the programs…" });
    container.appendChild(loading);
    var source = programSource(container);
    source.ensure(read().concat(new URLSearchParams(window.location.search).getAll("p"))).then(function () {
      if (!container.isConnected) return;
      container.removeChild(loading);
      buildPage(container, source);
    }).catch(function () {
      if (!container.isConnected) return;
      loading.textContent = "The program data could not be loaded, so the shortlist is not available. " +
        "Every program is also in the program directory.";
    });
  }

  function init() {
    enhanceProgramPage();
    enhanceDirectory();
    enhanceShortlistPage();
  }

  window.kb.shortlist = { read: read, has: has, toggle: toggle, button: button, liveRegion: liveRegion };
  window.kb.onEveryPage(init);
})();
