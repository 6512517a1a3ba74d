#!/usr/bin/python3
"""Headless Chromium (360×800) on `passline serve`, as an editor uses it: a page is open, a content edit
breaks the build, the page shows the build's errors over the last good page; fixing the edit reloads the
page without the overlay. Then `--now` before, during and after the window of notice 2025-01-15.

Expected values are worked out from the notice of 2025-01-15: 一(一) opens applications 2025年1月22日9:00 and
closes them 2025年2月28日17:00 (Beijing time); 三(一)4 sets the 2024年下半年 高级 threshold at 40分(含),
so the thresholds page shows 40 for it; `senior: 四十` is not a number, which the build refuses, naming
Content/sessions/ruankao-2024-H2.md.

Usage: serve_test.py [PASSLINE]   (default: .build/debug/passline). Run by run.sh.
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from calculator_test import SHOTS, browser

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
PASSLINE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build/debug/passline").resolve()
SESSION = "sessions/ruankao-2024-H2.md"


class Serve:
    """`passline serve` on a copy of Content/, on a free port."""

    def __init__(self, *extra):
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="passline-serve-test-"))
        self.content = self.folder / "Content"
        shutil.copytree(ROOT / "Content", self.content)
        self.process = subprocess.Popen(
            [str(PASSLINE), "serve", "--content", str(self.content), "--port", "0", "--output", str(self.folder / "preview"), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"serve printed: {line!r}"
        self.base = f"http://127.0.0.1:{match.group(1)}/"
        self.wait_for(lambda s: s["version"] >= 1 and s["state"] == "ok", "the first build")

    def status(self):
        with urllib.request.urlopen(self.base + "__passline/status", timeout=5) as response:
            return json.load(response)

    def wait_for(self, accept, what, timeout=90):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if accept(self.status()):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}")

    def edit(self, old, new):
        path = self.content / SESSION
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {SESSION}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def overlay(driver):
    found = driver.find_elements(By.ID, "passline-overlay")
    return found[0] if found and found[0].is_displayed() else None


def senior_2024_h2(driver):
    """The 2024年下半年 高级 cell of the thresholds table, as a reader sees it."""
    return driver.execute_script("""
        for (const row of document.querySelectorAll('tr')) {
          if (row.textContent.includes('2024年下半年') && row.textContent.includes('高级')) return row.textContent;
        }
        return '';""")


def test_a_broken_edit_shows_the_overlay_and_its_fix_removes_it(serve, driver):
    driver.get(serve.base + "thresholds.html")
    assert overlay(driver) is None, "no overlay after a good build"
    assert "40" in senior_2024_h2(driver)
    driver.execute_script("window.passlineMarker = 'before';")

    serve.edit("senior: 40", "senior: 四十")
    WebDriverWait(driver, 90).until(lambda d: overlay(d) is not None)
    box = overlay(driver)
    text = box.text
    assert "ruankao-2024-H2.md" in text, text
    assert "四十" in text, text
    assert box.get_attribute("role") == "alert"
    assert driver.execute_script("return window.passlineMarker;") == "before", "the overlay came without a reload"
    assert "40" in senior_2024_h2(driver), "the last good page stays underneath"
    driver.save_screenshot(str(SHOTS / "serve-overlay.png"))

    # A page opened while the build is broken shows the errors at once, from the HTML itself.
    driver.get(serve.base + "index.html")
    assert overlay(driver) is not None and "ruankao-2024-H2.md" in overlay(driver).text
    driver.find_element(By.ID, "passline-overlay-hide").click()
    assert overlay(driver) is None, "the editor can hide it"

    driver.get(serve.base + "thresholds.html")
    driver.execute_script("window.passlineMarker = 'broken';")
    serve.edit("senior: 四十", "senior: 40")
    WebDriverWait(driver, 90).until(lambda d: d.execute_script("return window.passlineMarker === undefined && document.readyState === 'complete';"))
    assert overlay(driver) is None, "the fix reloaded the page without the overlay"
    assert "40" in senior_2024_h2(driver)
    driver.save_screenshot(str(SHOTS / "serve-fixed.png"))


def window_state(driver, serve):
    driver.get(serve.base + "index.html")
    # Before and during the window window.js sets the state; a window closed at the build instant is
    # stated by the page itself.
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "window-state").get_attribute("data-state"))
    state = driver.find_element(By.ID, "window-state").get_attribute("data-state")
    badge = driver.find_element(By.ID, "passline-now").text
    return state, badge


def main():
    SHOTS.mkdir(parents=True, exist_ok=True)
    if not PASSLINE.exists():
        print(f"no passline binary at {PASSLINE}: run `swift build` first")
        return 1
    failures = 0
    driver = browser()
    try:
        serve = Serve()
        try:
            test_a_broken_edit_shows_the_overlay_and_its_fix_removes_it(serve, driver)
            print("ok   serve: a broken edit shows the overlay, its fix removes it")
        except Exception:
            failures += 1
            print("FAIL serve: overlay")
            traceback.print_exc()
        finally:
            serve.close()
        # 一(一): 2025年1月22日9:00 至 2025年2月28日17:00, Beijing time.
        for now, expected, label in [("2025-01-20T10:00+08:00", "before", "2025年1月20日 10:00"),
                                     ("2025-02-01T10:00+08:00", "open", "2025年2月1日 10:00"),
                                     ("2025-02-28T17:01+08:00", "closed", "2025年2月28日 17:01")]:
            serve_now = Serve("--now", now)
            try:
                state, badge = window_state(driver, serve_now)
                assert state == expected, (now, state)
                assert label in badge and "北京时间" in badge, badge
                driver.save_screenshot(str(SHOTS / f"serve-now-{expected}.png"))
                print(f"ok   serve --now {now}: the home page reads '{expected}'")
            except Exception:
                failures += 1
                print(f"FAIL serve --now {now}")
                traceback.print_exc()
            finally:
                serve_now.close()
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
