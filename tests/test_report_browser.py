"""The HTML report as a reviewer sees it: opened in a real headless Chromium
(Debian's chromium and chromium-driver, driven by Selenium), its numbers
compared with the JSON output for the same input, its filters used."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = "apt-get install chromium chromium-driver (Debian), then pip install -e '.[test]'"

# Text a declaration could carry that must stay text in the page.
HOSTILE_NAME = '职业培训</script><img src=x id="injected" onerror="document.title=1">'
HOSTILE_VALUE = "=HYPERLINK(\"http://x\")<b id='bold'>x</b>"
HOSTILE = f"""项目名称: {json.dumps(HOSTILE_NAME, ensure_ascii=False)}
主管部门: 某某局&amp;<i>人社</i>
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 培训人数达标率
        指标值: {json.dumps(HOSTILE_VALUE, ensure_ascii=False)}
      - 三级指标: 培训人数达标率
        指标值: ≥250
"""


def _browser():
    selenium = pytest.importorskip("selenium", reason=f"Selenium is not installed: {INSTALL_HINT}")
    del selenium
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not CHROMEDRIVER.exists():
        message = f"Chromium or chromedriver is missing: {INSTALL_HINT}"
        if os.environ.get("CI") == "true":  # CI installs them (.ci/run): a skip there would hide a broken report
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Selenium would otherwise try to download a driver; this machine has one.
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


@pytest.fixture
def browser():
    driver = _browser()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def batch(seed_batch):
    (seed_batch / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    return seed_batch


def _number(driver, element_id: str) -> int:
    return int(driver.find_element("id", element_id).text)


def _visible_rows(driver) -> list:
    return [row for row in driver.find_elements("css selector", "tr.finding") if row.is_displayed()]


def _rows_once_searched(driver, text: str) -> list:
    """Type ``text`` into the search box and wait for the rows it keeps (the box waits for typing to pause)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    search = driver.find_element("id", "search")
    search.clear()
    search.send_keys(text)

    def settled(d):
        rows = _visible_rows(d)
        return rows if rows and all(text in row.text for row in rows) else False

    return WebDriverWait(driver, 5, ignored_exceptions=[StaleElementReferenceException]).until(settled)


def test_report_in_chromium_matches_json_and_filters(cli, batch, tmp_path, browser):
    from selenium.webdriver.support.ui import Select

    expected = json.loads(cli("check", "--no-cache", "--format", "json", str(batch)).out)["summary"]
    report = tmp_path / "report.html"
    result = cli("report", "--no-cache", str(batch), "-o", str(report))
    assert result.code == 1, result  # the batch has errors, as `check` says
    assert report.exists()

    browser.get(report.as_uri())
    assert browser.find_element("tag name", "body").get_attribute("data-ready") == "1"
    # Self-contained: the page fetched nothing (no stylesheet, script, font or image from anywhere).
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert _number(browser, "count-declarations") == expected["declarations"]
    assert _number(browser, "count-files") == expected["files"]
    assert _number(browser, "count-findings") == expected["findings"]
    for severity in ("error", "warning", "info"):
        assert _number(browser, f"count-{severity}") == expected["by_severity"][severity]
    assert _number(browser, "count-passed") + _number(browser, "count-failed") == expected["declarations"]
    shown = browser.find_element("id", "shown")
    assert int(shown.get_attribute("data-findings")) == expected["findings"]
    rows = _visible_rows(browser)
    assert len(rows) == expected["findings"]  # one page holds every project of this batch

    Select(browser.find_element("id", "filter-severity")).select_by_value("error")
    errors = _visible_rows(browser)
    assert len(errors) == expected["by_severity"]["error"] < len(rows)
    assert all("error" in row.get_attribute("class").split() for row in errors)
    assert int(shown.get_attribute("data-findings")) == expected["by_severity"]["error"]

    Select(browser.find_element("id", "filter-severity")).select_by_value("")
    searched = _rows_once_searched(browser, "培训人数达标率")
    assert len(searched) < len(rows)

    # Declarations' text is shown as text: nothing injected ran or became an element.
    hostile = _rows_once_searched(browser, "HYPERLINK")
    assert any(HOSTILE_VALUE in row.text for row in hostile)
    assert browser.find_elements("id", "injected") == []
    assert browser.find_elements("id", "bold") == []
    assert browser.title != "1"
    departments = [option.text for option in Select(browser.find_element("id", "filter-department")).options]
    assert "某某局&amp;<i>人社</i>" in departments

    # Rule explanations read as prose: no Markdown markers.
    explanations = browser.find_element("id", "rules")
    for details in explanations.find_elements("tag name", "details"):
        browser.execute_script("arguments[0].open = true", details)
    prose = explanations.text
    assert "TL201" in prose and "**" not in prose and "```" not in prose

    severe = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []
    screenshot = tmp_path / "report.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


def test_english_report(cli, batch, tmp_path, browser):
    report = tmp_path / "report.html"
    cli("report", "--no-cache", "--lang", "en", str(batch), "-o", str(report))
    browser.get(report.as_uri())
    assert browser.find_element("tag name", "h1").text == "Performance-target declarations: review report"
    assert "rate indicator" in browser.find_element("id", "project-list").text
