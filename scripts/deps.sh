#!/usr/bin/env bash
# Installs the system packages Passline needs on Debian, only when something is missing.
# libcmark-dev, libopencc-dev and libxml2-dev (passline import reads saved web pages with it) are linked
# by the package; chromium, chromium-driver and
# python3-selenium (for /usr/bin/python3) run the browser tests; nodejs runs the calculator's JavaScript tests.
# libxml2 also checks feed.xml and sitemap.xml in every build (through Foundation's XMLParser).
# strace kills builds at each file-system call of a publish (PublishFaultTests); util-linux gives prlimit and
# setpriv (the preview out of file descriptors; a read-only Site/ as an ordinary user).
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
pkg-config --exists opencc 2>/dev/null || need+=(libopencc-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
[ -n "${PASSLINE_SITE_ONLY:-}" ] || {
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
  /usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || need+=(python3-selenium)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
  command -v strace >/dev/null 2>&1 || need+=(strace)
  { command -v prlimit && command -v setpriv; } >/dev/null 2>&1 || need+=(util-linux)
  # Only so that screenshots under .build/ show Chinese text; no test depends on it.
  [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
}
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# axe-core for the browser tests' accessibility check (Tests/browser/flow_test.py), bundled by its pip package.
if [ -z "${PASSLINE_SITE_ONLY:-}" ] && ! /usr/bin/python3 -c 'import axe_selenium_python' >/dev/null 2>&1; then
  echo "Installing: axe-selenium-python (pip)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO /usr/bin/python3 -m pip install -q --break-system-packages axe-selenium-python
fi
