"""The capstone portfolio: your saved steps as one self-contained HTML file (plots inline) and a PDF.

It opens with a table of every step: shown (your own work, meeting its rubric), open points, not your own work
(untouched, at the defaults, the dataset's labels or copied: its content is left out) or missing, with what is
missing. It holds only what you made.

The HTML file needs nothing else: the plots are PNG images embedded as base64,
each with alt text; the styles are inline. The PDF is drawn with matplotlib's
PDF backend: a cover page with the steps' text, then one page per plot.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import io
from pathlib import Path
from typing import Any

from .. import ui
from ..core.validate import InputError, InputTypeError, describe, text
from .steps import FORMS, STEP_TITLES, STEPS, check_steps, saved_steps, step_status

__all__ = ["write_portfolio"]

_CSS = ("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:900px;margin:2em auto;"
        "padding:0 1em;color:#222;line-height:1.45}h1{color:#0072B2}h2{border-bottom:2px solid #56B4E9;"
        "padding-bottom:.2em;margin-top:1.6em}table{border-collapse:collapse}td,th{padding:2px 8px;"
        "border-bottom:1px solid #ddd;text-align:left;vertical-align:top}img{max-width:100%}"
        ".todo{color:#D55E00}.muted{opacity:.75}")


def _step_summary(step: str, data: Any) -> list[tuple[str, str]]:
    """The step's artifact as (label, text) rows for the portfolio."""
    if step == "research":
        themes: dict[str, int] = {}
        for theme in data.values():
            themes[theme] = themes.get(theme, 0) + 1
        return [(t, f"{n} snippet(s)") for t, n in sorted(themes.items(), key=lambda kv: -kv[1])]
    if step == "job_stories":
        return [(f"Job story {i}", s) for i, s in enumerate(data, 1)]
    if step == "vision":
        rows = [(k.replace("_", " "), str(v)) for k, v in data.get("board", {}).items()]
        okr = data.get("okr", {})
        rows.append(("objective", str(okr.get("objective", ""))))
        for i, kr in enumerate(okr.get("key_results", []), 1):
            kr = kr if isinstance(kr, dict) else {"text": str(kr)}
            nums = ", ".join(f"{k} {kr[k]:g}" for k in ("baseline", "target", "actual") if isinstance(kr.get(k), (int, float)))
            rows.append((f"key result {i}", f"{kr.get('text', '')}" + (f" ({nums})" if nums else "")))
        return rows
    if step == "roadmap":
        return [("capacity", f"{float(data['capacity']):g} person-months"), ("chosen", ", ".join(data["selected"]))]
    if step == "stakeholders":
        return [(k, f"power {v['power']}, interest {v['interest']}" + (f": {v['quadrant']}" if "quadrant" in v else ""))
                for k, v in data.items()]
    if step in FORMS:
        rows = [(f.replace("_", " "), "" if data.get(f) is None else
                 f"{data[f]:g}" if type(data.get(f)) in (int, float) else str(data.get(f)))
                for f, _, _ in FORMS[step]]
        if step == "business_case":
            from .steps import business_case_numbers

            econ = business_case_numbers(data)
            for plan, e in econ["plans"].items():
                rows.append((f"{plan} plan (case data)", f"margin ${e['contribution_margin']:,.2f} per site-month, "
                             f"churn {e['monthly_churn']:.1%}, CAC ${e['cac']:,.0f}, LTV ${e['ltv']:,.0f}, "
                             f"LTV:CAC {e['ltv_to_cac']:.1f}, payback {e['payback_months']:.1f} months"))
            if "bet" in econ:
                b = econ["bet"]
                rows.append(("the bet (computed)", f"expected value ${b['expected_value']:,.0f} against a cost of "
                             f"${b['cost']:,.0f}: net ${b['net']:,.0f}; chance of a loss {b['chance_of_loss']:.0%}"))
        return rows
    if step == "development_plan":
        rows = [("target", str(data.get("target", ""))), ("days", str(data.get("days", "")))]
        for i, g in enumerate(data.get("goals", []), 1):
            rows.append((f"goal {i}: {g.get('area', '')}", f"{g.get('goal', '')} (metric: {g.get('metric', '')}; "
                         f"who helps: {g.get('helpers', '')})"))
        return rows
    if step == "launch":
        exp, launch = data.get("experiment", {}), data.get("launch", {})
        return [("experiment", ", ".join(f"{k} {v}" for k, v in exp.items())),
                ("launch tier", str(launch.get("tier", ""))), ("checklist done", ", ".join(launch.get("done", []))),
                ("rollout", ", ".join(f"{s[0]:.0%} for {s[1]} days" for s in launch.get("rollout", [])))]
    return [(step, str(data))]


