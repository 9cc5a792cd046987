"""Model of data/finder.yml: the degree finder's questions and rules, and the prerequisite self-check."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .admissions import Topic
from .fields import (CurrencyCode, FinalProject, Line, Model, Pace, PositiveInt, Slug,
                     Source, Text)

# --- Degree finder and prerequisite self-check (docs/degree-types/finder.md, docs/admissions/self-check.md) --------

DirectoryDelivery = Literal["on-campus", "online", "hybrid", "low-residency", "online-any"]
_ANSWER = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"


class DirectoryFilter(Model):
    """Filters an answer adds to the finder's link into the program directory (its URL keys)."""

    delivery: DirectoryDelivery | None = Field(
        None, description="A delivery, or online-any for online including low residency.")
    pace: Pace | None = Field(None, description="full-time or part-time.")
    final: FinalProject | None = Field(None, description="A final project the programs offer.")
    max: PositiveInt | None = Field(None, description="Highest estimated total tuition, in `currency`.")
    currency: CurrencyCode | None = Field(None, description="Currency of `max`, e.g. USD.")

    @model_validator(mode="after")
    def _budget_has_a_currency(self) -> DirectoryFilter:
        if (self.max is None) != (self.currency is None):
            raise ValueError("give max and currency together: the directory compares a budget in one currency")
        if not any(getattr(self, name) is not None for name in type(self).model_fields):
            raise ValueError("name at least one filter, or leave out `directory`")
        return self


class FinderOption(Model):
    """One answer to a finder question."""

    id: Slug = Field(description="Identifier; degree types name it as question/option, e.g. aim/research.")
    label: Line = Field(description="The answer as the reader sees it.")
    directory: DirectoryFilter | None = Field(
        None, description="Filters this answer adds to the link into the program directory.")


class FinderQuestion(Model):
    """A question of the degree finder."""

    id: Slug = Field(description="Identifier, e.g. aim.")
    name: Line = Field(description="A short name for tables, e.g. 'Aim'.")
    question: Line = Field(description="The question as the reader sees it.")
    weight: PositiveInt = Field(1, description="Points a fitting answer to this question gives a degree type.")
    options: list[FinderOption] = Field(min_length=2, description="The answers, in display order.")

    @model_validator(mode="after")
    def _unique_options(self) -> FinderQuestion:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"each answer id may appear once in a question; repeated: "
                             f"{', '.join(sorted({i for i in ids if ids.count(i) > 1}))}")
        return self


class FinderFit(Model):
    """An answer that fits a degree type, with the reason in plain words."""

    answer: Annotated[str, Field(pattern=_ANSWER)] = Field(
        description="question id/option id, e.g. aim/research.")
    reason: Text = Field(description="Why the answer points to this degree type, consistent with its guide page.")


class FinderType(Model):
    """The answers that fit one degree type."""

    degree_type: Slug = Field(description="Id of a degree type in data/degree_types.yml.")
    fits: list[FinderFit] = Field(min_length=1, description="Answers that fit this degree type.")


class SelfCheckRating(Model):
    """How a reader rates themselves on a topic."""

    id: Slug = Field(description="Identifier.")
    label: Line = Field(description="The rating as the reader sees it.")
    gap: bool = Field(description="true when this rating means the topic is a gap to close before applying.")


class PreparationRoute(Model):
    """A way to prepare for one topic: a section of docs/admissions/preparation.md."""

    section: Slug = Field(description="Anchor of a section of docs/admissions/preparation.md, e.g. "
                                      "route-2-college-courses-for-credit.")
    label: Line = Field(description="Name of the route.")
    summary: Text = Field(description="What the route means for this topic, in a sentence or two.")


class SelfCheckTopic(Model):
    """A prerequisite topic of the self-check."""

    topic: Topic = Field(description="A prerequisite topic, as programs' admissions.prerequisites.topics name it.")
    expect: Text = Field(description="What programs typically expect, in a sentence.")
    routes: list[PreparationRoute] = Field(min_length=1, description="Ways to prepare, best first.")
    sources: list[Source] = Field(default_factory=list, description="Sources for any fact in the text above.")


class FinderFile(Model):
    """data/finder.yml: the degree finder's questions and rules, and the prerequisite self-check's topics."""

    show: PositiveInt = Field(3, description="How many of the best-fitting degree types the finder shows.")
    questions: list[FinderQuestion] = Field(min_length=1, description="The finder's questions, in display order.")
    degree_types: list[FinderType] = Field(min_length=1, description="For each degree type, the answers that fit it.")
    ratings: list[SelfCheckRating] = Field(min_length=2, description="The self-check's ratings, in display order.")
    topics: list[SelfCheckTopic] = Field(min_length=1, description="The self-check's topics, in display order.")

    @model_validator(mode="after")
    def _ratings_tell_gaps_apart(self) -> FinderFile:
        if len({r.gap for r in self.ratings}) != 2:
            raise ValueError("the ratings need at least one with gap: true and one with gap: false")
        return self


