# Two commands matter: `make run` and `make test`. Both build .venv first; `run` installs only what
# running needs, `test` adds the test tools (the `test` extra).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist
APP_DIR := dist/difficult-calls-workbook

.PHONY: run test lint bench dist dist-test wheelhouse icons translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

$(DIST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $@ $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/python -m workbook

test: $(TEST_STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/startup.py

# A one-folder app in dist/ (about 40 s from cold on 2 cores); see "Building the standalone app".
dist: $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/workbook.spec

# The built app's smoke test: validate, a certificate issued and verified, the window offscreen.
dist-test: dist $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/smoke_test.py $(APP_DIR)

# Every wheel needed to run, pinned with hashes, for `pip install --no-index` on an offline PC.
wheelhouse: $(RUN_STAMP)
	$(BIN)/python packaging/wheelhouse.py --out wheelhouse

# The interface's translations (see "Translating the interface" in the README): lupdate collects every
# tr()/translate() text of the UI into the .ts files (workbook.ts is the template for a new language,
# workbook_en.ts holds only the English plural forms), lrelease compiles them into the .qm files the app
# loads. Both kinds are committed; a test checks that they are current.
I18N := workbook/i18n
TRANSLATED := de  # a new language's code here makes its workbook_XX.ts at the next run
LUPDATE_ARGS := -extensions py -locations none -no-obsolete -source-language en workbook/ui workbook/app.py
translations: | $(RUN_STAMP)
	$(BIN)/pyside6-lupdate -silent $(LUPDATE_ARGS) -ts $(I18N)/workbook.ts \
		$(foreach code,$(TRANSLATED),$(I18N)/workbook_$(code).ts)
	$(BIN)/pyside6-lupdate -silent $(LUPDATE_ARGS) -pluralonly -ts $(I18N)/workbook_en.ts
	$(BIN)/pyside6-lrelease -silent -nounfinished $(foreach code,$(TRANSLATED) en,$(I18N)/workbook_$(code).ts)

icons: $(DIST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py

clean:
	rm -rf $(VENV) build dist wheelhouse *.egg-info
