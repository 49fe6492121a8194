"""A learner sees the course, not nbgrader's instructor tools; an instructor can switch them on.

``make lab`` uses ``.jupyter/`` (nbgrader's lab extension and server extensions off);
``make lab-instructor`` uses ``.jupyter/instructor/`` (on). Both are checked in the
page (menu, panels, commands) and on the server (the formgrader's address).
"""

from __future__ import annotations

import pytest

from .jlab import NotebookPage

pytestmark = pytest.mark.browser

NBGRADER_PLUGINS = [
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:assignment-list",
    "@jupyter/nbgrader:menu",
]
# what nbgrader adds to the page: the Create Assignment panel and its sidebar tab, the Validate button
NBGRADER_DOM = ".nbgrader-CreateAssignmentWidget, .jp-SideBar [title='Nbgrader Create Assignment'], .validate-button"
NBGRADER_COMMANDS = ["nbgrader:open-formgrader", "nbgrader:open-create-assignment", "nbgrader:open-course-list"]

_LAB_STATE = """
([plugins, commands]) => {
  const app = window.jupyterapp;
  return {
    plugins: plugins.filter(p => app.hasPlugin(p)),
    commands: commands.filter(c => app.commands.hasCommand(c)),
  };
}
"""


def menubar(page) -> list[str]:
    return [t.strip() for t in page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").all_inner_texts()]


def test_learner_sees_no_instructor_tools(lab, page):
    nb = NotebookPage.open(page, lab, "notebooks/00_welcome.ipynb")
    bar = menubar(page)
    assert "Run" in bar  # the menu bar is there ...
    assert "Nbgrader" not in bar, bar  # ... without nbgrader's menu
    state = page.evaluate(_LAB_STATE, [NBGRADER_PLUGINS, NBGRADER_COMMANDS])
    assert state == {"plugins": [], "commands": []}, state
    assert page.locator(NBGRADER_DOM).count() == 0  # no Create Assignment panel, no Validate button
    assert nb.panel.locator(".jp-Toolbar").count() > 0
    # the server does not serve the formgrader or the assignment list
    assert lab.get_status("formgrader") == 404
    assert lab.get_status("assignments") == 404


def test_instructor_settings_switch_the_tools_on(instructor_lab, page):
    NotebookPage.open(page, instructor_lab, "notebooks/00_welcome.ipynb")
    state = page.evaluate(_LAB_STATE, [NBGRADER_PLUGINS, NBGRADER_COMMANDS])
    assert sorted(state["plugins"]) == sorted(NBGRADER_PLUGINS), state
    assert sorted(state["commands"]) == sorted(NBGRADER_COMMANDS), state
    for selector in NBGRADER_DOM.split(", "):
        assert page.locator(selector).count() > 0, f"{selector} is missing with the instructor settings"
    assert "Nbgrader" in menubar(page)
    page.locator("#jp-menu-panel .lm-MenuBar-item", has_text="Nbgrader").click()
    items = [t.split("\t")[0] for t in page.locator(".lm-Menu:visible .lm-Menu-itemLabel").all_inner_texts()]
    assert {"Formgrader", "Create assignment", "Course List"} <= set(items), items
    page.keyboard.press("Escape")
    assert instructor_lab.get_status("formgrader") == 200


@pytest.mark.parametrize("which", ["lab", "instructor_lab"])
def test_no_news_or_update_prompts(which, request, page):
    """Both settings turn off JupyterLab's news feed, update check and extension installs."""
    server = request.getfixturevalue(which)
    NotebookPage.open(page, server, "notebooks/00_welcome.ipynb")
    config = page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent)")
    assert config["news"] == {"disabled": True}
    assert config["extensionManager"]["can_install"] is False
    notification = page.evaluate(
        "async () => (await window.jupyterapp.serviceManager.settings"
        ".fetch('@jupyterlab/apputils-extension:notification')).settings")
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
    assert page.locator(".jp-Notification-Toast").count() == 0  # no toast asking about news or updates
