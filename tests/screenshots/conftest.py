# The browser fixtures (Chromium, live server, one of every page type) come from the browser tests.
from tests.browser.conftest import _fresh_rate_limits, browser, log_in, site_content  # noqa: F401
