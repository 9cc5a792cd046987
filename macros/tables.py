"""Comparison tables and lists built from validated data. Pure functions: models in, HTML out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import islice
from urllib.parse import urlencode

from markupsafe import Markup

from . import formatting as fmt
from . import models
from .derived import credit_ranges, length_range, total_costs
from .html import definitions, details, host, join, link, table, text
from .paths import DIRECTORY_PAGE, doc_url, program_url, relative

#: A guide page names at most this many programs in one list; the rest are one link to the directory, filtered to
#: them, so a page stays the same size however large the directory grows.
NAMED_PROGRAMS = 30


def sources_cell(sources: Sequence[models.Source]) -> Markup:
    """Links to each source, labelled by host, with the date read."""
    seen: dict[str, Markup] = {}
    for source in sources:
        if source.url not in seen:
            label = host(source.url)
            seen[source.url] = Markup(
                f'{link(source.url, label)} <span class="kb-date">({text(source.accessed.isoformat())})</span>'
            )
    return Markup("<br>").join(seen.values())


def program_name(program: models.Program) -> str:
    """How the guide names a program wherever it lists several: 'University: Title'."""
    return f"{program.university}: {program.title}"


def program_link(slug: str, program: models.Program, page_url: str = "") -> Markup:
    """Link from the page at ``page_url`` to a program's page in this site."""
    return link(relative(program_url(slug), page_url), program_name(program), external=False)


def _programs(count: int) -> str:
    return f"{count} program{'s' if count != 1 else ''}"


def credit_lines(programs: Sequence[models.Program]) -> Markup:
    """'30–36 credit hours (8 programs);<br>120 ECTS credits (3 programs)': one line per unit, from the listed programs."""
    return Markup("; <br>").join(text(f"{fmt.credits(r)} ({_programs(n)})") for r, n in credit_ranges(programs))


def typical_length(programs: Sequence[models.Program]) -> str:
    """'12–24 months (9 programs)', from the listed programs."""
    found, count = length_range(programs)
    return f"{fmt.months(found)} ({_programs(count)})" if found else ""


DEGREE_TYPE_HEADERS = ["Degree type", "Abbreviation", "Orientation", "Credits of listed programs",
                       "Length of listed programs", "Programs listed"]


def degree_type_anchor(degree_type: models.DegreeType) -> str:
    """The id of a degree type's details on the degree-types page."""
    return f"degree-type-{degree_type.id}"


def degree_types_table(degree_types: Sequence[models.DegreeType],
                       programs_by_type: Mapping[str, Mapping[str, models.Program]], page_url: str = "") -> Markup:
    """Every degree type side by side in short facts, then each type's focus, fit and sources to open.

    The table holds what a reader scans (the type, linked to the guide page that explains it, its
    abbreviation and orientation, the credits, length and number of the listed programs); the
    sentences and sources follow, one closed ``<details>`` per type, so no cell holds a paragraph.
    """
    rows, cards = [], []
    for d in degree_types:
        programs = list(programs_by_type.get(d.id, {}).values())
        guide = relative(doc_url(d.guide_page), page_url)
        rows.append([link(guide, d.title, external=False), d.abbreviation, fmt.label(d.orientation),
                     credit_lines(programs) or "Not stated", typical_length(programs) or "Not stated",
                     str(len(programs))])
        facts = definitions([("Focus", d.focus), ("Who it fits", d.fits), ("Sources", sources_cell(d.sources))],
                            css_class="kb-facts")
        more = link(guide, f"More about the {d.abbreviation}", external=False)
        body = facts + Markup(f'<p class="kb-meta">{more}</p>')
        cards.append(details(f"{d.title} ({d.abbreviation})", body, ident=degree_type_anchor(d),
                             css_class="kb-degree-type"))
    listing = table("Types of machine learning master's degrees", DEGREE_TYPE_HEADERS, rows, table_id="degree-types")
    if not rows:
        return listing
    return listing + Markup(f'<div class="kb-degree-types">{"".join(cards)}</div>')


def more_programs(count: int, directory_filter: Mapping[str, str], page_url: str = "") -> Markup:
    """A link to the directory filtered to the programs a list leaves unnamed ("" when none are left out)."""
    hidden = count - NAMED_PROGRAMS
    if hidden <= 0:
        return Markup("")
    query = f"?{urlencode(directory_filter)}" if directory_filter else ""
    return link(relative(DIRECTORY_PAGE, page_url) + query, f"and {hidden} more in the directory", external=False)


def programs_list(programs: Mapping[str, models.Program], page_url: str = "", empty: str = "",
                  directory_filter: Mapping[str, str] | None = None) -> Markup:
    """A bulleted list of links to program pages: the first ``NAMED_PROGRAMS``, then a link to the directory
    filtered by ``directory_filter`` (its URL keys, e.g. ``{"type": "ms-ml"}``) for the rest."""
    if not programs:
        return Markup(f'<p class="kb-empty">{text(empty or "No programs of this kind are listed yet.")}</p>')
    items = "".join(f"<li>{program_link(slug, p, page_url)}</li>"
                    for slug, p in islice(programs.items(), NAMED_PROGRAMS))
    if more := more_programs(len(programs), directory_filter or {}, page_url):
        items += f"<li>{more}</li>"
    return Markup(f'<ul class="kb-programs">{items}</ul>')


