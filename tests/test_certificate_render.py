"""The certificate's drawing: every line inside the frame at every allowed name length, and glyphs for every name.

Measured, not eyeballed: each text's bounding box as the Agg renderer draws it (``get_window_extent``) must lie
inside the inner frame, and the font each text is drawn with must have a glyph for each of its characters
(FT2Font.get_charmap). A name no installed font can draw is refused with a message that says why.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_course.certificate.content import certificate_content, verification_code
from pm_course.certificate.render import FRAME, _draw, check_name, name_font
from pm_course.core.validate import InputError

MODULES = ["01_pm_role", "02_research", "03_vision_strategy_roadmap", "04_prioritization", "05_collaboration",
           "06_data_launch", "07_career", "08_leading"]
LONG_ISSUER = ("PM Course, cohort 1 of the Product Management Practice programme, Faculty of Continuing Education "
               "and Professional Development, University of Somewhere, in partnership with the Example Institute")


def _content(name, kind="self-assessed", issuer=""):
    from pm_course.capstone.steps import STEPS

    extra = ({"solutions_viewed": 12, "capstone_steps": list(STEPS)} if kind == "self-assessed"
             else {"written": (6, 8), "issuer": issuer})
    return certificate_content(name, kind=kind, score=22, total=25, modules=MODULES, date="2026-12-01",
                               student_id="s0001", **extra)


def _texts(fig):
    ax = fig.axes[0]
    return [t for t in ax.texts if t.get_visible() and t.get_alpha() != 0 and t.get_text().strip()]


def _outside_frame(fig):
    """The texts whose drawn box is not inside the inner frame (display coordinates)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    (fx0, fy0), (fx1, fy1) = fig.transFigure.transform([(FRAME[0], FRAME[1]), (FRAME[2], FRAME[3])])
    bad = []
    for t in _texts(fig):
        b = t.get_window_extent(renderer)
        if b.x0 < fx0 or b.x1 > fx1 or b.y0 < fy0 or b.y1 > fy1:
            bad.append((t.get_text()[:40], [round(v) for v in (b.x0, b.y0, b.x1, b.y1)]))
    return bad


def _overlapping(fig):
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text()[:30], t.get_window_extent(renderer)) for t in _texts(fig)]
    return [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
            if ba.x0 < bb.x1 - 1 and bb.x0 < ba.x1 - 1 and ba.y0 < bb.y1 - 1 and bb.y0 < ba.y1 - 1]


def _font_file(t):
    from matplotlib import font_manager as fm

    prop = t.get_fontproperties()
    return prop.get_file() or fm.findfont(prop)


def _missing_glyphs(fig):
    from matplotlib.ft2font import FT2Font

    out = []
    for t in _texts(fig):
        cmap = FT2Font(_font_file(t)).get_charmap()
        out += [(t.get_text()[:30], ch) for ch in t.get_text() if not ch.isspace() and ord(ch) not in cmap]
    return out


def _close(fig):
    import matplotlib.pyplot as plt

    plt.close(fig)


@pytest.mark.parametrize("kind", ["self-assessed", "instructor-issued"])
@pytest.mark.parametrize("name", [
    "A", "Ada Example", "Maximiliana Konstantinopoulou-Wolfeschlegel", "Maximiliana Konstantinopoulou-Wolfeschlegelst",
    "Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff Jr",
    " ".join(["Bartholomew"] * 10)[:120], "W" * 120, "Zoë Łukasiewicz-Ñúñez Ελένη Παπαδοπούλου Ольга"])
