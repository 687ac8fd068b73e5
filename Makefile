# budgetkg: the two commands a newcomer types are `make run` and `make test`.
# DOCS: folders or files to read (default: ../shared/corpus, ../shared/realdocs and ../shared/national
# where present, else the sample documents the project renders itself into tests/fixtures/generated).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DOCS   ?= $(wildcard $(SHARED)/corpus $(SHARED)/realdocs $(SHARED)/national)

.PHONY: run test setup system-deps samples clean web-assets

$(BIN)/budgetkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

setup: $(BIN)/budgetkg web-assets

# The web app's browser assets (SPARQL editor, charts) from npm into web/static/vendor/.
web-assets:
	bash web/install-assets.sh

system-deps:
	bash scripts/install-system-deps.sh

samples: setup system-deps
	$(BIN)/python -m tests.fixtures.render_samples tests/fixtures/generated

# The main job: read the sample documents, audit them, build the graph and serve it.
STORE ?= oxigraph:./data/store
JOBS  ?= $(shell nproc 2>/dev/null || echo 1)
HOST  ?= 127.0.0.1
PORT  ?= 8000
run: setup
	@if [ -z "$(DOCS)" ]; then $(MAKE) --no-print-directory samples; fi
	@mkdir -p data
	@echo "reading the documents (one line each as it is read; records: data/records.json)"
	$(BIN)/budgetkg extract --progress --jobs $(JOBS) --json $(or $(DOCS),tests/fixtures/generated) > data/records.json || true
	$(BIN)/budgetkg audit $(or $(DOCS),tests/fixtures/generated) > data/audit.txt 2>&1 || true
	@echo "audit report: data/audit.txt"
	$(BIN)/budgetkg ingest --store $(STORE) data/records.json || true
	$(BIN)/budgetkg stats --store $(STORE)
	@echo "serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/budgetkg serve --store $(STORE) --host $(HOST) --port $(PORT)

# The whole test suite (what CI runs).
test: system-deps setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) data build *.egg-info .pytest_cache
