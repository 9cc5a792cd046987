"""The degree finder and the prerequisite self-check (macros.finder, data/finder.yml): model, checks, rendering."""

from __future__ import annotations

import copy
import dataclasses
import html
import re
from typing import get_args

import pytest
from pydantic import ValidationError

from macros import crosscheck, finder, models
from macros import formatting as fmt
from macros.directory import DELIVERY_GROUPS
from macros.loader import load_file
from macros.paths import PREPARATION_PAGE

from .support import ROOT, edit_yaml, errors_of

FINDER_YML = ROOT / "data" / "finder.yml"
RAW = load_file(FINDER_YML, "finder.yml")
PAGE = "degree-types/finder/"
SELF_CHECK_PAGE = "admissions/self-check/"


def raw() -> dict:
    return copy.deepcopy(dict(RAW))


def finder_error(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        models.FinderFile.model_validate(data)
    return str(caught.value)


def small_finder(show: int = 2) -> models.FinderFile:
    """Two questions (aim counts 2), three degree types: enough to check the rule by hand."""
    return models.FinderFile.model_validate({
        "show": show,
        "questions": [
            {"id": "aim", "name": "Aim", "question": "Aim?", "weight": 2,
             "options": [{"id": "research", "label": "Research"}, {"id": "work", "label": "Work"}]},
            {"id": "bg", "name": "Background", "question": "Background?",
             "options": [{"id": "cs", "label": "CS"}, {"id": "maths", "label": "Maths"}]},
        ],
        "degree_types": [
            {"degree_type": "a", "fits": [{"answer": "aim/work", "reason": "A works."}]},
            {"degree_type": "b", "fits": [{"answer": "bg/cs", "reason": "B codes."},
                                          {"answer": "aim/research", "reason": "B researches."}]},
            {"degree_type": "c", "fits": [{"answer": "bg/cs", "reason": "C codes."}]},
        ],
        "ratings": [{"id": "ok", "label": "OK", "gap": False}, {"id": "no", "label": "No", "gap": True}],
        "topics": [{"topic": "calculus", "expect": "Calculus.",
                    "routes": [{"section": "route-2-college-courses-for-credit", "label": "College", "summary": "S."}]}],
    })


def attributes(markup: str, tag: str, name: str) -> list[str]:
    """The values of one attribute on every ``tag`` element, in document order."""
    return [html.unescape(v) for v in re.findall(rf'<{tag}\b[^>]*\s{name}="([^"]*)"', markup)]


# --- The model ------------------------------------------------------------------------------


def test_the_repository_file_is_valid(dataset):
    assert dataset.finder.questions and dataset.finder.degree_types and dataset.finder.topics


def test_the_self_check_asks_for_the_four_topics_programs_ask_for_most(dataset):
    assert [t.topic for t in dataset.finder.topics] == ["programming", "calculus", "linear-algebra",
                                                       "probability-statistics"]


def test_directory_delivery_values_are_the_directorys():
    assert set(get_args(models.DirectoryDelivery)) == set(get_args(models.Delivery)) | {g[0] for g in DELIVERY_GROUPS}


@pytest.mark.parametrize("directory", [{"max": 30000}, {"currency": "USD"}, {"max": 30000, "currency": "usd"}, {},
                                       {"pace": "evenings"}, {"type": "ms-ml"}])
def test_a_directory_filter_must_be_complete_and_known(directory):
    data = raw()
    data["questions"][0]["options"][0]["directory"] = directory
    finder_error(data)


def test_max_and_currency_go_together():
    data = raw()
    data["questions"][0]["options"][0]["directory"] = {"max": 30000}
    assert "give max and currency together" in finder_error(data)


def test_an_option_id_is_used_once_per_question():
    data = raw()
    data["questions"][0]["options"][1]["id"] = data["questions"][0]["options"][0]["id"]
    assert "each answer id may appear once in a question; repeated: research" in finder_error(data)


@pytest.mark.parametrize("answer", ["aim", "aim/", "Aim/Research", "aim research", "aim/research/x"])
def test_an_answer_is_written_question_slash_option(answer):
    data = raw()
    data["degree_types"][0]["fits"][0]["answer"] = answer
    finder_error(data)


def test_ratings_need_a_gap_and_a_non_gap():
    data = raw()
    for rating in data["ratings"]:
        rating["gap"] = True
    assert "at least one with gap: true and one with gap: false" in finder_error(data)


def test_a_topic_must_be_a_prerequisite_topic():
    data = raw()
    data["topics"][0]["topic"] = "cooking"
    finder_error(data)


# --- Reference checks (make check) ----------------------------------------------------------


def test_unknown_degree_type_is_reported_at_its_line(project):
    edit_yaml(project / "data" / "finder.yml", lambda d: d["degree_types"][0].update(degree_type="ms-quantum"))
    found = [e for e in errors_of(project) if "finder.yml" in e]
    assert len(found) == 1
    assert re.match(r"data/finder\.yml:\d+: degree_types #1: degree_type: unknown degree type 'ms-quantum'; "
                    r"expected one of: mcs-ml, ", found[0]), found[0]


def test_unknown_answer_is_reported_with_the_choices(project):
    edit_yaml(project / "data" / "finder.yml", lambda d: d["degree_types"][1]["fits"][0].update(answer="aim/fame"))
    found = [e for e in errors_of(project) if "finder.yml" in e]
    assert len(found) == 1
    assert re.match(r"data/finder\.yml:\d+: degree_types #2: fits\[1\]\.answer: unknown answer 'aim/fame'; "
                    r"write question/option", found[0]), found[0]
    assert "aim/research" in found[0]


def test_an_answer_has_one_reason_per_degree_type(project):
    def repeat(d):
        d["degree_types"][0]["fits"].append(dict(d["degree_types"][0]["fits"][0]))
    edit_yaml(project / "data" / "finder.yml", repeat)
    assert any("is listed twice for this degree type" in e for e in errors_of(project))


def test_a_degree_type_and_a_question_are_listed_once(project):
    def repeat(d):
        d["degree_types"].append(copy.deepcopy(d["degree_types"][0]))
        d["questions"].append(copy.deepcopy(d["questions"][0]))
    edit_yaml(project / "data" / "finder.yml", repeat)
    errors = errors_of(project)
    assert any("degree_type: 'ms-ml' is used twice" in e for e in errors)
    assert any("id: 'aim' is used twice" in e for e in errors)


def test_a_route_must_name_a_section_of_the_preparation_page(project):
    edit_yaml(project / "data" / "finder.yml", lambda d: d["topics"][1]["routes"][0].update(section="route-9-magic"))
    found = [e for e in errors_of(project) if "finder.yml" in e]
    assert len(found) == 1
    assert f"routes[1].section: docs/{PREPARATION_PAGE} has no section 'route-9-magic'; expected one of: " in found[0]
    assert found[0].startswith("data/finder.yml:") and "topics #2" in found[0], found[0]


def test_every_route_section_is_a_heading_of_the_preparation_page(dataset):
    anchors = crosscheck.page_anchors((ROOT / "docs" / PREPARATION_PAGE).read_text(encoding="utf-8"))
    assert {r.section for t in dataset.finder.topics for r in t.routes} <= anchors


def test_page_anchors_follow_the_toc_extension():
    text = "# Title\n\n## Route 4: a bachelor's degree in AI or ML\n\n## Custom { #my-id }\n\n    # not a heading\n"
    assert crosscheck.page_anchors(text) == {"title", "route-4-a-bachelors-degree-in-ai-or-ml", "my-id"}


def test_every_answer_in_the_rules_exists_and_every_degree_type_has_rules(dataset):
    answers = {f"{q.id}/{o.id}" for q in dataset.finder.questions for o in q.options}
    assert {f.answer for t in dataset.finder.degree_types for f in t.fits} <= answers
    assert [t.degree_type for t in dataset.finder.degree_types] == [d.id for d in dataset.degree_types.degree_types]


# --- The rule -------------------------------------------------------------------------------


def test_best_fits_adds_weights_orders_by_points_and_keeps_ties_in_type_order():
    rules = small_finder(show=2)
    fits = finder.best_fits(rules, ["a", "b", "c"], {"aim": "research", "bg": "cs"})
    assert fits == [finder.Fit("b", 3, ("B codes.", "B researches.")), finder.Fit("c", 1, ("C codes.",))]
    assert [f.degree_type for f in finder.best_fits(rules, ["c", "b", "a"], {"bg": "cs"})] == ["c", "b"]


def test_best_fits_leaves_out_types_without_points_and_respects_show():
    rules = small_finder(show=1)
    assert finder.best_fits(rules, ["a", "b", "c"], {}) == []
    assert finder.best_fits(rules, ["a", "b", "c"], {"aim": "work"}) == [finder.Fit("a", 2, ("A works.",))]
    assert [f.degree_type for f in finder.best_fits(rules, ["a", "b", "c"], {"bg": "cs"})] == ["b"]


# --- Rendering ------------------------------------------------------------------------------


def test_the_finder_form_has_a_labelled_fieldset_per_question(dataset):
    markup = str(finder.finder_widget(dataset, PAGE))
    assert re.search(r'<form [^>]*hidden>', markup), "the form waits for the script"
    legends = [html.unescape(x) for x in re.findall(r"<legend>(.*?)</legend>", markup)]
    assert legends == [q.question for q in dataset.finder.questions]
    assert attributes(markup, "fieldset", "data-weight") == [str(q.weight) for q in dataset.finder.questions]
    ids = attributes(markup, "input", "id")
    assert ids == [f"kb-finder-{q.id}-{o.id}" for q in dataset.finder.questions for o in q.options]
    assert attributes(markup, "label", "for") == ids
    assert 'role="status" aria-live="polite"' in markup


def test_the_finder_answers_carry_their_directory_filters(dataset):
    markup = str(finder.finder_widget(dataset, PAGE))
    for question in dataset.finder.questions:
        for option in question.options:
            tag = re.search(rf'<input [^>]*id="kb-finder-{question.id}-{option.id}"[^>]*>', markup).group(0)
            found = attributes(tag, "input", "data-filter")
            if option.directory:
                assert found == [finder.urlencode(finder.directory_query(option.directory))]
            else:
                assert found == []


def test_the_finder_has_a_hidden_card_per_degree_type_with_every_reason_and_links(dataset):
    markup = str(finder.finder_widget(dataset, PAGE))
    assert attributes(markup, "li", "data-type") == [t.degree_type for t in dataset.finder.degree_types]
    assert attributes(markup, "li", "data-answer") == [f.answer for t in dataset.finder.degree_types for f in t.fits]
    for entry in dataset.finder.degree_types:
        card = re.search(rf'<li class="kb-finder__result" data-type="{entry.degree_type}".*?</ul><p>.*?</p></li>',
                         markup).group(0)
        for fit in entry.fits:
            assert fit.reason in html.unescape(card)
        if dataset.programs_by_type.get(entry.degree_type):
            assert f'data-href="../../programs/?type={entry.degree_type}"' in card
            count = len(dataset.programs_by_type[entry.degree_type])
            assert f">all {count} program" in card
        guide = dataset.degree_type(entry.degree_type).guide_page.removesuffix(".md")
        assert f'href="../{guide.split("/", 1)[1]}/"' in card


def test_a_degree_type_without_programs_says_so_and_has_no_directory_link(dataset):
    markup = str(finder.finder_widget(dataclasses.replace(dataset, programs={}), PAGE))
    assert "The directory lists no program of this type yet." in markup
    assert "kb-finder__matching" not in markup


def test_data_text_is_escaped(dataset):
    data = raw()
    data["degree_types"][0]["fits"][0]["reason"] = "<script>alert(1)</script> {{ x }}"
    data["questions"][0]["options"][0]["label"] = "<b>bold</b>"
    data["topics"][0]["expect"] = "<i>x</i>"
    changed = dataclasses.replace(dataset, finder=models.FinderFile.model_validate(data))
    for markup in (finder.finder_widget(changed, PAGE), finder.finder_rules(changed, PAGE),
                   finder.self_check(changed, SELF_CHECK_PAGE)):
        assert not re.search(r"<(script|b|i)>", str(markup)) and "{{" not in str(markup)


def test_the_rules_tables_list_every_fit_and_filter(dataset):
    markup = html.unescape(str(finder.finder_rules(dataset, PAGE)))
    weights = {q.id: q.weight for q in dataset.finder.questions}
    for entry in dataset.finder.degree_types:
        for fit in entry.fits:
            question = next(q for q in dataset.finder.questions if q.id == fit.answer.split("/")[0])
            option = next(o for o in question.options if f"{question.id}/{o.id}" == fit.answer)
            points = finder.points(weights[question.id])
            assert f"{question.name}: {option.label} ({points}). {fit.reason}" in re.sub(r"<[^>]+>", "", markup)
    assert f"shows the {dataset.finder.show} degree types with the most points" in markup
    assert "2 points for aim, and 1 point for any other answer" in markup
    assert "Estimated total tuition up to $30,000" in markup and "Pace: Part-time" in markup
    assert "Delivery: Online, including low residency" in markup and "Final project: Thesis" in markup


def test_filter_text_describes_each_filter():
    assert finder.filter_text(models.DirectoryFilter(max=60000, currency="EUR", final="capstone")) == (
        "Final project: Capstone; Estimated total tuition up to €60,000")


def test_programs_by_topic_reads_admissions_prerequisites(dataset):
    by_topic = finder.programs_by_topic(dataset.programs)
    for slug, p in dataset.programs.items():
        topics = (p.admissions.prerequisites.topics if p.admissions and p.admissions.prerequisites else None) or []
        for topic in get_args(models.Topic):
            assert (slug in by_topic.get(topic, {})) == (topic in topics)


def test_the_self_check_rates_each_topic_and_lists_routes_and_programs(dataset):
    markup = str(finder.self_check(dataset, SELF_CHECK_PAGE))
    topics = [t.topic for t in dataset.finder.topics]
    assert [html.unescape(x) for x in re.findall(r"<legend>(.*?)</legend>", markup)] == [
        finder.topic_name(t) for t in topics]
    assert attributes(markup, "input", "data-gap") == [
        "true" if r.gap else "false" for _ in topics for r in dataset.finder.ratings]
    assert attributes(markup, "section", "data-topic") == topics
    by_topic = finder.programs_by_topic(dataset.programs)
    for entry in dataset.finder.topics:
        section = re.search(rf'<section [^>]*data-topic="{entry.topic}".*?</section>', markup).group(0)
        for route in entry.routes:
            assert f'href="../preparation/#{route.section}"' in section
        listed = section.split("kb-self-check__programs", 1)[1].split("</ul>", 1)[0]
        links = attributes(listed, "a", "href")
        assert sorted(links) == sorted(f"../../programs/{slug}/" for slug in by_topic[entry.topic])
        label = fmt.label(entry.topic)
        assert f"{len(by_topic[entry.topic])} programs in the directory ask for {label}" in html.unescape(section)
    assert re.search(r'<form [^>]*hidden>', markup)
    assert "<section" in markup and "hidden" not in re.search(r"<section [^>]*>", markup).group(0)


def test_the_pages_call_the_macros():
    assert "{{ degree_finder() }}" in (ROOT / "docs" / "degree-types" / "finder.md").read_text(encoding="utf-8")
    assert "{{ degree_finder_rules() }}" in (ROOT / "docs" / "degree-types" / "finder.md").read_text(encoding="utf-8")
    assert "{{ prerequisite_self_check() }}" in (ROOT / "docs" / "admissions" / "self-check.md").read_text(
        encoding="utf-8")
