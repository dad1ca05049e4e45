# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
export KSHARE_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/kshare_test

.PHONY: run test lint bench bench-org e2e-browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kshare demo --if-empty
	$(BIN)/kshare serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint e2e-browser
	$(BIN)/pytest --durations=15

# The end-to-end test drives Debian's Chromium; install it when it is missing.
e2e-browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the end-to-end test"; \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium could not be installed: the browser test will be skipped"; }

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# Organisation scale (100,000 posts): builds var/bench-org/ once, then reuses it.
bench-org: $(STAMP)
	$(BIN)/python -m benchmarks.org

clean:
	rm -rf $(VENV) var search_index/current search_index/index-*
