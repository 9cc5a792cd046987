"""The `make audit` report: scores against the budget, and Lighthouse's own reasons for every miss."""

from __future__ import annotations

from bench.audit_report import (PageResult, errored_audits, failing_audits, main_thread, passes, performance_reasons,
                                render)


def lhr(performance=0.98, accessibility=1.0, best_practices=1.0, seo=1.0, audits=None, refs=None) -> dict:
    """A Lighthouse result with these category scores (0 to 1) and audits."""
    refs = refs or {}
    return {
        "categories": {
            "performance": {"score": performance, "auditRefs": [{"id": a} for a in refs.get("performance", [])]},
            "accessibility": {"score": accessibility, "auditRefs": [{"id": a} for a in refs.get("accessibility", [])]},
            "best-practices": {"score": best_practices, "auditRefs": [{"id": a} for a in refs.get("best-practices", [])]},
            "seo": {"score": seo, "auditRefs": []},
        },
        "audits": audits or {},
    }


SLOW = lhr(
    performance=0.81,
    accessibility=0.97,
    refs={"performance": ["first-contentful-paint", "unused-css-rules", "unminified-javascript", "mainthread-work",
                          "layout-shifts", "dom-size"],
          "accessibility": ["target-size", "color-contrast"]},
    audits={
        "first-contentful-paint": {"title": "First Contentful Paint", "displayValue": "2.4 s", "score": 0.7,
                                   "scoreDisplayMode": "numeric"},
        "unused-css-rules": {"title": "Reduce unused CSS", "displayValue": "Potential savings of 16 KiB", "score": 0.5,
                             "scoreDisplayMode": "metricSavings",
                             "details": {"type": "opportunity", "overallSavingsMs": 150}},
        "unminified-javascript": {"title": "Minify JavaScript", "displayValue": "Potential savings of 9 KiB",
                                  "score": 0.4, "scoreDisplayMode": "metricSavings",
                                  "details": {"type": "opportunity", "overallSavingsMs": 600}},
        "mainthread-work": {"title": "Minimize main-thread work", "displayValue": "3.3 s", "score": 0.2,
                            "scoreDisplayMode": "numeric"},
        "dom-size": {"title": "Avoid an excessive DOM size", "displayValue": "900 elements", "score": 1,
                     "scoreDisplayMode": "numeric"},
        "layout-shifts": {"title": "Avoid large layout shifts", "scoreDisplayMode": "error", "score": None},
        "target-size": {"title": "Touch targets are too small", "score": 0, "scoreDisplayMode": "binary",
                        "details": {"items": [{"node": {"snippet": '<button class="kb-star">'}}]}},
        "color-contrast": {"title": "Contrast is enough", "score": 1, "scoreDisplayMode": "binary"},
    },
)


def test_a_page_passes_only_when_all_four_categories_meet_the_budget():
    assert passes(lhr())
    assert passes(lhr(performance=0.95))
    assert not passes(lhr(performance=0.94))
    assert not passes(lhr(seo=0.99))
    assert not passes(lhr(best_practices=None))


def test_performance_reasons_give_the_metrics_then_opportunities_by_savings_then_diagnostics():
    reasons = performance_reasons(SLOW)
    assert reasons[0] == "Metrics (score out of 1): First Contentful Paint 2.4 s (0.70)"
    assert reasons[1:] == [
        "Opportunity: Minify JavaScript: Potential savings of 9 KiB",
        "Opportunity: Reduce unused CSS: Potential savings of 16 KiB",
        "Diagnostic: Minimize main-thread work: 3.3 s",
    ]


def test_a_performance_miss_says_which_scripts_and_long_tasks_took_the_main_thread():
    busy = lhr(performance=0.89, refs={"performance": ["total-blocking-time"]}, audits={
        "total-blocking-time": {"title": "Total Blocking Time", "displayValue": "400 ms", "score": 0.67,
                                "scoreDisplayMode": "numeric"},
        "mainthread-work-breakdown": {"details": {"items": [
            {"group": "styleLayout", "groupLabel": "Style & Layout", "duration": 1048.4},
            {"group": "scriptEvaluation", "groupLabel": "Script Evaluation", "duration": 632}]}},
        "bootup-time": {"details": {"items": [
            {"url": "http://127.0.0.1:8000/assets/javascripts/bundle.a5f9d56c.min.js?v=1", "total": 1632, "scripting": 577},
            {"url": "http://127.0.0.1:8000/costs/", "total": 363.2, "scripting": 34}]}},
        "long-tasks": {"details": {"items": [
            {"url": "http://127.0.0.1:8000/assets/javascripts/bundle.a5f9d56c.min.js", "duration": 363},
            {"url": "Unattributable", "duration": 119}]}},
    })
    assert main_thread(busy) == [
        "Main thread by kind of work: Style & Layout 1,048 ms; Script Evaluation 632 ms",
        "Main thread by script (total, of which script evaluation): bundle.a5f9d56c.min.js 1,632 ms (577 ms); "
        "http://127.0.0.1:8000/costs/ 363 ms (34 ms)",
        "Long tasks (2): bundle.a5f9d56c.min.js 363 ms; Unattributable 119 ms",
    ]
    reasons = performance_reasons(busy)
    assert reasons[0].startswith("Metrics (score out of 1): Total Blocking Time 400 ms")
    assert reasons[1:4] == main_thread(busy)
    assert main_thread(lhr()) == [], "nothing is said when Lighthouse gives no breakdown"


def test_failing_audits_quote_what_failed():
    assert failing_audits(SLOW, "accessibility") == [
        'Touch targets are too small (1 items: `<button class="kb-star">`)']


def test_errored_audits_are_named():
    assert errored_audits(SLOW) == ["layout-shifts"]


def test_report_has_one_row_per_page_and_explains_only_the_misses():
    home = lhr(audits={"total-byte-weight": {"numericValue": 156_400, "scoreDisplayMode": "numeric", "score": 1}})
    report = render([PageResult("Home", "/", home), PageResult("Directory", "/programs/", SLOW)],
                    {"Lighthouse": "12.2.3"})
    assert "- Lighthouse: 12.2.3" in report
    assert "| [Home](/) | 98 | 100 | 100 | 100 | pass | 156 KB |" in report
    assert "| [Directory](/programs/) | 81 ✗ | 97 ✗ | 100 | 100 | **fail** | ? |" in report
    assert "1 of 2 pages meet the budget." in report
    assert "## Home" not in report
    assert "## Directory: what Lighthouse lists" in report
    assert "**Performance 81 (budget 95)**" in report
    assert "**Accessibility 97 (budget 100)**" in report
    assert "- Opportunity: Minify JavaScript: Potential savings of 9 KiB" in report
    assert "could not run on this newer Chromium (shown as errors in its report): layout-shifts." in report
