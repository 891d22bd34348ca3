# Everyday commands. The two that matter: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: screenshots bench bench-search run test test-fast lint check-python install install-test migrate demo serve lock db-stop db-status clean bench-newsletter backup restore

# Install, migrate, load the demo content and serve at http://127.0.0.1:$${PORT:-8000}.
run: install
	@$(PY) -m partnerstwo.db exec -- bin/serve

# The whole suite: lint, Django checks, migrations check, pytest (browser and system tests included).
test: install-test
	@$(PY) -m partnerstwo.db exec -- bin/test

# The developer's loop: the same checks without the browser and system tests, on two processes,
# keeping the test databases between runs (new migrations are applied; `--create-db` starts afresh).
test-fast: install-test
	@$(PY) -m partnerstwo.db exec -- bin/test -m "not browser and not system and not sweep" -n 2 --reuse-db $(ARGS)

# Chromium screenshots of every page type at 390 and 1366 px, in screenshots/ (not kept in git).
# PAGES="wpis,strona główna" takes only the page types whose names contain these words.
screenshots: install-test
	@$(PY) -m partnerstwo.db exec -- $(PY) -m pytest tests/screenshots/take_screenshots.py -q -s

check-python:
	@bin/find-python >/dev/null

$(VENV)/.installed-base: requirements/base.txt requirements/constraints.txt
	@test -x $(PY) || { PYTHON=$$(bin/find-python) && echo "Creating $(VENV) with $$PYTHON" && $$PYTHON -m venv $(VENV); }
	@echo "Installing dependencies (requirements/base.txt)…"
	@$(PIP) install -r requirements/base.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base requirements/test.txt
	@echo "Installing test dependencies (requirements/test.txt)…"
	@$(PIP) install -r requirements/test.txt
	@touch $@

install: $(VENV)/.installed-base
install-test: $(VENV)/.installed-test

lint: install-test
	@$(VENV)/bin/ruff check .

demo: install
	@$(PY) manage.py seed_demo

# Send one newsletter issue to 10,000 made-up subscribers (no network, rolled back):
# prints e-mails per second and peak memory. More: manage.py bench_newsletter --help
bench-newsletter: install
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py migrate --no-input -v 0
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py bench_newsletter --subscribers $${N:-10000}

# Index 1,000 posts of Polish text (rolled back) and time the search page in-process for a set of queries.
# More: manage.py bench_search --help
bench-search: install
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py migrate --no-input -v 0
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py bench_search --posts $${N:-1000}

# A dated archive of the database and the uploaded files, in backups/.
backup: install
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py backup

# Restore an archive into an empty database; FORCE=1 replaces a non-empty one.
restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/partnerstwo-YYYYmmdd-HHMMSS.tar.gz [FORCE=1]"; exit 2; }
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py restore "$(FILE)" $(if $(FORCE),--force)

db-status:
	@$(PY) -m partnerstwo.db status

db-stop:
	@$(PY) -m partnerstwo.db stop

# Re-pin every package after editing requirements/*.txt.
lock:
	@rm -rf /tmp/partnerstwo-lock && $$(bin/find-python) -m venv /tmp/partnerstwo-lock
	@/tmp/partnerstwo-lock/bin/pip install -q -r <(grep -v '^-c' requirements/test.txt | sed 's/^-r base.txt/-r requirements\/base.txt/')
	@{ echo "# Every package, direct and transitive, pinned: two installs a month apart are the same."; \
	   echo "# Regenerate after changing requirements/*.txt: make lock"; \
	   /tmp/partnerstwo-lock/bin/pip freeze; } > requirements/constraints.txt
	@echo "requirements/constraints.txt updated"

clean:
	rm -rf $(VENV) staticfiles

# Fill a separate database with a large data set and measure pages under gunicorn with wrk.
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "Install wrk first: apt-get install wrk"; exit 1; }
	@$(PY) -m partnerstwo.db exec -- $(PY) bench/run.py $(BENCH_ARGS)
