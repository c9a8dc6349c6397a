"""The rules a station's set-up must meet: role, division code, name, officer, passphrase, and
the recovery code typed back from the paper."""

from __future__ import annotations

import secrets
import unicodedata

from ..errors import FieldProblem, StoreError
from . import division

MIN_PASSPHRASE = 8


def check_setup(role: str, code: str, name: str, officer: str) -> list[FieldProblem]:
    problems = []
    problem = division.check(role, code)
    if problem == "division_role":
        problems.append(FieldProblem("role", "unknown_value"))
    elif problem:
        expected = str(division.ROLE_CODE_LENGTH[role])
        problems.append(FieldProblem("division", problem, {"length": expected}))
    if not name.strip():
        problems.append(FieldProblem("name", "required"))
    if not officer.strip():
        problems.append(FieldProblem("officer", "required"))
    return problems


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError("passphrase_too_short", min=MIN_PASSPHRASE)


def groups_to_confirm(code: str) -> tuple[int, int]:
    """Two different groups of the code (numbered from 1, in order) for the officer to type
    back from the paper, chosen at random so that the paper, not memory, is checked."""
    first, second = secrets.SystemRandom().sample(range(1, len(code.split("-")) + 1), 2)
    return min(first, second), max(first, second)


def recovery_group_matches(code: str, number: int, typed: str) -> bool:
    """Whether `typed` is group `number` of the code: case, spaces and full-width letters do
    not matter."""
    letters = "".join(unicodedata.normalize("NFKC", typed).upper().split())
    return letters == code.split("-")[number - 1]
