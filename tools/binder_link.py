"""Print the Binder badge for this repository, derived from its git remote (``make binder-link``).

    .venv/bin/python tools/binder_link.py            # the remote "origin"
    .venv/bin/python tools/binder_link.py URL        # any GitHub URL, https or ssh

Binder builds the repository at GitHub's HEAD and opens JupyterLab at the welcome notebook.
"""

from __future__ import annotations

import re
import subprocess
import sys

WELCOME = "notebooks/00_welcome.ipynb"
_GITHUB = re.compile(r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
                     r"(?P<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$")


def binder_url(remote: str, ref: str = "HEAD", path: str = WELCOME) -> str:
    """The mybinder.org launch URL for a GitHub remote URL, opening ``path``; ValueError for anything else."""
    m = _GITHUB.match(remote.strip())
    if not m:
        raise ValueError(f"not a GitHub repository URL: {remote!r} (Binder's gh provider needs github.com/OWNER/REPO)")
    return f"https://mybinder.org/v2/gh/{m['owner']}/{m['repo']}/{ref}?urlpath=lab/tree/{path}"


def badge(remote: str) -> str:
    return f"[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({binder_url(remote)})"


def main(argv: list[str]) -> int:
    if argv:
        remote = argv[0]
    else:
        try:
            remote = subprocess.run(["git", "remote", "get-url", "origin"], capture_output=True, text=True,
                                    check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            print("binder-link: this clone has no remote 'origin'; pass the GitHub URL: "
                  "python tools/binder_link.py https://github.com/OWNER/REPO", file=sys.stderr)
            return 2
    try:
        print(badge(remote))
    except ValueError as exc:
        print(f"binder-link: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
