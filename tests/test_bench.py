"""What `make bench` measures (bench/bench.py): the synthetic project, the pages visited, the searches."""

from __future__ import annotations

from bench import bench

from .support import PROGRAMS


def test_a_project_with_n_programs_keeps_the_real_ones_and_adds_synthetic_ones(tmp_path):
    real = len(list(PROGRAMS.glob("*.yml")))
    project = bench.project_with(real + 3, tmp_path)
    programs = sorted(p.name for p in (project / "data" / "programs").glob("*.yml"))
    assert len(programs) == real + 3
    assert [name for name in programs if name.startswith("example-")] == [
        "example-00000.yml", "example-00001.yml", "example-00002.yml"]
    assert "university: Example University 2" in (project / "data" / "programs" / "example-00002.yml").read_text()
    assert (project / "mkdocs.yml").is_file() and (project / "macros" / "hooks.py").is_file()


def test_first_visits_are_home_a_guide_page_the_directory_and_compare_with_four_programs():
    pages = bench.pages_to_visit(["a", "b", "c", "d", "e"])
    assert pages == {"home": "", "guide": bench.GUIDE_PAGE, "directory": "programs/",
                     "compare (4 programs)": "programs/compare/?p=a&p=b&p=c&p=d"}


def test_searches_name_real_universities_and_synthetic_programs_by_number():
    slugs = bench.real_programs()
    queries = bench.search_queries(slugs, synthetic=9_925)
    real, synthetic = queries[:3], queries[3:]
    assert all(expected and all(path.startswith("programs/") for path in expected) for _, expected in real)
    assert synthetic[0] == ("Example University 1417", {"programs/example-01417/"})
    assert all(int(query.rsplit(" ", 1)[1]) < 9_925 for query, _ in synthetic)
    assert bench.search_queries(slugs, synthetic=0) == real


def test_the_directory_s_largest_part_is_visited_once_the_directory_is_split(tmp_path):
    def page(path, rows):
        body = "".join("<tr><td>x</td></tr>" for _ in range(rows))
        table = f'<table id="program-directory"><tbody>{body}</tbody></table>' if rows else "<p>Countries</p>"
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(table, encoding="utf-8")

    page("programs", 0)
    page("programs/country/de", 2)
    page("programs/country/us", 3)
    assert bench.largest_directory_part(tmp_path) == {
        "directory, largest part (programs/country/us/)": "programs/country/us/"}
    page("programs", 4)  # one page again
    assert bench.largest_directory_part(tmp_path) == {}
