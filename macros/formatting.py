"""How values read on the page: money, credits, durations and the labels of fixed choices."""

from __future__ import annotations

from . import models

CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "AUD": "A$"}

LABELS = {
    # delivery
    "on-campus": "On campus",
    "online": "Online",
    "hybrid": "Hybrid",
    "low-residency": "Low residency",
    # pace
    "full-time": "Full-time",
    "part-time": "Part-time",
    # final projects
    "thesis": "Thesis",
    "capstone": "Capstone",
    "practicum": "Practicum or internship",
    "coursework-only": "Coursework only",
    # credit units
    "us-credit-hours": "credit hours",
    "quarter-credits": "quarter credits",
    "units": "units",
    "ects": "ECTS credits",
    "uk-credits": "UK credits",
    "courses": "courses",
    # tuition basis
    "total": "total",
    "per-credit": "per credit",
    "per-year": "per year",
    "per-term": "per term",
    # orientation
    "research": "Research",
    "applied": "Applied",
    "professional": "Professional",
    "management": "Management",
    # education
    "bachelors": "Bachelor's degree",
    "masters": "Master's degree",
    "doctoral": "Doctoral degree",
    # student groups
    "in-state": "in-state students",
    "out-of-state": "out-of-state students",
    "home": "home students",
    "international": "international students",
    "eu": "EU students",
    "non-eu": "non-EU students",
    "all": "all students",
    # directory filter groups
    "online-any": "Online, including low residency",
    # how the cost calculator is given a program's length
    "credits": "credits",
    "years": "years at a full-time pace",
    # start terms
    "fall": "Fall",
    "winter": "Winter",
    "spring": "Spring",
    "summer": "Summer",
    # GRE policy
    "required": "Required",
    "optional": "Optional",
    "not-required": "Not required",
    "not-considered": "Not considered",
    # English tests
    "toefl-ibt": "TOEFL iBT",
    "ielts-academic": "IELTS Academic",
    "duolingo": "Duolingo English Test",
    "pte-academic": "PTE Academic",
    "cambridge": "Cambridge English",
    "other": "Other test",
    # prerequisite topics
    "programming": "programming",
    "calculus": "calculus",
    "linear-algebra": "linear algebra",
    "probability-statistics": "probability and statistics",
    "discrete-math": "discrete mathematics",
    "algorithms": "algorithms and data structures",
    "machine-learning": "machine learning",
    # a first degree in a named field
    "preferred": "Preferred",
    # who a deadline applies to
    "domestic": "domestic applicants",
    # funding
    "none": "None from the program",
    "some": "Some (scholarships or aid)",
    "assistantships": "Assistantships",
}

#: Language names for ISO 639-1 codes of the languages programs teach in.
LANGUAGES = {"en": "English", "de": "German", "fr": "French", "nl": "Dutch", "es": "Spanish", "ca": "Catalan",
             "it": "Italian", "sv": "Swedish", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic",
             "pt": "Portuguese", "da": "Danish", "fi": "Finnish", "no": "Norwegian", "pl": "Polish"}

#: Who a deadline applies to, in the words a deadline line uses.
APPLICANTS = {"all": "", "domestic": "domestic applicants", "international": "international applicants",
              "eu": "EU applicants", "non-eu": "non-EU applicants"}


def label(value: str) -> str:
    """The reader-facing label of a fixed choice."""
    return LABELS.get(value, value)


def labels(values: list[str] | None) -> str:
    """Labels of several choices, comma-separated; empty when none."""
    return ", ".join(label(v) for v in values or [])


def number(value: float) -> str:
    """1234.0 -> '1,234'; 12.5 -> '12.5'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def money(amount: float, currency: str = "USD") -> str:
    """Money with its currency: '$20,513', '£23,900', 'SEK 1,500', '$241.90'."""
    digits = number(amount) if float(amount).is_integer() else f"{amount:,.2f}"
    return money_pattern(currency).replace("#", digits)


def money_pattern(currency: str) -> str:
    """How :func:`money` writes an amount in a currency, with ``#`` for the digits: '$#', 'SEK #'."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}#" if symbol else f"{currency} #"


