#!/usr/bin/python3
"""Headless Chromium with JavaScript disabled, on every page of both scripts: what the pages say about
the current round's window in their own text.

- The site under test (SITE_DIR, built at the present, long after the window): every page states the
  2025 round is closed. Notice 2025-01-15 一(一): applications 2025年1月22日9:00 至 2月28日17:00, 过期不予受理.
- The same content built with `passline build --now 2025-02-10T10:00+08:00` (inside the window): every
  page gives the dates and says how to apply (四: the “单独划线补申领” entry), and none calls it closed.

Expected words are worked out from the notice, never read from the site.
Usage: nojs_test.py SITE_DIR PASSLINE   (run by run.sh).
"""
import pathlib
import subprocess
import sys
import tempfile
import traceback

from selenium.webdriver.common.by import By

from calculator_test import SHOTS, browser

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
CLOSED = {"": "申请已于2025年2月28日17:00截止", "zh-Hant": "申請已於2025年2月28日17:00截止"}
HOW = {"": "“单独划线补申领”入口", "zh-Hant": "“單獨劃線補申領”入口"}
DATES = {"": "2025年1月22日9:00至2025年2月28日17:00", "zh-Hant": "2025年1月22日9:00至2025年2月28日17:00"}


def pages(site):
    return sorted(p for p in site.rglob("*.html") if "calculator" != p.parent.name)


def variant(site, path):
    return "zh-Hant" if path.relative_to(site).parts[0] == "zh-Hant" else ""


def body_text(driver, path):
    driver.get(path.as_uri())
    return driver.find_element(By.TAG_NAME, "body").text


def check_closed(driver, site):
    shown = pages(site)
    assert len(shown) >= 20, len(shown)
    for path in shown:
        text = body_text(driver, path)
        assert CLOSED[variant(site, path)] in text, (str(path), text[:400])
    return len(shown)


def check_inside(driver, site):
    for path in pages(site):
        v = variant(site, path)
        text = body_text(driver, path)
        assert HOW[v] in text and DATES[v] in text, (str(path), text[:400])
        assert CLOSED[v] not in text, (str(path), "calls the open round closed")
    return len(pages(site))


def main():
    site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
    passline = sys.argv[2] if len(sys.argv) > 2 else "passline"
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver = browser(javascript=False)
    failed = 0
    try:
        try:
            n = check_closed(driver, site)
            driver.get((site / "index.html").as_uri())
            driver.save_screenshot(str(SHOTS / "nojs-closed-home.png"))
            print(f"ok   without JavaScript, {n} pages say the 2025 round is closed")
        except Exception:
            failed += 1
            print("FAIL without JavaScript, closed round")
            traceback.print_exc()
        with tempfile.TemporaryDirectory() as folder:
            inside = pathlib.Path(folder) / "site"
            subprocess.run([passline, "build", "--content", str(ROOT / "Content"), "--output", str(inside),
                            "--now", "2025-02-10T10:00+08:00"], check=True, capture_output=True)
            try:
                n = check_inside(driver, inside)
                driver.get((inside / "index.html").as_uri())
                driver.save_screenshot(str(SHOTS / "nojs-open-home.png"))
                print(f"ok   without JavaScript inside the window, {n} pages say when and how to apply")
            except Exception:
                failed += 1
                print("FAIL without JavaScript, inside the window")
                traceback.print_exc()
    finally:
        driver.quit()
    print(f"browser (no JavaScript): {2 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
