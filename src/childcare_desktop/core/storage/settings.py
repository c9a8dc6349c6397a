"""Station settings kept inside the encrypted store (the visit policy, phone numbers …)."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from ..domain.visit_policy import HOME_RULES, VisitPolicy
from . import driver
from . import tables as t


def get(conn: Connection, key: str, default: object = None) -> object:
    raw = conn.execute(select(t.setting.c.value).where(t.setting.c.key == key)).scalar()
    return default if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: object) -> None:
    driver.put_row(conn, t.setting, {"key": key, "value": json.dumps(value, ensure_ascii=False)})


# The rules whose cycle only a home visit resets are kept apart from the days, so that a
# village on an earlier version, which takes a policy only when every key is a rule's days,
# still takes the days a town of this version sends; a store without them has none.
VISIT_POLICY, VISIT_POLICY_HOME = "visit_policy", "visit_policy_home"


def visit_policy(conn: Connection) -> VisitPolicy:
    stored = get(conn, VISIT_POLICY) or {}
    home = get(conn, VISIT_POLICY_HOME) or []
    return VisitPolicy(
        **{**VisitPolicy().days(), **stored}, home=frozenset(HOME_RULES).intersection(home)
    )


def put_visit_policy(conn: Connection, policy: VisitPolicy) -> None:
    put(conn, VISIT_POLICY, policy.days())
    put(conn, VISIT_POLICY_HOME, sorted(policy.home))
