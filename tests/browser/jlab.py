"""Driving a JupyterLab notebook in the browser, as a learner would.

Actions go through the interface (menus, clicks, keys). To know when the
kernel is done and what each cell output, the helpers read JupyterLab's own
state through ``window.jupyterapp`` (the test server sets
``expose_app_in_browser``), which is exact where the screen is ambiguous:
an error and a warning both show in a red box.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from dataclasses import dataclass, field

from playwright.sync_api import Page, expect

# Seconds. Generous: the machine has two cores shared with other work.
RUN_ALL = float(os.environ.get("PM_COURSE_BROWSER_RUN_TIMEOUT", "180"))
WIDGETS = float(os.environ.get("PM_COURSE_BROWSER_WIDGET_TIMEOUT", "30"))
UI = 30.0

# JavaScript: the notebook panel open on `path`.
_PANEL = """
const panelFor = (path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.content.model) return w;
  }
  return null;
};
"""

_STATE = _PANEL + """
(path) => {
  const panel = panelFor(path);
  if (!panel) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = [];
  panel.content.widgets.forEach((cell, index) => {
    const model = cell.model;
    if (model.type !== 'code') return;
    const prompt = cell.promptNode ? cell.promptNode.textContent : '';
    cells.push({
      index,
      source: model.sharedModel.getSource(),
      count: model.executionCount,
      pending: prompt.includes('*') || model.executionState === 'running',
      outputs: model.outputs.toJSON().map(o => ({
        type: o.output_type, name: o.name || '', ename: o.ename || '', evalue: o.evalue || '',
        text: typeof o.text === 'string' ? o.text : (Array.isArray(o.text) ? o.text.join('') : ''),
        mimes: o.data ? Object.keys(o.data) : [],
      })),
    });
  });
  return {kernel: kernel ? kernel.status : 'none', dirty: panel.context.model.dirty, cells};
}
"""

# JavaScript: widget outputs that failed, or are still loading. The widget renderer is the
# output node itself: it says "Loading widget..." until the view exists, and "Error displaying
# widget..." when the model or the view cannot be made. A child view that cannot be made is drawn
# as an error widget inside its parent (class jupyter-widgets-error-widget): counted as an error too.
_WIDGET_TROUBLE = _PANEL + """
(path) => {
  const panel = panelFor(path);
  if (!panel) return {missing: true};
  const outputs = [...panel.node.querySelectorAll('.jp-OutputArea-output')];
  const text = n => n.textContent.trim();
  const loading = outputs.filter(n => text(n).startsWith('Loading widget'));
  const errors = outputs.filter(n => text(n).startsWith('Error displaying widget'));
  // a part of a widget whose view failed (e.g. an Output given a tooltip): the widget shows, the part does not
  const broken = [...panel.node.querySelectorAll('.jupyter-widgets-error-widget')];
  const views = outputs.filter(n => n.querySelector(':scope > .jupyter-widgets'));
  return {views: views.length, loading: loading.length,
          errors: errors.map(n => text(n).slice(0, 200)).concat(
            broken.map(n => 'a widget part failed to render: ' + (n.title || text(n)).slice(0, 300)))};
}
"""


@dataclass
class CellOutcome:
    index: int
    source: str
    count: int | None
    errors: list[str] = field(default_factory=list)
    stderr: str = ""


class NotebookPage:
    """One notebook open in its own JupyterLab workspace, in one browser tab."""

    def __init__(self, page: Page, lab, path: str):
        self.page, self.lab, self.path = page, lab, path

    @classmethod
    def open(cls, page: Page, lab, path: str, kernel_timeout: float = 120) -> NotebookPage:
        nb = cls(page, lab, path)
        workspace = "t" + uuid.uuid4().hex[:10]  # a fresh workspace: no tabs restored from another test
        page.goto(lab.url(f"lab/workspaces/{workspace}/tree/{path}", reset=""))
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first.wait_for(
            state="visible", timeout=kernel_timeout * 1000)
        nb.wait_kernel_idle(kernel_timeout)
        return nb

    # ------------------------------------------------------------------ state
    def state(self) -> dict:
        s = self.page.evaluate(_STATE, self.path)
        if s is None:
            raise AssertionError(f"{self.path} is not open in JupyterLab")
        return s

    def wait_kernel_idle(self, timeout: float = UI) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s = self.page.evaluate(_STATE, self.path)
            if s and s["kernel"] == "idle":
                return
            time.sleep(0.25)
        raise AssertionError(f"the kernel of {self.path} was not idle within {timeout:.0f} s "
                             f"(status: {s and s['kernel']})")

    def wait_done(self, timeout: float = RUN_ALL) -> dict:
        """Wait until no cell is queued or running and the kernel is idle (twice in a row)."""
        deadline = time.monotonic() + timeout
        calm = 0
        s: dict = {}
        while time.monotonic() < deadline:
            s = self.state()
            started = any(c["count"] is not None or c["outputs"] for c in s["cells"])
            busy = s["kernel"] != "idle" or any(c["pending"] for c in s["cells"])
            calm = calm + 1 if (started and not busy) else 0
            if calm >= 2:
                return s
            time.sleep(0.4)
        pending = [c["index"] for c in s.get("cells", []) if c["pending"]]
        raise AssertionError(f"{self.path}: still running after {timeout:.0f} s "
                             f"(kernel {s.get('kernel')}, cells pending: {pending})")

    # ------------------------------------------------------------------ actions
    def menu(self, top: str, item: str) -> None:
        """Click a main-menu entry, e.g. ``menu("Run", "Run All Cells")``."""
        self.page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(top)}$")).click()
        entry = self.page.locator(".lm-Menu:visible .lm-Menu-item .lm-Menu-itemLabel",
                                  has_text=re.compile(rf"^{re.escape(item)}$"))
        entry.click()

    def run_all(self, timeout: float = RUN_ALL) -> list[CellOutcome]:
        """Run > Run All Cells, wait for the kernel, return what each code cell produced."""
        self.menu("Run", "Run All Cells")
        return self.outcomes(self.wait_done(timeout))

    def outcomes(self, s: dict | None = None) -> list[CellOutcome]:
        s = s or self.state()
        result = []
        for c in s["cells"]:
            errors = [f"{o['ename']}: {o['evalue']}" for o in c["outputs"] if o["type"] == "error"]
            stderr = "".join(o["text"] for o in c["outputs"] if o["type"] == "stream" and o["name"] == "stderr")
            result.append(CellOutcome(c["index"], c["source"], c["count"], errors, stderr))
        return result

    def widget_trouble(self, deadline: float = WIDGETS) -> dict:
        """Wait up to ``deadline`` s for every widget to render; return what is still wrong."""
        end = time.monotonic() + deadline
        while True:
            t = self.page.evaluate(_WIDGET_TROUBLE, self.path)
            if not t.get("loading") and not t.get("errors"):
                return t
            if time.monotonic() > end:
                return t
            time.sleep(0.3)

    @property
    def panel(self):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first

    def cell(self, index: int):
        """The cell at ``index`` (all cells, markdown included, counted from 0)."""
        return self.panel.locator(".jp-Notebook > .jp-Cell, .jp-WindowedPanel-viewport > .jp-Cell").nth(index)

    def show_cell(self, index: int) -> None:
        """Scroll the cell at ``index`` to the top of the notebook (for a screenshot of a failure)."""
        self.cell(index).evaluate("el => el.scrollIntoView({block: 'start'})")
        self.page.wait_for_timeout(300)

    def code_cell_containing(self, text: str) -> int:
        for c in self.state()["cells"]:
            if text in c["source"]:
                return c["index"]
        raise AssertionError(f"{self.path}: no code cell contains {text!r}")

    def wait_cell_ran(self, index: int, before: int | None, timeout: float = RUN_ALL) -> dict:
        """Wait until the code cell at ``index`` has a new execution count and the kernel is idle."""
        deadline = time.monotonic() + timeout
        cell: dict = {}
        while time.monotonic() < deadline:
            s = self.state()
            cell = next(c for c in s["cells"] if c["index"] == index)
            if cell["count"] is not None and cell["count"] != before and not cell["pending"] \
                    and s["kernel"] == "idle":
                return cell
            time.sleep(0.3)
        raise AssertionError(f"{self.path}: cell {index} did not finish within {timeout:.0f} s ({cell})")

    def count_of(self, index: int) -> int | None:
        return next(c for c in self.state()["cells"] if c["index"] == index)["count"]

    def replace(self, index: int, source: str) -> None:
        """Click into a cell, select all, type ``source`` (the cell is not run)."""
        cell = self.cell(index)
        cell.scroll_into_view_if_needed()
        editor = cell.locator(".cm-content")
        editor.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(source)  # top-level lines only: no auto-indent to fight
        expect(editor).to_have_text(re.compile(re.escape(source.split("\n")[0])))

    def replace_and_run(self, index: int, source: str) -> dict:
        """Click into a cell, select all, type ``source``, press Shift+Enter; wait for it to run."""
        before = self.count_of(index)
        self.replace(index, source)
        self.page.keyboard.press("Shift+Enter")
        return self.wait_cell_ran(index, before)

    def screenshot(self, path) -> None:
        self.page.screenshot(path=str(path), full_page=False)
