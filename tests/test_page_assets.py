"""Scripts and stylesheets that only some pages load (macros.page_assets, overrides/main.html, hooks.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros import page_assets, paths

ROOT = Path(__file__).resolve().parent.parent
AVAILABLE = {"assets/javascripts/compare.js", "assets/javascripts/shortlist.js", "assets/stylesheets/calculator.css"}

#: What in a built page needs which script: the element the script enhances.
NEEDS = {
    "directory": ['<table id="program-directory"', 'id="kb-directory-countries"'],
    "compare": ['id="kb-compare"'],
    # The shortlist's stars: in the directory's rows, in compare's columns and on program pages.
    "shortlist": ['<table id="program-directory"', 'id="kb-compare"', 'id="kb-shortlist"', "data-kb-star="],
    "finder": ['id="kb-finder"', 'id="kb-self-check"'],
    "calculator": ['id="kb-calculator"', 'class="kb-calc'],
}


def test_known_names_pass():
    assert page_assets.problems({"scripts": ["shortlist", "compare"], "styles": ["calculator"]}, AVAILABLE) == []
    assert page_assets.problems({"title": "No lists at all"}, AVAILABLE) == []


def test_a_misspelt_name_names_the_missing_file():
    assert page_assets.problems({"scripts": ["comprae"]}, AVAILABLE) == ["scripts: no file assets/javascripts/comprae.js"]
    assert page_assets.problems({"styles": ["calc"]}, AVAILABLE) == ["styles: no file assets/stylesheets/calc.css"]


@pytest.mark.parametrize("value", ["compare", ["compare.js"], ["../compare"], ["assets/javascripts/compare"], [3]])
def test_anything_but_a_list_of_bare_names_is_refused(value):
    assert page_assets.problems({"scripts": value}, AVAILABLE) == [
        "scripts must be a list of file names without folder or extension, e.g. [compare]"]


def test_every_script_and_stylesheet_a_guide_page_names_exists():
    available = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}
    for source in (ROOT / "docs").rglob("*.md"):
        front = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.S)
        if not front:
            continue
        for kind in page_assets.KINDS:
            if listed := re.search(rf"^{kind}: \[(.*)\]$", front.group(1), re.M):
                names = [n.strip() for n in listed.group(1).split(",")]
                assert page_assets.problems({kind: names}, available) == [], source


#: The stylesheets every page loads (extra_css in mkdocs.yml, and print.css from overrides/main.html).
SITE_WIDE_STYLES = set(re.findall(r"assets/stylesheets/([a-z0-9-]+)\.css", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
SITE_WIDE_STYLES.add("print")


def loaded(html: str) -> tuple[set[str], set[str]]:
    """The page-specific scripts and stylesheets a built page loads (not the site-wide ones)."""
    scripts = set(re.findall(r'<script src="[^"]*assets/javascripts/([a-z0-9-]+)\.js" defer>', html))
    styles = set(re.findall(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/([a-z0-9-]+)\.css"', html))
    return scripts, styles - SITE_WIDE_STYLES


def test_each_built_page_loads_the_scripts_of_its_tools_and_no_others(built_site):
    """A tool's script is on exactly the pages with what it enhances; the site-wide list holds none of them."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in NEEDS:
        assert f"assets/javascripts/{name}.js" not in config
    assert "assets/stylesheets/calculator.css" not in config
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        scripts, styles = loaded(html)
        body = html.split('data-md-component="content"', 1)[-1]
        needed = {name for name, marks in NEEDS.items() if any(mark in body for mark in marks)}
        assert scripts == needed, path.relative_to(built_site)
        assert styles == ({"calculator"} if "calculator" in needed else set()), path.relative_to(built_site)


def test_every_page_links_the_print_stylesheet_for_print_only_after_the_others(built_site):
    """media="print": it does not hold up the first paint on screen; last, so its rules win when printing."""
    for path in [built_site / "index.html", built_site / "costs" / "index.html", built_site / "programs" / "index.html"]:
        links = re.findall(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/([a-z0-9-]+)\.css"([^>]*)>',
                           path.read_text(encoding="utf-8"))
        names = [name for name, _ in links]
        assert ("print", ' media="print"') in links, path.relative_to(built_site)
        assert names.index("print") > names.index("guide"), path.relative_to(built_site)


def test_program_pages_load_the_shortlist_script_for_their_star(built_site, dataset):
    slug = next(iter(dataset.programs))
    html = (built_site / paths.program_url(slug) / "index.html").read_text(encoding="utf-8")
    assert loaded(html) == ({"shortlist"}, set())


def test_page_scripts_run_after_material_and_kb_js(built_site):
    """Inside Material's container (which instant navigation, if turned on, would run) and deferred (after the
    bundle and kb.js)."""
    html = (built_site / paths.COMPARE_PAGE / "index.html").read_text(encoding="utf-8")
    container = html.index('data-md-component="container"')
    own = [m.start() for m in re.finditer(r'<script src="[^"]*/(?:shortlist|compare)\.js" defer>', html)]
    bundle = html.index("assets/javascripts/bundle.")
    assert len(own) == 2 and all(container < at < bundle for at in own)
    assert re.search(r'<script src="[^"]*/kb\.js">', html[bundle:])


@pytest.fixture(scope="module")
def hooks_ready():
    """The hooks after ``on_files`` has run for the real configuration (program pages known)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from macros import hooks

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # set by MkDocs while it runs an event; File.generated reads it
    hooks.on_files(Files([]), config)
    return hooks


def site_files(*paths_: str):
    """What MkDocs hands the hooks as ``files``: here only the mapping of source paths they read."""
    from types import SimpleNamespace

    return SimpleNamespace(src_uris=dict.fromkeys(paths_))


def test_program_pages_get_the_shortlist_script_from_the_hook(hooks_ready, dataset):
    from types import SimpleNamespace

    slug = next(iter(dataset.programs))
    page = SimpleNamespace(file=SimpleNamespace(src_uri=paths.program_source(slug)), edit_url=None, meta={})
    hooks_ready.on_page_markdown("", page, None, site_files("assets/javascripts/shortlist.js"))
    assert page.meta["scripts"] == list(page_assets.PROGRAM_PAGE_SCRIPTS) == ["shortlist"]


def test_a_page_naming_a_missing_script_fails_the_build(hooks_ready):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(file=SimpleNamespace(src_uri="costs/index.md"), edit_url=None,
                           meta={"scripts": ["calculatr"]})
    with pytest.raises(PluginError, match=r"costs/index\.md: scripts: no file assets/javascripts/calculatr\.js"):
        hooks_ready.on_page_markdown("# Costs", page, None, site_files("assets/javascripts/calculator.js"))
