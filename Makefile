# eventwire: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

demo: install
	mkdir -p out
	$(BIN)/eventwire extract examples/demo.jsonl --format jsonl -o out/events.jsonl
	$(BIN)/eventwire show out/events.jsonl
	@echo "events written to out/events.jsonl"

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/throughput.py

# The web UI over the demo corpus: stores it in out/demo.db (again: skips what is stored), serves it.
.PHONY: serve ui chromium
serve: install
	mkdir -p out
	$(BIN)/eventwire ingest examples/demo.jsonl --db out/demo.db
	$(BIN)/eventwire serve --db out/demo.db

# Rebuild the UI's vendored files (committed in src/eventwire/api/static/vendor) from npm.
ui:
	cd ui && npm ci
	node ui/copy-assets.mjs

# Debian's chromium for the browser tests (tests/test_browser.py skips without it).
chromium:
	command -v chromium >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info .pytest_cache