def careers_table(careers: models.CareersFile) -> Markup:
    """Roles with what they do, typical entry education, pay and growth, each with its period."""
    tracks = {t.id: t.name for t in careers.tracks}
    rows = []
    for role in careers.roles:
        pay = f"{fmt.money(role.median_pay.amount)} ({role.median_pay.period})" if role.median_pay else "Not stated"
        growth = f"{fmt.number(role.growth.percent)}% ({role.growth.period})" if role.growth else "Not stated"
        jobs = f"{fmt.number(role.employment.count)} ({role.employment.year})" if role.employment else "Not stated"
        education = fmt.label(role.entry_education) if role.entry_education else "Not stated"
        rows.append([role.title, role.summary, tracks.get(role.track, role.track), education, pay, jobs, growth,
                     sources_cell(role.sources)])
    headers = ["Role", "What the work involves", "Track", "Typical entry education", "Median pay per year",
               "Jobs in the U.S.", "Projected job growth", "Sources"]
    return table("Careers open to machine learning graduates", headers, rows, table_id="careers")


def outcome_reports_table(programs: Mapping[str, models.Program], page_url: str = "") -> Markup:
    """Programs whose school publishes a report on its graduates: the report, the year and the cohort it covers."""
    listed = {slug: p for slug, p in programs.items() if p.outcomes_report}
    if not listed:
        return Markup('<p class="kb-empty">No program in the directory has an official outcomes report on record '
                      "yet.</p>")
    rows = [[program_link(slug, p, page_url), link(p.outcomes_report.url, p.outcomes_report.title),
             p.outcomes_report.year, p.outcomes_report.cohort] for slug, p in listed.items()]
    return table("Official outcomes reports", ["Program", "Report", "Year", "Graduates covered"], rows)


def tracks_list(careers: models.CareersFile) -> Markup:
    """Career tracks as a definition list with the roles of each."""
    items = []
    for track in careers.tracks:
        roles = [r.title for r in careers.roles if r.track == track.id]
        role_text = Markup(f'<br><span class="kb-meta">Roles: {join(roles)}</span>') if roles else Markup("")
        items.append(f"<dt>{text(track.name)}</dt><dd>{text(track.summary)}{role_text}"
                     f'<br><span class="kb-meta">Sources: {sources_cell(track.sources)}</span></dd>')
    return Markup(f'<dl class="kb-list">{"".join(items)}</dl>')


def curriculum_table(curriculum: models.CurriculumFile, programs: Mapping[str, models.Program], page_url: str = "") -> Markup:
    """The core areas with what students learn and real example courses."""
    rows = []
    for area in curriculum.core_areas:
        examples = Markup("<br>").join(
            Markup(f"{text(c.title)} ({program_link(c.program, programs[c.program], page_url)})")
            for c in area.example_courses if c.program in programs
        )
        rows.append([area.name, area.summary, examples or "", sources_cell(area.sources)])
    return table("Core areas of a machine learning master's", ["Area", "What you learn", "Example courses", "Sources"],
                 rows, table_id="core-areas")


def specialisations_table(curriculum: models.CurriculumFile) -> Markup:
    """What AI-centred and data-science-centred programs add to the core."""
    names = {"ai-centred": "AI-centred programs", "data-science-centred": "Data-science-centred programs"}
    rows = [[s.name, names[s.track], s.summary, sources_cell(s.sources)] for s in curriculum.specialisations]
    return table("What each kind of program adds", ["Subject", "Added by", "What you learn", "Sources"], rows,
                 table_id="specialisations")


def electives_table(electives: models.ElectivesFile, programs: Mapping[str, models.Program],
                    family: str | None = None, page_url: str = "") -> Markup:
    """Real elective courses, optionally of one family, with the program that offers each."""
    families = {f.id: f.name for f in electives.families}
    courses = [c for c in electives.courses if family is None or c.family == family]
    rows = [
        [c.title, families[c.family], program_link(c.program, programs[c.program], page_url) if c.program in programs else c.program,
         sources_cell(c.sources)]
        for c in courses
    ]
    caption = f"Example electives: {families[family]}" if family else "Example electives from real programs"
    return table(caption, ["Course", "Family", "Offered by", "Sources"], rows, table_id=f"electives-{family or 'all'}")


