# Two commands do everything: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate new-story schema lint format clean

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

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) lint ## Every test: data, validator, CLI, and the built site
	$(BIN)/showcase schema --check
	$(BIN)/pytest

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