def _step_figure(step: str, data: Any):
    """A new Figure for the step and its alt text, or (None, "") when the step has nothing to plot."""
    if step == "research" and data:
        counts: dict[str, int] = {}
        for theme in data.values():
            counts[theme] = counts.get(theme, 0) + 1
        themes = sorted(counts, key=lambda t: counts[t])
        fig, ax = ui.figure(7, 0.5 + 0.45 * len(themes))
        ax.barh(themes, [counts[t] for t in themes], color=ui.CATEGORY["highlight"])
        ax.set_xlabel("snippets tagged")
        ax.set_ylabel("theme")
        ax.set_title("Research synthesis: evidence per theme")
        alt = "Bar chart of snippets per theme: " + ", ".join(f"{t} {counts[t]}" for t in themes[::-1]) + "."
        return fig, alt
    if step == "vision":
        krs = [k for k in data.get("okr", {}).get("key_results", []) if isinstance(k, dict)
               and all(isinstance(k.get(x), (int, float)) for x in ("baseline", "target", "actual"))]
        if not krs:
            return None, ""
        from ..vision.strategy import key_result_progress

        prog = [max(0.0, min(1.0, key_result_progress(k["baseline"], k["target"], k["actual"]))) for k in krs]
        labels = [f"KR{i}" for i in range(1, len(krs) + 1)]
        fig, ax = ui.figure(7, 1 + 0.5 * len(krs))
        ax.barh(labels[::-1], prog[::-1], color=ui.CATEGORY["good"])
        ax.set_xlim(0, 1)
        ax.set_xlabel("progress from baseline to target (0 to 1)")
        ax.set_ylabel("key result")
        ax.set_title("OKR progress")
        return fig, "Bar chart of key-result progress: " + ", ".join(f"{lab} {p:.2f}" for lab, p in zip(labels, prog)) + "."
    if step == "roadmap":
        from ..data import load
        from ..prioritization.frameworks import capacity_items

        items = {i["id"]: i for i in (data.get("items") or capacity_items(load("backlog")))}
        chosen = [i for i in data["selected"] if i in items]
        fig, ax = ui.figure(7, 2.2)
        left = 0.0
        for n, i in enumerate(chosen):
            colour = list(ui.PALETTE.values())[n % 7]
            ax.barh(["roadmap"], [items[i]["effort"]], left=left, color=colour, edgecolor="black")
            ax.text(left + items[i]["effort"] / 2, 0, i, ha="center", va="center", fontsize=9)
            left += float(items[i]["effort"])
        ax.axvline(float(data["capacity"]), color=ui.CATEGORY["bad"], ls="--", label="capacity")
        ax.set_xlabel("person-months")
        ax.set_ylabel("quarter")
        ax.set_xlim(0, max(left, float(data["capacity"])) * 1.1 or 1)
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
        ax.set_title("Roadmap within capacity")
        return fig, (f"Stacked bar of the chosen items' effort ({', '.join(chosen)}): {left:g} person-months "
                     f"against a capacity of {float(data['capacity']):g}, dashed line.")
    if step == "stakeholders" and data:
        fig, ax = ui.figure(6, 4.5)
        ax.axhline(5, color="#999", lw=1)
        ax.axvline(5, color="#999", lw=1)
        spots: dict[tuple, list[str]] = {}
        for k, v in data.items():
            spots.setdefault((v["interest"], v["power"]), []).append(k)
        for (x, y), names in spots.items():
            ax.scatter(x, y, color=ui.CATEGORY["highlight"], zorder=3)
            ax.annotate(", ".join(names), (x, y), textcoords="offset points", xytext=(4, 4), fontsize=8,
                        ha="right" if x > 7 else "left")
        ax.set_xlim(0, 10.5)
        ax.set_ylim(0, 10.5)
        ax.set_xlabel("interest (0-10)")
        ax.set_ylabel("power (0-10)")
        ax.set_title("Stakeholder map (power and interest)")
        return fig, "Scatter of stakeholders by interest (x) and power (y): " + ", ".join(
            f"{k} power {v['power']}, interest {v['interest']}" for k, v in data.items()) + "."
    if step == "launch" and data.get("launch", {}).get("rollout"):
        stages = data["launch"]["rollout"]
        xs, ys, day = [0.0], [0.0], 0.0
        for share, days in stages:
            xs += [day, day + max(float(days), 1.0)]
            ys += [share * 100, share * 100]
            day += max(float(days), 1.0)
        fig, ax = ui.figure(7, 3)
        ax.step(xs, ys, where="post", color=ui.CATEGORY["highlight"], lw=2)
        ax.set_ylim(0, 105)
        ax.set_xlabel("days from the start of the rollout")
        ax.set_ylabel("share of customers (%)")
        ax.set_title("Staged rollout")
        return fig, "Step chart of the rollout: " + ", ".join(f"{s:.0%} for {d} days" for s, d in stages) + "."
    return None, ""


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def write_portfolio(path: Any = "shiftbrew_portfolio.html", pdf: bool = True, *, name: str = "",
                    steps: dict | None = None) -> dict[str, str]:
    """Write the portfolio of the saved capstone steps (or of ``steps``); returns {"html": path, "pdf": path}."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    if type(path) is not str and not isinstance(path, Path):
        raise InputTypeError(f"path must be a file name ending in .html; got {describe(path)}.")
    if type(pdf) is not bool:
        raise InputTypeError(f"pdf must be True or False (whether to write a PDF too); got {describe(pdf)}.")
    name = text("name", name, empty_ok=True, max_len=120).strip()
    if steps is not None:
        check_steps(steps)
    out = Path(path)
    if out.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"path must end in .html; got {str(path)!r}.")
    saved = saved_steps() if steps is None else steps
    if not saved:
        raise InputError("nothing to put in the portfolio yet: save a capstone step first "
                         "(pm_course.capstone.save_step(step, data)); it needs at least one.")
    title = f"Shiftbrew capstone portfolio{': ' + name if name else ''}"
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
             f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
             f"<p class='muted'>PM Course, module 09. Written {_dt.date.today().isoformat()}. The case study "
             "(Shiftbrew, a rota app for independent cafés) is fictional.</p>"]
    status = step_status(saved)
    rows = "".join(f"<tr><th>{html.escape(STEP_TITLES[st])}</th><td>{html.escape(r['state'])}</td>"
                   f"<td>{'yes' if r['own'] else 'no'}</td><td>{html.escape(r['missing'] or '')}</td></tr>"
                   for st, r in status.items())
    shown = sum(r["state"] == "shown" for r in status.values())
    parts.append(f"<section id='steps'><h2>The steps</h2><p>{shown} of {len(STEPS)} steps shown (saved as your own "
                 "work and meeting their rubric).</p><table class='pm-portfolio-status'><tr><th>step</th><th>state"
                 f"</th><th>your own work</th><th>what is missing</th></tr>{rows}</table></section>")
    figures = []
    for step in STEPS:
        if not status[step]["own"]:
            parts.append(f"<h2>{html.escape(STEP_TITLES[step])}</h2><p class='todo'>"
                         + ("Not done yet." if status[step]["state"] == "missing" else
                            "Not your own work yet, so its content is left out: " + html.escape(status[step]["missing"]))
                         + "</p>")
            continue
        data, problems = saved[step].get("data"), status[step]["problems"]
        rows = "".join(f"<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in _step_summary(step, data))
        parts.append(f"<section class='pm-portfolio-step' id='{step}'><h2>{html.escape(STEP_TITLES[step])}</h2>"
                     f"<table>{rows}</table>")
        if problems:
            parts.append("<p class='todo'>Still open: " + html.escape("; ".join(problems)) + "</p>")
        fig, alt = _step_figure(step, data)
        if fig is not None:
            parts.append(f"<figure><img src='data:image/png;base64,{_png(fig)}' alt='{html.escape(alt, quote=True)}'>"
                         f"<figcaption class='muted'>{html.escape(alt)}</figcaption></figure>")
            figures.append(fig)
        parts.append("</section>")
    parts.append("</body></html>")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(parts), encoding="utf-8")
    written = {"html": str(out)}
    if pdf:
        pdf_path = out.with_suffix(".pdf")
        with PdfPages(pdf_path, metadata={"Title": title, "Creator": "pm_course"}) as doc:
            import textwrap

            lines: list[tuple[float, str, dict]] = [(0.0, title, {"fontsize": 16, "weight": "bold",
                                                                   "color": ui.PALETTE["blue"]})]
            for step in STEPS:
                lines.append((0.0, f"{STEP_TITLES[step]}: {status[step]['state']}", {"fontsize": 10, "weight": "bold"}))
                summary = (_step_summary(step, saved[step]["data"]) if status[step]["own"]
                           else [("", status[step]["missing"])])
                for a, b in summary[:8]:
                    for k, piece in enumerate(textwrap.wrap(f"{a}: {b}" if a else b, 105)[:3]):
                        lines.append((0.02 + 0.02 * (k > 0), piece, {"fontsize": 8.5}))
            page, y = None, 0.0
            for indent, words, style in lines:
                if page is None or y < 0.05:
                    if page is not None:
                        doc.savefig(page)
                        plt.close(page)
                    page, y = plt.figure(figsize=(8.27, 11.69)), 0.96
                page.text(0.08 + indent, y, words, **style)
                y -= 0.03 if style.get("weight") else 0.02
            doc.savefig(page)
            plt.close(page)
            for fig in figures:
                doc.savefig(fig)
        written["pdf"] = str(pdf_path)
    for fig in figures:
        plt.close(fig)
    return written
