"""The 2016 登记表's fields travel like the others (民发〔2016〕42号 附件1): a file carrying
户籍性质, 家庭经济来源, 住房救助, the grandparents apart and a carer's relation, address and
date left is applied at the town as the village saved it; a code no form offers refuses the
batch."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Assistance, Child, FamilyMember
from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import tables as t

from .stations import VILLAGE
from .test_received_values import refused, town, village, written  # noqa: F401 (fixtures)


def registered(store) -> Child:
    return Children(store).save(
        Child(
            "陈小雨",
            "female",
            date(2015, 4, 2),
            VILLAGE,
            id_number=idnumber.make("441481", date(2015, 4, 2), 7, "female"),
            hukou_type="agricultural",
            income_sources="wages,relatives",
            members=(
                FamilyMember("father", "陈大年", situation="migrant", left_on=date(2023, 2, 1)),
                FamilyMember("pat_grandma", "刘桂兰"),
                FamilyMember("mat_grandpa", "黄德明"),
                FamilyMember("carer", "黄志强", kinship="舅舅", address="大岭村2组"),
            ),
            assistance=(Assistance("housing_relief"),),
        )
    )


def test_the_new_fields_apply_at_the_town(tmp_path, town, village):  # noqa: F811
    child = registered(village)
    out = tmp_path / "v1.ccsync"
    sync.export(village, out)
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("applied", "")
    at_town = Children(town).get(child.uuid)
    assert (at_town.hukou_type, at_town.income_sources) == ("agricultural", "wages,relatives")
    assert at_town.members == child.members
    assert [a.kind for a in at_town.assistance] == ["housing_relief"]


@pytest.mark.parametrize(
    ("entity", "field", "value"),
    [
        ("child", "hukou_type", "城镇"),
        ("child", "income_sources", "wages,lottery"),
        ("child", "income_sources", "wages,wages"),
        ("member", "relation", "uncle"),
        ("member", "left_on", "9999-12-31"),
        ("assistance", "kind", "bank_loan"),
    ],
)
def test_a_code_no_form_offers_is_refused(tmp_path, town, village, entity, field, value):  # noqa: F811
    child = registered(village)
    uuid = {"child": child.uuid, "member": child.members[3].uuid}.get(
        entity, child.assistance[0].uuid if child.assistance else ""
    )
    refused(town, written(village, tmp_path / "v2.ccsync", entity, uuid, {field: value}),
            f"{entity}.{field}")  # fmt: skip


def test_a_grandparent_an_earlier_version_stored_is_received(tmp_path, town, village):  # noqa: F811
    child = registered(village)
    uuid = child.members[1].uuid
    out = written(village, tmp_path / "v3.ccsync", "member", uuid, {"relation": "grandmother"})
    (result,) = sync.import_files(town, [out])
    assert (result.status, result.reason) == ("applied", "")
    with town.read() as conn:
        stored = conn.execute(select(t.member.c.relation).where(t.member.c.uuid == uuid)).scalar()
    assert stored == "grandmother"
