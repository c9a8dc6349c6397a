# childcare-desktop: set-up, run, test and benchmark. `make run` and `make test` do all the set-up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint bench fuzz sysdeps translations screenshots walkthrough dist clean

run: $(STAMP) translations sysdeps
	$(PY) -m childcare_desktop $(ARGS)

# The tests and benchmarks of the shared-server store run against a throwaway PostgreSQL server
# (scripts/pg.sh, installed where missing), stopped after them whether they pass or fail; the
# command's own status is the recipe's. Where no server can be had they run on SQLite alone.
WITH_PG = sh scripts/pg.sh start; if [ -f build/pg/env ]; then set -a; . build/pg/env; set +a; fi;
END_PG = status=$$?; sh scripts/pg.sh stop; exit $$status

test: $(STAMP) translations sysdeps
	$(VENV)/bin/ruff check src tests bench fuzz
	$(VENV)/bin/ruff format --check src tests bench fuzz
	$(WITH_PG) QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS); $(END_PG)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench fuzz
	$(VENV)/bin/ruff format --check src tests bench fuzz

bench: $(STAMP) translations sysdeps
	$(WITH_PG) QT_QPA_PLATFORM=offscreen $(PY) -m bench $(ARGS); $(END_PG)

# Coverage-guided fuzzing of the batch file reader (Linux): FUZZ_SECONDS, default 300.
fuzz: $(STAMP)
	$(PY) -m fuzz.batchfile_fuzz -max_total_time=$(or $(FUZZ_SECONDS),300)

# The README's pictures of the windows come from the walk-through; this makes the pictures of
# the printed reports (a page of each at full size, which a screen of the program cannot show).
screenshots: $(STAMP) translations sysdeps
	$(PY) -m childcare_desktop.core.reports.samples docs/screenshots

# The real program driven under Xvfb at 1366×768 as a person would, a screenshot of each step
# into docs/screenshots (not part of `make test`: it needs an X server and takes minutes).
# ARGS="--screen 1920x1080 --scale 1.5 --out build/walkthrough-150" for a 150% screen.
walkthrough: $(STAMP) translations
	@sh scripts/sysdeps.sh walkthrough
	$(PY) scripts/walkthrough.py $(ARGS)

# The frozen program (DIST/childcare-desktop/, no Python needed) and, where dpkg is, the .deb.
DIST ?= dist
DIST_WORK ?= build/dist
dist: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) installer/icons.py $(DIST_WORK)/icons
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --workpath $(DIST_WORK)/pyinstaller \
		--distpath $(DIST) installer/childcare.spec
	if command -v dpkg-deb >/dev/null; then \
		$(PY) installer/linux/build_deb.py $(DIST)/childcare-desktop $(DIST_WORK)/icons $(DIST); fi

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# A CJK font that also covers Latin and digits, the Qt runtime libraries and poppler (for the
# PDF tests). Installed only where missing, and only where this machine can install them.
sysdeps:
	@sh scripts/sysdeps.sh

clean:
	rm -rf $(VENV) dist build/dist resources/translations/*.qm .pytest_cache
