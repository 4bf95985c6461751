# Two commands do everything: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test bench validate new-story schema translations lint format clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

serve: $(STAMP) ## Build the site and serve it with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr $(ADDRESS) --livereload

build: $(STAMP) ## Write the static site to site/
	$(BIN)/mkdocs build --strict --site-dir site

validate: $(STAMP) ## Check every data file; every problem is reported at once
	$(BIN)/showcase validate $(if $(GITHUB_ACTIONS),--format github)

new-story: $(STAMP) ## Answer a few questions and get a valid story file in data/stories/
	$(BIN)/showcase new-story

schema: $(STAMP) ## Regenerate schema/*.schema.json from the models
	$(BIN)/showcase schema

translations: $(STAMP) ## Add new interface strings to the Spanish catalogue (then translate them)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k ngettext:1,2 --no-location \
		--omit-header -o .cache/messages.pot .
	$(BIN)/pybabel -q update --no-fuzzy-matching --width 100 \
		-i .cache/messages.pot -d showcase/locale -l es

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium fonts-dejavu-core

bench: $(STAMP) ## Build synthetic showcases of 100 to 10,000 schools and report the figures
	$(BIN)/python -m showcase.bench $(BENCH_ARGS)

test: $(STAMP) $(CHROMIUM) lint ## Every test: data, validator, CLI, the built site, the browser
	$(BIN)/showcase schema --check
	$(BIN)/pytest

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
