"""The degree finder and the prerequisite self-check: their forms, results and rules, from data/finder.yml.

Python formats, the scripts only arrange. Every question, answer, reason, link and message is
written here; ``assets/javascripts/finder.js`` reveals the forms, adds up the points of the checked
answers (each answer's question weight, on its fieldset), shows and orders the result cards built
here, and adds each checked answer's directory filters (a query string, on the answer) to the link
into the directory. Without JavaScript the forms stay hidden and the rules and every topic's
preparation routes and programs are readable on the page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from . import formatting as fmt
from . import models
from .dataset import Dataset
from .directory import DELIVERY_GROUPS
from .html import attr, link, table, text
from .paths import DIRECTORY_PAGE, PREPARATION_PAGE, doc_url, program_url, relative
from .tables import program_name, sources_cell

#: What the finder's live region says, with ``#`` for the names the script puts in.
FINDER_MESSAGES = {
    "unanswered": "Choose at least one answer, then show the degree types that fit.",
    "nothing": "None of the degree types is a fit for these answers alone. Say what you want the degree to "
               "lead to, or what your first degree is in.",
    "found": "The degree types that fit your answers best: #. Each is listed below with the reasons.",
}
#: What the self-check's live region says, with ``#`` for the topics the script puts in.
SELF_CHECK_MESSAGES = {
    "unanswered": "Rate yourself on each topic; your gaps and how to close them will appear below.",
    "none": "No gaps in the topics you rated. Check the programs on your list for any other topics they ask for.",
    "found": "Topics to work on: #. How to prepare for each, and the programs that ask for it, are below.",
}
#: How the script joins names in a message.
SEPARATOR = ", "


def answer_key(question: models.FinderQuestion, option: models.FinderOption) -> str:
    """The name the rules give an answer: 'aim/research'."""
    return f"{question.id}/{option.id}"


def directory_query(directory: models.DirectoryFilter | None) -> dict[str, str]:
    """An answer's filters as the directory's URL keys and values."""
    if directory is None:
        return {}
    return {key: str(value) for key, value in directory.model_dump(exclude_none=True).items()}


def filter_text(directory: models.DirectoryFilter) -> str:
    """What an answer's filters do, in words: 'Pace: Part-time; estimated total tuition up to $30,000'."""
    groups = {value: label for value, label, _ in DELIVERY_GROUPS}
    parts = []
    if directory.delivery:
        parts.append(f"Delivery: {groups.get(directory.delivery) or fmt.label(directory.delivery)}")
    if directory.pace:
        parts.append(f"Pace: {fmt.label(directory.pace)}")
    if directory.final:
        parts.append(f"Final project: {fmt.label(directory.final)}")
    if directory.max is not None and directory.currency:
        parts.append(f"Estimated total tuition up to {fmt.money(directory.max, directory.currency)}")
    return "; ".join(parts)


def plural(count: int, noun: str) -> str:
    """'1 program', '2 programs'."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


def points(weight: int) -> str:
    """'1 point', '2 points'."""
    return plural(weight, "point")


@dataclass(frozen=True)
class Fit:
    """A degree type's result for a set of answers: its points and the reasons of the answers that fit."""

    degree_type: str
    points: int
    reasons: tuple[str, ...]


def best_fits(finder: models.FinderFile, type_order: Sequence[str], answers: Mapping[str, str]) -> list[Fit]:
    """The degree types the finder shows for ``answers`` (question id -> option id).

    Each answer listed for a type gives it its question's weight; the ``finder.show`` types with the
    most points are shown, ties in ``type_order`` (the order of data/degree_types.yml); a type with no
    points is never shown. This is the rule the script follows and the page states.
    """
    weights = {q.id: q.weight for q in finder.questions}
    chosen = {f"{q}/{o}" for q, o in answers.items()}
    rules = {entry.degree_type: entry for entry in finder.degree_types}
    fits = []
    for type_id in type_order:
        if type_id not in rules:
            continue
        matched = [fit for fit in rules[type_id].fits if fit.answer in chosen]
        score = sum(weights[fit.answer.split("/", 1)[0]] for fit in matched)
        if score:
            fits.append(Fit(type_id, score, tuple(fit.reason for fit in matched)))
    fits.sort(key=lambda f: -f.points)  # stable: ties keep type_order
    return fits[: finder.show]


def _labels(messages: Mapping[str, str]) -> Markup:
    return attr(json.dumps({"messages": messages, "separator": SEPARATOR}, ensure_ascii=False))


