"""A village store of demo children, some with very long names and addresses, for the reports."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Assistance, Child, FamilyMember
from childcare_desktop.core.services.care import Care
from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.demo import fill_demo
from tests.conftest import VILLAGE

LONG_NAME = "阿卜杜热合曼·买买提明·艾则孜·阿卜杜拉·吐尔逊·热合曼江·Ali"
LONG_ADDRESS = (
    "广东省梅州市兴宁市石坑镇新陂村第十二村民小组老屋背巷子尽头左手边第三户"
    "（原村小学旧址后面，门口有一棵大榕树）Room 12B, Block 3, 邮编 514500"
)
CARER = "欧阳慕容上官司马诸葛端木皇甫长孙宇文轩辕令狐钟离"


@dataclass(frozen=True)
class Demo:
    store: object
    long_child: str
    number: str
    carer_phone: str


@pytest.fixture
def demo(store) -> Demo:
    today = date.today()
    fill_demo(store, 40, seed=3, today=today)
    born = today - timedelta(days=9 * 365)
    number = idnumber.make(VILLAGE[:6], born, 123, "male")
    child = Child(
        name=LONG_NAME,
        sex="male",
        birth_date=born,
        village_code=VILLAGE,
        id_number=number,
        hukou_place=LONG_ADDRESS,
        current_address=LONG_ADDRESS,
        school="兴宁市石坑镇新陂村中心小学附属寄宿制学校（北校区）",
        guardianship="poor",
        registered_on=today - timedelta(days=200),
        members=(
            FamilyMember("carer", CARER, phone="13812345678", entrust_signed=True),
            FamilyMember("father", "买买提明", situation="imprisoned", work_place=LONG_ADDRESS),
        ),
        categories=(CategorySpan("left_behind", today - timedelta(days=100)),),
        assistance=(Assistance("dibao", amount_month=512.5, start=today - timedelta(days=90)),),
    )
    service = Children(store)
    service.save(child)
    others = [u for u in service.find(ChildQuery()) if u != child.uuid]
    for uuid in others[:3]:
        other = service.get(uuid)
        longer = (other.name + "·" + LONG_NAME)[:40]  # the longest name the form takes
        service.save(replace(other, name=longer, current_address=LONG_ADDRESS))
    concerns = Concerns(store)
    concern = concerns.add(
        child.uuid, "alone", today - timedelta(days=3), "放学后独自在家，晚上无成年人照看"
    )
    concerns.report(concern.uuid, "police", today - timedelta(days=2), receipt="GA2024-0815X")
    care = Care(store)
    wish = care.add_wish(child.uuid, "想要一套《十万个为什么》和一个新书包")
    care.advance_wish(wish.uuid)
    care.advance_wish(wish.uuid, claimed_by="兴宁市第一中学团委 Class 3")
    care.add_referral(child.uuid, "social_worker", "需要心理疏导，父亲服刑")
    return Demo(store, child.uuid, number, "13812345678")
