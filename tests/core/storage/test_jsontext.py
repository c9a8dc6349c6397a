"""The store's JSON text is the canonical text the batch format documents (keys sorted, `,` and
`:` without spaces, UTF-8 unescaped): what the standard library writes with those options."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from childcare_desktop.core.storage import jsontext

TEXT = st.text(st.characters(exclude_categories=("Cs",)))  # lone surrogates are not UTF-8
SCALARS = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | TEXT
FLOATS = st.floats(allow_nan=False, allow_infinity=False)
VALUES = st.recursive(
    SCALARS | FLOATS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@given(VALUES)
def test_the_text_is_the_canonical_json_and_reads_back(value):
    text = jsontext.dumps(value)
    assert json.loads(text) == json.loads(canonical(value))
    if not _has_float(value):  # a float's shortest form may differ in its exponent's spelling
        assert text == canonical(value)
    assert jsontext.dump_bytes(value) == text.encode()
    assert jsontext.loads(text) == json.loads(text)


def test_names_quotes_control_characters_and_dates():
    fields = {"name": '张"小明"\n', "born": date(2012, 3, 4), "note": "\t\x7f\u2028"}
    assert jsontext.dumps(fields) == canonical(fields | {"born": "2012-03-04"})


@pytest.mark.parametrize("bad", [b"[NaN]", b'{"a": 1', b"\xff", b"[" * 2000 + b"]" * 2000])
def test_what_cannot_be_read_is_a_value_error(bad):
    with pytest.raises(ValueError):
        jsontext.loads(bad)


def _has_float(value) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return False
