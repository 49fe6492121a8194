"""Give every term of docs/glossary.md an explicit anchor, so that links to it jump everywhere.

    python tools/glossary_anchors.py          # add the missing anchors (idempotent)
    python tools/glossary_anchors.py --check  # exit 1 if a term has none (the tests run this rule)

Lessons link to a term as ``../docs/glossary.md#cost-of-delay`` (GitHub's heading slug). JupyterLab's
Markdown viewer makes other ids from headings (``Cost-of-delay``), so such a link opened in JupyterLab did
not jump. An ``<a id="cost-of-delay"></a>`` line before each term's heading is the same target in
JupyterLab, on GitHub and in a static site. Run this after adding a term.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[1] / "docs" / "glossary.md"
HEADING = re.compile(r"^#{2,4} (.+)$")
ANCHOR = re.compile(r'^<a id="([^"]+)"></a>$')


def slug(heading: str) -> str:
    """GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens."""
    s = re.sub(r"[^\w\s-]", "", heading.strip().lower())
    return re.sub(r"\s", "-", s)


def with_anchors(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        m = HEADING.match(line)
        if m and not line.startswith("# "):
            want = f'<a id="{slug(m.group(1))}"></a>'
            # the anchor, then a blank line (an HTML line would otherwise swallow the heading)
            prev = [x for x in out[-2:]]
            if not (len(prev) == 2 and prev[0] == want and prev[1] == ""):
                out += [want, ""]
        out.append(line)
    return "\n".join(out)


def missing(text: str) -> list[str]:
    """Headings with no explicit anchor line (and a blank line) right before them."""
    lines = text.split("\n")
    gaps = []
    for i, line in enumerate(lines):
        m = HEADING.match(line)
        if m and not line.startswith("# "):
            if i < 2 or lines[i - 1] != "" or lines[i - 2] != f'<a id="{slug(m.group(1))}"></a>':
                gaps.append(m.group(1))
    return gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report terms with no anchor")
    args = parser.parse_args(argv)
    text = GLOSSARY.read_text(encoding="utf-8")
    if args.check:
        gaps = missing(text)
        for g in gaps:
            print(f"no anchor before the glossary heading {g!r}: run python tools/glossary_anchors.py")
        return 1 if gaps else 0
    new = with_anchors(text)
    if new != text:
        GLOSSARY.write_text(new, encoding="utf-8")
        print(f"anchors added: {len(missing(text))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
