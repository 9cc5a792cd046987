# The two commands in the README are the contract: `make serve` and `make test` work on a fresh
# machine with nothing installed by hand. Everything else here is a step they use.

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check coverage schemas test lint browser-deps bench audit offline clean

$(VENV)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: build the site and serve it on http://127.0.0.1:8000/guide/, reloading on changes
serve: $(VENV)/.site-deps
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

## build: build the site into site/ (fails on any warning, broken link or data error)
build: $(VENV)/.site-deps
	$(VENV)/bin/mkdocs build --strict

## check: validate every data file and print file:line errors
## (BASE=<git ref>, e.g. origin/main: also require a new reading of the source of every changed fact)
check: $(VENV)/.site-deps
	@$(PY) -m macros.check $(if $(BASE),--base '$(subst ','\'',$(BASE))')

## coverage: the data check plus, per program, the facts that are missing or old (the help-wanted page)
coverage: $(VENV)/.site-deps
	@$(PY) -m macros.check --coverage

## schemas: regenerate the JSON Schemas in data/schema/ from the models and the data
schemas: $(VENV)/.site-deps
	@$(PY) -m macros.schema

## browser-deps: install Debian's Chromium for the browser tests when it is missing
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests (apt-get)..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM). Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2; \
	    echo "or set CHROMIUM=/path/to/chromium." >&2; exit 1; \
	  fi; \
	fi

## lint: Python errors, spelling, GitHub workflow checks
lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check macros tests bench tools
	$(VENV)/bin/codespell
	$(VENV)/bin/actionlint
	$(VENV)/bin/zizmor --offline --quiet .github/workflows

## test: every check and test: data, lint, unit, build and browser tests
test: $(VENV)/.test-deps browser-deps check lint
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest

## bench: build, check, first-visit bytes and search at 1x, 10x and 10,000 programs, side by side with the
## same pages pre-rendered and a stock Material site; prints a Markdown report, also written to bench-report.md
bench: $(VENV)/.test-deps browser-deps
	CHROMIUM=$(CHROMIUM) $(PY) -m bench.bench

## audit: Lighthouse 12.2.3 (mobile) on five pages served as GitHub Pages serves them (gzip, caching);
## prints a Markdown report against the budget and writes it to audit-report.md (RUNS=3: median of 3)
audit: $(VENV)/.site-deps browser-deps tools/audit/node_modules/.package-lock.json
	CHROME_PATH=$(CHROMIUM) $(PY) -m bench.audit --runs $(or $(RUNS),1)

tools/audit/node_modules/.package-lock.json: tools/audit/package-lock.json
	cd tools/audit && npm ci --no-audit --no-fund --loglevel=error

## offline: build the copy a reader opens from disk (file://) into site-offline/ and site-offline.zip
offline: $(VENV)/.site-deps
	$(VENV)/bin/mkdocs build --strict -f mkdocs-offline.yml
	rm -f site-offline.zip && $(PY) -m zipfile -c site-offline.zip site-offline/

clean:
	rm -rf site .pytest_cache .hypothesis
