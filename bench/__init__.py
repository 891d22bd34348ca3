"""make bench and its data set: a development-only Django app, never installed in production.

INSTALLED_APPS holds it only when BENCH_APP=1 (the Makefile's bench targets and bench/run.py set
it). Its commands: ``bench_fill`` (the large data set of ``make bench``, one module per app in
``bench/data/``), ``bench_search`` and ``bench_newsletter``. ``run.py`` drives gunicorn and wrk;
``compare_lemmatizers.py`` is the measurement behind the choice of Morfeusz for search.
"""
