"""Enrollment with real keys: fingerprints, requests, certificates, and every refusal."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from childcare_desktop.core.services import identity
from childcare_desktop.core.sync import enrollment
from childcare_desktop.core.sync.errors import SyncError
from childcare_desktop.core.sync.fingerprint import normalise
from childcare_desktop.core.sync.keys import own_key

from .keyring import new_key
from .stations import COUNTY, OTHER_TOWN, TOWN, VILLAGE, station


def party(key, code, role):
    return enrollment.Party(code, role, "名", "主任", key.sign_public, key.enc_public)


def test_fingerprint_is_readable_groups():
    fp = new_key().fingerprint
    groups = fp.split("-")
    assert len(groups) == 6 and all(len(g) == 4 and g.isalnum() and g.isupper() for g in groups)
    assert normalise(fp.lower().replace("-", " ")) == fp


def test_request_is_self_signed():
    key = new_key()
    data = enrollment.make_request(key, VILLAGE, "village", "新陂村", "李主任")
    request = enrollment.read_request(data)
    assert request.party.fingerprint == key.fingerprint
    document = json.loads(data)
    document["body"]["party"]["officer"] = "冒名"
    with pytest.raises(SyncError, match="bad_signature"):
        enrollment.read_request(json.dumps(document).encode())


def test_certificate_cannot_pose_as_a_request():
    town = new_key()
    village = new_key()
    request = enrollment.read_request(
        enrollment.make_request(village, VILLAGE, "village", "新陂村", "李主任")
    )
    cert = enrollment.issue(town, party(town, TOWN, "town"), request, 1, date.today())
    document = json.loads(cert)
    document["format"] = enrollment.REQUEST
    with pytest.raises(SyncError):
        enrollment.read_request(json.dumps(document).encode())


def test_only_stations_directly_below_are_certified():
    town = new_key()
    for code, role in ((VILLAGE.replace("103", "104", 1), "village"), (TOWN, "town")):
        request = enrollment.read_request(
            enrollment.make_request(new_key(), code, role, "外", "某")
        )
        with pytest.raises(SyncError, match="not_below_us"):
            enrollment.issue(town, party(town, TOWN, "town"), request, 1, date.today())


def test_enroll_refuses_a_different_fingerprint(tmp_path):
    town = station(tmp_path, "town", TOWN, "宁新镇")
    village = station(tmp_path, "village", VILLAGE, "新陂村")
    identity.write_request(village, tmp_path / "req.json")
    other = identity.identity(town).fingerprint
    with pytest.raises(SyncError, match="fingerprint_mismatch"):
        identity.enroll(town, tmp_path / "req.json", other, tmp_path / "cert.json")
    assert not (tmp_path / "cert.json").exists()


def _full_width(text: str) -> str:
    """As a Chinese input method in full-width mode types it: ＡＢＣＤ－ＥＦＧＨ."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else "\u3000" for ch in text)


@pytest.mark.parametrize(
    "as_typed",
    [
        lambda fp: fp.lower().replace("-", " "),
        lambda fp: " - ".join(fp.split("-")),
        lambda fp: fp.replace("-", ""),
        _full_width,
    ],
    ids=["lower, spaces", "spaced dashes", "run together", "full width"],
)
def test_the_fingerprint_read_aloud_is_checked_whatever_its_spaces_dashes_and_case(
    tmp_path, as_typed
):
    village = station(tmp_path, "village", VILLAGE, "新陂村")
    shown = identity.write_request(village, tmp_path / "req.json")
    request = identity.check_read_aloud(tmp_path / "req.json", as_typed(shown.fingerprint))
    assert request.party.station == VILLAGE
    one_group_off = shown.fingerprint[:-4] + (
        "BBBB" if shown.fingerprint[-4:] != "BBBB" else "CCCC"
    )
    with pytest.raises(SyncError, match="fingerprint_mismatch"):
        identity.check_read_aloud(tmp_path / "req.json", as_typed(one_group_off))
    with pytest.raises(SyncError, match="fingerprint_mismatch"):
        identity.check_read_aloud(tmp_path / "req.json", as_typed(shown.fingerprint)[:-1])


def test_install_checks_the_request_and_the_issuer(tmp_path):
    county = station(tmp_path, "county", COUNTY, "兴宁市")
    town = station(tmp_path, "town", TOWN, "宁新镇")
    impostor = station(tmp_path, "town", OTHER_TOWN, "叶塘镇")
    req = tmp_path / "req.json"
    shown = identity.write_request(town, req)
    identity.enroll(county, req, shown.fingerprint, tmp_path / "cert.json")
    with pytest.raises(SyncError, match="fingerprint_mismatch"):
        identity.install(town, tmp_path / "cert.json", identity.identity(impostor).fingerprint)
    identity.write_request(town, tmp_path / "req2.json")  # a newer request replaces the first
    with pytest.raises(SyncError, match="not_our_certificate"):
        identity.install(town, tmp_path / "cert.json")
    shown = identity.write_request(town, req)
    identity.enroll(county, req, shown.fingerprint, tmp_path / "cert.json")
    later = date.today() + timedelta(days=enrollment.VALID_DAYS + 2)
    with pytest.raises(SyncError, match="bad_certificate"):
        identity.install(town, tmp_path / "cert.json", today=later)
    done = identity.install(town, tmp_path / "cert.json", identity.identity(county).fingerprint)
    assert (done.issuer, done.serial) == (COUNTY, 2)
    for store in (county, town, impostor):
        store.close()


def test_private_keys_are_only_in_the_encrypted_store(tmp_path):
    village = station(tmp_path, "village", VILLAGE, "新陂村")
    identity.write_request(village, tmp_path / "req.json")
    with village.read() as conn:
        private = own_key(conn).sign_private.private_bytes_raw()
    village.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert private not in path.read_bytes(), path
