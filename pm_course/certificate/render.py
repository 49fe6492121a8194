"""The certificate drawn with matplotlib: one A4-landscape page, saved as PDF and PNG.

Every line is laid out inside the inner frame: text is wrapped to the frame's
width as the renderer measures it (not to the figure's, which ``wrap=True``
would use), and a long name shrinks, then takes a second line, to fit. The
name is drawn with an installed font that has a glyph for each of its
characters (:func:`name_font`); when no installed font has them, the
certificate is refused with a message that says which characters and why
(:func:`check_name`), rather than printed with empty boxes.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any

from ..core.validate import InputError, InputTypeError, describe, text
from ..ui import PALETTE

__all__ = ["FRAME", "NOT_ACCREDITATION", "SELF_ASSESSED", "name_font", "check_name", "graded_parts"]

#: The inner frame, in figure fractions (x0, y0, x1, y1): everything written lies inside it.
FRAME = (0.045, 0.055, 0.955, 0.945)
_MARGIN = 0.03          # between the inner frame and the text, in figure fractions (x)
_FIG_IN = (11.69, 8.27)  # A4 landscape, inches
NOT_ACCREDITATION = "It is not a professional accreditation."
SELF_ASSESSED = ("Self-assessed: exercises checked with the course's instant checks; the assessment submitted once, "
                 "unsupervised, and marked against sealed answers. Not an examination under supervision, not graded "
                 "by an instructor, and not a professional accreditation.")
#: Fonts that draw a placeholder box for every character: they "cover" everything and show nothing.
_PLACEHOLDER_FONTS = ("last resort",)


#: The command printed on a certificate: it works from any shell with a Python that has pm_course installed
#: (in the course folder: ``.venv/bin/python -m pm_course verify ...``), where ``pm-course`` may not be on the PATH.
VERIFY = "python -m pm_course verify"

def graded_parts(content: dict) -> str:
    """What an instructor-issued certificate was issued from, exactly: the parts its content records."""
    if type(content) is not dict:
        raise InputTypeError("content must be a certificate's content, a dict such as "
                             f"pm_course.certificate.content.certificate_content() makes; got {describe(content)}.")
    parts = ["the auto-graded questions of the assessment (at least 50 % of each module's points and 70 % overall)"]
    if "written" in content:
        parts.append("its written, applied answers graded by the instructor with their mark scheme")
    if "followup" in content:
        parts.append("an applied follow-up assignment (what was applied at work, with evidence) graded by the "
                     "instructor")
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _module_titles(names: list[str]) -> list[str]:
    from ..course import module

    out = []
    for n in names:
        try:
            m = module(n)
            out.append(f"{m.number} {m.title}")
        except ValueError:
            out.append(n)
    return out


def _achievement(content: dict[str, Any]) -> str:
    """What the certificate says was done: for a self-assessed one, only the module exercises passed."""
    if content["kind"] == "self-assessed":
        return (f"passed the self-checked assessment of {content['course']} and these modules' exercises "
                f"(at least half of each one's auto-graded points):")
    return f"passed the graded assessment of {content['course']}, covering these modules:"


# ---------------------------------------------------------------- fonts: which one can draw the name


@functools.lru_cache(maxsize=64)
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _drawn(text: str) -> list[str]:
    """The characters that need a glyph (spaces and invisible format characters do not)."""
    return [ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace() and unicodedata.category(ch) != "Cf"]


def _missing(path: str, text: str) -> list[str]:
    cmap = _charmap(path)
    return [ch for ch in _drawn(text) if ord(ch) not in cmap]


def name_font(name: str) -> str | None:
    """The file of an installed font that has a glyph for every character of ``name``, or None.

    The certificate's italic DejaVu Sans first, then the upright one, then any other font matplotlib's font
    manager knows (fonts that only draw placeholder boxes are never used).
    """
    from matplotlib import font_manager as fm

    name = text("name", name)
    preferred = [fm.findfont(fm.FontProperties(family="DejaVu Sans", style="italic")),
                 fm.findfont(fm.FontProperties(family="DejaVu Sans"))]
    others = sorted({f.fname for f in fm.fontManager.ttflist
                     if not any(p in f.name.casefold() for p in _PLACEHOLDER_FONTS)} - set(preferred))
    for path in [*preferred, *others]:
        if not _missing(path, name):
            return path
    return None


def check_name(name: str) -> str:
    """The font file the name is drawn with; raises InputError saying which characters no installed font has."""
    name = text("name", name)
    path = name_font(name)
    if path is not None:
        return path
    from matplotlib import font_manager as fm

    regular = fm.findfont(fm.FontProperties(family="DejaVu Sans"))
    missing = list(dict.fromkeys(_missing(regular, name)))
    shown = ", ".join(f"{ch} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})" for ch in missing[:4])
    more = f" and {len(missing) - 4} more" if len(missing) > 4 else ""
    raise InputError(
        f"the certificate cannot draw the name {name!r}: no font installed on this computer has a glyph for "
        f"{shown}{more}, so it would print as empty boxes. Install a font that covers this script (for example "
        f"a Noto font such as Noto Sans CJK: 'sudo apt install fonts-noto-cjk' on Debian or Ubuntu, or your "
        f"system's font installer), restart the kernel and try again (if matplotlib still does not see the font, delete "
        f"the fontlist-*.json file in matplotlib.get_cachedir() so that it rebuilds its font list); or give the "
        f"name in Latin letters.")


# ---------------------------------------------------------------- layout


def _wrap(text: str, width_px: float, measure) -> list[str]:
    """``text`` in lines no wider than ``width_px`` (measured); words longer than a line are split."""
    lines: list[str] = []
    line = ""
    for word in text.split(" ") if " " in text.strip() else [text.strip()]:
        trial = f"{line} {word}" if line else word
        if measure(trial) <= width_px:
            line = trial
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:  # a word (or a name with no spaces) wider than the line: split by character
            if measure(line + ch) <= width_px or not line:
                line += ch
            else:
                lines.append(line)
                line = ch
    if line:
        lines.append(line)
    return lines or [""]


def _draw(content: dict[str, Any], code: str):
    """A new Figure of the certificate (not shown); every line lies inside the inner frame."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Rectangle

    fig = Figure(figsize=_FIG_IN)
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    x0, y0, x1, y1 = FRAME
    ax.add_patch(Rectangle((0.03, 0.04), 0.94, 0.92, fill=False, lw=3, ec=PALETTE["blue"]))
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, lw=0.8, ec=PALETTE["sky"]))
    ax.set_title("Certificate of completion", alpha=0)  # a title for the figure's accessible name
    width_px = (x1 - x0 - 2 * _MARGIN) * fig.bbox.width
    pt = 1 / (72 * _FIG_IN[1])  # one point, in figure fractions (height)

    def measure(s: str, **props) -> float:
        t = ax.text(0, 0, s, **props)
        w = t.get_window_extent(renderer).width
        t.remove()
        return w

    y = y1 - 0.035
    stacked: list = []

    def block(text: str, size: float, gap: float = 0.35, x: float = 0.5, ha: str = "center", width: float = width_px,
              **props) -> None:
        nonlocal y
        for line in _wrap(text, width, lambda s: measure(s, fontsize=size, **props)):
            y -= size * pt
            stacked.append(ax.text(x, y, line, fontsize=size, ha=ha, va="baseline", **props))
            y -= size * 0.3 * pt
        y -= size * gap * pt

    block("PM Course", 16, color=PALETTE["blue"], weight="bold")
    block("Certificate of completion", 30, weight="bold", gap=0.2)
    block("This certifies that", 13, gap=0.5)
    font = FontProperties(fname=check_name(content["name"]))  # italic DejaVu Sans when it has every glyph
    name = unicodedata.normalize("NFC", content["name"])
    for size in (28, 26, 24, 22, 20, 18, 16, 14, 12):  # shrink to one line, then allow a second at 18 points
        lines = _wrap(name, width_px, lambda s, size=size: measure(s, fontsize=size, fontproperties=font))
        if len(lines) == 1 or (size <= 18 and len(lines) <= 2) or size == 12:
            break
    block(name, size, gap=0.5, fontproperties=font, color=PALETTE["black"])
    block(_achievement(content), 12.5, gap=0.3)
    score = f"Assessment (auto-graded part): {content['score']:g} of {content['total']:g} points ({content['percent']:g} %)"
    if "written" in content:
        w = content["written"]
        score += f"; written answers: {w['score']:g} of {w['total']:g}"
    if "followup" in content:
        f = content["followup"]
        score += f"; applied follow-up: {f['score']:g} of {f['total']:g}"
    if "solutions_viewed" in content:
        score += f"; worked solutions viewed: {content['solutions_viewed']}"
    block(score, 12, gap=0.6)
    titles = _module_titles(content["modules"])
    half = (len(titles) + 1) // 2
    col_w = (x1 - x0 - 2 * _MARGIN) * 0.42
    top = y
    bottoms = []
    for col, chunk in enumerate((titles[:half], titles[half:])):
        y = top
        for t in chunk:
            block("\u2022 " + t, 10.5, gap=0.25, x=0.5 - col_w + col * col_w, ha="left",
                  width=col_w * fig.bbox.width - 12)
        bottoms.append(y)
    y = min(bottoms, default=top) - 0.015
    if "capstone_steps" in content:
        from ..capstone.steps import STEP_SHORT, STEPS

        shown = content["capstone_steps"]
        block(f"Capstone steps shown, {len(shown)} of {len(STEPS)}: "
              + (", ".join(STEP_SHORT.get(s, s) for s in shown) or "none") + ".", 9.5, gap=0.4)
    if content["kind"] == "self-assessed":
        honest = SELF_ASSESSED
    else:
        honest = (f"Issued by {content.get('issuer') or 'the course instructor'} and signed with the instructor's "
                  f"key, from {graded_parts(content)}. " + NOT_ACCREDITATION)
    block(honest, 10, color="#333333")
    free = y - (0.09 + 0.04)  # the room left above the date line
    if free > 0:  # centre the stack in it
        for t in stacked:
            t.set_y(t.get_position()[1] - free / 2)
    ax.text(x0 + _MARGIN, 0.09, f"Date: {content['date']}", fontsize=11)
    ax.text(x1 - _MARGIN, 0.09, f"Verification code: {code}", fontsize=11, ha="right", family="monospace")
    ax.text(0.5, 0.065, f"Check it: {VERIFY} <certificate>.json" +
            (" --public-key <instructor's key>" if content["kind"] != "self-assessed" else ""),
            ha="center", fontsize=8.5, color="#555555")
    return fig


def _write_files(content: dict[str, Any], code: str, stem: Path) -> dict[str, Path]:
    """Save the certificate as ``stem``.pdf and ``stem``.png; returns the paths."""
    fig = _draw(content, code)
    pdf, png = stem.with_suffix(".pdf"), stem.with_suffix(".png")
    fig.savefig(pdf, metadata={"Title": f"Certificate of completion: {content['name']}",
                               "Subject": f"verification code {code}", "Creator": "pm_course"})
    fig.savefig(png, dpi=110)
    return {"pdf": pdf, "png": png}
