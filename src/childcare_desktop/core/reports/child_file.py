"""一人一档: one child's full file as an A4 PDF, laid out like the national registration form.

The form is a ruled grid of label and value cells (农村留守儿童基本情况登记表), then one table per
part of the file, then the sign-off lines. Values are Paragraphs so that long names and
addresses wrap inside their cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ...words import label
from ..domain.care import Concern, Referral, Wish
from ..domain.child import Child
from ..domain.visit import Visit
from .layout import (
    LABEL_FILL,
    PdfTarget,
    ReportMeta,
    build,
    day,
    frame_width,
    grid_style,
    para,
    styles,
)
from .layout import header_row_style as head_fill

TITLE = "农村留守儿童和困境儿童基本情况登记表"
FINDINGS = {
    "living": "生活",
    "guardianship": "监护",
    "schooling": "就学",
    "health": "健康",
    "emotional": "情绪",
    "safety": "安全",
}
MODES = {"home": "入户", "phone": "电话", "video": "视频", "school": "到校", "other": "其他"}


@dataclass(frozen=True)
class ChildFileData:
    """Everything the file prints about one child, gathered by the reports service."""

    child: Child
    age: int | None
    village: str
    categories_now: tuple[str, ...]
    risk: str
    next_due: date | None
    visits: tuple[Visit, ...]
    concerns: tuple[Concern, ...]
    wishes: tuple[Wish, ...]
    referrals: tuple[Referral, ...]


def render_child_file(data: ChildFileData, meta: ReportMeta, out: PdfTarget) -> int:
    """Write the file to `out`; returns the number of pages."""
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(f"（一人一档）　所属村（居）：{data.village}　　档案编号：{data.child.uuid}", "note"),
        Spacer(1, 2 * mm),
        _basic_grid(data),
        *_section("一、家庭成员及照护人情况", _members(data.child)),
        *_section("二、儿童类别记录", _categories(data.child)),
        *_section("三、救助帮扶情况", _assistance(data.child)),
        *_section("四、走访记录", _visits(data.visits)),
        *_section("五、强制报告及关注事项", _concerns(data.concerns)),
        *_section("六、微心愿", _wishes(data.wishes)),
        *_section("七、转介服务", _referrals(data.referrals)),
        Spacer(1, 6 * mm),
        _sign_off(),
    ]
    return build(out, story, meta)


def _basic_grid(data: ChildFileData) -> Table:
    c = data.child
    width = frame_width(False)
    cols = [x * mm for x in (22, 36, 20, 30, 20)]
    cols.append(width - sum(cols))
    hukou = "已登记" if c.hukou_registered else "未登记"
    if not c.id_number and c.no_id_reason:
        hukou += f"（{label('no_id_reason', c.no_id_reason)}）"
    health = label("health", c.health)
    if c.health == "disabled":
        health += f"（{c.disability_type} {c.disability_grade}）".replace("（ ", "（")
    elif c.health == "ill" and c.illness:
        health += f"（{c.illness}）"
    school = c.school + ("（寄宿）" if c.boarding else "")
    status = label("status", c.status)
    if c.status == "closed":
        status += f"（{label('close_reason', c.close_reason)} {day(c.closed_on)}）"
    categories = "、".join(label("category", code) for code in data.categories_now) or "无"
    consent = f"{day(c.consent_on)} {c.consent_by}".strip() or "未记录"
    hukou_type = label("hukou_type", c.hukou_type) if c.hukou_type else ""
    income = "、".join(label("income_source", x) for x in c.income_sources.split(",") if x)
    rows = [
        ["姓名", c.name, "性别", label("sex", c.sex), "民族", c.ethnicity],
        ["出生日期", day(c.birth_date), "年龄", _age(data.age), "身份证号", c.id_number or "无"],
        ["户籍登记", hukou, "户籍性质", hukou_type, "户籍地", c.hukou_place],
        ["现住址", c.current_address, "", "", "", ""],
        ["家庭经济来源", income, "", "", "", ""],
        ["健康状况", health, "就学情况", label("schooling", c.schooling), "就读学校", school],
        ["儿童类别", categories, "", "", "", ""],
        [
            "监护情况",
            label("guardianship", c.guardianship),
            "风险等级",
            label("risk", data.risk),
            "下次走访",
            day(data.next_due),
        ],
        ["在册状态", status, "登记日期", day(c.registered_on), "知情同意", consent],
        ["备注", c.notes, "", "", "", ""],
    ]
    cells = [
        [para(v, "label" if i % 2 == 0 else "cell") for i, v in enumerate(row)] for row in rows
    ]
    # (first column, last column, row) of the values that run across the rest of their row
    wide = [(1, 5, r) for r in (3, 4, 6, 9)]
    spans = [("SPAN", (c0, r), (c1, r)) for c0, c1, r in wide]
    covered = {(c, r) for c0, c1, r in wide for c in range(c0, c1 + 1)}
    # Labels are shaded, cell by cell: a shaded column would show through a spanned value.
    shade = [
        ("BACKGROUND", (c, r), (c, r), LABEL_FILL)
        for r in range(len(rows))
        for c in (0, 2, 4)
        if (c, r) not in covered
    ]
    return Table(cells, colWidths=cols, style=grid_style(*shade, *spans))


def _age(age: int | None) -> str:
    return "" if age is None else f"{age} 岁"


def _section(title: str, body: Flowable) -> list[Flowable]:
    # A new page rather than a heading stranded at the foot of one.
    return [CondPageBreak(30 * mm), para(title, "section"), body]


def _table(head: list[str], rows: list[list[str]], widths_mm: list[float]) -> Flowable:
    if not rows:
        return _none()
    width = frame_width(False)
    cols = [w * mm for w in widths_mm]
    cols.append(width - sum(cols))
    cells = [[para(h, "head") for h in head]]
    cells += [[para(v, "small") for v in row] for row in rows]
    return Table(cells, colWidths=cols, repeatRows=1, style=grid_style(head_fill()))


def _none() -> Table:
    return Table([[para("无")]], colWidths=[frame_width(False)], style=grid_style())


def _members(c: Child) -> Flowable:
    """The 2016 登记表's family part: a carer's relation in words beside the code (委托照护人
    （舅舅）), the date a parent left beside the work place, and each one's address."""
    head = ["关系", "姓名", "身份证号", "出生日期", "联系电话", "务工地点（外出时间）", "居住地址"]
    head += ["现状", "监护能力", "委托确认书"]
    rows = [
        [
            label("relation", m.relation) + (f"（{m.kinship}）" if m.kinship else ""),
            m.name,
            m.id_number,
            day(m.birth_date),
            m.phone,
            m.work_place + (f"（{day(m.left_on)}外出）" if m.left_on else ""),
            m.address,
            label("situation", m.situation),
            "有" if m.guardian_capable else "无",
            f"已签 {day(m.entrust_signed_on)}".strip() if m.entrust_signed else "未签",
        ]
        for m in c.members
    ]
    return _table(head, rows, [14, 14, 29, 17, 19, 20, 20, 12, 9])


