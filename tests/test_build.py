"""The built site: every page builds, tables and exports come from the data, nothing leaks."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros import exports
from macros.derived import reference_price
from macros.models import DATA_FILES
from macros.loader import load_file
from macros.schema import schema_name

from .rendered import body_cells
from .support import ROOT, build_site, edit_yaml, project_copy

SITE_PATH = "/guide/"  # the path of site_url in mkdocs.yml
SECTIONS = ["field", "careers", "degree-types", "admissions", "curriculum", "electives", "final-projects",
            "choosing-a-school", "online-study", "costs", "programs", "contributing"]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.json_ld: list[str] = []
        self.links: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in = tag == "script" and attrs.get("type") == "application/ld+json"
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])

    def handle_data(self, data):
        if self._in:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in = False


def parsed(html: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("source", sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*.md")), ids=str)
def test_every_page_has_a_title_and_description(source):
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    assert text.startswith("---\n"), "front matter missing"
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(front, dict), "front matter is not a mapping"
    assert isinstance(front.get("title"), str) and front["title"].strip()
    assert isinstance(front.get("description"), str) and 40 <= len(front["description"]) <= 200


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_builds(built_site, section):
    html = page(built_site, section)
    assert "<h1" in html
    assert '<meta name="description"' in html


def test_no_template_syntax_or_macro_errors_anywhere(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for marker in ("{{", "{%", "Macro Rendering Error", "Macro Syntax Error", "Traceback"):
            assert marker not in html, f"{marker!r} in {path.relative_to(built_site)}"


def test_degree_types_page_has_a_row_per_type(built_site, dataset):
    html = page(built_site, "degree-types")
    rows, _ = body_cells(html)
    titles = [row[0].strip() for row in rows]  # the title is a link, on its own line inside the header cell
    for degree in dataset.degree_types.degree_types:
        assert degree.title in titles
        # ...and a detail to open, with its focus, who it fits and its sources.
        assert f'<details id="degree-type-{degree.id}"' in html


def test_every_program_has_a_page_with_its_facts(built_site, dataset):
    for slug, program in dataset.programs.items():
        html = page(built_site, f"programs/{slug}")
        assert program.official_url.replace("&", "&amp;") in html
        assert f"data/programs/{slug}.yml" in html  # the edit link


def test_directory_has_a_row_per_program(built_site, dataset):
    html = page(built_site, "programs")
    slugs = re.findall(r'<tr data-slug="([^"]+)"', html)
    assert slugs == list(dataset.programs)


def test_json_ld_parses_and_matches_the_data(built_site, dataset):
    for slug, program in dataset.programs.items():
        blocks = parsed(page(built_site, f"programs/{slug}")).json_ld
        assert len(blocks) == 1
        data = json.loads(blocks[0])
        assert data["@type"] == "EducationalOccupationalProgram"
        assert data["name"] == program.title
        assert data["provider"]["name"] == program.university
        assert data["url"] == program.official_url
        price = reference_price(program)
        assert ("offers" in data) == (price is not None)
        if price:
            assert data["offers"]["price"] == price.amount
            assert data["offers"]["priceCurrency"] == price.currency


def test_programs_json_matches_the_data(built_site, dataset):
    published = json.loads((built_site / "programs.json").read_text(encoding="utf-8"))
    assert published["version"] == exports.FORMAT_VERSION == 2 and published["count"] == len(dataset.programs)
    assert published["programs"] == [exports.program_record(s, p) for s, p in dataset.programs.items()]
    for record in published["programs"]:
        raw = load_file(ROOT / "data" / "programs" / f"{record['slug']}.yml", "x")
        assert record["university"] == raw["university"] and record["title"] == raw["title"]


def test_programs_csv_matches_the_data(built_site, dataset):
    rows = list(csv.DictReader(io.StringIO((built_site / "programs.csv").read_text(encoding="utf-8"))))
    assert [r["slug"] for r in rows] == list(dataset.programs)
    for row in rows:
        program = dataset.programs[row["slug"]]
        assert row["title"] == program.title
        assert row["official_url"] == program.official_url
        assert row["delivery"] == ";".join(program.delivery or [])
        price = reference_price(program)
        assert row["tuition_amount"] == ("" if price is None else str(price.amount))


def test_published_schemas_validate_the_data(built_site):
    for stem in DATA_FILES:
        schema = json.loads((built_site / "schemas" / f"{schema_name(stem)}.json").read_text(encoding="utf-8"))
        raw = json.loads(json.dumps(load_file(ROOT / "data" / f"{stem}.yml", stem)))
        jsonschema.validate(raw, schema)
    program_schema = json.loads((built_site / "schemas" / "program.json").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "data" / "programs").glob("*.yml")):
        jsonschema.validate(json.loads(json.dumps(load_file(path, path.name))), program_schema)
    bad = {"university": "U", "title": "T", "degree_type": "ms-ml", "country": "US", "official_url": "http://x.edu",
           "sources": [], "last_verified": "2026-01-01"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, program_schema)


def test_internal_links_resolve(built_site):
    for path in built_site.rglob("*.html"):
        for target in parsed(path.read_text(encoding="utf-8")).links:
            if re.match(r"^[a-z]+:|^#|^//", target):
                continue
            clean = target.split("#")[0].split("?")[0]
            if not clean:
                continue
            if clean.startswith("/"):  # 404.html uses absolute paths under the site's base path
                resolved = built_site / clean.removeprefix(SITE_PATH)
            else:
                resolved = (path.parent / clean).resolve()
            assert resolved.exists() or (resolved / "index.html").exists(), f"{path.relative_to(built_site)} -> {target}"


def test_no_third_party_assets_in_pages(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag) or 'rel="canonical"' in tag or "alternate" in tag, (
                f"{path.relative_to(built_site)}: {tag}"
            )


def test_licences_are_in_the_footer(built_site):
    html = page(built_site, "")
    assert "CC BY 4.0" in html and "MIT" in html


# --- Builds of modified copies of the project ----------------------------------------------


NASTY = "<script>alert(1)</script> {{ 7*7 }} | *x* [y](javascript:alert(1)) <img src=x onerror=alert(2)>"


def test_nasty_data_shows_literally_in_the_built_site(tmp_path):
    project = project_copy(tmp_path / "project")
    edit_yaml(project / "data" / "degree_types.yml", lambda d: d["degree_types"][0].update(focus=NASTY))
    edit_yaml(project / "data" / "programs" / "kth-msc-machine-learning.yml",
              lambda d: d.update(title="</title><script>alert(3)</script>" + NASTY))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for path, expected in (("degree-types", NASTY), ("programs/kth-msc-machine-learning", NASTY)):
        html = (tmp_path / "site" / path / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "49" not in re.findall(r"\{\{ 7\*7 \}\}|49", html)
        assert not re.search(r"""href=["']?javascript:(?!void\(0\))""", html)  # Material's own share button uses void(0)
        if path == "degree-types":  # the focus text stands, as text, in the type's details
            assert expected in unescape(re.sub(r"<[^>]+>", "", html))
    kth = (tmp_path / "site" / "programs" / "kth-msc-machine-learning" / "index.html").read_text(encoding="utf-8")
    assert json.loads(parsed(kth).json_ld[0])["name"].startswith("</title><script>alert(3)</script>")
    title = re.search(r"<title>(.*?)</title>", kth, flags=re.S).group(1)
    assert "<" not in title and "script" in title  # shown as text, never a tag


