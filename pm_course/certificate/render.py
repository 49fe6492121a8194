"""The certificate drawn with matplotlib: one A4-landscape page, saved as PDF and PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..ui import PALETTE

__all__: list[str] = []  # drawn for the issuing code only, from content it has validated


#: The command printed on a certificate: it works from any shell with a Python that has pm_course installed
#: (in the course folder: ``.venv/bin/python -m pm_course verify ...``), where ``pm-course`` may not be on the PATH.
VERIFY = "python -m pm_course verify"

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


def _draw(content: dict[str, Any], code: str):
    """A new Figure of the certificate (not shown)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    fig = Figure(figsize=(11.69, 8.27))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    ax.add_patch(Rectangle((0.03, 0.04), 0.94, 0.92, fill=False, lw=3, ec=PALETTE["blue"]))
    ax.add_patch(Rectangle((0.045, 0.055), 0.91, 0.89, fill=False, lw=0.8, ec=PALETTE["sky"]))
    ax.set_title("Certificate of completion", alpha=0)  # a title for the figure's accessible name
    ax.text(0.5, 0.86, "PM Course", ha="center", fontsize=16, color=PALETTE["blue"], weight="bold")
    ax.text(0.5, 0.78, "Certificate of completion", ha="center", fontsize=30, weight="bold")
    ax.text(0.5, 0.71, "This certifies that", ha="center", fontsize=13)
    ax.text(0.5, 0.63, content["name"], ha="center", fontsize=28, color=PALETTE["black"], style="italic")
    ax.text(0.5, 0.565, "completed " + content["course"], ha="center", fontsize=12.5, wrap=True)
    score = f"Assessment (auto-graded part): {content['score']:g} of {content['total']:g} points ({content['percent']:g} %)"
    if "written" in content:
        w = content["written"]
        score += f"; written answers: {w['score']:g} of {w['total']:g}"
    ax.text(0.5, 0.515, score, ha="center", fontsize=12)
    titles = _module_titles(content["modules"])
    half = (len(titles) + 1) // 2
    for col, chunk in enumerate((titles[:half], titles[half:])):
        for i, t in enumerate(chunk):
            ax.text(0.16 + col * 0.38, 0.445 - i * 0.035, "\u2022 " + t, fontsize=10.5)
    y = 0.445 - half * 0.035 - 0.03
    if content["kind"] == "self-assessed":
        honest = ("Self-assessed: the learner checked their own answers with the course's instant checks. "
                  "It is not an examination under supervision and no instructor has graded it.")
    else:
        honest = (f"Issued by {content.get('issuer') or 'the course instructor'} from the graded assessment "
                  "(auto-graded and manually graded parts), signed with the instructor's key.")
    ax.text(0.5, y, honest, ha="center", fontsize=10, wrap=True, color="#333333")
    ax.text(0.08, 0.09, f"Date: {content['date']}", fontsize=11)
    ax.text(0.92, 0.09, f"Verification code: {code}", fontsize=11, ha="right", family="monospace")
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
