#!/usr/bin/env bash
# Make sure the browser the end-to-end test drives is installed: Debian's `chromium` at
# /usr/bin/chromium (a Playwright browser download does not work on these machines).
# `make test` runs this first. It installs the package with apt-get (through sudo when not root) or
# says in one line what to install and fails — it never lets the test be skipped silently.
set -uo pipefail
CHROMIUM=/usr/bin/chromium  # the path tests/test_e2e.py launches
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
need="make test: the end-to-end test needs Chromium at $CHROMIUM"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$need: install your system's chromium package there (Debian/Ubuntu: apt-get install -y chromium), then run make test again." >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "$need: run 'apt-get install -y chromium' as root (sudo is not available here), then make test again." >&2
    exit 1
  fi
  SUDO=(sudo)
fi
log="$(mktemp -t opsconsole-apt.XXXXXX)"
echo "make test: installing Debian's chromium for the end-to-end test (${SUDO[*]:+sudo }apt-get, about a minute, once)…"
# DPkg::Lock::Timeout: wait for another apt run on the machine to finish instead of failing at once.
if "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q >"$log" 2>&1 &&
   "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >>"$log" 2>&1 && [ -x "$CHROMIUM" ]; then
  echo "make test: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)."
  rm -f "$log"
  exit 0
fi
tail -n 5 "$log" >&2
echo "$need and apt-get could not install it (log: $log): run '${SUDO[*]:+sudo }apt-get install -y chromium' yourself, then make test again." >&2
exit 1