def final_projects_table(options: models.FinalProjectsFile, programs: Mapping[str, models.Program], page_url: str = "") -> Markup:
    """Each kind of final project, who it suits, and the listed programs that offer it."""
    rows = []
    for option in options.options:
        offering = {slug: p for slug, p in programs.items() if option.id in (p.final_projects or [])}
        listed = Markup("<br>").join([*(program_link(slug, p, page_url)
                                        for slug, p in islice(offering.items(), NAMED_PROGRAMS)),
                                      *filter(None, [more_programs(len(offering), {"final": option.id}, page_url)])])
        rows.append([option.name, option.what, option.suits,
                     Markup(f"{len(offering)}<br>{listed}") if offering else "0", sources_cell(option.sources)])
    headers = ["Option", "What it involves", "Who it suits", "Programs in the directory offering it", "Sources"]
    return table("Final-project options", headers, rows, table_id="final-projects")


def study_formats_table(formats: models.StudyFormatsFile, programs: Mapping[str, models.Program]) -> Markup:
    """Study formats with their trade-offs and how many listed programs use each."""
    rows = []
    for f in formats.formats:
        count = sum(1 for p in programs.values() if f.id in (p.delivery or []))
        rows.append([f.name, f.description, f.good_for, f.watch_out, str(count), sources_cell(f.sources)])
    headers = ["Format", "What it means", "Good for", "Watch out for", "Programs listed", "Sources"]
    return table("Ways to study", headers, rows, table_id="study-formats")


def nces_tuition_table(costs: models.CostsFile) -> Markup:
    """NCES average graduate tuition and fees by academic year and institution type."""
    rows = [
        [r.academic_year, fmt.money(r.all_institutions), fmt.money(r.public), fmt.money(r.private), sources_cell(r.sources)]
        for r in reversed(costs.nces_graduate_tuition)
    ]
    headers = ["Academic year", "All institutions", "Public", "Private", "Source"]
    notes = "".join(f"<li>{text(r.academic_year)}: {text(r.note)}</li>" for r in reversed(costs.nces_graduate_tuition) if r.note)
    return table("Average yearly graduate tuition and required fees (NCES, current dollars)", headers, rows,
                 table_id="nces-tuition") + (Markup(f'<ul class="kb-meta">{notes}</ul>') if notes else Markup(""))


def total_cost_table(costs: models.CostsFile) -> Markup:
    """Estimated total tuition across program lengths, derived from the latest NCES averages."""
    latest = costs.nces_graduate_tuition[-1]
    rows = [[name, fmt.money(a), fmt.money(pu), fmt.money(pr)] for name, a, pu, pr in total_costs(latest)]
    caption = f"Estimated total tuition by program length, from NCES averages for {latest.academic_year}"
    table_html = table(caption, ["Program length", "All institutions", "Public", "Private"], rows,
                       table_id="total-cost")
    note = Markup(
        f'<p class="kb-meta">Each total multiplies the {text(latest.academic_year)} yearly average by the years of '
        f"full-time study; part-time at half load over three years counts as 1.5 years. "
        f"Source: {sources_cell(latest.sources)}</p>"
    )
    return table_html + note


def figure(f: models.Figure) -> Markup:
    """A number for use inside a sentence, with its period and a link to its source."""
    source = f.sources[0]
    return Markup(
        f'<span class="kb-figure">{text(fmt.figure_value(f.value, f.unit))}</span> '
        f'<span class="kb-cite">({link(source.url, source.publisher or host(source.url))}, {text(f.period)})</span>'
    )


def glossary_list(glossary: models.GlossaryFile) -> Markup:
    """Every glossary term, alphabetically, as a definition list with an anchor per term."""
    items = []
    for term in sorted(glossary.terms, key=lambda t: t.term.lower()):
        anchor = "term-" + "".join(ch if ch.isalnum() else "-" for ch in term.term.lower()).strip("-")
        cite = Markup(f' <span class="kb-meta">Source: {sources_cell(term.sources)}</span>') if term.sources else Markup("")
        items.append(f'<dt id="{text(anchor)}">{text(term.term)}</dt>'
                     f"<dd><em>{text(term.expansion)}</em>. {text(term.definition)}{cite}</dd>")
    return Markup(f'<dl class="kb-glossary">{"".join(items)}</dl>')


def all_sources(groups: Mapping[str, Sequence[models.Source]]) -> Markup:
    """Every source used in the data, grouped by what it supports, each listed once per group."""
    sections = []
    for heading, sources in groups.items():
        unique: dict[str, models.Source] = {}
        for source in sources:
            unique.setdefault(source.url, source)
        if not unique:
            continue
        items = "".join(
            f"<li>{link(s.url, s.title)}"
            f'{text(", " + s.publisher) if s.publisher else ""} <span class="kb-meta">'
            f'({text(s.kind)}, read {text(s.accessed.isoformat())}'
            f'{Markup("; ") + link(s.archived_url, "archived copy") if s.archived_url else ""})</span></li>'
            for s in sorted(unique.values(), key=lambda s: s.title.lower())
        )
        sections.append(f"<h2>{text(heading)}</h2><ul>{items}</ul>")
    return Markup("".join(sections))
