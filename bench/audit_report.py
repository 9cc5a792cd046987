"""The `make audit` report: Lighthouse results in, one Markdown report out (no I/O).

Per page: the four category scores against the budget (performance at least 95; accessibility,
best practices and SEO 100), pass or fail, and for every category that misses, what Lighthouse
lists as the reasons with its own measured figures: the metrics, where the main thread's time went
(by kind of work, by script, the long tasks), the opportunities (estimated savings) and the
diagnostics for performance; the failing audits for the other three.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Lighthouse category id -> (heading, the lowest score that meets the budget).
BUDGET = {
    "performance": ("Performance", 95),
    "accessibility": ("Accessibility", 100),
    "best-practices": ("Best practices", 100),
    "seo": ("SEO", 100),
}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")
#: How many reasons to list per missed category, items to quote per failing audit, characters per item.
TOP = 6
ITEMS_SHOWN = 2
ITEM_CHARS = 160


@dataclass(frozen=True)
class PageResult:
    """One audited page: its name, the URL audited and Lighthouse's JSON result (lhr)."""

    name: str
    url: str
    lhr: Mapping


def score(lhr: Mapping, category: str) -> int | None:
    """A category's score out of 100, or None when Lighthouse could not score it."""
    value = lhr.get("categories", {}).get(category, {}).get("score")
    return None if value is None else round(value * 100)


def meets_budget(lhr: Mapping, category: str) -> bool:
    value = score(lhr, category)
    return value is not None and value >= BUDGET[category][1]


def passes(lhr: Mapping) -> bool:
    """Whether a page meets the budget in all four categories."""
    return all(meets_budget(lhr, category) for category in BUDGET)


def _audit_ids(lhr: Mapping, category: str) -> list[str]:
    return [ref["id"] for ref in lhr.get("categories", {}).get(category, {}).get("auditRefs", [])]


def _describe(audit: Mapping) -> str:
    shown = audit.get("displayValue")
    return f"{audit.get('title', audit.get('id', '?'))}" + (f": {shown}" if shown else "")


def _savings_ms(audit: Mapping) -> float:
    details = audit.get("details") or {}
    return float(details.get("overallSavingsMs") or 0) or float((audit.get("metricSavings") or {}).get("LCP") or 0)