def _radio(name: str, value: str, label: str, ident: str, extra: Mapping[str, str]) -> str:
    attributes = "".join(f' {key}="{attr(v)}"' for key, v in extra.items())
    return (f'<div class="kb-choice"><input type="radio" name="{attr(name)}" value="{attr(value)}" id="{attr(ident)}"'
            f'{attributes}><label for="{attr(ident)}">{text(label)}</label></div>')


def _type_order(dataset: Dataset) -> list[str]:
    return [d.id for d in dataset.degree_types.degree_types]


def _result_card(dataset: Dataset, entry: models.FinderType, page_url: str) -> str:
    degree = dataset.degree_type(entry.degree_type)
    programs = dataset.programs_by_type.get(degree.id, {})
    reasons = "".join(f'<li data-answer="{attr(fit.answer)}">{text(fit.reason)}</li>' for fit in entry.fits)
    about = link(relative(doc_url(degree.guide_page), page_url), f"About the {degree.abbreviation}", external=False)
    if programs:
        base = f"{relative(DIRECTORY_PAGE, page_url)}?{urlencode({'type': degree.id})}"
        every = f"all {plural(len(programs), 'program')} of this type"
        links = (f'<span class="kb-finder__narrowed" hidden><a class="kb-finder__matching" href="{attr(base)}" '
                 f'data-href="{attr(base)}">Programs of this type that match your answers</a> · </span>'
                 f"{link(base, every, external=False)} · ")
    else:
        links = f"{text('The directory lists no program of this type yet.')} "
    return (f'<li class="kb-finder__result" data-type="{attr(degree.id)}" data-name="{attr(degree.abbreviation)}">'
            f'<h3 class="kb-finder__title">{text(degree.title)} ({text(degree.abbreviation)})</h3>'
            f'<ul class="kb-finder__reasons">{reasons}</ul>'
            f"<p>{links}{about}</p></li>")


def finder_widget(dataset: Dataset, page_url: str) -> Markup:
    """The finder: its questions (a form the script reveals), a live region and one hidden result card per type."""
    finder = dataset.finder
    fieldsets = []
    for question in finder.questions:
        options = "".join(
            _radio(question.id, option.id, option.label, f"kb-finder-{question.id}-{option.id}",
                   {"data-filter": urlencode(directory_query(option.directory))} if option.directory else {})
            for option in question.options)
        fieldsets.append(f'<fieldset data-question="{attr(question.id)}" data-weight="{question.weight}">'
                         f"<legend>{text(question.question)}</legend>{options}</fieldset>")
    known = {entry.degree_type: entry for entry in finder.degree_types}
    cards = "".join(_result_card(dataset, known[type_id], page_url) for type_id in _type_order(dataset) if type_id in known)
    return Markup(
        f'<div class="kb-finder" id="kb-finder" data-labels="{_labels(FINDER_MESSAGES)}" data-show="{finder.show}">'
        f'<form class="kb-finder__form" aria-label="Degree finder questions" hidden>{"".join(fieldsets)}'
        '<p class="kb-finder__actions"><button type="submit" class="md-button">'
        'Show the degree types that fit</button> <button type="reset" class="md-button">Clear answers</button></p>'
        "</form>"
        '<p class="kb-count" role="status" aria-live="polite"></p>'
        '<h2 class="kb-finder__heading" id="kb-finder-results" tabindex="-1" hidden>Degree types that fit your answers</h2>'
        f'<ol class="kb-finder__results" aria-labelledby="kb-finder-results" hidden>{cards}</ol>'
        "</div>"
    )


def finder_rules(dataset: Dataset, page_url: str) -> Markup:
    """The finder's rules as tables: the answers that fit each degree type and why, and the directory filters."""
    finder = dataset.finder
    questions = {q.id: q for q in finder.questions}
    options = {answer_key(q, o): (q, o) for q in finder.questions for o in q.options}
    weights = sorted({q.weight for q in finder.questions}, reverse=True)
    by_weight = [f"{points(w)} for {' or '.join(q.name.lower() for q in finder.questions if q.weight == w)}"
                 for w in weights[:-1]]
    rule = (f"Each answer listed for a degree type gives it points: {', '.join(by_weight)}"
            f"{', and ' if by_weight else ''}{points(weights[-1])} for {'any other answer' if by_weight else 'each'}. "
            f"The finder shows the {finder.show} degree types with the most points; on a tie, the type listed first "
            "in the table of degree types comes first.")
    known = {entry.degree_type: entry for entry in finder.degree_types}
    rows = []
    for type_id in _type_order(dataset):
        if type_id not in known:
            continue
        degree = dataset.degree_type(type_id)
        items = []
        for fit in known[type_id].fits:
            question, option = options[fit.answer]
            items.append(f"<li><strong>{text(question.name)}: {text(option.label)}</strong> "
                         f"({text(points(question.weight))}). {text(fit.reason)}</li>")
        name = link(relative(doc_url(degree.guide_page), page_url), degree.abbreviation, external=False)
        rows.append([name, Markup(f'<ul>{"".join(items)}</ul>')])
    filters = [[f"{questions[q.id].name}: {o.label}", filter_text(o.directory)]
               for q in finder.questions for o in q.options if o.directory]
    return Markup(
        f"<p>{text(rule)}</p>"
        + table("The answers that fit each degree type, and why", ["Degree type", "Answers that fit it"], rows)
        + table("Answers that narrow the link into the program directory", ["Answer", "Directory filter"], filters)
    )