def test_jinja_in_a_page_cannot_run_code(tmp_path):
    project = project_copy(tmp_path / "project")
    marker = tmp_path / "pwned"
    (project / "docs" / "field" / "index.md").write_text(
        "# Field\n\n{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert not marker.exists()
    assert "blocked by the guide's template sandbox" in result.stdout + result.stderr


def test_pages_cannot_read_the_build_configuration(tmp_path):
    project = project_copy(tmp_path / "project")
    (project / "docs" / "field" / "index.md").write_text("# Field\n\n{{ config.site_name }}\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'config' is undefined" in result.stdout + result.stderr


def test_bad_data_fails_the_build_with_the_same_message(tmp_path):
    project = project_copy(tmp_path / "project")
    shutil.copy(ROOT / "tests" / "fixtures" / "programs" / "wrong_type.yml", project / "data" / "programs" / "wrong-type.yml")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/programs/wrong-type.yml:9: wrong-type: credits.amount: should be a number (got 'thirty')" in output
    assert "Traceback" not in output


FORMULA = '=HYPERLINK("https://evil.example","x")'


def test_a_formula_title_is_neutralised_in_the_built_csv_and_exact_in_json(tmp_path):
    project = project_copy(tmp_path / "project")
    edit_yaml(project / "data" / "programs" / "kth-msc-machine-learning.yml", lambda d: d.update(title=FORMULA))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "site" / "programs.csv").read_text(encoding="utf-8"))))
    [row] = [r for r in rows if r["slug"] == "kth-msc-machine-learning"]
    assert row["title"] == "'" + FORMULA
    published = json.loads((tmp_path / "site" / "programs.json").read_text(encoding="utf-8"))
    [record] = [r for r in published["programs"] if r["slug"] == "kth-msc-machine-learning"]
    assert record["title"] == FORMULA
