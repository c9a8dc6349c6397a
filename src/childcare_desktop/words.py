"""Words for the codes the core uses: error codes and vocabulary labels, in Chinese and English.

The one place where codes become words for both faces of the program (the GUI picks the
language from its settings; the CLI prints Chinese with the English beside it). Window chrome
is translated through Qt's tr() and the .ts files; codes are translated here.
"""

from __future__ import annotations

from .core.errors import CoreError, FieldProblem

ZH, EN = "zh", "en"

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("必填", "required"),
    "too_long": ("太长（最多 {max} 个字）", "too long (at most {max} characters)"),
    "unknown_value": ("不是可选的值", "not one of the allowed values"),
    "future_date": ("日期不能晚于今天", "the date cannot be after today"),
    "implausible_date": ("日期不合理", "the date is not plausible"),
    "end_before_start": ("结束日期早于开始日期", "the end date is before the start date"),
    "id_empty": ("请填写身份证号", "enter the ID number"),
    "id_old_15": ("这是15位旧身份证号，请核对后换成18位", "an old 15-digit number: replace it"),
    "id_length": ("身份证号应为18位", "an ID number has 18 characters"),
    "id_chars": ("身份证号只能是数字，最后一位可以是X", "digits only; the last may be X"),
    "id_birth_date": ("身份证号里的出生日期不存在", "the birth date inside the number is invalid"),
    "id_future_birth": (
        "身份证号里的出生日期晚于今天",
        "the birth date in the number is after today",
    ),
    "id_checksum": (
        "身份证号校验位不对，请逐位核对",
        "the check digit is wrong: check each digit",
    ),
    "id_missing_reason": (
        "没有身份证号时请选择原因（如无户籍）",
        "without an ID number, choose why (e.g. no hukou)",
    ),
    "id_birth_mismatch": (
        "与身份证号不一致（身份证号为 {id_birth}）",
        "does not agree with the ID number ({id_birth})",
    ),
    "id_sex_mismatch": ("与身份证号不一致", "does not agree with the ID number"),
    "phone_invalid": ("电话号码格式不对", "not a phone number"),
    "division_invalid": ("区划代码不对", "not a valid division code"),
    "division_digits": ("区划代码只能是数字", "a division code has digits only"),
    "division_length": ("区划代码应为 {length} 位", "the division code has {length} digits"),
    "division_province": ("区划代码前两位不是省级代码", "the first two digits are no province"),
    "division_county": ("区划代码的县级部分不对", "the county part of the code is wrong"),
    "validation_failed": ("有 {count} 处需要修改", "{count} problems to fix"),
    "wrong_passphrase": ("密码不对，请重试", "wrong passphrase, try again"),
    "passphrase_wait": (
        "密码或恢复码输错了几次，请等 {seconds} 秒再试",
        "wrong passphrases or codes were typed: wait {seconds} seconds and try again",
    ),
    "passphrase_too_short": ("密码至少 {min} 位", "the passphrase needs {min} characters"),
    "passphrase_mismatch": ("两次输入的密码不一样", "the two passphrases differ"),
    "no_store": ("找不到数据文件 {path}", "no store at {path}"),
    "no_key_file": (
        "找不到密钥文件 {path}，没有它数据打不开。程序不会新建数据把原来的盖掉。"
        "请把密钥文件放回数据文件旁边，或从备份恢复（每份备份都带着自己的密钥文件）",
        "the key file {path} is missing, and the store does not open without it. The program "
        "will not make a new store over it: put the key file back beside the store, or "
        "restore a backup (each backup carries its own key file)",
    ),
    "key_file_damaged": (
        "密钥文件 {path} 已损坏，数据打不开。程序不会新建数据把原来的盖掉。"
        "请从备份恢复（每份备份都带着自己的密钥文件）",
        "the key file {path} is damaged, and the store does not open. The program will not "
        "make a new store over it: restore a backup (each backup carries its own key file)",
    ),
    "store_missing": (
        "密钥文件还在，数据文件 {path} 却不见了。程序不会新建数据。"
        "请把数据文件放回原处，或从备份恢复",
        "the key file is there but the store {path} is not. The program will not make a new "
        "store: put the store file back, or restore a backup",
    ),
    "store_empty": (
        "数据文件 {path} 是空的（0 字节），里面没有记录。程序不会新建数据把它盖掉。请从备份恢复",
        "the store {path} is empty (0 bytes): it holds no records. The program will not make "
        "a new store over it: restore a backup",
    ),
    "store_foreign": (
        "{path} 不是本程序的数据文件（可能被别的文件换掉了）。程序不会改动它，也不会新建数据把它"
        "盖掉。请放回原来的数据文件，或从备份恢复",
        "{path} is not a store of this program (another file may have replaced it). The "
        "program will not change it or make a new store over it: put the store file back, or "
        "restore a backup",
    ),
    "store_exists": ("数据文件已存在：{path}", "a store already exists: {path}"),
    "store_unreadable": (
        "数据文件 {path} 打不开（密钥不对或文件损坏）",
        "the store {path} cannot be read (wrong key or damaged)",
    ),
    "store_newer": (
        "数据文件来自更新版本的程序，请先升级",
        "the store was written by a newer version: upgrade first",
    ),
    "station_not_set_up": ("本站尚未设置", "this station is not set up"),
    "child_not_found": ("找不到这名儿童", "no such child"),
    "unknown_field": ("没有这个字段：{field}", "no such field: {field}"),
    "backup_unreadable": (
        "备份 {path} 打不开（密码不对或不是本站的备份）",
        "the backup {path} cannot be opened (wrong passphrase, or not this station's)",
    ),
    "backup_damaged": ("备份 {path} 已损坏，未恢复", "the backup {path} is damaged: not restored"),
    "audit_broken": (
        "操作日志第 {seq} 条被改动或删除",
        "the audit log was altered or cut at entry {seq}",
    ),
    "audit_altered": (
        "操作日志被改动过：第 {seq} 条（{at}）起的记录不能再作证",
        "the audit log was altered: it can no longer vouch for entry {seq} ({at}) and after",
    ),
    "audit_cut": (
        "操作日志被删掉了一段：第 {seq} 条起不见了（在 {at} 之后写的）",
        "the audit log was cut: entry {seq} and after are gone (written after {at})",
    ),
    "audit_anchor_reached": (
        "密钥文件记着日志写到第 {seq} 条",
        "the key file vouches for the log up to entry {seq}",
    ),
    "audit_head_backwards": (
        "{station}的操作日志倒退了：第 {batch} 批里第 {entry} 条起的记录不见了"
        "（{at} 发现），请查看那台电脑",
        "the audit log of {station} went backwards: batch {batch} no longer holds entry {entry} "
        "and after (found {at}); look into that laptop",
    ),
    "audit_head_forked": (
        "{station}的操作日志被改过：第 {batch} 批显示第 {entry} 条和以前报来的不一样"
        "（{at} 发现），请查看那台电脑",
        "the audit log of {station} forked: batch {batch} shows entry {entry} differs from what "
        "it vouched for before (found {at}); look into that laptop",
    ),
    "bad_value": ("{field} 的值不对：{value}", "bad value for {field}: {value}"),
    "file_unavailable": (
        "文件读写不了（{reason}），请换一个U盘或文件夹再试",
        "the file could not be read or written ({reason}): try another USB stick or folder",
    ),
    "disk_full": (
        "磁盘或U盘满了，这次的操作没有完成。之前保存的都还在。请删掉不用的文件腾出空间，再做一次",
        "the disk or USB stick is full: this was not done. Everything saved before is still "
        "there. Free some space (delete files you do not need) and do it again",
    ),
    "disk_read_only": (
        "这个文件夹或U盘不能写入（只读、没有权限，或文件正被别的程序如Excel打开），这次的操作没有完成。"
        "之前保存的都还在。请关掉打开着这个文件的程序，拨开U盘的写保护开关，"
        "或把数据文件连同密钥文件复制到能写入的文件夹（如“文档”）再打开",
        "this folder or USB stick cannot be written (read-only, no permission, or the file is "
        "open in another program such as Excel): this was not done. Everything saved before is "
        "still there. Close the program that has the file open, slide the stick's write-protect "
        "switch off, or copy the store with its key file to a folder that can be written (such "
        "as Documents) and open it there",
    ),
    "disk_gone": (
        "文件所在的U盘或文件夹不见了（被拔出、移走或改名），这次的操作没有完成。"
        "之前保存的都还在U盘或文件夹里。请把U盘插回去（或把文件夹放回原处），然后关掉程序重新打开",
        "the USB stick or folder holding the files is gone (pulled out, moved or renamed): this "
        "was not done. Everything saved before is still on the stick or in the folder. Plug the "
        "stick in again (or put the folder back), then close the program and open it again",
    ),
    "disk_failed": (
        "读写磁盘出错（U盘松动或被拔出，或磁盘满了），这次的操作没有完成。之前保存的都还在。"
        "请插好U盘、腾出空间，然后关掉程序重新打开；仍然不行，就从备份恢复",
        "the disk could not be read or written (a loose or pulled-out USB stick, or a full disk): "
        "this was not done. Everything saved before is still there. Plug the stick in firmly, "
        "free some space, then close the program and open it again; if it still fails, restore "
        "a backup",
    ),
    "stored_value_refused": (
        "儿童 {child} 的档案里 {field} 的值现在不允许（记录 {uuid}），请打开档案改正",
        "the file of child {child} holds a value of {field} no longer accepted (record {uuid}): "
        "open the file and correct it",
    ),
    "no_cjk_font": (
        "找不到能显示中文和数字的字体，无法生成 PDF",
        "no font that shows Chinese and digits was found: cannot make the PDF",
    ),
    "totals_disagree": (
        "汇总表合计与分项之和不一致，未打印：{which}",
        "the summary's totals disagree with their parts, not printed: {which}",
    ),
    "bad_month": ("月份应写成 YYYY-MM：{month}", "the month should be YYYY-MM: {month}"),
    "unknown_category": ("没有这个儿童类别：{category}", "no such category: {category}"),
    "unknown_status": ("没有这个状态：{status}", "no such status: {status}"),
    "report_format": (
        "只能输出 .pdf 或 .xlsx：{suffix}",
        "the output must be .pdf or .xlsx: {suffix}",
    ),
    "date_unreadable": (
        "看不懂这个日期，请写成 2010-01-01",
        "cannot read this date: write it as 2010-01-01",
    ),
    "date_impossible": ("没有这一天，请核对日期", "no such day: check the date"),
    "date_incomplete": ("日期缺少日，请写完整的年月日", "the day is missing: write the full date"),
    "id_as_number": (
        "身份证号被Excel存成了数字，后几位已丢失：请把该列设为文本后重新输入",
        "Excel stored the ID number as a number and lost digits: format the column as text "
        "and type it again",
    ),
    "category_unknown": (
        "不认识的儿童类别“{word}”，可写：{allowed}",
        "unknown category “{word}”; the categories understood: {allowed}",
    ),
    "disability_detail_missing": (
        "残疾儿童未填残疾类别，请补充",
        "a disabled child without the type of disability: complete it",
    ),
    "member_name_missing": ("未填姓名，请补充", "no name: complete it"),
    "word_unknown": (
        "不认识“{word}”，这一列可写：{allowed}",
        "“{word}” is not understood; this column takes: {allowed}",
    ),
    "category_ambiguous": (
        "“{word}”可能指几种儿童类别，没有导入，请在档案中选择：{allowed}",
        "“{word}” may mean several categories and was not imported: choose in the file: {allowed}",
    ),
    "kept_in_notes": ("{problem}；原文已写入备注", "{problem}; the text is kept in the notes"),
    "village_unknown": ("不认识的村（居）：{village}", "unknown village: {village}"),
    "roster_unreadable": ("文件 {path} 打不开或已损坏", "the file {path} cannot be read"),
    "roster_too_large": (
        "文件 {path} 解压后有 {size} MB，不像是台账（可能已损坏或被改过），没有读取",
        "the file {path} unpacks to {size} MB: not a ledger (damaged or altered), not read",
    ),
    "roster_missing": ("找不到文件 {path}", "no file {path}"),
    "roster_format": (
        "{path} 不是 xlsx、xls 或 csv 文件",
        "{path} is not an xlsx, xls or csv file",
    ),
    "roster_encoding": (
        "{path} 的文字编码无法识别（应为 UTF-8 或 GBK）",
        "the text encoding of {path} is neither UTF-8 nor GBK",
    ),
    "roster_no_header": (
        "找不到表头：表格里应有“姓名”等列名",
        "no header found: the sheet needs column names such as 姓名",
    ),
    "roster_unknown_column": (
        "不认识的列“{column}”：内容写入备注",
        "unknown column {column}: its values go to the notes",
    ),
    "roster_duplicate_row": (
        "与第 {first} 行是同一名儿童，已合并",
        "the same child as row {first}: merged",
    ),
    "roster_cancelled": ("导入已取消，没有写入任何数据", "import cancelled: nothing was written"),
    "follow_up_required": (
        "请先写下跟进情况，才能结案",
        "write the follow-up before closing the concern",
    ),
    "category_not_supported": (
        "{category}与档案事实不符（{fact}）；如确属此类，请写明理由",
        "{category}: the file's facts do not support it ({fact}); if it is right, write why",
    ),
    "concern_closed": ("这条关注已经结案", "this concern is already closed"),
    "concern_not_found": ("找不到这条关注记录", "no such concern"),
    "visit_not_found": ("找不到这条走访记录", "no such visit"),
    "visit_superseded": (
        "这条走访已被更正，请更正最新的一版",
        "this visit was already corrected: correct the newest version",
    ),
    "wish_done": ("这个微心愿已经完成分享", "this wish has already been shared"),
    "wish_not_found": ("找不到这个微心愿", "no such wish"),
    "referral_not_found": ("找不到这条转介", "no such referral"),
    "visit_round_not_found": ("找不到这次走访行动", "no such visit round"),
    "review_flag_not_found": ("找不到这条复核标记", "no such review flag"),
    "policy_days": ("应为 {min} 到 {max} 天", "between {min} and {max} days"),
    "equivocation": (
        "同一条修改 {change} 出现了两种不同的内容，整批已隔离",
        "change {change} arrived with two different contents: the batch is quarantined",
    ),
    "missing_record": (
        "这批数据缺少它所修改的儿童档案，请先导入更早的批次",
        "this batch changes a child's file it does not carry: import the earlier batches first",
    ),
    "conflict_not_found": ("找不到这条冲突", "no such conflict"),
    "conflict_resolved": ("这条冲突已经处理过了", "this conflict has already been resolved"),
    "duplicate_same_file": ("不能把一份档案与它自己合并", "a file cannot be merged with itself"),
    "duplicate_not_found": ("找不到要合并的档案", "no such file to merge"),
    "duplicate_not_same_id": (
        "两份档案的身份证号不同，不能作为重复合并",
        "the two files have different ID numbers: they are not duplicates",
    ),
    "duplicate_not_open": ("只能合并两份在册的档案", "only two active files can be merged"),
    "duplicate_not_merged": (
        "这份档案不是作为重复档案销档的",
        "this file was not closed as a duplicate",
    ),
    "sync_error": ("同步出错", "sync failed"),
    "bad_file": (
        "这不是完整的同步文件，可能被截断、改动或拷贝出错",
        "not a whole sync file: cut short, altered or badly copied",
    ),
    "unreadable_file": ("文件打不开", "the file cannot be read"),
    "file_too_large": ("文件太大，不像是同步文件，未读取", "the file is too large for a sync file"),
    "bad_signature": (
        "签名不对，文件可能被改动过",
        "the signature is wrong: the file may be altered",
    ),
    "unknown_signer": (
        "这个文件来自未登记的电脑，请先办理登记",
        "the file comes from a computer that is not enrolled here",
    ),
    "not_for_us": ("这个文件是发给另一个站点的", "this file is addressed to another station"),
    "cannot_decrypt": ("文件无法解密，可能被改动过", "the file cannot be decrypted"),
    "bad_payload": ("文件内容不完整或被改动过", "the contents are incomplete or altered"),
    "too_many": ("文件里的条数不合理，未导入", "the file holds an implausible number of records"),
    "bomb": ("文件解压后大得不合理，未导入", "the file expands to an implausible size"),
    "bad_version": (
        "文件来自更新版本的程序，请先升级",
        "the file was written by a newer version: upgrade first",
    ),
    "bad_change": ("文件里有一条修改格式不对，整批未导入", "a change in the file is malformed"),
    "bad_field": (
        "站点 {station} 的一条修改里 {field} 的值不符合规定"
        "（如隐藏字符、超出范围的日期、格式不对），整批未导入",
        "a change written by station {station} holds a value of {field} no form accepts "
        "(a hidden character, a date out of range, a wrong shape): the whole file was refused",
    ),
    "foreign_change": (
        "文件里有以别的站点名义写的修改，整批未导入",
        "the file holds changes in another station's name: nothing of it was imported",
    ),
    "outside_authority": (
        "文件里有修改不归发送站点管的档案（别村、别镇的儿童），整批未导入",
        "the file changes records the sender does not answer for (another village's or "
        "town's children): nothing of it was imported",
    ),
    "clock_ahead": (
        "文件里修改的时间比本机日期晚 30 天以上，整批未导入：请核对两台电脑的日期",
        "the file's changes are dated more than 30 days after this computer's date: "
        "check the date on both computers",
    ),
    "bad_sequence": (
        "文件里修改的编号或时间与该站以前的修改接不上，整批未导入",
        "the file's change numbers or times do not follow on from the station's earlier ones",
    ),
    "revoked": (
        "这台电脑的登记已被注销，此后的批次已隔离",
        "this computer's enrollment was revoked: later batches are quarantined",
    ),
    "bad_request": ("这不是有效的登记申请文件", "not a valid enrollment request"),
    "fingerprint_mismatch": (
        "念出的指纹与文件里的不一致，没有发证或安装。请对方逐组再念一遍；"
        "仍不一致就停下：这个文件可能不是对方电脑写的",
        "the fingerprint read aloud differs from the file's: nothing was issued or installed. "
        "Ask for it again group by group; if it still differs, stop: the file may not come "
        "from that computer",
    ),
    "bad_certificate": ("这不是有效的登记证书", "not a valid certificate"),
    "not_below_us": (
        "{station} 不是本站下级，不能为它登记",
        "{station} is not directly below this station",
    ),
    "not_enrolled": ("本站尚未登记，请先安装上级发的证书", "this station is not enrolled yet"),
    "not_our_certificate": (
        "这张证书不是发给本机本次申请的",
        "this certificate does not answer this computer's request",
    ),
    "choose_receiver": ("请选择发送给哪个站点", "choose which station to send to"),
    "unknown_station": ("没有登记过站点 {station}", "no enrolled station {station}"),
    "written_file_differs": (
        "写出的文件 {path} 读回来不一致，请换一个U盘",
        "the written file {path} reads back differently: use another stick",
    ),
    "unknown_change": ("找不到修改 {change} 的来源", "no source found for change {change}"),
    "photo_too_large": (
        "照片“{name}”超过 {max_mb} MB，未添加",
        "the photo {name} is larger than {max_mb} MB: not added",
    ),
    "photo_not_image": (
        "“{name}”不是 JPEG 或 PNG 照片，未添加",
        "{name} is not a JPEG or PNG photo: not added",
    ),
    "photo_unreadable": ("照片文件“{name}”打不开", "the photo file {name} cannot be read"),
    "photo_not_found": ("找不到这张照片", "no such photo"),
    "village_missing": (
        "没有写所属村（居）：本站管理多个村，每一行都要写明（名称或12位区划代码）",
        "no village given: this station keeps children of several villages, so each row "
        "needs its village (name or 12-digit code)",
    ),
    "village_shared_name": (
        "有几个村（居）都叫“{village}”：请写它的12位区划代码",
        "several villages are called {village}: write its 12-digit code",
    ),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "sex": {"male": ("男", "male"), "female": ("女", "female")},
    "guardianship": {
        "good": ("较好", "good"),
        "fair": ("一般", "fair"),
        "poor": ("差", "poor"),
        "none": ("无人监护", "none"),
        "": ("未评估", "not assessed"),
    },
    # What a file still lacks (domain/completeness.py): 待补充 / still to complete.
    "detail": {
        "health": ("健康状况", "health"),
        "disability_type": ("残疾类别", "type of disability"),
        "disability_grade": ("残疾等级", "grade of disability"),
        "schooling": ("就学情况", "schooling"),
        "guardianship": ("监护情况", "guardianship"),
        "categories": ("儿童类别", "categories"),
        "father.name": ("父亲姓名", "father's name"),
        "father.situation": ("父亲状况", "father's situation"),
        "father.phone": ("父亲联系电话", "father's phone"),
        "father.id_number": ("父亲身份证号码", "father's ID number"),
        "mother.name": ("母亲姓名", "mother's name"),
        "mother.situation": ("母亲状况", "mother's situation"),
        "mother.phone": ("母亲联系电话", "mother's phone"),
        "mother.id_number": ("母亲身份证号码", "mother's ID number"),
        "carer.name": ("委托照护人姓名", "carer's name"),
        "carer.phone": ("委托照护人联系电话", "carer's phone"),
        "carer.id_number": ("委托照护人身份证号码", "carer's ID number"),
        "carer.entrust_signed": ("委托监护确认书", "entrustment letter"),
        "hukou_type": ("户籍性质", "hukou type"),
        "income_sources": ("家庭经济来源", "family income"),
        "aid": ("救助帮扶情况", "assistance received"),
        "father.left_on": ("父亲外出时间", "when the father left"),
        "mother.left_on": ("母亲外出时间", "when the mother left"),
        "pat_grandpa.birth_date": ("祖父出生日期", "paternal grandfather's birth date"),
        "pat_grandma.birth_date": ("祖母出生日期", "paternal grandmother's birth date"),
        "mat_grandpa.birth_date": ("外祖父出生日期", "maternal grandfather's birth date"),
        "mat_grandma.birth_date": ("外祖母出生日期", "maternal grandmother's birth date"),
        "last_visit": ("最近走访日期", "last visit"),
    },
    "risk": {"high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low")},
    "status": {"active": ("在册", "active"), "closed": ("已销档", "closed")},
    "category": {
        "left_behind": ("农村留守儿童", "left-behind"),
        "floating": ("流动儿童", "floating"),
        "orphan": ("孤儿", "orphan"),
        "de_facto_unsupported": ("事实无人抚养儿童", "de facto unsupported"),
        "severe_disability": ("重残儿童", "severe disability"),
        "serious_illness": ("重病儿童", "serious illness"),
        "poor_family": ("贫困家庭儿童", "poor family"),
        "guardianship_lacking": ("监护缺失或监护不当儿童", "guardianship lacking"),
        "other_distress": ("其他困境儿童", "other distress"),
    },
    "health": {
        "healthy": ("健康", "healthy"),
        "disabled": ("残疾", "disabled"),
        "ill": ("患病", "ill"),
    },
    "schooling": {
        "not_enrolled": ("未入园", "not enrolled"),
        "kindergarten": ("幼儿园", "kindergarten"),
        "primary": ("小学", "primary school"),
        "junior": ("初中", "junior middle school"),
        "senior": ("高中", "senior high school"),
        "vocational": ("中职", "vocational school"),
        "dropout": ("辍学", "dropped out"),
        "not_in_school": ("不在学", "not in school"),
    },
    "relation": {
        "father": ("父亲", "father"),
        "mother": ("母亲", "mother"),
        "pat_grandpa": ("祖父", "paternal grandfather"),
        "pat_grandma": ("祖母", "paternal grandmother"),
        "mat_grandpa": ("外祖父", "maternal grandfather"),
        "mat_grandma": ("外祖母", "maternal grandmother"),
        # What an earlier version stored for either side: still read and shown.
        "grandfather": ("祖父/外祖父", "grandfather"),
        "grandmother": ("祖母/外祖母", "grandmother"),
        "carer": ("委托照护人", "entrusted carer"),
        "sibling": ("兄弟姐妹", "sibling"),
        "other": ("其他", "other"),
    },
    "situation": {
        "home": ("在家", "at home"),
        "migrant": ("外出务工", "working away"),
        "seriously_ill": ("重病", "seriously ill"),
        "severely_disabled": ("重残", "severely disabled"),
        "imprisoned": ("服刑在押", "in prison"),
        "drug_rehab": ("强制隔离戒毒", "in compulsory drug rehabilitation"),
        "restricted": ("被执行其他限制人身自由的措施", "under another restriction of liberty"),
        "missing": ("失联", "out of contact"),
        "disappeared": ("宣告失踪", "declared missing by a court"),
        "dead": ("死亡", "dead"),
        "guardianship_revoked": ("被撤销监护资格", "guardianship revoked"),
        "deported": ("被遣送（驱逐）出境", "deported"),
        "other": ("其他", "other"),
    },
    "assistance": {
        "dibao": ("低保", "minimum living allowance"),
        "tekun": ("特困供养", "extreme-poverty support"),
        "orphan_allowance": ("孤儿基本生活费", "orphan allowance"),
        "unsupported_allowance": ("事实无人抚养儿童基本生活补贴", "unsupported-child allowance"),
        "temporary_relief": ("临时救助", "temporary relief"),
        "medical_relief": ("医疗救助", "medical relief"),
        "housing_relief": ("住房救助", "housing relief"),
        "rehab_relief": ("残疾儿童康复救助", "rehabilitation relief"),
        "education_aid": ("教育资助", "education aid"),
        "other": ("其他", "other"),
    },
    "close_reason": {
        "aged_out": ("年满规定年龄", "aged out"),
        "parents_returned": ("父母返乡", "parents came home"),
        "moved_away": ("迁出", "moved away"),
        "died": ("死亡", "died"),
        "no_longer_eligible": ("不再符合条件", "no longer eligible"),
        "duplicate": ("重复档案（已合并）", "duplicate (merged)"),
        "other": ("其他", "other"),
    },
    "hukou_type": {
        "agricultural": ("农业", "agricultural"),
        "non_agricultural": ("非农业", "non-agricultural"),
        "resident": ("居民", "resident"),
    },
    "income_source": {
        "wages": ("打工收入", "wages"),
        "farming": ("种养殖业", "farming"),
        "government": ("政府救助", "government assistance"),
        "relatives": ("亲朋接济", "help from relatives"),
        "other": ("其他", "other"),
    },
    "no_id_reason": {
        "no_hukou": ("无户籍", "no hukou"),
        "not_yet_issued": ("尚未办理", "not yet issued"),
        "unknown": ("不详", "unknown"),
    },
    "sync_status": {
        "applied": ("已导入", "applied"),
        "duplicate": ("已导入过，无需重复", "already imported"),
        "rejected": ("已拒收", "rejected"),
        "quarantined": ("已隔离", "quarantined"),
    },
    "role": {
        "village": ("村（居）", "village"),
        "town": ("镇（街道）", "town"),
        "county": ("县（区）", "county"),
    },
    "mode": {
        "home": ("入户", "home visit"),
        "phone": ("电话", "phone"),
        "video": ("视频", "video call"),
        "school": ("到校", "at school"),
        "other": ("其他", "other"),
    },
    "finding_area": {
        "living": ("居住条件", "living conditions"),
        "guardianship": ("监护情况", "guardianship"),
        "schooling": ("就学情况", "schooling"),
        "health": ("健康状况", "health"),
        "emotional": ("情绪心理", "emotional state"),
        "safety": ("安全状况", "safety"),
    },
    "due_status": {
        "overdue": ("逾期", "overdue"),
        "due_soon": ("七天内到期", "due soon"),
        "upcoming": ("未到期", "upcoming"),
    },
    # Why a child is due when it is: the rule of the visit policy that applied.
    "due_reason": {
        "high_risk": ("高风险", "high risk"),
        "first_visit": ("登记后首次走访", "first visit after registration"),
        "planned": ("按上次走访约定的日期", "the date planned at the last visit"),
        "left_behind_fair": ("留守儿童（监护一般）", "left-behind, guardianship fair"),
        "left_behind_good": ("留守儿童（监护较好）", "left-behind, guardianship good"),
        "orphan": ("孤儿", "orphan"),
        "de_facto_unsupported": ("事实无人抚养儿童", "de facto unsupported"),
        "severe_disability": ("重残儿童", "severe disability"),
        "serious_illness": ("重病儿童", "serious illness"),
        "guardianship_lacking": ("监护缺失或监护不当", "guardianship lacking"),
        "poor_family": ("贫困家庭儿童", "poor family"),
        "other_distress": ("其他困境儿童", "other distress"),
        "floating": ("流动儿童", "floating"),
    },
    # The visit policies a station can choose whole (core/domain/visit_presets.py), and the
    # text each was written from.
    "policy_preset": {
        "default": ("本程序的默认周期", "the program's default"),
    },
    "policy_preset_source": {
        "default": (
            "本程序自带的设置，不出自某一文件",
            "the program's own setting, not taken from any text",
        ),
    },
    # The rows of the visit policy table (fields of VisitPolicy).
    "policy_rule": {
        "high_risk": (
            "高风险：监护差、无人监护或有未结关注",
            "high risk (poor or no guardianship, or an open concern)",
        ),
        "intensive": (
            "孤儿、事实无人抚养、重残、重病、监护缺失",
            "orphan, de facto unsupported, severe disability, serious illness, "
            "guardianship lacking",
        ),
        "left_behind_fair": (
            "留守儿童，监护一般或未评估",
            "left-behind, guardianship fair or not assessed",
        ),
        "left_behind_good": ("留守儿童，监护较好", "left-behind, guardianship good"),
        "poor_or_other": ("贫困家庭儿童、其他困境儿童", "poor family, other distress"),
        "floating": ("流动儿童", "floating"),
        "first_visit": ("新登记儿童首次走访（登记后）", "first visit after registration"),
    },
    "concern_kind": {
        "genital_injury": (
            "生殖器官或隐私部位遭受或疑似遭受非正常损伤",
            "abnormal injury, or suspected, to the genitals or private parts",
        ),
        "sexual_abuse": (
            "不满十四周岁女童遭受或疑似遭受性侵害、怀孕、流产",
            "a girl under 14 sexually assaulted (or suspected), pregnant or miscarrying",
        ),
        "pregnancy": (
            "十四周岁以上女童遭受或疑似遭受性侵害所致怀孕、流产",
            "a girl of 14 or over pregnant or miscarrying through sexual assault",
        ),
        "abuse": (
            "多处损伤、严重营养不良或意识不清，疑似遭受家庭暴力、欺凌、虐待、殴打或被人麻醉",
            "injuries, severe malnutrition or clouded consciousness: suspected violence, "
            "bullying, abuse, beating or drugging",
        ),
        "unnatural_harm": (
            "因自杀、自残、工伤、中毒、被人麻醉、殴打等非正常原因导致伤残、死亡",
            "disabled or dead through suicide, self-harm, work injury, poisoning or beating",
        ),
        "abandoned": ("被遗弃或长期处于无人照料状态", "abandoned or long left without care"),
        "missing": ("来源不明、失踪或被拐卖、收买", "unknown origin, missing, trafficked or sold"),
        "begging": ("被组织乞讨", "made to beg by others"),
        "other_serious": (
            "其他严重侵害身心健康的情形或正面临不法侵害危险",
            "other serious harm to body or mind, or in danger of unlawful harm",
        ),
        "alone": ("未满十六周岁脱离监护单独生活", "under 16 and living alone without a guardian"),
        "unattended": ("未满八周岁无人看护", "under 8 with no one looking after them"),
        "injury": ("受伤", "injury"),
        "dropout": ("辍学", "dropped out of school"),
        "other": ("其他", "other"),
    },
    "category_fact": {
        "parents_gone": ("父母均已死亡或被宣告失踪", "both parents dead or declared missing"),
        "a_parent_living": (
            "父母一方在世且未被宣告失踪",
            "a parent is living, not declared missing",
        ),
        "parents_unable": (
            "父母均重残、重病、服刑在押、强制隔离戒毒、限制人身自由、失联、被撤销监护资格或被遣送"
            "出境，或一方死亡、失踪另一方如此",
            "both parents in a situation the law lists (ill, disabled, in prison, out of contact "
            "…), or one dead or missing and the other so",
        ),
        "parents_gone_orphan": (
            "父母均已死亡或被宣告失踪：应为孤儿",
            "both parents dead or declared missing: an orphan",
        ),
        "a_parent_can_care": (
            "父母一方在家或外出务工，能履行抚养义务",
            "a parent at home or working away can raise the child",
        ),
        "parents_away": (
            "父母均外出务工，或一方外出务工另一方无监护能力",
            "both parents working away, or one away and the other unable",
        ),
        "a_parent_at_home": ("父母一方在家且有监护能力", "a parent at home and able to care"),
        "no_parent_away": ("父母均未外出务工", "neither parent is working away"),
        "no_hukou": ("没有户籍，不是农村留守儿童", "no hukou: not a rural left-behind child"),
        "not_rural_hukou": (
            "户籍性质为非农业，不是农村户籍儿童",
            "a non-agricultural hukou: not a rural child",
        ),
        "away_under_half_year": (
            "父母外出务工不满6个月",
            "the parents have been away less than 6 months",
        ),
        "grade_severe": (
            "一、二级残疾，或三、四级精神、智力残疾",
            "disability grade 1 or 2, or 3 or 4 mental or intellectual",
        ),
        "grade_not_severe": (
            "三、四级残疾且不是精神、智力残疾",
            "grade 3 or 4, not mental or intellectual",
        ),
        "ill": ("健康状况为患病", "recorded as ill"),
    },
    "reportable_reason": {
        "assessed_unguarded": ("监护情况评估为无人监护", "guardianship assessed as none"),
        "nobody_at_home": (
            "父母都不在家，也没有在家能照护的祖辈或委托照护人",
            "neither parent at home, nor a grandparent or carer able to care",
        ),
    },
    "report_target": {
        "police": ("公安", "police"),
        "civil_affairs": ("民政", "civil affairs"),
        "education": ("教育", "education"),
        "hotline": ("热线", "hotline"),
    },
    "wish_state": {
        "collected": ("已收集", "collected"),
        "published": ("已发布", "published"),
        "claimed": ("已认领", "claimed"),
        "fulfilled": ("已实现", "fulfilled"),
        "shared": ("已分享", "shared"),
    },
    "referral_target": {
        "school": ("学校", "school"),
        "health": ("卫生健康", "health"),
        "disabled_federation": ("残联", "disabled persons' federation"),
        "social_worker": ("社工", "social worker"),
        "police": ("公安", "police"),
        "other": ("其他", "other"),
    },
    "referral_status": {
        "referred": ("已转介", "referred"),
        "accepted": ("已受理", "accepted"),
        "done": ("已办结", "done"),
        "declined": ("未受理", "declined"),
    },
    "review_reason": {
        "aged_out": ("超过类别年龄", "aged out of a category"),
        "parents_returned": ("父母返乡", "a parent came home"),
        "moved_away": ("迁出", "moved away"),
    },
    # The headings of a child's file as `childcare children show` prints it.
    "file": {
        "birth_date": ("出生日期", "birth date"),
        "id_number": ("身份证号", "ID number"),
        "ethnicity": ("民族", "ethnicity"),
        "village": ("所属村（居）", "village"),
        "current_address": ("现住址", "current address"),
        "hukou_place": ("户籍地", "hukou place"),
        "hukou_type": ("户籍性质", "hukou type"),
        "income_sources": ("家庭经济来源", "family income"),
        "kinship": ("与儿童关系", "relation to the child"),
        "address": ("居住地址", "address"),
        "left_on": ("外出时间", "left home on"),
        "health": ("健康状况", "health"),
        "schooling": ("就学情况", "schooling"),
        "guardianship": ("监护情况", "guardianship"),
        "risk": ("风险等级", "risk"),
        "status": ("档案状态", "status"),
        "registered_on": ("登记日期", "registered on"),
        "categories": ("儿童类别", "categories"),
        "members": ("家庭成员及照护人", "family and carers"),
        "work_place": ("务工地", "work place"),
        "phone": ("联系电话", "phone"),
        "assistance": ("救助帮扶", "assistance"),
        "notes": ("备注", "notes"),
        "to_complete": ("待补充", "still to complete"),
        "last_visits": ("最近走访", "last visits"),
        "next_due": ("下次走访", "next visit due"),
        "unset": ("未填", "not given"),
        "none": ("无", "none"),
        "until_now": ("至今", "until now"),
        "category_reason": ("理由", "why held"),
        "amount": ("每月金额（元）", "yuan a month"),
        "years": ("岁", "years"),
    },
}


# Parameters that carry a code of a vocabulary: said in the message's own language.
_CODED_PARAMS = {"category": "category", "fact": "category_fact"}


def message(code: str, lang: str = ZH, **params: str) -> str:
    zh, en = MESSAGES.get(code, (code, code))
    params = {
        k: label(_CODED_PARAMS[k], v, lang) if k in _CODED_PARAMS else v for k, v in params.items()
    }
    template = zh if lang == ZH else en
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def both(code: str, **params: str) -> str:
    """Chinese, then English: what the CLI prints."""
    return f"{message(code, ZH, **params)} ({message(code, EN, **params)})"


def label_both(kind: str, code: str) -> str:
    """A label in Chinese, then English, as the CLI prints codes."""
    return f"{label(kind, code)} ({label(kind, code, EN)})"


def label(kind: str, code: str, lang: str = ZH) -> str:
    zh, en = LABELS[kind].get(code, (code, code))
    return zh if lang == ZH else en


def error_text(error: CoreError, lang: str = ZH) -> str:
    return message(error.code, lang, **error.params)


def problem_text(problem: FieldProblem, lang: str = ZH) -> str:
    return message(problem.code, lang, **problem.params)
