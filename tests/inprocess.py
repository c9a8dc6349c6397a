"""The `childcare` command run inside the test's own process on an open store: its --json
output read back, without a new interpreter for each call (the subprocess runs are in tests/cli)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest

from childcare_desktop import cli
from childcare_desktop.cli.common import ENV_PASSPHRASE
from tests.conftest import PASSPHRASE


def childcare_json(store, *args: str):
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(out):
        patch.setenv(ENV_PASSPHRASE, PASSPHRASE)
        assert cli.main([*args, "--db", str(store.path), "--json"]) == 0
    return json.loads(out.getvalue())
