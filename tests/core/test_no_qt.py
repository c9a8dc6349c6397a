"""The core never loads PySide6: checked in a fresh interpreter over every core module."""

import pkgutil
import subprocess
import sys

import childcare_desktop.core as core


def test_importing_every_core_module_does_not_load_pyside6():
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "childcare_desktop.core.")]
    names += ["childcare_desktop.cli", "childcare_desktop.words"]
    assert len(names) > 15
    program = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
