/* The guide's search (the box in overrides/partials/header.html), answered by Pagefind's index of the
 * built site (macros/search_index.py). Nothing is fetched until the reader opens or focuses search;
 * then Pagefind's script loads the index fragments for the words typed, whatever the site's size.
 *
 * Keys: "/", "s" or "f" open search; arrow keys move through the results; Enter opens the first (or
 * the focused) result; Escape closes. A link with ?q=words opens search with those words, and a result
 * link carries ?h=words, which marks the words on the page it opens. When Material's own search is on
 * (the offline copy), the header has no [data-kb-search] and this script does nothing.
 */
(function () {
  "use strict";

  /* Words that say nothing about a page ("what is machine learning" searches "machine learning"). */
  var STOP = ("a an and are as at be by can do does for from how i in is it me my of on or should the to " +
              "what when where which who why with you your").split(" ");
  /* Pagefind's ranking: a word typed whole counts far more than a longer word it starts (termSimilarity);
   * a long page is not penalised much for its length (pageLength). */
  var RANKING = { termSimilarity: 4, pageLength: 0.1 };
  var SHOWN = 10;           // results listed
  var CHECKED = 20;         // results read to find SHOWN that hold a short word whole
  var SECTIONS = 3;         // sections listed under a page
  var TITLE_BOOST = 4;      // a result whose title names the words sought (see weight)
  var PROGRAM_WEIGHT = 0.5; // a program among the results read (see weight)
  var PAUSE = 40;           // ms without a key before searching

  /* The words of a query worth searching and marking (stop words dropped unless nothing else is left). */
  function words(query, all) {
    var every = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1 || /\d/.test(w); });
    var kept = every.filter(function (w) { return STOP.indexOf(w) < 0; });
    return kept.length && !all ? kept : every;
  }

  /* Text with each of `list`'s words marked, as DOM nodes appended to `parent`. */
  function appendMarked(parent, text, list) {
    var pattern = list.length ? new RegExp("(" + list.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu") : null;
    text.split(pattern || /$^/).forEach(function (part, i) {
      if (!part) return;
      parent.appendChild(i % 2 ? window.kb.el("mark", { text: part }) : document.createTextNode(part));
    });
    return parent;
  }

  /* The text of an HTML string (Pagefind gives a page's title as written in its attribute). */
  function plain(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.textContent;
  }

  /* Pagefind's excerpt (text with <mark> elements) as DOM nodes, keeping only the text and the marks. */
  function appendExcerpt(parent, html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      parent.appendChild(node.nodeName === "MARK" ? window.kb.el("mark", { text: node.textContent })
                                                  : document.createTextNode(node.textContent));
    });
    return parent;
  }

  /* Mark the words of ?h= in the page's article (the target of a search result). */
  function markPage() {
    var wanted = new URLSearchParams(location.search).get("h");
    var article = document.querySelector("article.md-content__inner");
    if (!wanted || !article) return;
    var list = words(wanted).filter(function (w) { return w.length > 1; });
    if (!list.length) return;
    var test = new RegExp(list.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "iu");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, svg") || !test.test(node.nodeValue)
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var found = [];
    while (walker.nextNode()) found.push(walker.currentNode);
    found.forEach(function (node) {
      var marked = appendMarked(document.createDocumentFragment(), node.nodeValue, list);
      Array.prototype.forEach.call(marked.querySelectorAll("mark"), function (m) { m.className = "kb-search-hit"; });
      node.parentNode.replaceChild(marked, node);
    });
  }

  var root = document.querySelector("[data-kb-search]");
  if (!root) return; // Material's own search (the offline copy) marks ?h= itself
  window.kb.onEveryPage(markPage);
  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var input = form.querySelector("input");
  var status = document.getElementById("kb-search-status");
  var list = document.getElementById("kb-search-results");
  var share = root.querySelector("[data-kb-search-share]");
  /* Resolved once, against the page it was loaded on. */
  var bundle = new URL(root.getAttribute("data-kb-search"), location.href);
  var pagefind = null; // the promise of Pagefind's module, once search has been opened
  var latest = 0;      // the number of the newest search: an older one's answer is dropped

  /* Pagefind's script, then at once its index's entry, metadata and WebAssembly (init), so that the
   * reader's first words are answered from an index that is ready. Pagefind runs in the page, not in
   * a worker of its own (noWorker): its searches take a few milliseconds, while starting the worker
   * and passing a message for each result's page cost more than the search (make bench). */
  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href).then(function (module) {
        return module.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24,
                                ranking: RANKING, noWorker: true })
          .then(function () { module.init(); return module; });
      });
    }
    return pagefind;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function say(key, count) {
    status.textContent = status.getAttribute("data-" + key).replace("#", count);
  }

  /* Whether `page` holds every short word (3 letters or fewer) as a whole word, or its plural:
   * "GRE" is not "grew" or "Great Lakes", "OPT" is not "options". */
  function holdsShortWords(page, short) {
    return short.every(function (w) {
      return new RegExp("(^|[^\\p{L}\\p{N}])" + w + "s?($|[^\\p{L}\\p{N}])", "iu").test(page.content);
    });
  }

  /* How much a result counts, after Pagefind's score: a guide page or glossary term whose title names
   * every word sought counts TITLE_BOOST times more, and the square of it if the title holds the whole
   * question ("what is machine learning"). A program counts PROGRAM_WEIGHT, unless its title holds the
   * whole question ("Master of Computational Data Science"): single words such as "concentration" are
   * in many programs' names. */
  function weight(page, sought, query) {
    var kind = (page.filters && page.filters.kind && page.filters.kind[0]) || "guide";
    var title = plain((page.meta && page.meta.title) || "").toLowerCase();
    var asked = words(query, true).join(" ");
    var whole = asked.indexOf(" ") > 0 && words(title, true).join(" ").indexOf(asked) >= 0;
    var named = sought.every(function (w) { return title.indexOf(w) >= 0; });
    if (kind === "directory") return 1;
    if (kind === "program") return whole ? TITLE_BOOST * TITLE_BOOST : PROGRAM_WEIGHT;
    return whole ? TITLE_BOOST * TITLE_BOOST : named ? TITLE_BOOST : 1;
  }

  /* Results holding every word, best first (a program's page weighs less than a guide page: see
   * overrides/main.html). When none holds them all, results holding the rarest of the words: "thesis
   * option in Germany" lists a program in Germany with a thesis before a page on thesis options. */
  function find(pf, sought) {
    return pf.search(sought.join(" ")).then(function (all) {
      if (all.results.length || sought.length < 2) return all.results;
      return Promise.all(sought.map(function (w) { return pf.search(w); })).then(function (each) {
        var byId = {};
        var seen = each.reduce(function (n, found) { return n + found.results.length; }, 1);
        each.forEach(function (found) {
          var rarity = Math.log(1 + seen / Math.max(found.results.length, 1));
          found.results.forEach(function (r) {
            var one = byId[r.id] || (byId[r.id] = { id: r.id, data: r.data, score: 0, weight: 0 });
            one.score += r.score;
            one.weight += rarity;
          });
        });
        return Object.keys(byId).map(function (id) {
          var one = byId[id];
          one.score = one.weight + one.score / 1000; // the rarity of the words held, then Pagefind's score
          return one;
        }).sort(function (a, b) { return b.score - a.score; });
      });
    });
  }

  function search(query) {
    var number = ++latest;
    var sought = words(query);
    if (!sought.length) return Promise.resolve(render(number, query, [], sought, 0));
    var short = sought.filter(function (w) { return /^\p{L}{1,3}$/u.test(w); });
    return load().then(function (pf) { return find(pf, sought); }).then(function (candidates) {
      if (number !== latest || waiting !== null) return null; // newer words are waiting: read no pages for these
      var total = candidates.length;
      var read = candidates.slice(0, short.length ? CHECKED : SHOWN);
      return Promise.all(read.map(function (c) { return c.data(); })).then(function (pages) {
        var order = pages.map(function (page, i) {
          return { page: page, score: read[i].score * weight(page, sought, query), at: i };
        }).sort(function (a, b) { return b.score - a.score || a.at - b.at; }).map(function (x) { return x.page; });
        var whole = short.length ? order.filter(function (p) { return holdsShortWords(p, short); }) : order;
        // A short word still being typed ("Carnegie Me") has no whole-word match yet: keep the prefixes.
        if (short.length && whole.length) total = whole.length;
        render(number, query, (whole.length ? whole : order).slice(0, SHOWN), sought, total);
      });
    });
  }

  /* One search at a time, for the newest words: while Pagefind answers, keys typed meanwhile wait,
   * and only the last of them is searched; a search overtaken by newer words stops before it reads
   * its pages. A short pause lets a fast typist finish a word first; meanwhile Pagefind already
   * loads the part of its index that holds the words (preload). */
  var timer = null;
  var running = false;
  var waiting = null;
  function soon(query) {
    clearTimeout(timer);
    var sought = words(query);
    if (sought.length) load().then(function (pf) { return pf.preload(sought.join(" ")); }).catch(function () {});
    timer = setTimeout(function () { waiting = query; next(); }, PAUSE);
  }
  function next() {
    if (running || waiting === null) return;
    var query = waiting;
    waiting = null;
    running = true;
    var done = function () { running = false; next(); };
    search(query).then(done, done);
  }

  /* The address of a result (a record's own, such as a glossary term's anchor, is in its meta: see
   * macros/search_index.py), carrying the words to mark on the page it opens. */
  function target(page, marked) {
    var own = page.meta && page.meta.url;
    var at = new URL(own ? plain(own).replace(/^\//, "") : page.url, own ? new URL("..", bundle) : location.href);
    at.searchParams.set("h", marked.join(" "));
    return at.pathname + at.search + at.hash;
  }

  function render(number, query, pages, marked, total) {
    if (number !== latest) return;
    var el = window.kb.el;
    list.textContent = "";
    pages.forEach(function (page) {
      var title = plain((page.meta && page.meta.title) || page.url);
      var item = el("li", { class: "md-search-result__item" }, [
        el("a", { href: target(page, marked), class: "md-search-result__link", tabindex: "-1" }, [
          el("article", { class: "md-search-result__article md-search-result__article--document md-typeset" }, [
            el("div", { class: "md-search-result__icon md-icon" }),
            appendMarked(el("h1"), title, marked),
            appendExcerpt(el("p"), page.excerpt)
          ])
        ])
      ]);
      (page.sub_results || []).filter(function (s) { return s.url !== page.url && s.title !== title; })
        .slice(0, SECTIONS).forEach(function (section) {
          item.appendChild(el("a", { href: target(section, marked), class: "md-search-result__link", tabindex: "-1" }, [
            el("article", { class: "md-search-result__article md-typeset" }, [
              appendMarked(el("h2"), section.title, marked),
              appendExcerpt(el("p"), section.excerpt)
            ])
          ]));
        });
      list.appendChild(item);
    });
    if (!query.trim()) say("placeholder", 0);
    else say(total === 0 ? "none" : total === 1 ? "one" : "other", total);
    share.hidden = !query.trim();
    share.href = "?q=" + encodeURIComponent(query.trim());
    root.setAttribute("data-kb-search-done", query);
  }

  /* Move the focus through the query and the results (ArrowDown / ArrowUp). */
  function step(by) {
    var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
    var at = stops.indexOf(document.activeElement);
    stops[(Math.max(at, 0) + by + stops.length) % stops.length].focus();
  }

  function typing(target) {
    return target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if (["/", "s", "f"].indexOf(event.key) >= 0 && !typing(event.target)) {
        event.preventDefault();
        open();
        input.focus();
        input.select();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!root.contains(event.target)) return;
      event.preventDefault();
      step(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    }
  }, true);

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      setTimeout(function () { input.focus(); }, 250); // after the phone's search slides in
    } else {
      input.blur();
    }
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", function () { soon(input.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); }, 0);
  });
  share.addEventListener("click", function (event) {
    if (!navigator.clipboard) return; // the link itself opens search with the words
    event.preventDefault();
    navigator.clipboard.writeText(new URL(share.getAttribute("href"), location.href).href).then(function () {
      status.textContent = share.getAttribute("data-copied");
    });
  });

  /* ?q=words (a shared search) opens search with those words when the page opens. */
  window.kb.onEveryPage(function () {
    var query = new URLSearchParams(location.search).get("q");
    if (!query) return;
    input.value = query;
    open();
    input.focus();
    search(query);
  });
})();
