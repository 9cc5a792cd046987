/* The degree finder (#kb-finder) and the prerequisite self-check (#kb-self-check).
 *
 * Plain ES2017, no libraries, nothing loaded from elsewhere. Python formats, this script only
 * arranges: macros/finder.py writes the questions, the result cards with their reasons and links,
 * each question's weight (data-weight on its fieldset), each answer's directory filters (data-filter,
 * a query string), and the messages (data-labels, with "#" for the names put in). Without JavaScript
 * the forms stay hidden and the page shows the rules, routes and program lists as plain HTML.
 * It runs when a page is ready (kb.onEveryPage) and does nothing on other pages.
 */
(function () {
  "use strict";

  if (window.__kbFinderLoaded) return;
  window.__kbFinderLoaded = true;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /* The build's messages and the separator for names, with safe fallbacks. */
  function texts(root) {
    var given = window.kb.labels(root);
    return {
      messages: given.messages && typeof given.messages === "object" ? given.messages : {},
      separator: typeof given.separator === "string" ? given.separator : ", "
    };
  }

  function message(labels, key, names) {
    var pattern = typeof labels.messages[key] === "string" ? labels.messages[key] : "";
    return names ? pattern.replace("#", names.join(labels.separator)) : pattern;
  }

  function say(status, value) {
    if (status.textContent !== value) status.textContent = value;
  }

  /* After a form's reset event the fields are cleared only once the event is over. */
  function afterReset(form, callback) {
    form.addEventListener("reset", function () { window.setTimeout(callback, 0); });
  }

  /* A link's address with more query parameters (each replacing one of the same name). */
  function withFilters(href, filters) {
    var at = href.indexOf("?");
    var path = at === -1 ? href : href.slice(0, at);
    var params = new URLSearchParams(at === -1 ? "" : href.slice(at + 1));
    filters.forEach(function (query) {
      new URLSearchParams(query).forEach(function (value, key) { params.set(key, value); });
    });
    var query = params.toString();
    return path + (query ? "?" + query : "");
  }

  function finder(root) {
    var labels = texts(root);
    var form = root.querySelector("form");
    var status = root.querySelector("[role=status]");
    var heading = root.querySelector(".kb-finder__heading");
    var list = root.querySelector(".kb-finder__results");
    if (!form || !status || !list) return;
    var show = parseInt(root.getAttribute("data-show"), 10) || 3;
    var weights = {};
    all(form, "fieldset[data-question]").forEach(function (fieldset) {
      weights[fieldset.getAttribute("data-question")] = parseInt(fieldset.getAttribute("data-weight"), 10) || 1;
    });
    var cards = all(list, "li[data-type]").map(function (card, index) {
      return { node: card, index: index, reasons: all(card, "li[data-answer]") };
    });
    var shown = false;

    function clear() {
      shown = false;
      list.hidden = true;
      if (heading) heading.hidden = true;
      say(status, "");
    }

    function update() {
      var checked = all(form, "input[type=radio]:checked");
      if (!checked.length) {
        list.hidden = true;
        if (heading) heading.hidden = true;
        say(status, message(labels, "unanswered"));
        return;
      }
      var chosen = {};
      var filters = [];
      checked.forEach(function (input) {
        chosen[input.name + "/" + input.value] = true;
        if (input.getAttribute("data-filter")) filters.push(input.getAttribute("data-filter"));
      });
      cards.forEach(function (card) {
        card.points = 0;
        card.reasons.forEach(function (reason) {
          var answer = reason.getAttribute("data-answer");
          var fits = chosen[answer] === true;
          reason.hidden = !fits;
          if (fits) card.points += weights[answer.split("/")[0]] || 1;
        });
      });
      /* Most points first; a tie keeps the order of the degree types table. */
      var ranked = cards.filter(function (card) { return card.points > 0; }).sort(function (a, b) {
        return b.points - a.points || a.index - b.index;
      }).slice(0, show);
      if (!ranked.length) {
        list.hidden = true;
        if (heading) heading.hidden = true;
        say(status, message(labels, "nothing"));
        return;
      }
      var best = new Set(ranked);
      ranked.concat(cards.filter(function (card) { return !best.has(card); })).forEach(function (card) {
        card.node.hidden = !best.has(card);
        list.appendChild(card.node);
        var narrowed = card.node.querySelector(".kb-finder__narrowed");
        var matching = card.node.querySelector("a.kb-finder__matching");
        if (narrowed && matching) {
          narrowed.hidden = !filters.length;
          matching.setAttribute("href", withFilters(matching.getAttribute("data-href") || "", filters));
        }
      });
      list.hidden = false;
      if (heading) heading.hidden = false;
      say(status, message(labels, "found", ranked.map(function (card) { return card.node.getAttribute("data-name"); })));
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      shown = true;
      update();
      /* The reader goes on to the results (the status has announced them). */
      if (heading && !heading.hidden) heading.focus();
    });
    form.addEventListener("change", function () { if (shown) update(); });
    afterReset(form, clear);
    form.hidden = false;
  }

  function selfCheck(root) {
    var labels = texts(root);
    var form = root.querySelector("form");
    var status = root.querySelector("[role=status]");
    if (!form || !status) return;
    var fieldsets = all(form, "fieldset[data-topic]");
    var sections = all(root, "section[data-topic]");

    function update() {
      var rated = 0, gaps = [], names = [];
      fieldsets.forEach(function (fieldset) {
        var checked = fieldset.querySelector("input[type=radio]:checked");
        if (!checked) return;
        rated += 1;
        if (checked.getAttribute("data-gap") === "true") {
          gaps.push(fieldset.getAttribute("data-topic"));
          names.push(fieldset.getAttribute("data-name"));
        }
      });
      sections.forEach(function (section) {
        section.hidden = gaps.indexOf(section.getAttribute("data-topic")) === -1;
      });
      if (!rated) say(status, message(labels, "unanswered"));
      else if (!gaps.length) say(status, message(labels, "none"));
      else say(status, message(labels, "found", names));
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", update);
    afterReset(form, update);
    form.hidden = false;
    update();
  }

  function init() {
    [["#kb-finder", finder], ["#kb-self-check", selfCheck]].forEach(function (pair) {
      var root = document.querySelector(pair[0]);
      if (!root || root.hasAttribute("data-kb-enhanced")) return;
      root.setAttribute("data-kb-enhanced", "");
      pair[1](root);
    });
  }

  window.kb.onEveryPage(init);
})();
