/* Helpers shared by the guide's scripts (directory.js, shortlist.js, compare.js): loaded first on every page.
 *
 * Python formats, JavaScript only arranges: every label and display string the scripts show is
 * written by the build (macros/facts.py, macros/directory.py), either in a data-labels attribute
 * (JSON) next to the element a script enhances or in the JSON files the build writes (facts.json).
 * Nothing here formats a value.
 */
window.kb = window.kb || (function () {
  "use strict";

  /* document.createElement with attributes ("text" sets textContent) and children (nodes or text). */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === "text") node.textContent = props[key];
        else node.setAttribute(key, props[key]);
      });
    }
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* The labels the build wrote into an element's data-labels attribute, or {}. */
  function labels(node) {
    try {
      var parsed = JSON.parse((node && node.getAttribute("data-labels")) || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (e) {
      return {};
    }
  }

  /* In a copy opened from disk (file://) browsers refuse fetch(): a tool that needs the build's JSON
   * files says so in `container` (a paragraph with class `className`, text from its data-labels
   * "offline"), with a link to the same page on the hosted guide (the page's canonical address,
   * labelled "hosted"), instead of trying. Returns whether it did. */
  function offlineNotice(container, className) {
    if (window.location.protocol !== "file:") return false;
    var said = labels(container);
    var words = function (value) { return typeof value === "string" ? value : ""; };
    var notice = el("p", { "class": className, role: "status", text: words(said.offline) });
    var canonical = document.querySelector("link[rel=canonical]");
    if (canonical && /^https:\/\//.test(canonical.href) && words(said.hosted)) {
      notice.appendChild(document.createTextNode(" "));
      notice.appendChild(el("a", { href: canonical.href, text: words(said.hosted) }));
      notice.appendChild(document.createTextNode("."));
    }
    container.appendChild(notice);
    return true;
  }

  /* The box the build writes above a directory's table (macros/directory.py) for the scripts' search,
   * filters and shortlist link; the stylesheet keeps its room from the first paint, so the table does
   * not move when they arrive. Made here if a page lacks it. */
  function directoryControls(table) {
    var wrapper = table.closest(".kb-table") || table;
    var box = wrapper.previousElementSibling;
    if (!box || !box.classList.contains("kb-directory-controls")) {
      box = wrapper.parentNode.insertBefore(el("div", { "class": "kb-directory-controls" }), wrapper);
    }
    return box;
  }

  /* Run `init` once the page is ready: when Material's document$ emits (on every page change, were
   * navigation.instant turned on), otherwise when the document is ready. */
  function onEveryPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  /* Printing (print.css): links to this site are marked so that only links to other sites print
   * their address (whether a link is written relative or absolute), and every <details> prints
   * open; afterwards the ones the reader had closed close again. */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (link.origin === location.origin) link.setAttribute("data-kb-here", "");
    });
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-kb-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-kb-print-opened]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-kb-print-opened");
    });
  });

  return { el: el, labels: labels, offlineNotice: offlineNotice, directoryControls: directoryControls,
           onEveryPage: onEveryPage };
})();
