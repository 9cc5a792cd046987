"""Benchmark: how `make check` and the build grow with the number of programs (`make bench`).

Generates synthetic programs (a copy of the project in a temporary folder; nothing is committed),
then reports times and, more usefully on a small shared machine, their ratios. Linear growth
means build(10k)/build(1k) is close to 10. Also times a directory filter at 10,000 rows when
the browser benchmark is available.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_directory import measure_filter_ms  # noqa: E402
from tests.support import FIXTURES, build_site  # noqa: E402

TEMPLATE = (FIXTURES / "programs" / "valid.yml").read_text(encoding="utf-8")
SIZES = (1_000, 10_000)


def project_with(programs: int, where: Path) -> Path:
    """A copy of the project whose data/programs holds ``programs`` files (the real ones plus synthetic)."""
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", where / "data")  # the real programs stay: other data refers to them
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    folder = where / "data" / "programs"
    for i in range(programs - len(list(folder.glob("*.yml")))):
        text = TEMPLATE.replace("Example University", f"Example University {i}").replace("amount: 1200", f"amount: {1000 + i % 900}")
        (folder / f"example-{i:05d}.yml").write_text(text, encoding="utf-8")
    return where


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            project = project_with(size, Path(tmp) / f"p{size}")
            check = timed([sys.executable, "-m", "macros.check", str(project)], ROOT)
            started = time.perf_counter()
            result = build_site(project, project / "site", timeout=3600)
            build = time.perf_counter() - started
            if result.returncode:
                sys.exit(f"build failed at {size} programs:\n{result.stderr[-2000:]}")
            results[size] = (check, build)
            print(f"{size:>6} programs: make check {check:6.2f} s, build {build:7.2f} s ({build / size * 1000:.1f} ms per program)")
            if size == max(SIZES):
                timing = measure_filter_ms(project / "site", rows=size)
                print(f"directory filter at {size} rows: {timing['layout_median']:.0f} ms median, "
                      f"{timing['layout_max']:.0f} ms worst, script, style and layout (target: under 100 ms)")
    small, large = min(SIZES), max(SIZES)
    factor = large / small
    print(f"programs x{factor:.0f}: check time x{results[large][0] / results[small][0]:.1f}, "
          f"build time x{results[large][1] / results[small][1]:.1f} (linear is x{factor:.0f})")
    print(f"make check at {large} programs: {'OK' if results[large][0] < 3 else 'TOO SLOW'} (target under 3 s)")


if __name__ == "__main__":
    main()
