"""Measure the HTML report at batch scale: 10,000 declarations by default.

    python benchmarks/report.py                # 500 files × 20 declarations
    python benchmarks/report.py --files 50     # a smoke run

Prints the time to write the report, its size, the time headless Chromium
takes to open it (navigation start → the tables drawn) and the time one
filter takes to redraw. Needs Debian's chromium and chromium-driver and
Selenium (the test extra).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import make_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--per-file", type=int, default=20)
    args = parser.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    work = Path(tempfile.mkdtemp(prefix="targetlint-report-bench-"))
    try:
        declarations = make_corpus(work / "corpus", args.files, args.per_file)
        report = work / "report.html"
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "targetlint", "report", "--no-cache", str(work / "corpus"), "-o", str(report)],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        written = time.perf_counter() - started
        size = report.stat().st_size

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            started = time.perf_counter()
            driver.get(report.as_uri())  # returns once the load event has fired: the script has drawn
            opened = time.perf_counter() - started
            ready = driver.execute_script("return document.body.dataset.ready")
            findings = driver.find_element("id", "count-findings").text
            # In the page: the change event filters synchronously; reading offsetHeight forces the layout.
            redraw = (
                "var t = performance.now(); {}; "
                "document.getElementById('filter-severity').dispatchEvent(new Event('change')); "
                "document.getElementById('project-list').offsetHeight; return (performance.now() - t) / 1000;"
            )
            filtered = driver.execute_script(
                redraw.format("document.getElementById('filter-severity').value = 'error'")
            )
            searched = driver.execute_script(redraw.format("document.getElementById('search').value = '满意度'"))
        finally:
            driver.quit()
        print(f"{declarations:,} declarations, {findings} findings in the report (ready={ready})")
        print(f"write report:   {written:6.2f} s")
        print(f"report size:    {size / 1024 / 1024:6.1f} MiB")
        print(f"open (Chromium):{opened:6.2f} s")
        print(f"filter:         {filtered:6.2f} s")
        print(f"search:         {searched:6.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