def test_every_line_lies_inside_the_frame(name, kind):
    fig = _draw(_content(name, kind, issuer=LONG_ISSUER), "0000-0000-0000-0000")
    try:
        assert not _outside_frame(fig), _outside_frame(fig)
        assert not _overlapping(fig), _overlapping(fig)
        assert not _missing_glyphs(fig)
        words = "".join(t.get_text() for t in _texts(fig))
        assert "".join(name.split()) in "".join(words.split())  # the whole name is drawn, none of it cut
        if kind == "instructor-issued":
            assert "Issued by" in words and "Example Institute" in words
        else:  # the capstone steps shown are listed, inside the frame
            assert "Capstone steps shown, 12 of 12" in " ".join(t.get_text() for t in _texts(fig))
        assert "not a professional accreditation" in " ".join(t.get_text() for t in _texts(fig))
    finally:
        _close(fig)


def test_a_long_name_shrinks_before_it_wraps():
    short, longer = (_draw(_content(n), "0000-0000-0000-0000") for n in ("Ada Example", "Maximiliana Alexandrina "
                                                                          "Konstantinopoulou-Wolfeschlegel"))
    try:
        size = {f: max(t.get_fontsize() for t in _texts(f) if "Ada" in t.get_text() or "Maximiliana" in t.get_text())
                for f in (short, longer)}
        assert size[short] == 28 and size[longer] < 28
        assert sum("Maximiliana" in t.get_text() for t in _texts(longer)) == 1  # shrunk, still one line
    finally:
        _close(short)
        _close(longer)


@settings(max_examples=12, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24F,
                                      blacklist_categories=("Cc", "Cs", "Co", "Cn", "Mn", "Zl", "Zp")),
               min_size=1, max_size=120).filter(lambda s: s.strip()))
def test_any_latin_name_up_to_the_limit_fits(name):
    fig = _draw(_content(name), "0000-0000-0000-0000")
    try:
        assert not _outside_frame(fig), _outside_frame(fig)
        assert not _missing_glyphs(fig)
    finally:
        _close(fig)


@pytest.fixture
def bundled_fonts(monkeypatch):
    """Only the fonts matplotlib ships (none has CJK glyphs), whatever this computer has installed."""
    from matplotlib import font_manager as fm

    bundled = [f for f in fm.fontManager.ttflist if "mpl-data" in f.fname]
    assert bundled
    monkeypatch.setattr(fm.fontManager, "ttflist", bundled)
    return bundled


def test_a_name_no_installed_font_can_draw_is_refused_and_says_why(bundled_fonts):
    from matplotlib.ft2font import FT2Font

    name = "山田 太郎"
    assert name_font(name) is None
    with pytest.raises(InputError) as err:
        check_name(name)
    msg = str(err.value)
    assert "山" in msg and unicodedata.name("山") in msg and "empty boxes" in msg and "Install a font" in msg
    # matplotlib ships a font that "covers" every character with a placeholder box: it must not count
    boxes = [f.fname for f in bundled_fonts if "last resort" in f.name.casefold()]
    assert all(ord("山") in FT2Font(b).get_charmap() for b in boxes)


def test_issue_refuses_an_undrawable_name_before_anything_is_written(fresh_home, tmp_path, bundled_fonts):
    from pm_course import certificate

    with pytest.raises(InputError, match="cannot draw the name"):
        certificate.issue("山田 太郎", tmp_path)
    assert not list(tmp_path.iterdir())


def test_names_in_other_scripts_pick_a_font_with_their_glyphs():
    from matplotlib.ft2font import FT2Font

    for name in ("Zoë Łukasiewicz", "Ελένη Παπαδοπούλου", "Ольга Иванова", "محمد علي"):
        path = name_font(name)
        assert path is not None, name
        cmap = FT2Font(path).get_charmap()
        assert all(ord(ch) in cmap for ch in name if not ch.isspace())
    assert "Oblique" in name_font("Zoë Łukasiewicz")  # the certificate's italic when it has the glyphs


def test_the_issuer_has_a_length_limit():
    with pytest.raises(InputError, match="at most 200"):
        _content("Ada Example", "instructor-issued", issuer="x" * 201)
    assert verification_code(_content("Ada Example", "instructor-issued", issuer="x" * 200))
