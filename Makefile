# Two commands do everything: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
# The lock the venv is made from: the whole of it, or only what building the site needs
# (`make build LOCK=requirements-site.txt`, as the deploy builds).
LOCK ?= requirements.txt
STAMP := $(VENV)/.installed-$(basename $(notdir $(LOCK)))
ADDRESS ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# The date the published data is "as of": the time of the last commit, the same on every machine
# and in every build of it (empty outside a git checkout: then the newest story's date).
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The W3C Nu HTML checker, pinned in package-lock.json, run with Java by tests/test_valid_html.py.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: serve build test bench screenshots validate new-story schema translations lint format lock clean

# requirements.txt is the lock: every package make needs, pinned and hashed. `make lock` writes it
# (and requirements-site.txt, the part that builds the site) from pyproject.toml. The venv is made
# again from nothing when its lock changes or another lock is asked for, so it holds exactly what
# the lock says; the package itself is built with the lock's own setuptools, not one fetched
# unchecked.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(if $(filter $(LOCK),$?),--clear) $(VENV)
	$(PIP) install --require-hashes --no-deps -r $(LOCK)
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

# uv resolves; pip installs. --universal: one lock for every platform (hashes of every wheel).
UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11.5 \
	--generate-hashes --custom-compile-command "make lock"

lock: $(STAMP) ## Re-resolve the locks from pyproject.toml; UPGRADE=1 takes new releases too
	$(UV_COMPILE) --group test --group lint $(if $(UPGRADE),--upgrade) -o requirements.txt
	$(UV_COMPILE) --group engines --group backend -c requirements.txt -o requirements-site.txt

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

# pre-commit keeps its state in .cache/ and its hooks are all local (.pre-commit-config.yaml);
# its data hook is left to `make validate`, which CI and every build run anyway.
lint: $(STAMP) ## pre-commit (ruff check, ruff format), mypy, and actionlint and zizmor on the workflows
	SKIP=validate-data PRE_COMMIT_HOME=.cache/pre-commit $(BIN)/pre-commit run --all-files --show-diff-on-failure
	$(BIN)/mypy
	$(BIN)/actionlint
	$(BIN)/zizmor --offline --strict-collection --no-progress .github

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium fonts-dejavu-core

# --ignore-scripts: vnu-jar's own install script would download a Java runtime where none is found.
$(VNU_JAR): package.json package-lock.json
	command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		default-jre-headless; }
	command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

screenshots: $(STAMP) $(CHROMIUM) ## Screenshots of every kind of page at phone and desktop width, in artifacts/screenshots/
	PYTHONPATH=. $(BIN)/python tests/screenshots.py

bench: $(STAMP) ## Build synthetic showcases of 100 to 10,000 schools and report the figures
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

test: $(STAMP) $(CHROMIUM) $(VNU_JAR) lint ## Every test: data, validator, CLI, the built site, the browser
	$(BIN)/showcase schema --check
	$(BIN)/pytest

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
