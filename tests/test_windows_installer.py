"""The Windows installer's script, checked where it cannot run: it wraps the folder the spec
freezes, takes the package's version from the recipe, installs per user without administrator
rights, puts the window in the user's Start menu, speaks Chinese, and neither an upgrade nor the
uninstaller reaches the folder where the program keeps the officer's data on Windows.
(The workflow .github/workflows/windows-installer.yml runs it on Windows.)"""

from __future__ import annotations

import ntpath
import re
from pathlib import Path, PureWindowsPath

import platformdirs.windows
import pytest

from childcare_desktop.core import paths

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "installer" / "windows"
SCRIPT = WINDOWS / "childcare-desktop.iss"
RECIPE = WINDOWS / "build.ps1"
SPEC = ROOT / "installer" / "childcare.spec"
ENTRY = re.compile(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)')


def sections() -> dict[str, list[str]]:
    """The script's lines by section, without comments, blank lines and preprocessor lines."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    for raw in SCRIPT.read_text("utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if heading := re.fullmatch(r"\[(\w+)\]", line):
            current = heading.group(1)
            found.setdefault(current, [])
        else:
            found[current].append(line)
    return found


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["Setup"])


def entries(section: str) -> list[dict[str, str]]:
    """An entry section's lines as parameters: Name: "x"; Flags: y → {"Name": "x", "Flags": "y"}."""
    return [
        {key: value.strip().strip('"') for key, value in ENTRY.findall(line)}
        for line in sections().get(section, [])
    ]


def defined(name: str) -> str:
    """The default an ISPP #define gives `name` in the script."""
    (value,) = re.findall(rf'#define {name} "([^"]*)"', SCRIPT.read_text("utf-8-sig"))
    return value


def windows_path(script_relative: str) -> Path:
    """A path the script gives relative to its own folder, as a path of this checkout."""
    return (WINDOWS / Path(*PureWindowsPath(script_relative).parts)).resolve()


def test_it_wraps_the_folder_the_spec_freezes_with_both_programs():
    spec = SPEC.read_text("utf-8")
    assert re.search(r'COLLECT\(.*name="childcare-desktop"', spec)
    # Windows: the window without a console, the command with one.
    assert 'executable("childcare-desktop", console=not WINDOWS)' in spec
    assert 'programs.append(executable("childcare", console=True))' in spec
    assert '"--distpath", "dist"' in RECIPE.read_text("utf-8")
    assert windows_path(defined("FrozenDir")) == ROOT / "dist" / "childcare-desktop"
    (files,) = entries("Files")
    assert (files["Source"], files["DestDir"]) == ("{#FrozenDir}\\*", "{app}")
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())
    # The icon the recipe draws is the one the spec and the setup program use.
    assert '"installer\\icons.py", "build\\icons"' in RECIPE.read_text("utf-8")
    assert windows_path(defined("IconFile")) == ROOT / "build" / "icons" / "childcare-desktop.ico"
    assert 'ROOT / "build" / "icons" / "childcare-desktop.ico"' in spec


def test_the_version_is_the_packages_own():
    recipe = RECIPE.read_text("utf-8")
    assert "print(childcare_desktop.__version__)" in recipe
    assert '"/DAppVersion=$Version"' in recipe
    assert "#ifndef AppVersion\n  #error" in SCRIPT.read_text("utf-8-sig")
    assert setup()["AppVersion"] == "{#AppVersion}"
    assert setup()["OutputBaseFilename"] == "childcare-desktop-{#AppVersion}-setup"
    assert "dist\\childcare-desktop-$Version-setup.exe" in recipe


def test_it_installs_per_user_without_administrator_rights():
    options = setup()
    assert options["PrivilegesRequired"] == "lowest"
    # Never a dialog offering the all-users (administrator) mode instead.
    assert "PrivilegesRequiredOverridesAllowed" not in options
    # {autopf} is %LOCALAPPDATA%\Programs when setup runs with the lowest privileges.
    assert options["DefaultDirName"] == "{autopf}\\childcare-desktop"
    assert "AppId" in options


def test_the_start_menu_opens_the_window_and_the_desktop_icon_is_offered():
    icons = entries("Icons")
    menu = [i for i in icons if i["Name"].startswith("{autoprograms}\\")]
    assert [i["Filename"] for i in menu] == ["{app}\\childcare-desktop.exe"]
    assert "Tasks" not in menu[0]
    (desktop,) = (i for i in icons if i["Name"].startswith("{autodesktop}\\"))
    (task,) = entries("Tasks")
    assert desktop["Tasks"] == task["Name"] and "unchecked" in task["Flags"]


@pytest.fixture
def windows_data_dir(tmp_path, monkeypatch) -> PureWindowsPath:
    """Where core/paths.py keeps the data on Windows, relative to %LOCALAPPDATA%."""
    local = tmp_path / "AppData" / "Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: str(local))
    monkeypatch.setattr(
        paths, "user_data_dir", lambda *a, **k: platformdirs.windows.Windows(*a, **k).user_data_dir
    )
    monkeypatch.delenv(paths.ENV_HOME)
    return PureWindowsPath(*paths.data_dir().relative_to(local).parts)


def test_neither_upgrade_nor_uninstall_reaches_the_data(windows_data_dir):
    assert windows_data_dir == PureWindowsPath("childcare-desktop")
    data = "{localappdata}\\" + str(windows_data_dir)
    installed = "{localappdata}\\Programs\\childcare-desktop"  # {autopf}, per user
    assert setup()["DefaultDirName"].replace("{autopf}", "{localappdata}\\Programs") == installed
    assert ntpath.commonpath([data, installed]) not in (data, installed)
    # The uninstaller removes what setup installed; nothing more is listed for it to delete.
    assert "UninstallDelete" not in sections()
    assert "[Code]" not in SCRIPT.read_text("utf-8-sig")  # no script of its own deletes anything
    # An upgrade clears only the frozen program's own modules, never {app} (a portable data\).
    assert [(e["Type"], e["Name"]) for e in entries("InstallDelete")] == [
        ("filesandordirs", "{app}\\_internal")
    ]
    assert "_internal" not in str(windows_data_dir)


def test_it_speaks_chinese_first_and_every_message_it_uses_is_defined_in_each_language():
    languages = entries("Languages")
    assert [lang["Name"] for lang in languages] == ["zh", "en"]
    assert languages[0]["MessagesFile"] == "{#ChineseMessages}"
    assert defined("ChineseMessages") == "compiler:Languages\\ChineseSimplified.isl"
    assert "/DChineseMessages=" in RECIPE.read_text("utf-8")
    text = SCRIPT.read_text("utf-8-sig")
    used = set(re.findall(r"\{cm:(\w+)", text))
    custom = {line.split("=", 1)[0] for line in sections()["CustomMessages"]}
    assert used and custom == {f"{lang}.{name}" for lang in ("zh", "en") for name in used}
    messages = {line.split("=", 1)[0] for line in sections()["Messages"]}
    assert messages == {"zh.ConfirmUninstall", "en.ConfirmUninstall"}
    # Inno Setup before 6.3 reads a script without a BOM as ANSI; PowerShell 5.1 reads its
    # scripts so: the script carries a BOM, the recipe is ASCII.
    assert SCRIPT.read_bytes().startswith(b"\xef\xbb\xbf")
    assert RECIPE.read_bytes().isascii()
