"""Headless Chromium for the report tests and benchmark (Debian's ``chromium`` package,
driven by Playwright). One launch serves every check of a module."""

from __future__ import annotations

import os
import shutil

import pytest


def chromium_path() -> str | None:
    """``$RASID_CHROMIUM``, else ``chromium`` on the PATH."""
    return os.environ.get("RASID_CHROMIUM") or shutil.which("chromium")


def launch():
    """(playwright, browser), or a skip saying what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install playwright): no browser checks")
    path = chromium_path()
    if not path:
        pytest.skip("Chromium is not installed (apt-get install chromium): no browser checks")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])
    except Exception as exc:
        pw.stop()
        pytest.skip(f"Chromium at {path} does not start: {exc}")
    return pw, browser
