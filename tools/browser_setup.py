"""Make sure the system tools the tests and grading need are installed: Debian's Chromium and bubblewrap.

    python tools/browser_setup.py              # chromium (the browser tests)
    python tools/browser_setup.py --grading    # chromium and bubblewrap (the grading sandbox; CI)
    python tools/browser_setup.py --only-grading   # bubblewrap alone (make grading-setup)

The browser tests launch Chromium by its path (``PM_COURSE_CHROMIUM``, default
``/usr/bin/chromium``); Playwright's own browser download is not used. The
grader's sandbox is bubblewrap (``/usr/bin/bwrap``). Installing needs root
(apt-get, or passwordless sudo); what is already there is left alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("PM_COURSE_CHROMIUM", "/usr/bin/chromium")
PACKAGES = {"chromium": CHROMIUM, "bubblewrap": "/usr/bin/bwrap"}


def install(names: list[str]) -> int:
    missing = [n for n in names if not (os.path.exists(PACKAGES[n]) and os.access(PACKAGES[n], os.X_OK))]
    if not missing:
        return 0
    if shutil.which("apt-get") is None:
        print(f"setup: {', '.join(missing)} missing and no apt-get to install them; install them "
              "(and for Chromium set PM_COURSE_CHROMIUM to its path).", file=sys.stderr)
        return 1
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"setup: installing Debian's {', '.join(missing)} (apt-get) ...", flush=True)
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *missing]):
        result = subprocess.run(sudo + cmd, env=env, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            print(f"setup: {' '.join(cmd)} failed with exit code {result.returncode}", file=sys.stderr)
            return result.returncode
    gone = [n for n in missing if not os.path.exists(PACKAGES[n])]
    if gone:
        print(f"setup: installed, but {', '.join(PACKAGES[n] for n in gone)} is missing", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--only-grading" in args:
        return install(["bubblewrap"])
    return install(["chromium", "bubblewrap"] if "--grading" in args else ["chromium"])


if __name__ == "__main__":
    sys.exit(main())