def price(t: models.Tuition | models.Fee, old: bool = False) -> str:
    """A price as the school states it: '$2,450 per credit (2024-25, international students, old price)'."""
    basis = "" if t.basis == "total" else f" {label(t.basis)}"
    details = [t.academic_year, *([label(t.student_group)] if t.student_group else []), *(["old price"] if old else [])]
    note = f"{t.note}: " if getattr(t, "note", None) else ""
    return f"{note}{money(t.amount, t.currency)}{basis} ({', '.join(details)})"


def tuition(t: models.Tuition | None) -> str:
    """One price as the school states it (see :func:`price`); empty when none."""
    return "" if t is None else price(t)


def date_text(day) -> str:
    """'15 Jan 2027': day, short month and year, the same for every reader."""
    return f"{day.day} {day:%b %Y}"


def deadline(d: models.Deadline, past: bool = False) -> str:
    """'15 Jan 2027 (Fall 2027 entry, international applicants, priority round)'; a past one says 'last known'."""
    details = [f"{d.term} entry", *([APPLICANTS[d.applies_to]] if APPLICANTS.get(d.applies_to) else []),
               *([f"{d.round} round" if "round" not in d.round.lower() else d.round] if d.round else [])]
    if past:
        return f"Last known: {', '.join(details)}, {date_text(d.date)}"
    return f"{date_text(d.date)} ({', '.join(details)})"


def gre(g: models.Gre | None) -> str:
    """'Not required (Fall 2026)'."""
    if g is None:
        return ""
    return f"{label(g.policy)}{f' ({g.cycle})' if g.cycle else ''}"


def english_tests(tests: list[models.EnglishMinimum] | None) -> str:
    """'TOEFL iBT 100, IELTS Academic 7'."""
    return ", ".join(f"{label(t.test)} {number(t.minimum)}{f' ({t.note})' if t.note else ''}" for t in tests or [])


def prerequisites(p: models.Prerequisites | None) -> str:
    """'A degree in computer science or a related field (required); programming, calculus'."""
    if p is None:
        return ""
    parts = []
    if p.degree_fields:
        requirement = f" ({label(p.degree_in_field).lower()})" if p.degree_in_field else ""
        parts.append(f"A degree in {p.degree_fields}{requirement}")
    elif p.degree_in_field:
        parts.append(f"A degree in a named field: {label(p.degree_in_field).lower()}")
    if p.topics:
        parts.append(f"studies in {labels(p.topics)}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def application_fee(f: models.ApplicationFee | None) -> str:
    """'$100 (Fall 2026)'."""
    if f is None:
        return ""
    return f"{money(f.amount, f.currency)}{f' ({f.cycle})' if f.cycle else ''}"


def funding(f: models.Funding | None) -> str:
    """'None from the program: students pay their own way.'"""
    if f is None:
        return ""
    return f"{label(f.offers)}{f': {f.note}' if f.note else ''}"


def outcomes_report(r: models.OutcomesReport | None) -> str:
    """'Employment report (2024): MS in Machine Learning graduates'."""
    if r is None:
        return ""
    return f"{r.title} ({r.year}): {r.cohort}"


def languages(codes: list[str] | None) -> str:
    """'English, German'."""
    return ", ".join(LANGUAGES.get(code, code) for code in codes or [])


def credits(c: models.Credits | models.CreditRange | None) -> str:
    """'30 credit hours', '90-120 ECTS credits'."""
    if c is None:
        return ""
    if isinstance(c, models.CreditRange):
        amount = number(c.min) if c.max in (None, c.min) else f"{number(c.min)}–{number(c.max)}"
    else:
        amount = number(c.amount)
    return f"{amount} {label(c.unit)}"


def months(d: models.MonthRange | None) -> str:
    """'12 months', '12–24 months'."""
    if d is None:
        return ""
    if d.max_months in (None, d.min_months):
        return f"{d.min_months} months"
    return f"{d.min_months}–{d.max_months} months"


def figure_value(value: float, unit: str) -> str:
    """A stand-alone figure in its unit: '$5,250', '34%', '9,500'."""
    if unit == "usd":
        return money(value)
    if unit == "usd-per-credit":
        return f"{money(value)} per credit"
    if unit == "percent":
        return f"{number(value)}%"
    if unit in ("years", "months", "credits"):
        return f"{number(value)} {unit}"
    return number(value)
