"""The rules a station's set-up must meet: role, division code, name, officer, passphrase."""

from __future__ import annotations

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
