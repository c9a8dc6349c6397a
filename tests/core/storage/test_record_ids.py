"""Record ids written straight from their bytes are the ones the uuid module gives."""

from __future__ import annotations

import uuid
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from childcare_desktop.core.domain.child import new_uuid
from childcare_desktop.core.storage.children_repo import span_id


def test_new_uuid_is_a_canonical_random_uuid():
    made = [new_uuid() for _ in range(2000)]
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == text


@given(
    st.uuids(),
    st.text(min_size=1, max_size=30),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
)
def test_span_id_is_uuid5_of_child_code_and_start(child, code, start):
    expected = str(uuid.uuid5(child, f"{code}:{start.isoformat()}"))
    assert span_id(str(child), code, start) == expected
    assert span_id(str(child).upper(), code, start) == expected
