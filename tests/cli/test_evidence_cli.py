"""`childcare evidence` from a script: a PDF attached at the village, a renamed file that is no
picture refused with its reason, the list as JSON without content, the file saved out whole, an
unknown one refused."""

from __future__ import annotations

from sqlalchemy import select

from childcare_desktop.core.storage import tables as t
from tests.core.services.test_approval import new_child
from tests.core.sync.stations import COUNTY, TOWN, VILLAGE, enrolled

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def test_evidence_from_the_command_line(childcare, tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    village = enrolled(tmp_path, "village", VILLAGE, "新陂村", town)
    kid = new_child(village)
    with village.read() as conn:
        s = t.submission.c
        sub = conn.execute(select(s.uuid).where(s.child_uuid == kid.uuid)).scalar_one()
    for store in (county, town, village):
        store.close()
    db = str(tmp_path / VILLAGE / f"{VILLAGE}.db")
    ruling = tmp_path / "法院判决.jpg"
    ruling.write_bytes(PDF)
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"GIF89a...")

    refused = childcare("evidence", "attach", "--db", db, "--submission", sub, str(fake))
    assert refused.code == 1 and "不是 JPEG、PNG 图片或 PDF 文件" in refused.err
    attached = childcare(
        "evidence", "attach", "--db", db, "--submission", sub, str(ruling), "--json"
    )
    assert attached.code == 0, attached.err
    made = attached.json()
    assert (made["name"], made["media_type"], made["size"]) == (
        "法院判决.jpg",
        "application/pdf",
        len(PDF),
    )
    listed = childcare("evidence", "list", "--db", db, "--submission", sub, "--json")
    assert listed.code == 0, listed.err
    (item,) = listed.json()["items"]
    assert item == made and "content" not in item

    out = tmp_path / "back.pdf"
    saved = childcare("evidence", "save", "--db", db, "--evidence", item["id"], "--out", str(out))
    assert saved.code == 0, saved.err
    assert out.read_bytes() == PDF
    missing = childcare("evidence", "save", "--db", db, "--evidence", "nope", "--out", str(out))
    assert missing.code == 1 and "找不到这份证明材料" in missing.err
