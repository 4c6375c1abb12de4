"""Repository conventions: workflows are valid GitHub Actions, templates are in place."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .conftest import clear_old_runs
from .site_helpers import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def test_workflows_pass_actionlint() -> None:
    actionlint = shutil.which("actionlint") or str(Path(__import__("sys").executable).parent / "actionlint")
    workflows = sorted(str(p) for p in (ROOT / ".github/workflows").glob("*.yml"))
    assert len(workflows) == 2
    result = subprocess.run(
        [actionlint, "-shellcheck=", "-pyflakes=", *workflows], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_use_official_actions_and_the_readme_commands() -> None:
    ci = load_yaml((ROOT / ".github/workflows/ci.yml").read_text())
    steps = ci["jobs"]["test"]["steps"]
    assert any(s.get("run") == "./scripts/test" for s in steps)
    pages = (ROOT / ".github/workflows/pages.yml").read_text()
    for action in ("actions/upload-pages-artifact", "actions/deploy-pages", "actions/configure-pages"):
        assert action in pages
    readme = (ROOT / "README.md").read_text()
    assert "./scripts/test" in readme and "./scripts/serve" in readme
    assert "scripts/test" in (ROOT / ".ci/run").read_text()


def test_issue_forms_are_valid_yaml() -> None:
    for form in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml"):
        data = load_yaml(form.read_text())
        if form.name != "config.yml":
            assert data["name"] and data["body"], form
    assert (ROOT / ".github/pull_request_template.md").is_file()
    assert "policy-archive new" in (ROOT / "CONTRIBUTING.md").read_text()


def test_installing_prints_no_deprecation_warning(tmp_path: Path) -> None:
    # setuptools deprecated `license` as a table: the SPDX string builds without a warning.
    # (Built from a copy: an in-tree build would leave build/ in the checkout.)
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [__import__("sys").executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(project)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Deprecat" not in result.stdout + result.stderr and "deprecated" not in result.stdout + result.stderr


def test_ci_installs_a_browser_that_runs_on_the_runner() -> None:
    ci = (ROOT / ".github/workflows/ci.yml").read_text()
    assert "chromium-browser" not in ci  # a snap stub on Ubuntu runners
    assert "CHROMIUM=" in ci and "site-preview" in ci


def test_old_test_runs_are_removed_in_the_background_but_one_still_held(tmp_path: Path) -> None:
    for number in range(1, 6):
        (tmp_path / f"pytest-{number}" / "site").mkdir(parents=True)
        (tmp_path / f"pytest-{number}" / "site" / "index.html").write_text("a page")
    (tmp_path / "pytest-2" / ".lock").touch()  # a run that is still going holds its folder
    (tmp_path / "other").mkdir()
    removal = clear_old_runs(tmp_path, keep=3)
    assert removal is not None and removal.wait(timeout=60) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "pytest-2", "pytest-3", "pytest-4", "pytest-5"]
    assert clear_old_runs(tmp_path, keep=3) is None  # nothing more to remove