def _categories(c: Child) -> Flowable:
    rows = [
        [label("category", s.code), day(s.start), day(s.end) or "至今", s.reason]
        for s in c.categories
    ]
    # 理由: why the officer holds a category the file's facts do not support.
    return _table(["类别", "开始日期", "结束日期", "理由"], rows, [50, 30, 30])


def _assistance(c: Child) -> Flowable:
    rows = [
        [label("assistance", a.kind), f"{a.amount_month:.2f}", day(a.start), day(a.end), a.note]
        for a in c.assistance
    ]
    return _table(["救助项目", "金额（元/月）", "开始", "结束", "备注"], rows, [50, 26, 24, 24])


def _visits(visits: tuple[Visit, ...]) -> Flowable:
    rows = [
        [
            day(v.visit_date),
            MODES.get(v.mode, v.mode),
            v.visitor,
            v.met,
            _findings(v.findings),
            v.needs,
            v.actions,
            label("guardianship", v.guardianship) if v.guardianship else "",
        ]
        for v in visits
    ]
    head = ["日期", "方式", "走访人", "见到", "发现情况", "需求", "措施", "监护评估"]
    return _table(head, rows, [18, 10, 18, 16, 50, 22, 28])


def _concerns(concerns: tuple[Concern, ...]) -> Flowable:
    rows = [
        [
            label("concern_kind", x.kind),
            day(x.noticed_on),
            x.description,
            "；".join(
                f"{label('report_target', r.target)} {day(r.reported_on)} {r.receipt}".strip()
                for r in x.reports
            )
            or "未报告",
            x.follow_up,
            day(x.closed_on) or "未结",
        ]
        for x in concerns
    ]
    head = ["事项", "发现日期", "情况", "报告（对象 日期 回执）", "跟进", "结案"]
    return _table(head, rows, [26, 18, 44, 38, 36])


def _wishes(wishes: tuple[Wish, ...]) -> Flowable:
    rows = [
        [
            w.text,
            day(w.collected_on),
            label("wish_state", w.state),
            w.claimed_by,
            day(w.fulfilled_on),
        ]
        for w in wishes
    ]
    return _table(["心愿", "收集日期", "状态", "认领人", "实现日期"], rows, [70, 20, 16, 50])


def _referrals(referrals: tuple[Referral, ...]) -> Flowable:
    rows = [
        [
            label("referral_target", r.target),
            day(r.referred_on),
            r.reason,
            label("referral_status", r.status),
            r.outcome,
        ]
        for r in referrals
    ]
    return _table(["转介对象", "转介日期", "原因", "状态", "结果"], rows, [26, 20, 60, 16])


def _sign_off() -> Flowable:
    style = styles()["note"].clone("sign", fontSize=10.5, leading=22)
    line = "填表人：＿＿＿＿＿＿　复核人：＿＿＿＿＿＿　单位负责人：＿＿＿＿＿＿"
    dated = "填表单位（盖章）　　　　　　　　　　　　日期：＿＿＿＿年＿＿月＿＿日"
    # The guardian (or the entrusted carer) confirms what the file says and signs: the 2016
    # national form ends with the officers' signatures; the family's line is what a county asks
    # for when it reviews (审核) a file.
    confirm = "监护人确认：以上信息属实。"
    signed = "监护人（签名）：＿＿＿＿＿＿　与儿童关系：＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"
    lines = (line, dated, confirm, signed)
    return KeepTogether([Paragraph(text, style) for text in lines])


def _findings(findings: dict[str, str]) -> str:
    """Each area's words after its name; a text an older version stored whole (area "") alone."""
    return "；".join(
        (f"{FINDINGS[k]}：" if k in FINDINGS else "") + said for k, said in findings.items() if said
    )
