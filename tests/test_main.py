"""Ctrl-C at any moment — even while modules are still loading — is one Chinese line, exit 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tomllib

import pytest

import reportgen.__main__
from conftest import REPO
from reportgen.cli.commands import main

INTERRUPTED = "[已中断] 已按 Ctrl-C 停止。没有写完的文件不会留下，之前写好的文件不受影响。\n"


def test_ctrl_c_in_a_command_exits_130_with_one_line(capsys, monkeypatch):
    import reportgen.api

    def interrupted(paths, jobs=1):
        raise KeyboardInterrupt

    monkeypatch.setattr(reportgen.api, "validate_paths", interrupted)
    code = main(["validate", "x.yaml"])
    captured = capsys.readouterr()
    assert code == 130
    assert captured.out == "" and captured.err.lstrip("\n") == INTERRUPTED  # Click ends the "^C" line first


def test_ctrl_c_while_the_command_line_is_imported_exits_130(capsys, monkeypatch):
    class Importing:
        def __getattr__(self, name):
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "reportgen.cli.commands", Importing())
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)  # run() sets it; restored afterwards
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # keep pytest's own Ctrl-C handler
    assert reportgen.__main__.run() == 130
    assert capsys.readouterr().err == INTERRUPTED


def test_the_console_command_is_the_guarded_entry_point():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"reportgen": "reportgen.__main__:run"}


# What pip's console script does, and `python -m reportgen`.
ENTRY_POINTS = {
    "console script": ["-c", "import re, sys\nfrom reportgen.__main__ import run\nsys.exit(run())"],
    "python -m": ["-m", "reportgen"],
}


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_sigint_during_start_up_is_one_line_not_a_traceback(tmp_path, entry):
    # A stand-in for Click that says when it is being imported and then takes its time, so the
    # signal arrives at a known moment of start-up.
    (tmp_path / "click.py").write_text(
        "import sys, time\nsys.stdout.write('importing\\n')\nsys.stdout.flush()\ntime.sleep(30)\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO / "src")])}
    process = subprocess.Popen(
        [sys.executable, *ENTRY_POINTS[entry], "validate", "x.yaml"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == b"importing\n"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode("utf-8") == INTERRUPTED


# Counts pydantic's scans of the installed distributions for plugins, then runs the command.
COUNTING_SCANS = """
import importlib.metadata, sys
scans = []
original = importlib.metadata.distributions
importlib.metadata.distributions = lambda *a, **k: scans.append(1) or original(*a, **k)
from reportgen.__main__ import run
code = run()
sys.stderr.write(f"scans={len(scans)}\\n")
sys.exit(code)
"""


@pytest.mark.parametrize(("setting", "scans"), [(None, 0), ("", 1)])
def test_the_command_does_not_scan_every_installed_package_for_pydantic_plugins(tmp_path, setting, scans):
    # The scan reads every distribution's entry points at start (milliseconds per hundred
    # packages); a user who sets PYDANTIC_DISABLE_PLUGINS themselves keeps their choice.
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    profile = REPO / "profiles" / "八宿县-2020.yaml"
    process = subprocess.run(
        [sys.executable, "-c", COUNTING_SCANS, "validate", str(profile)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    err = process.stderr.decode("utf-8")
    assert process.returncode == 0, err
    assert err.splitlines()[-1] == f"scans={scans}"
