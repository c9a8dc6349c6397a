"""Typed errors of the core: each carries a code; the UI and the CLI turn codes into words."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field of a form or record, as a code plus the facts for its message."""

    field: str
    code: str
    params: dict[str, str] = field(default_factory=dict)


class CoreError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or self.code
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.code, self.params)


class ValidationFailed(CoreError):
    """A record was refused; `problems` says which field and why."""

    code = "validation_failed"

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(self.code, count=len(problems))
        self.problems = problems


class StoreError(CoreError):
    """The store could not be opened or used (wrong passphrase, missing, damaged, newer)."""

    code = "store_error"


class NotFound(CoreError):
    code = "not_found"


class StationError(CoreError):
    code = "station_error"
