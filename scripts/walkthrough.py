"""`make walkthrough`: the real program driven as a person drives it, under a real X server.

Xvfb at 1366×768 (the common old laptop) with the openbox window manager, the program on a fresh
data folder, and xdotool's keys: the station's set-up, a ledger imported, a new child's file, a
visit, a concern reported, followed up and closed, the child's file printed (its preview), a batch
exported for the town (and its dialog closed), the lock. Then the town's laptop: its window opened
with the passphrase, the village's batch imported, the dashboard, a new file approved and another
returned with the reason, a supervisor registered, a screening round opened, a school's roll checked
against the registry and the police station's list saved. Each step waits for its window by title
(never longer than WAIT_S), saves a screenshot of the whole screen and fails the run when its window
does not come or does not go. At the end each store's audit log must hold every step's record.

Chinese is typed by xdotool, which maps each character to a spare key code. What only a town
does (issuing the village's certificate) is done by the program's own command, as the town's
laptop would, which also sets up the town's station; the ledger is made by the program from demo
children, as an officer's own is, and the school's roll by openpyxl from the village's children.

    python scripts/walkthrough.py                      # 1366×768, pictures into docs/screenshots
    python scripts/walkthrough.py --screen 1920x1080 --scale 1.5 --out build/walkthrough-150
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "walkthrough-pass-1"
VILLAGE = ("441481103201", "新陂村", "李秀英")
TOWN = ("441481103", "石坑镇", "陈建华")
CHILD, CHILD_PINYIN = "王小梅", "wxm"
MAIN_TITLE = "儿童关爱服务 — " + VILLAGE[1]
WAIT_S = 60  # the longest a window may take to come or go (the key derivation, a slow machine)
# What the audit log must hold once the walk is done: (action, entity) of each step's write.
EXPECTED = [
    ("import", "roster"),
    ("create", "child"),
    ("create", "visit"),
    ("create", "concern"),
    ("create", "concern_note"),
    ("close", "concern"),
    ("print", "child"),
    ("export", None),
]
TOWN_TITLE = "儿童关爱服务 — " + TOWN[1]
CHILD_BORN = date(2016, 3, 8)
ROLL_MISSPELT, ROLL_UNREGISTERED = "王晓梅", "刘子涵"  # 王小梅 as the school spelt her; no file
ROLL_SCHOOL = "新陂中心小学"  # the demo children's school
SUPERVISOR = "黄丽芳"  # the town's second 儿童督导员
TOWN_EXPECTED = [
    ("import", None),  # the village's batch
    ("create", "decision"),  # approved, and returned
    ("create", "officer"),
    ("create", "screening_round"),
    ("import", "checked_list"),
    ("export", "department_list"),
]


class StepFailed(Exception):
    pass


class Desktop:
    """An X server with a window manager, the program on it, and xdotool's hands."""

    def __init__(self, screen: str, scale: str | None, out: Path, work: Path) -> None:
        self.screen, self.out, self.work = screen, out, work
        self.scale = float(scale or 1)
        self.display = _free_display()
        self.env = dict(
            os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb", PYTHONFAULTHANDLER="1"
        )
        self.env.pop("WAYLAND_DISPLAY", None)
        if scale:
            self.env["QT_SCALE_FACTOR"] = scale
        self.processes: list[subprocess.Popen] = []
        self.program: subprocess.Popen | None = None
        self.log = work / "program.log"

    def start(self) -> None:
        number = self.display[1:]
        self._spawn(["Xvfb", self.display, "-screen", "0", f"{self.screen}x24", "-nolisten", "tcp"])
        self._until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), "the X server")
        self._spawn(["openbox"])
        time.sleep(1)  # openbox takes the screen before the first window maps

    def launch(self, data: Path) -> None:
        """The program on a station's data folder, as its laptop starts it."""
        self.log = self.work / f"program-{data.name}.log"
        with self.log.open("w") as log:
            self.program = self._spawn(
                [sys.executable, "-m", "childcare_desktop", "--data-dir", str(data)], log
            )

    def quit(self, title: str) -> None:
        self.keys(title, "ctrl+q")
        self._until(lambda: self.program.poll() is not None, "the program to quit")
        self.program = None

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()

    def _spawn(self, command: list[str], log=subprocess.DEVNULL) -> subprocess.Popen:
        process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def _until(self, ready, what: str, seconds: float = WAIT_S) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if self.program is not None and self.program.poll() is not None:
                raise StepFailed(f"the program ended (status {self.program.returncode})")
            if time.monotonic() > deadline:
                raise StepFailed(f"waited {seconds:.0f} s for {what}")
            time.sleep(0.2)

    def xdo(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30
        )
        return done.stdout.strip()

    def windows(self, title: str) -> list[str]:
        found = self.xdo("search", "--onlyvisible", "--name", title)
        return found.split() if found else []

    def window(self, title: str) -> str:
        """Waits for a visible window whose title holds `title`; returns the newest."""
        self._until(lambda: self.windows(title), f"the window 「{title}」")
        return self.windows(title)[-1]

    def gone(self, title: str) -> None:
        self._until(lambda: not self.windows(title), f"the window 「{title}」 to close")

    def keys(self, title: str, *keys: str) -> None:
        """Keys pressed in the window `title`, brought to the front first as a person would."""
        self.xdo("windowactivate", "--sync", self.window(title))
        self.xdo("key", "--delay", "120", *keys)
        time.sleep(0.4)

    def menu(self, title: str, menu_key: str, item_key: str) -> None:
        """A menu opened by its Alt key and an item chosen by its letter, once it is open."""
        self.keys(title, f"alt+{menu_key}")
        time.sleep(1)
        self.xdo("key", item_key)  # no activation between: that would close the menu
        time.sleep(0.4)

    def type(self, title: str, text: str) -> None:
        self.xdo("windowactivate", "--sync", self.window(title))
        if not text.isascii():
            # xdotool gives each Chinese character a spare key code for a moment: a window still
            # busy opening reads the key after the code is taken back, and the character is lost
            # (王小梅 came as 小梅 on a loaded machine). So it waits for the window to settle.
            time.sleep(1)
        self.xdo("type", "--delay", "60" if text.isascii() else "120", text)
        time.sleep(0.3)

    def enlarge(self, title: str) -> None:
        """A form that opens with its fields squeezed is dragged larger, as a person would."""
        width, height = (int(x) for x in self.screen.split("x"))
        self.xdo(
            "windowsize",
            "--sync",
            self.window(title),
            str(width * 11 // 20),
            str(height * 13 // 20),
        )
        time.sleep(0.5)

    def shot(self, name: str) -> Path:
        time.sleep(0.8)  # the last answer painted
        path = self.out / f"{name}.png"
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env, check=True, timeout=60
        )
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return path


def _free_display() -> str:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return f":{number}"
    raise StepFailed("no free X display number")


def childcare(data: Path, *args: str) -> dict:
    """The program's own command on a station's data folder, its --json answer read."""
    env = dict(os.environ, CHILDCARE_PASSPHRASE=PASSPHRASE)
    done = subprocess.run(
        [sys.executable, "-m", "childcare_desktop.cli", "--data-dir", str(data), *args, "--json"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if done.returncode != 0:
        raise StepFailed(
            f"childcare {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}"
        )
    return json.loads(done.stdout)


def make_ledger(folder: Path) -> Path:
    """The village's ledger as officers keep it: 40 demo children in the roster layout."""
    from childcare_desktop.core.services.demo import fill_demo
    from childcare_desktop.core.services.roster import Roster
    from childcare_desktop.core.services.station import init_station
    from childcare_desktop.core.storage import keyfile

    cheap = keyfile.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    store, _ = init_station(folder / "source.db", PASSPHRASE, "village", *VILLAGE, kdf=cheap)
    fill_demo(store, 40, seed=7)
    ledger = folder / f"{VILLAGE[1]}儿童台账.xlsx"
    Roster(store).export(ledger)
    store.close()
    return ledger


def set_up(d: Desktop, data: Path) -> None:
    title = "首次设置"
    d.window(title)
    code, name, officer = VILLAGE
    d.keys(title, "Tab")  # from the station's level (a village) to its division code
    d.type(title, code)
    d.keys(title, "Tab")
    d.type(title, name)
    d.keys(title, "Tab")
    d.type(title, officer)
    d.shot("01-setup")
    d.keys(title, "Return")
    time.sleep(1)
    d.type(title, PASSPHRASE)
    d.keys(title, "Tab")
    d.type(title, PASSPHRASE)
    d.keys(title, "Return")
    # The store is made while the key is derived; then the recovery code shows, once.
    d._until(lambda: (data / "store.db").exists(), "the new store")
    time.sleep(3)
    d.shot("02-recovery-code")
    code = print_recovery_code(d, data.parent / "recovery-code.pdf")
    d.keys(title, "Tab", "space")  # from 打印/保存恢复码 to 下一步
    confirm_recovery_code(d, title, code)
    d.gone(title)
    d.window(MAIN_TITLE)


def print_recovery_code(d: Desktop, pdf: Path) -> str:
    """The code's page saved from the preview, as an officer prints it, and read back."""
    d.keys("首次设置", "Return")  # 打印/保存恢复码, which has the focus
    d.window("恢复码")
    time.sleep(2)
    d.keys("恢复码", "alt+s")
    d.keys("保存报表", "ctrl+a")
    d.type("保存报表", str(pdf))
    d.keys("保存报表", "Return")
    d._until(pdf.exists, "the recovery code's page")
    d.keys("恢复码", "Escape")
    d.gone("恢复码")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    found = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}", text)
    if found is None:
        raise StepFailed("the recovery code's page holds no code")
    return found.group()


def confirm_recovery_code(d: Desktop, title: str, code: str) -> None:
    """The wizard asks for two groups chosen at random, which a person reads on the screen;
    this script cannot read it, so it types the pairs in turn until the wizard lets go (a wrong
    pair is refused beside its fields and costs nothing)."""
    groups = code.split("-")
    pairs = list(itertools.combinations(range(len(groups)), 2))
    for attempt, (first, second) in enumerate(pairs):
        if attempt:
            d.keys(title, "shift+Tab")
        d.keys(title, "ctrl+a")
        d.type(title, groups[first])
        d.keys(title, "Tab", "ctrl+a")
        d.type(title, groups[second])
        if attempt == 0:
            d.shot("03-recovery-check")
        d.keys(title, "Return")
        time.sleep(1.5)
        if not d.windows(title):
            return
    raise StepFailed("the wizard took no pair of the recovery code's groups")


def import_ledger(d: Desktop, ledger: Path) -> None:
    d.keys(MAIN_TITLE, "ctrl+i")
    d.keys("导入台账", "alt+o")
    d.type("选择台账文件", str(ledger))
    d.keys("选择台账文件", "Return")
    d.gone("选择台账文件")
    time.sleep(3)  # every row is read and checked before anything is written
    d.keys("导入台账", "alt+i")
    time.sleep(4)
    d.shot("04-import")
    d.keys("导入台账", "Escape")
    d.gone("导入台账")


def new_child(d: Desktop) -> None:
    born = CHILD_BORN
    from childcare_desktop.core.domain import idnumber

    number = idnumber.make(VILLAGE[0][:6], born, 123, "female")
    d.keys(MAIN_TITLE, "ctrl+n")
    title = "新建档案"
    d.type(title, CHILD)
    d.keys(title, "Tab", "Tab", "Tab")  # past sex and ethnicity: the ID number gives the sex
    d.type(title, number)
    d.keys(title, "Tab")
    d.keys(title, "ctrl+s")
    saved = f"儿童档案 — {CHILD}"
    d.window(saved)
    d.shot("05-child")
    d.keys(saved, "Escape")
    d.gone(saved)


def find_child(d: Desktop) -> None:
    """The registry, searched by the child's pinyin initials; Enter moves to the list."""
    d.keys(MAIN_TITLE, "ctrl+f", "ctrl+a")
    d.type(MAIN_TITLE, CHILD_PINYIN)
    time.sleep(1.5)
    d.keys(MAIN_TITLE, "Return")


def visit(d: Desktop) -> None:
    d.keys(MAIN_TITLE, "ctrl+f")
    d.shot("06-registry")
    find_child(d)
    d.keys(MAIN_TITLE, "ctrl+shift+v")
    title = "记录走访"
    d.keys(title, "Tab", "Tab")  # past the day and the mode (today, at home)
    for text in ("祖母、本人", "房屋整洁，有独立床铺", "祖母照看，较好", "在村小读四年级"):
        d.type(title, text)
        d.keys(title, "Tab")
    d.shot("07-visit")
    d.keys(title, "Return")
    d.gone(title)


def concern(d: Desktop) -> None:
    from childcare_desktop.core.domain.care import CONCERN_KINDS, REPORT_TARGETS

    d.menu(MAIN_TITLE, "v", "r")
    title = "记录关注"
    d.enlarge(title)
    # The kind (no kind is chosen in advance): 未满十六周岁脱离监护单独生活.
    d.keys(title, *["Down"] * (CONCERN_KINDS.index("alone") + 1))
    d.keys(title, "Tab", "Tab")
    d.type(title, "孩子独自在家三天，祖母住院")
    d.keys(title, "Tab", "Tab")  # reported now: to whom
    d.keys(title, *["Down"] * (REPORT_TARGETS.index("civil_affairs") + 1))
    d.shot("10-concern")
    d.keys(title, "Return")
    d.gone(title)
    # Today's open concerns: a follow-up note, then closed with the outcome.
    d.keys(MAIN_TITLE, "ctrl+shift+Tab")
    d.keys(MAIN_TITLE, "alt+g")
    title = "跟进记录"
    d.enlarge(title)
    d.type(title, "已联系孩子父亲，父亲明天回家照看")
    d.shot("11-follow-up")
    d.keys(title, "Tab", "Return")
    d.gone(title)
    d.keys(MAIN_TITLE, "alt+j")
    title = "结案"
    d.enlarge(title)
    d.type(title, "父亲已回家照看，孩子安全")
    d.shot("12-concern-closed")
    d.keys(title, "Tab", "Return")
    d.gone(title)
    d.shot("13-today")


def print_file(d: Desktop) -> None:
    find_child(d)
    d.keys(MAIN_TITLE, "ctrl+p")
    title = "一人一档"
    d.window(title)
    time.sleep(3)  # the PDF is made and its pages drawn
    d.shot("09-print")
    d.keys(title, "Escape")
    d.gone(title)


def enroll(data: Path, town: Path) -> None:
    """What the town does: its station, and a certificate for the village's request, each
    checked against the other's fingerprint as the two officers read them aloud."""
    code, name, officer = TOWN
    childcare(town, "init", "--role", "town", "--division", code, "--name", name,
              "--officer", officer)  # fmt: skip
    request, certificate = town / "request.json", town / "certificate.json"
    childcare(data, "identity", "request", "--out", str(request))
    village_print = childcare(data, "identity", "show")["fingerprint"]
    town_print = childcare(town, "identity", "show")["fingerprint"]
    childcare(town, "identity", "enroll", str(request), "--fingerprint", village_print,
              "--out", str(certificate))  # fmt: skip
    childcare(data, "identity", "install", str(certificate), "--fingerprint", town_print)


def export(d: Desktop, usb: Path) -> None:
    # By the menu: Ctrl+E does nothing while a text field has the focus (a line edit takes it
    # as "to the end of the line" on Linux).
    title = "导出同步文件"
    d.menu(MAIN_TITLE, "y", "e")
    window = d.window(title)
    time.sleep(2)  # the receivers and what they acknowledged are read
    # A click into the folder's field (the second row, about 68 points below the dialog's top):
    # which widget has the focus when the dialog opens depends on when the receivers arrive.
    # Then Tab, Tab to 导出下一批: Enter in the field would press 选择……, which stays the default
    # button after the click, since 导出下一批 was still disabled then.
    row = str(round(68 * d.scale))
    d.xdo("mousemove", "--window", window, str(round(200 * d.scale)), row, "click", "1")
    time.sleep(0.5)
    d.keys(title, "ctrl+a")
    d.type(title, str(usb))
    d.keys(title, "Tab", "Tab", "space")
    d._until(lambda: any(usb.iterdir()), "the batch file on the stick")
    d.shot("08-export")
    d.keys(title, "Escape")
    d.gone(title)


def lock(d: Desktop) -> None:
    d.keys(MAIN_TITLE, "ctrl+l")
    title = "已锁定"
    d.window(title)
    d.shot("14-lock")
    d.type(title, PASSPHRASE)
    d.keys(title, "Return")
    d.gone(title)
    d.quit(MAIN_TITLE)


def make_roll(village: Path, folder: Path) -> Path:
    """The school's roll as a town receives it: a title line, a header, a row for each pupil.
    王小梅 is on it misspelt (王晓梅), with two more of the village's children of school age,
    one of them out of school, and a pupil no village registered."""
    from openpyxl import Workbook

    children = childcare(village, "children", "list")
    pupils = sorted(
        (c for c in children if 7 <= (c["age"] or 0) <= 12 and c["name"] != CHILD),
        key=lambda c: c["birth_date"],
    )[:2]
    if len(pupils) < 2:
        raise StepFailed("the village has too few children of school age for the roll")
    sex = {"female": "女", "male": "男"}
    listed = [
        (ROLL_MISSPELT, "女", CHILD_BORN.isoformat(), "在读"),
        *((c["name"], sex.get(c["sex"], ""), c["birth_date"], "在读") for c in pupils[:1]),
        *((c["name"], sex.get(c["sex"], ""), c["birth_date"], "辍学") for c in pupils[1:]),
        (ROLL_UNREGISTERED, "男", "2016-09-01", "在读"),
    ]
    book = Workbook()
    sheet = book.active
    sheet.append([f"{ROLL_SCHOOL}{date.today().year}年学生名册"])
    sheet.append(["学生姓名", "性别", "出生日期", "年级", "在校状态"])
    for name, said_sex, born, state in listed:
        sheet.append([name, said_sex, born, _grade(date.fromisoformat(born)), state])
    for column, width in zip("ABCDE", (12, 6, 12, 8, 10), strict=True):
        sheet.column_dimensions[column].width = width
    roll = folder / "学生名册.xlsx"
    book.save(roll)
    return roll


def _grade(born: date) -> str:
    """The grade a pupil born on `born` is in this school year (school from 6 on 1 September)."""
    today = date.today()
    years = today.year - born.year - (1 if today.month < 9 else 0) - (1 if born.month >= 9 else 0)
    grades = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三")
    return grades[min(max(years - 6, 0), len(grades) - 1)]


def open_town(d: Desktop, town: Path) -> None:
    """The town's laptop: its store, made by the command before, opened with its passphrase."""
    d.launch(town)
    title = "输入密码"
    d.window(title)
    time.sleep(2)  # the program loads the rest of itself while the passphrase is typed
    d.type(title, PASSPHRASE)
    d.keys(title, "Return")
    d.gone(title)
    d.window(TOWN_TITLE)


def import_batch(d: Desktop, usb: Path) -> None:
    """同步 → 导入同步文件: the village's batch from the stick, checked and applied."""
    (batch,) = usb.iterdir()
    title = "导入同步文件"
    d.menu(TOWN_TITLE, "y", "i")
    d.keys(title, "space")  # 选择文件……, which has the focus
    d.type("选择同步文件", str(batch))
    d.keys("选择同步文件", "Return")
    d.gone("选择同步文件")
    time.sleep(5)  # every change is checked, then applied
    d.shot("15-town-import")
    d.keys(title, "Escape")
    d.gone(title)


def dashboard(d: Desktop) -> None:
    time.sleep(2)  # the month's figures and the trend are read again after the import
    d.shot("16-town-dashboard")


def review(d: Desktop) -> None:
    """审核: the first new file approved, the next returned with the reason."""
    d.keys(TOWN_TITLE, "ctrl+Tab", "ctrl+Tab")  # past 各村同步
    time.sleep(2)
    d.shot("17-town-review")
    d.keys(TOWN_TITLE, "alt+p")
    time.sleep(2)  # the list is read again without the decided file
    d.keys(TOWN_TITLE, "alt+u")
    title = "退回"
    d.window(title)
    d.type(title, "监护人电话缺失，请补充后重新报送")
    d.shot("18-town-return")
    d.keys(title, "Tab", "space")
    d.gone(title)


def team(d: Desktop) -> None:
    """团队: a second supervisor of the town registered (the stations' own officers are there
    already), then the form opened again and left by Esc."""
    d.keys(TOWN_TITLE, *["ctrl+Tab"] * 7)  # from 审核 to 团队
    d.keys(TOWN_TITLE, "alt+d")
    title = "登记工作人员"
    d.window(title)
    d.type(title, SUPERVISOR)  # the town and 儿童督导员 are chosen; the name has the focus
    d.keys(title, "Tab")
    d.type(title, "13926000018")
    d.shot("19-town-officer")
    d.keys(title, "Return")
    d.gone(title)
    time.sleep(1.5)
    d.shot("20-town-team")
    d.keys(TOWN_TITLE, "alt+d")
    d.window(title)
    d.keys(title, "Escape")
    d.gone(title)


def screening(d: Desktop) -> None:
    """排查: a round opened with its deadline; each village's coverage."""
    d.keys(TOWN_TITLE, "ctrl+shift+Tab")  # from 团队 to 排查
    d.keys(TOWN_TITLE, "alt+k")
    title = "发起排查"
    d.window(title)
    d.type(title, f"{date.today().year}年困境儿童排查")
    d.keys(title, "Tab")
    d.type(title, (date.today() + timedelta(days=30)).isoformat())
    d.keys(title, "Tab")
    d.type(title, "本镇户籍或居住的未满18周岁儿童")
    d.shot("21-town-screening-round")
    d.keys(title, "Return")
    d.gone(title)
    time.sleep(2)
    d.shot("22-town-screening")


def list_check(d: Desktop, roll: Path) -> None:
    """工具 → 核对部门名单: the school's roll checked against the registry; the worklist."""
    title = "核对部门名单"
    d.menu(TOWN_TITLE, "t", "d")
    d.window(title)
    d.keys(title, "alt+l")
    d.type("选择部门名单", str(roll))
    d.keys("选择部门名单", "Return")
    d.gone("选择部门名单")
    time.sleep(2)  # the list read, what each column means proposed
    d.keys(title, "alt+k")
    time.sleep(3)  # matched against the registry
    d.shot("23-town-list-check")
    d.keys(title, "Escape")
    d.gone(title)


def department_list(d: Desktop, out: Path) -> None:
    """报表 → 部门名单: the police station's list (children without hukou) chosen, saved as
    Excel."""
    title = "部门名单"
    d.menu(TOWN_TITLE, "b", "d")
    d.window(title)
    d.keys(title, "alt+m", "Down")  # from 失学辍学 (education) to 无户籍 (police)
    time.sleep(1.5)  # counted
    d.keys(title, "alt+x")
    saving = "保存部门名单"
    d.keys(saving, "ctrl+a")
    d.type(saving, str(out))
    d.keys(saving, "Return")
    d._until(out.exists, "the department's list")
    d.shot("24-town-department-list")
    d.keys(title, "Escape")
    d.gone(title)
    d.quit(TOWN_TITLE)


def check_audit(data: Path, expected: list[tuple[str, str | None]]) -> None:
    logged = [(e["action"], e["entity"]) for e in childcare(data, "audit")["entries"]]
    missing = [step for step in expected if step not in logged]
    if missing:
        raise StepFailed(f"the audit log of {data.name} lacks {missing}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="walkthrough", description=__doc__.splitlines()[0])
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--scale", help="QT_SCALE_FACTOR, e.g. 1.5")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="walkthrough-") as folder:
        work = Path(folder)
        data, town, usb = work / "village", work / "town", work / "usb"
        for made in (data, town, usb):
            made.mkdir()
        desktop = Desktop(args.screen, args.scale, args.out, work)
        steps = [
            ("set-up", lambda: set_up(desktop, data)),
            ("the town's certificate (by command)", lambda: enroll(data, town)),
            ("import a ledger", lambda: import_ledger(desktop, make_ledger(work))),
            ("a new child's file", lambda: new_child(desktop)),
            ("a visit", lambda: visit(desktop)),
            ("the batch export", lambda: export(desktop, usb)),
            ("print", lambda: print_file(desktop)),
            ("a concern followed to closed", lambda: concern(desktop)),
            ("lock, unlock and quit", lambda: lock(desktop)),
            ("every step in the audit log", lambda: check_audit(data, EXPECTED)),
            ("the town's window", lambda: open_town(desktop, town)),
            ("the village's batch imported", lambda: import_batch(desktop, usb)),
            ("看板", lambda: dashboard(desktop)),
            ("审核: approved and returned", lambda: review(desktop)),
            ("团队: an officer registered", lambda: team(desktop)),
            ("排查: a round opened", lambda: screening(desktop)),
            ("核对部门名单", lambda: list_check(desktop, make_roll(data, work))),
            ("部门名单", lambda: department_list(desktop, work / "无户籍儿童名单.xlsx")),
            ("every town step in the audit log", lambda: check_audit(town, TOWN_EXPECTED)),
        ]
        try:
            desktop.start()
            desktop.launch(data)
            for name, step in steps:
                print(f"{name}")
                step()
        except (StepFailed, subprocess.SubprocessError, OSError) as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                desktop.shot("failed")
                active = desktop.xdo("getactivewindow", "getwindowname")
                focus = desktop.xdo("getwindowfocus", "getwindowname")
                print(f"active window: {active}; keyboard focus: {focus}", file=sys.stderr)
            if desktop.program is not None and desktop.program.poll() is None:
                # Where each of the program's threads stands (faulthandler writes them to the
                # program's log as the signal ends it).
                desktop.program.send_signal(signal.SIGABRT)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    desktop.program.wait(10)
            print(desktop.log.read_text(errors="replace")[-3000:], file=sys.stderr)
            return 1
        finally:
            desktop.stop()
    print("walk-through done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
