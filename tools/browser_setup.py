"""Make sure the browser the browser tests drive is installed: Debian's Chromium.

    python tools/browser_setup.py          # install chromium with apt-get if it is missing

The tests launch Chromium by its path (``PM_COURSE_CHROMIUM``, default
``/usr/bin/chromium``); Playwright's own browser download is not used. Installing
needs root (apt-get); if Chromium is already there, nothing is done.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("PM_COURSE_CHROMIUM", "/usr/bin/chromium")


def main() -> int:
    if os.path.exists(CHROMIUM) and os.access(CHROMIUM, os.X_OK):
        return 0
    if shutil.which("apt-get") is None:
        print(f"browser setup: no Chromium at {CHROMIUM} and no apt-get to install it; "
              "install Chromium and set PM_COURSE_CHROMIUM to its path.", file=sys.stderr)
        return 1
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print("browser setup: installing Debian's chromium (apt-get) ...", flush=True)
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        result = subprocess.run(sudo + cmd, env=env, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            print(f"browser setup: {' '.join(cmd)} failed with exit code {result.returncode}", file=sys.stderr)
            return result.returncode
    if not os.path.exists(CHROMIUM):
        print(f"browser setup: chromium installed but {CHROMIUM} is missing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
