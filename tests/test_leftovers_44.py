"""The forty-fourth session's fixes from a new user's read of the README: two configs in one folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import COMPLIANT_BODY, GR_URL, markdown

PYPROJECT = '[project]\nname = "site"\n\n[tool.reprint-guard]\nfail-on = "warning"\n'


def _site(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    meta = {"title": "x", "original_url": GR_URL, "author": "Ana Ruiz", "commercial": False}
    (tmp_path / "content" / "a.md").write_text(markdown(meta, COMPLIANT_BODY), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    return tmp_path


def test_init_does_not_hide_a_pyproject_table(tmp_path, cli):
    """init beside a pyproject.toml holding the project's settings: a .reprint-guard.yaml would be read instead,
    and the settings there (fail-on: warning) silently dropped; refused unless --force, which says so."""
    site = _site(tmp_path)
    run = cli("init", str(site), cwd=site)
    assert run.code == 2, run
    assert "pyproject.toml's [tool.reprint-guard] table" in run.err and "--force" in run.err, run.err
    assert not (site / ".reprint-guard.yaml").exists()
    assert (site / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT
    # --stdout shows the proposal, writing nothing.
    shown = cli("init", str(site), "--stdout", cwd=site)
    assert shown.code == 0 and "include" in shown.out and not (site / ".reprint-guard.yaml").exists()
    forced = cli("init", str(site), "--force", cwd=site)
    assert forced.code == 0, forced
    assert "pyproject.toml's [tool.reprint-guard] table is no longer read" in forced.err, forced.err
    assert isinstance(yaml.safe_load((site / ".reprint-guard.yaml").read_text(encoding="utf-8")), dict)


def test_a_config_beside_the_one_read_is_warned(tmp_path, cli):
    """Two configs in one folder: the one discovery reads is named, and the other's settings said unread."""
    site = _site(tmp_path)
    (site / ".reprint-guard.yaml").write_text("fail-on: error\n", encoding="utf-8")
    run = cli("check", "content", cwd=site)
    warned = [line for line in run.err.splitlines() if "is not read" in line]
    assert warned == [
        "reprint-guard: warning: .reprint-guard.yaml:1:1: pyproject.toml's [tool.reprint-guard] table beside it "
        "is not read (.reprint-guard.yaml is): move its settings into one config"
    ], run.err
    # A .yml beside the .yaml, too.
    (site / ".reprint-guard.yml").write_text("fail-on: never\n", encoding="utf-8")
    run = cli("check", "content", cwd=site)
    assert ".reprint-guard.yml beside it is not read (.reprint-guard.yaml is)" in run.err, run.err
    # One config alone: no such warning.
    (site / ".reprint-guard.yml").unlink()
    (site / ".reprint-guard.yaml").unlink()
    run = cli("check", "content", cwd=site)
    assert "is not read" not in run.err, run.err
