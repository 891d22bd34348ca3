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
	@$(PY) -m partnerstwo.db exec -- bin/test -m "not browser and not system and not sweep and not migrations" -n 2 --reuse-db $(ARGS)

# Chromium screenshots of every page type at 390 and 1366 px, in screenshots/ (not kept in git).
# PAGES="wpis,strona główna" takes only the page types whose names contain these words.
screenshots: install-test
	@$(PY) -m partnerstwo.db exec -- $(PY) -m pytest tests/screenshots/take_screenshots.py -q -s

check-python:
	@bin/find-python >/dev/null

# requirements/*.txt list what we use; requirements/lock/*.txt pin everything they bring (make lock).
# `make run` installs the runtime and development tools, `make test` also the test and system-test tools.
$(VENV)/.installed-dev: requirements/base.txt requirements/dev.txt requirements/lock/all.txt
	@test -x $(PY) || { PYTHON=$$(bin/find-python) && echo "Creating $(VENV) with $$PYTHON" && $$PYTHON -m venv $(VENV); }
	@echo "Installing dependencies (requirements/base.txt, dev.txt)…"
	@$(PIP) install -c requirements/lock/all.txt -r requirements/base.txt -r requirements/dev.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-dev requirements/test.txt requirements/system.txt
	@echo "Installing test dependencies (requirements/test.txt, system.txt)…"
	@$(PIP) install -c requirements/lock/all.txt -r requirements/test.txt -r requirements/system.txt
	@touch $@

install: $(VENV)/.installed-dev
install-test: $(VENV)/.installed-test

lint: install-test
	@$(VENV)/bin/ruff check .

demo: install
	@$(PY) manage.py seed_demo

# Send one newsletter issue to 10,000 made-up subscribers (no network, rolled back):
# prints e-mails per second and peak memory. More: BENCH_APP=1 manage.py bench_newsletter --help
bench-newsletter: install
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py migrate --no-input -v 0
	@BENCH_APP=1 $(PY) -m partnerstwo.db exec -- $(PY) manage.py bench_newsletter --subscribers $${N:-10000}

# Index 1,000 posts of Polish text (rolled back) and time the search page in-process for a set of queries.
# More: BENCH_APP=1 manage.py bench_search --help
bench-search: install
	@$(PY) -m partnerstwo.db exec -- $(PY) manage.py migrate --no-input -v 0
	@BENCH_APP=1 $(PY) -m partnerstwo.db exec -- $(PY) manage.py bench_search --posts $${N:-1000}

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

# Re-pin every package after editing requirements/*.txt, with uv in a throwaway venv. Pins already in
# the locks are kept unless the edit needs otherwise; UPGRADE=1 takes the newest allowed versions.
# lock/runtime.txt is what production installs; lock/all.txt adds the development and test tools
# and keeps every runtime pin from lock/runtime.txt. Each pin says which requirement brought it (# via).
LOCK_VENV := /tmp/partnerstwo-lock
LOCK = $(LOCK_VENV)/bin/uv pip compile --quiet --universal --python-version 3.12 \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock:
	@test -x $(LOCK_VENV)/bin/uv || { $$(bin/find-python) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install -q uv==0.13.9; }
	@mkdir -p requirements/lock
	@$(LOCK) requirements/base.txt -o requirements/lock/runtime.txt
	@$(LOCK) requirements/base.txt requirements/dev.txt requirements/test.txt requirements/system.txt \
		-c requirements/lock/runtime.txt -o requirements/lock/all.txt
	@echo "requirements/lock/runtime.txt and requirements/lock/all.txt updated"

clean:
	rm -rf $(VENV) staticfiles

# Fill a separate database with a large data set and measure pages under gunicorn with wrk.
# The bench targets install the development-only bench app (BENCH_APP=1, bench/).
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "Install wrk first: apt-get install wrk"; exit 1; }
	@$(PY) -m partnerstwo.db exec -- $(PY) bench/run.py $(BENCH_ARGS)
