# The two commands a new user runs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEPS := $(VENV)/.deps
STAMP := $(VENV)/.installed
# The editable install links each source file: a new file needs a new link, so any change re-links.
SOURCES := $(shell find stancegraph extract graph -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: demo test test-wheel install clean

$(DEPS): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=77' wheel
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=strict
	touch $(DEPS)

$(STAMP): $(DEPS) $(SOURCES)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . --config-settings editable_mode=strict
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/stancegraph build seeds/ -o out/

test: $(STAMP)
	$(BIN)/pytest
	$(MAKE) test-wheel

# The suite again against the built wheel, in a venv of its own: this catches what the editable install hides
# (a module or data file missing from the wheel). Browser and slow tests ran above. The settings (markers,
# warning filters) are pyproject's; the tests run from tests/, so the working tree's packages are not importable.
test-wheel: $(STAMP)
	rm -rf dist $(VENV)-wheel
	$(BIN)/python -m build --wheel --outdir dist . >/dev/null
	$(PYTHON) -m venv $(VENV)-wheel
	$(VENV)-wheel/bin/python -m pip install --quiet --upgrade pip
	$(VENV)-wheel/bin/python -m pip install --quiet "$$(ls dist/*.whl)[test]"
	cd tests && STANCEGRAPH_WHEEL_TEST=1 ../$(VENV)-wheel/bin/pytest -m "not browser and not slow" -p no:cacheprovider \
		--rootdir=. -c ../pyproject.toml .

clean:
	rm -rf $(VENV) $(VENV)-wheel dist build out *.egg-info stancegraph.db
