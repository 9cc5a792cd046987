"""Browser tests of the degree finder and the prerequisite self-check (finder.js).

Answers are chosen from data/finder.yml and every expected result is worked out from the data
with macros.finder.best_fits (the rule the page states), never written down here.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros import finder
from macros.validate import load_dataset

from .support import ROOT, assert_clean, axe_problems

pytestmark = pytest.mark.browser

FINDER = "degree-types/finder/"
SELF_CHECK = "admissions/self-check/"
STATUS = "[role=status]"


@pytest.fixture(scope="module")
def data():
    return load_dataset(ROOT)


def answer_sets(data) -> list[dict[str, str]]:
    """Answer sets that between them use every option of every question, plus a partial one."""
    questions = data.finder.questions
    widest = max(len(q.options) for q in questions)
    sets = [{q.id: q.options[(i + n) % len(q.options)].id for n, q in enumerate(questions)} for i in range(widest)]
    return sets + [{questions[0].id: questions[0].options[0].id}]


def choose(page: Page, answers: dict[str, str]) -> None:
    for question, option in answers.items():
        page.locator(f"#kb-finder-{question}-{option}").check()


def shown_cards(page: Page) -> list[str]:
    return page.eval_on_selector_all("#kb-finder li[data-type]:not([hidden])", "cards => cards.map(c => c.dataset.type)")


def filters_of(data, answers: dict[str, str]) -> dict[str, str]:
    found = {}
    for question in data.finder.questions:
        option = next((o for o in question.options if o.id == answers.get(question.id)), None)
        if option:
            found.update(finder.directory_query(option.directory))
    return found


def test_answers_show_the_degree_types_the_rules_give(page: Page, data, outside_requests, console_errors):
    page.goto(FINDER)
    order = [d.id for d in data.degree_types.degree_types]
    for answers in answer_sets(data):
        page.get_by_role("button", name="Clear answers").click()
        choose(page, answers)
        page.get_by_role("button", name="Show the degree types that fit").click()
        expected = finder.best_fits(data.finder, order, answers)
        assert expected, f"the rules give no fit for {answers}"
        assert shown_cards(page) == [f.degree_type for f in expected], answers
        names = [data.degree_type(f.degree_type).abbreviation for f in expected]
        expect(page.locator(f"#kb-finder {STATUS}")).to_have_text(
            finder.FINDER_MESSAGES["found"].replace("#", finder.SEPARATOR.join(names)))
        for fit in expected:
            card = page.locator(f"#kb-finder li[data-type='{fit.degree_type}']")
            assert card.locator("li[data-answer]:not([hidden])").all_inner_texts() == list(fit.reasons)
            if not data.programs_by_type.get(fit.degree_type):
                continue
            href = card.locator("a.kb-finder__matching").get_attribute("href")
            wanted = {"type": fit.degree_type, **filters_of(data, answers)}
            assert urlsplit(urljoin(page.url, href)).path == "/programs/"
            assert dict(parse_qsl(urlsplit(href).query)) == wanted
            expect(card.locator(".kb-finder__narrowed")).to_be_visible(visible=len(wanted) > 1)
    assert_clean(outside_requests, console_errors)


def test_changing_an_answer_updates_the_result_and_the_directory_link_filters(page: Page, data, outside_requests,
                                                                            console_errors):
    page.goto(FINDER)
    order = [d.id for d in data.degree_types.degree_types]
    answers = answer_sets(data)[0]
    choose(page, answers)
    page.get_by_role("button", name="Show the degree types that fit").click()
    filtered = next(q for q in data.finder.questions if any(o.directory for o in q.options))
    option = next(o for o in filtered.options if o.directory)
    answers[filtered.id] = option.id
    choose(page, {filtered.id: option.id})
    expected = finder.best_fits(data.finder, order, answers)
    expect(page.locator("#kb-finder li[data-type]:not([hidden])")).to_have_count(len(expected))
    assert shown_cards(page) == [f.degree_type for f in expected]
    card = page.locator(f"#kb-finder li[data-type='{expected[0].degree_type}']")
    query = dict(parse_qsl(urlsplit(card.locator("a.kb-finder__matching").get_attribute("href")).query))
    assert query == {"type": expected[0].degree_type, **filters_of(data, answers)}
    # The link opens the directory filtered by those keys.
    card.locator("a.kb-finder__matching").click()
    expect(page.locator(".kb-count[role=status]")).to_have_count(1)
    for key, value in query.items():
        if key in ("max", "currency"):
            continue
        assert page.locator(f"select[name='{key}']").input_value() == value
    assert_clean(outside_requests, console_errors)


def test_no_answer_and_no_fit_say_so(page: Page, data, outside_requests, console_errors):
    page.goto(FINDER)
    page.get_by_role("button", name="Show the degree types that fit").click()
    expect(page.locator(f"#kb-finder {STATUS}")).to_have_text(finder.FINDER_MESSAGES["unanswered"])
    expect(page.locator(".kb-finder__results")).to_be_hidden()
    # An answer no degree type lists (if the rules have one) gives no fit.
    listed = {f.answer for t in data.finder.degree_types for f in t.fits}
    unlisted = [(q.id, o.id) for q in data.finder.questions for o in q.options if f"{q.id}/{o.id}" not in listed]
    if unlisted:
        choose(page, dict([unlisted[0]]))
        page.get_by_role("button", name="Show the degree types that fit").click()
        expect(page.locator(f"#kb-finder {STATUS}")).to_have_text(finder.FINDER_MESSAGES["nothing"])
        expect(page.locator(".kb-finder__results")).to_be_hidden()
    page.get_by_role("button", name="Clear answers").click()
    expect(page.locator(f"#kb-finder {STATUS}")).to_have_text("")
    assert_clean(outside_requests, console_errors)


def test_the_finder_works_from_the_keyboard(page: Page, data, outside_requests, console_errors):
    page.goto(FINDER)
    first = data.finder.questions[0]
    page.locator(f"#kb-finder-{first.id}-{first.options[0].id}").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # radio groups move and select with the arrow keys
    expect(page.locator(f"#kb-finder-{first.id}-{first.options[1].id}")).to_be_checked()
    button = page.get_by_role("button", name="Show the degree types that fit")
    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(page.locator("#kb-finder-results")).to_be_focused()  # the results are next
    expected = finder.best_fits(data.finder, [d.id for d in data.degree_types.degree_types],
                                {first.id: first.options[1].id})
    expect(page.locator("#kb-finder li[data-type]:not([hidden])")).to_have_count(len(expected))
    assert shown_cards(page) == [f.degree_type for f in expected]
    assert_clean(outside_requests, console_errors)


def gaps_of(data, ratings: dict[str, str]) -> list[str]:
    gap = {r.id: r.gap for r in data.finder.ratings}
    return [t.topic for t in data.finder.topics if t.topic in ratings and gap[ratings[t.topic]]]


def test_the_self_check_shows_each_gap_with_its_routes_and_programs(page: Page, data, outside_requests,
                                                                   console_errors):
    page.goto(SELF_CHECK)
    expect(page.locator(f"#kb-self-check {STATUS}")).to_have_text(finder.SELF_CHECK_MESSAGES["unanswered"])
    expect(page.locator("#kb-self-check section[data-topic]:visible")).to_have_count(0)
    ratings = data.finder.ratings
    by_topic = finder.programs_by_topic(data.programs)
    for shift in range(len(ratings)):
        chosen = {t.topic: ratings[(i + shift) % len(ratings)].id for i, t in enumerate(data.finder.topics)}
        for topic, rating in chosen.items():
            page.locator(f"#kb-rate-{topic}-{rating}").check()
        gaps = gaps_of(data, chosen)
        visible = page.eval_on_selector_all("#kb-self-check section[data-topic]:not([hidden])",
                                            "s => s.map(x => x.dataset.topic)")
        assert visible == gaps
        status = page.locator(f"#kb-self-check {STATUS}")
        if gaps:
            names = finder.SEPARATOR.join(finder.fmt.label(t) for t in gaps)
            expect(status).to_have_text(finder.SELF_CHECK_MESSAGES["found"].replace("#", names))
        else:
            expect(status).to_have_text(finder.SELF_CHECK_MESSAGES["none"])
        for topic in gaps:
            section = page.locator(f"#kb-self-check section[data-topic='{topic}']")
            entry = next(t for t in data.finder.topics if t.topic == topic)
            routes = section.locator("a[href*='preparation/#']")
            assert [urlsplit(h).fragment for h in routes.evaluate_all("a => a.map(x => x.getAttribute('href'))")] == [
                r.section for r in entry.routes]
            if not section.locator("details").evaluate("d => d.open"):
                section.locator("summary").click()
            links = section.locator(".kb-self-check__programs a").evaluate_all("a => a.map(x => x.pathname)")
            assert sorted(links) == sorted(f"/programs/{slug}/" for slug in by_topic.get(topic, {}))
            expect(section.locator(".kb-self-check__programs")).to_be_visible()
    page.get_by_role("button", name="Clear answers").click()
    expect(page.locator(f"#kb-self-check {STATUS}")).to_have_text(finder.SELF_CHECK_MESSAGES["unanswered"])
    assert_clean(outside_requests, console_errors)


def test_a_preparation_route_opens_its_section(page: Page, data, outside_requests, console_errors):
    page.goto(SELF_CHECK)
    entry = data.finder.topics[0]
    gap = next(r for r in data.finder.ratings if r.gap)
    page.locator(f"#kb-rate-{entry.topic}-{gap.id}").check()
    page.locator(f"#kb-self-check section[data-topic='{entry.topic}'] a[href*='preparation/#']").first.click()
    expect(page).to_have_url(f"{page.url.split('admissions/')[0]}admissions/preparation/#{entry.routes[0].section}")
    expect(page.locator(f"[id='{entry.routes[0].section}']")).to_have_count(1)
    assert_clean(outside_requests, console_errors)


def test_without_javascript_the_rules_routes_and_programs_are_readable(browser, base_url, data, outside_requests):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(FINDER)
    expect(page.locator("#kb-finder form")).to_be_hidden()
    expect(page.locator(".kb-finder__results")).to_be_hidden()
    rules = page.get_by_role("table", name="The answers that fit each degree type, and why")
    expect(rules).to_be_visible()
    text = rules.inner_text()
    for entry in data.finder.degree_types:
        for fit in entry.fits:
            assert fit.reason in text
    expect(page.get_by_role("table", name="Answers that narrow the link into the program directory")).to_be_visible()
    page.goto(SELF_CHECK)
    expect(page.locator("#kb-self-check form")).to_be_hidden()
    for entry in data.finder.topics:
        section = page.locator(f"#kb-self-check section[data-topic='{entry.topic}']")
        expect(section).to_be_visible()
        for route in entry.routes:
            expect(section.get_by_role("link", name=route.label, exact=True)).to_be_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])
def test_both_tools_in_use_fit_narrow_screens_and_have_no_wcag_violations(browser, site_url, data, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    page.goto(site_url + FINDER)
    choose(page, answer_sets(data)[0])
    page.get_by_role("button", name="Show the degree types that fit").click()
    expect(page.locator(".kb-finder__results")).to_be_visible()
    # Away from the button: Material's hover colours (white on #526cfe, 4.25:1) are the theme's, on every button.
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, f"{FINDER} is {page_width}px wide at {width}px"
    problems[FINDER] = axe_problems(page)
    page.goto(site_url + SELF_CHECK)
    gap = next(r for r in data.finder.ratings if r.gap)
    for entry in data.finder.topics:
        page.locator(f"#kb-rate-{entry.topic}-{gap.id}").check()
    page.locator("#kb-self-check summary").first.click()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width, f"{SELF_CHECK} is {page_width}px wide at {width}px"
    problems[SELF_CHECK] = axe_problems(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}