def _resource(url: str) -> str:
    """A script's file name (the page itself by its path), as short as it stays clear."""
    path = url.split("?", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[-1] if path.endswith(".js") else (url or "?")


def _items(lhr: Mapping, audit_id: str) -> list[Mapping]:
    return list(((lhr.get("audits", {}).get(audit_id) or {}).get("details") or {}).get("items") or [])


def main_thread(lhr: Mapping) -> list[str]:
    """Where the main thread's time went (Lighthouse's throttled figures): by kind of work, by script,
    and the long tasks with the script each is charged to; what makes the blocking time."""
    lines = []
    kinds = _items(lhr, "mainthread-work-breakdown")
    if kinds:
        lines.append("Main thread by kind of work: " + "; ".join(
            f"{item.get('groupLabel', item.get('group', '?'))} {item.get('duration', 0):,.0f} ms" for item in kinds[:TOP]))
    scripts = _items(lhr, "bootup-time")
    if scripts:
        lines.append("Main thread by script (total, of which script evaluation): " + "; ".join(
            f"{_resource(item.get('url', ''))} {item.get('total', 0):,.0f} ms ({item.get('scripting', 0):,.0f} ms)"
            for item in scripts[:TOP]))
    tasks = _items(lhr, "long-tasks")
    if tasks:
        lines.append(f"Long tasks ({len(tasks)}): " + "; ".join(
            f"{_resource(item.get('url', ''))} {item.get('duration', 0):,.0f} ms" for item in tasks[:TOP]))
    return lines


def performance_reasons(lhr: Mapping) -> list[str]:
    """The metrics, where the main thread's time went, then opportunities by estimated savings, then
    diagnostics that do not pass."""
    audits = lhr.get("audits", {})
    lines = ["Metrics (score out of 1): " + "; ".join(
        f"{audits[m].get('title', m)} {audits[m].get('displayValue', '?')}"
        + (f" ({audits[m]['score']:.2f})" if isinstance(audits[m].get("score"), (int, float)) else "")
        for m in METRICS if m in audits)]
    lines += main_thread(lhr)
    opportunities, diagnostics = [], []
    for audit_id in _audit_ids(lhr, "performance"):
        audit = audits.get(audit_id, {})
        if audit_id in METRICS or audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative", "error"):
            continue
        if audit.get("score") is None or audit["score"] >= 0.9:
            continue
        details = audit.get("details") or {}
        if details.get("type") == "opportunity" and _savings_ms(audit) > 0:
            opportunities.append(audit)
        else:
            diagnostics.append(audit)
    opportunities.sort(key=_savings_ms, reverse=True)
    diagnostics.sort(key=lambda a: a.get("score") or 0)
    lines += [f"Opportunity: {_describe(a)}" for a in opportunities[:TOP]]
    lines += [f"Diagnostic: {_describe(a)}" for a in diagnostics[:TOP]]
    return lines


def failing_audits(lhr: Mapping, category: str) -> list[str]:
    """The audits of a category that do not pass, with their figures (items counted)."""
    audits = lhr.get("audits", {})
    found = []
    for audit_id in _audit_ids(lhr, category):
        audit = audits.get(audit_id, {})
        if audit.get("scoreDisplayMode") not in ("binary", "numeric", "metricSavings"):
            continue
        if audit.get("score") is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            shown = "; ".join(f"`{_item_text(item)}`" for item in items[:ITEMS_SHOWN])
            found.append(_describe(audit) + (f" ({len(items)} items: {shown})" if items else ""))
    return found[:TOP]


def _item_text(item: Mapping) -> str:
    """What one item of a failing audit is about: the message, else the element, else the URL."""
    node = item.get("node") if isinstance(item.get("node"), Mapping) else {}
    text = item.get("description") or node.get("snippet") or node.get("nodeLabel") or item.get("url") or "?"
    text = " ".join(str(text).split()).replace("`", "'")
    return text if len(text) <= ITEM_CHARS else text[:ITEM_CHARS - 1] + "…"


def errored_audits(lhr: Mapping) -> list[str]:
    """Audits Lighthouse could not run (e.g. trace audits on a newer Chromium), by id."""
    return sorted(a_id for a_id, a in lhr.get("audits", {}).items() if a.get("scoreDisplayMode") == "error")


def transferred(lhr: Mapping) -> str:
    """The bytes the page's load transferred (compressed), as Lighthouse counted them, in KB."""
    value = lhr.get("audits", {}).get("total-byte-weight", {}).get("numericValue")
    return "?" if value is None else f"{value / 1000:.0f} KB"


def render(results: Iterable[PageResult], header: Mapping[str, str]) -> str:
    """The whole report: a summary table, then the reasons for every miss."""
    results = list(results)
    lines = ["# Lighthouse audit", ""]
    lines += [f"- {key}: {value}" for key, value in header.items()]
    budget = ", ".join(f"{name} >= {least}" for name, least in BUDGET.values())
    lines += [f"- Budget: {budget}", ""]
    lines.append("| page | " + " | ".join(name for name, _ in BUDGET.values()) + " | budget | transferred |")
    lines.append("|---|" + "---:|" * len(BUDGET) + "---|---:|")
    for result in results:
        cells = []
        for category in BUDGET:
            value = score(result.lhr, category)
            mark = "" if meets_budget(result.lhr, category) else " ✗"
            cells.append(("n/a" if value is None else str(value)) + mark)
        verdict = "pass" if passes(result.lhr) else "**fail**"
        lines.append(f"| [{result.name}]({result.url}) | " + " | ".join(cells) + f" | {verdict} | {transferred(result.lhr)} |")
    passed = sum(passes(r.lhr) for r in results)
    lines += ["", f"{passed} of {len(results)} pages meet the budget.", ""]
    for result in results:
        if passes(result.lhr):
            continue
        lines += [f"## {result.name}: what Lighthouse lists", ""]
        for category, (name, least) in BUDGET.items():
            if meets_budget(result.lhr, category):
                continue
            lines.append(f"**{name} {score(result.lhr, category)} (budget {least})**")
            lines.append("")
            reasons = performance_reasons(result.lhr) if category == "performance" else failing_audits(
                result.lhr, category)
            lines += [f"- {reason}" for reason in reasons] or ["- (Lighthouse lists no failing audit)"]
            lines.append("")
    errored = sorted({a for r in results for a in errored_audits(r.lhr)})
    if errored:
        lines += ["Audits Lighthouse could not run on this newer Chromium (shown as errors in its report): "
                  + ", ".join(errored) + ".", ""]
    return "\n".join(lines)