def programs_by_topic(programs: Mapping[str, models.Program]) -> dict[str, dict[str, models.Program]]:
    """Programs whose admissions ask for each prerequisite topic, in directory order."""
    found: dict[str, dict[str, models.Program]] = {}
    for slug, p in programs.items():
        prerequisites = p.admissions.prerequisites if p.admissions else None
        for topic in (prerequisites.topics if prerequisites else None) or []:
            found.setdefault(topic, {})[slug] = p
    return found


def topic_name(topic: str) -> str:
    """A topic's label as a heading: 'Linear algebra'."""
    label = fmt.label(topic)
    return label[:1].upper() + label[1:]


def _topic_section(entry: models.SelfCheckTopic, programs: Mapping[str, models.Program], page_url: str) -> str:
    page = relative(doc_url(PREPARATION_PAGE), page_url)
    routes = "".join(f"<li>{link(f'{page}#{route.section}', route.label, external=False)}: {text(route.summary)}</li>"
                     for route in entry.routes)
    label = fmt.label(entry.topic)
    if programs:
        items = "".join(f"<li>{link(relative(program_url(slug), page_url), program_name(p), external=False)}</li>"
                        for slug, p in sorted(programs.items(), key=lambda item: program_name(item[1]).casefold()))
        verb = "asks" if len(programs) == 1 else "ask"
        summary = f"{plural(len(programs), 'program')} in the directory {verb} for {label}"
        listed = (f"<details><summary>{text(summary)}</summary>"
                  f'<ul class="kb-self-check__programs">{items}</ul></details>')
    else:
        listed = f"<p>{text(f'No program in the directory lists {label} among its prerequisites yet.')}</p>"
    sources = f'<p class="kb-sources">Sources: {sources_cell(entry.sources)}</p>' if entry.sources else ""
    ident = f"kb-topic-{entry.topic}"
    return (f'<section class="kb-self-check__topic" data-topic="{attr(entry.topic)}" aria-labelledby="{attr(ident)}">'
            f'<h2 id="{attr(ident)}">{text(topic_name(entry.topic))}</h2>'
            f"<p><strong>What programs expect:</strong> {text(entry.expect)}</p>"
            f"<p><strong>How to prepare:</strong></p><ul>{routes}</ul>{listed}{sources}</section>")


def self_check(dataset: Dataset, page_url: str) -> Markup:
    """The self-check: a rating per topic (a form the script reveals), a live region, and every topic's section."""
    finder = dataset.finder
    fieldsets = []
    for entry in finder.topics:
        options = "".join(
            _radio(entry.topic, rating.id, rating.label, f"kb-rate-{entry.topic}-{rating.id}",
                   {"data-gap": "true" if rating.gap else "false"})
            for rating in finder.ratings)
        fieldsets.append(f'<fieldset data-topic="{attr(entry.topic)}" data-name="{attr(fmt.label(entry.topic))}">'
                         f"<legend>{text(topic_name(entry.topic))}</legend>{options}</fieldset>")
    by_topic = programs_by_topic(dataset.programs)
    sections = "".join(_topic_section(entry, by_topic.get(entry.topic, {}), page_url) for entry in finder.topics)
    return Markup(
        f'<div class="kb-self-check" id="kb-self-check" data-labels="{_labels(SELF_CHECK_MESSAGES)}">'
        f'<form class="kb-self-check__form" aria-label="Rate yourself" hidden>{"".join(fieldsets)}'
        '<p class="kb-finder__actions"><button type="reset" class="md-button">Clear answers</button></p></form>'
        '<p class="kb-count" role="status" aria-live="polite"></p>'
        f'<div class="kb-self-check__topics">{sections}</div>'
        "</div>"
    )
