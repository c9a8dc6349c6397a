"""Fuzzing the batch file parser: raw bytes, mutated valid files, and validly signed envelopes
with hostile contents. Only the project's typed error may come out, never another exception."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from childcare_desktop.core.sync import batchfile
from childcare_desktop.core.sync.errors import SyncError

from . import keyring
from .keyring import new_key, sample_file

SENDER, RECEIVER = new_key(), new_key()
VALID = sample_file(SENDER, RECEIVER, changes=2)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse(data: bytes) -> None:
    keyring.parse(data, SENDER, RECEIVER)


def only_typed_errors(data: bytes) -> None:
    with contextlib.suppress(SyncError):
        parse(data)


@FAST
@given(st.binary(max_size=4096))
def test_raw_bytes(data):
    only_typed_errors(data)


@FAST
@given(st.binary(max_size=512))
def test_raw_bytes_behind_a_valid_prefix(tail):
    only_typed_errors(VALID[: batchfile.PREFIX.size] + tail)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, len(VALID) - 1), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, len(VALID) - 1), st.integers(0, len(VALID))),
    st.tuples(st.just("insert"), st.integers(0, len(VALID)), st.binary(min_size=1, max_size=64)),
)


@FAST
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutated_valid_files(mutations):
    data = bytearray(VALID)
    for kind, at, what in mutations:
        at = min(at, len(data))
        if kind == "flip" and at < len(data):
            data[at] ^= what
        elif kind == "cut":
            del data[at : at + what]
        elif kind == "insert":
            data[at:at] = what
    if bytes(data) == VALID:
        parse(VALID)
    else:
        try:
            parse(bytes(data))
        except SyncError:
            return
        raise AssertionError("a damaged file was accepted")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
change_like = st.fixed_dictionaries(
    {
        "station": st.sampled_from(["441481103201", "x", 5]),
        "counter": st.one_of(st.integers(-2, 2**60), st.text(max_size=3)),
        "entity": st.sampled_from(["child", "visit", "member", "nope"]),
        "entity_uuid": st.text(max_size=40),
        "fields": json_values,
        "clock": st.sampled_from(["0000000000001.00000", "", "x"]),
        "base": json_values,
    }
)
bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({"changes": st.lists(change_like, max_size=3)}),
    st.fixed_dictionaries({"changes": json_values, "carried": json_values}),
)


@FAST
@given(
    bodies,
    st.dictionaries(st.sampled_from(["changes", "carried", "certificates"]), st.integers(0, 5)),
)
def test_hostile_but_signed_envelopes(body, counts):
    only_typed_errors(keyring.hostile_file(SENDER, RECEIVER, json.dumps(body).encode(), counts))


def test_the_coverage_guided_harness_runs_clean():
    """The atheris harness (fuzz/, `make fuzz`) runs a few thousand inputs without a finding."""
    pytest.importorskip("atheris")
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-m", "fuzz.batchfile_fuzz", "-runs=3000", "-seed=1"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Done 3000 runs" in done.stderr
