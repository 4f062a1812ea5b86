# Archivist: `make run` serves the sample archive, `make test` runs every test.
# Both set up what they need first, and a second run reuses what is current.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= var/index
HOST ?= 127.0.0.1
PORT ?= 5000
CHROMIUM := /usr/bin/chromium

.PHONY: run test install install-dev browser reindex serve screenshots bench clean

run: install reindex serve

test: install-dev browser
	$(BIN)/python -m pytest

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

# Debian's chromium (and a font with Chinese characters) for the browser tests;
# Playwright never downloads a browser here.
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -f $(CJK_FONT) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium and fonts-wqy-microhei for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	  else \
	    echo "chromium or a CJK font is missing and we are not root: browser tests may be skipped"; \
	  fi; \
	fi

reindex: install
	$(BIN)/archivist reindex archive/ --index $(INDEX)

serve: install
	$(BIN)/archivist serve --index $(INDEX) --host $(HOST) --port $(PORT)

# Pictures of the search and article pages at desktop and phone width, for the README.
screenshots: install-dev browser
	ARCHIVIST_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py -k screenshots

# Speed and scale against SQLite FTS5 and Tantivy; rewrites its section of bench/RESULTS.md.
SIZES ?= 1000,10000,100000
MEMORY_SIZES ?= 10000,100000,200000
bench: install-dev
	$(BIN)/python bench/run_all.py --sizes $(SIZES) --workdir /tmp/archivist-bench
	$(BIN)/python bench/memory.py --sizes $(MEMORY_SIZES) --workdir /tmp/archivist-memory

clean:
	rm -rf var .pytest_cache
