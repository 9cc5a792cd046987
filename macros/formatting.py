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
    "all": "all students",
}


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


def tuition(t: models.Tuition | None) -> str:
    """Tuition as the school states it: '$2,450 per credit (2024-25)'."""
    if t is None:
        return ""
    basis = "" if t.basis == "total" else f" {label(t.basis)}"
    group = f", {label(t.student_group)}" if t.student_group else ""
    return f"{money(t.amount, t.currency)}{basis} ({t.academic_year}{group})"


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
