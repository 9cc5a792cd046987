/* Helpers shared by the guide's scripts (directory.js, compare.js): loaded first on every page.
 *
 * Labels are not written here: the build puts them in a data-labels attribute (JSON) next to the
 * element a script enhances, from the same Python tables the pages use (macros/formatting.py).
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

  /* Money as the pages write it (macros/formatting.py): "$20,513", "£23,900", "SEK 1,500", "$241.90".
   * `digits` forces a number of decimals (0 for rounded totals). */
  function money(amount, currency, symbols, digits) {
    if (digits === undefined) digits = Number.isInteger(amount) ? 0 : 2;
    var text = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
    var symbol = (symbols || {})[currency];
    return symbol ? symbol + text : currency + " " + text;
  }

  /* Run `init` on every page: with Material's instant navigation on each page change (document$),
   * otherwise once the document is ready. */
  function onEveryPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  return { el: el, labels: labels, money: money, onEveryPage: onEveryPage };
})();
