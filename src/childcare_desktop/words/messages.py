"""The words of the error and problem codes the core raises: (Chinese, English), with
{placeholders} for their parameters."""

from __future__ import annotations

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
    "server_url_bad": (
        "服务器地址不对：{url}（应为 postgresql://用户名@主机/数据库）",
        "not a server address: {url} (expected postgresql://ROLE@HOST/DATABASE)",
    ),
    "server_password_in_url": (
        "服务器地址里不能写密码：请把密码放在 PGPASSWORD 环境变量或 ~/.pgpass 文件里",
        "a server address must not hold the password: put it in PGPASSWORD or ~/.pgpass",
    ),
    "server_unreachable": (
        "连不上服务器 {url}：{reason}",
        "cannot reach the server {url}: {reason}",
    ),
    "server_no_slot": (
        "数据库用户 {role} 还没有本站数据的钥匙：请已能登录的同事用“添加同事”为它加上",
        "the database role {role} holds no key to this store yet: a colleague who can open it "
        "adds one with 'add a colleague'",
    ),
    "server_only": (
        "这个命令只用于服务器上的数据（--db postgresql://…）",
        "this command is for a store on a server (--db postgresql://…)",
    ),
    "server_no_role": (
        "服务器上没有数据库用户 {role}：请服务器管理员先建这个用户",
        "the server has no database role {role}: its operator makes it first",
    ),
    "server_tool_missing": (
        "找不到 {tool}：请安装 PostgreSQL 的客户端程序",
        "{tool} not found: install PostgreSQL's client programs",
    ),
    "server_backup_failed": (
        "服务器数据备份失败：{reason}",
        "the server's backup failed: {reason}",
    ),
    "server_restore_by_operator": (
        "服务器上的数据由服务器管理员用 pg_restore 从备份 {path} 恢复，本程序不覆盖服务器上的数据",
        "a server's store is restored from the backup {path} by the server's operator with "
        "pg_restore: the program does not overwrite a server's data",
    ),
    "move_to_not_server": (
        "只能搬到服务器上：{url} 不是 postgresql://用户名@主机/数据库 这样的地址",
        "a store moves only to a server: {url} is not postgresql://ROLE@HOST/DATABASE",
    ),
    "move_from_not_file": (
        "{path} 不是本机的数据文件：只能从本机的数据文件搬到服务器上",
        "{path} is not a store file on this PC: only a store file moves up to a server",
    ),
    "move_source_outdated": (
        "数据文件 {path} 是旧版程序写的：请先用本程序打开一次（会先备份再升级），再搬到服务器上",
        "the store {path} was written by an older version: open it once with this program "
        "(it is backed up, then brought up to date), then move it",
    ),
    "move_source_audit_broken": (
        "数据文件 {path} 的操作日志从第 {seq} 条起对不上，没有搬：请先检查数据文件",
        "the audit log of {path} does not hold from entry {seq} on: nothing was moved; check "
        "the store first",
    ),
    "move_target_not_empty": (
        "服务器上的数据库 {url} 不是空的（已有 {count} 张表）：只能搬到一个空数据库里",
        "the database {url} is not empty ({count} tables): a store moves only into an empty "
        "database",
    ),
    "move_copy_failed": (
        "复制表 {table} 时出错：{reason}。{path} 没有改动；服务器上只留下一个空的数据库结构，"
        "没有删除任何东西：请管理员清空该数据库后再搬",
        "copying the table {table} failed: {reason}. {path} is untouched; the server holds "
        "the empty store made for it and nothing was dropped: have its operator empty the "
        "database before moving again",
    ),
    "move_check_failed": (
        "服务器上的副本与 {path} 不一致：表 {table}（{what}）。{path} 没有改动；服务器上的"
        "数据库 {url} 原样保留，没有删除任何东西：请查看后清空它再搬",
        "the copy on the server differs from {path} in the table {table} ({what}). {path} is "
        "untouched; the database {url} is left as it is, nothing was dropped: look at it, "
        "then empty it and move again",
    ),
    "store_locked": (
        "数据还没有解锁，不能读写加密的栏目",
        "the store is not unlocked: its sealed columns cannot be read or written",
    ),
    "sealed_value_damaged": (
        "一个加密的栏目打不开（被改动过，或不是本站的钥匙加密的）",
        "a sealed column cannot be opened (altered, or sealed with another store's key)",
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
    "report_day_invalid": (
        "报送日应为每月 1 至 28 日中的一天：{day}",
        "the day a batch is due by is a day from 1 to 28: {day}",
    ),
    "report_calendar_county_only": (
        "定期报送的日期由县（区）设定",
        "the reporting calendar is set at the county",
    ),
    "not_a_town_below": (
        "不是本县（区）下属的镇（街道）：{town}",
        "not a town under this county: {town}",
    ),
    "unknown_category": ("没有这个儿童类别：{category}", "no such category: {category}"),
    "unknown_status": ("没有这个状态：{status}", "no such status: {status}"),
    "unknown_list": ("没有这个部门名单：{list}", "no such list for a department: {list}"),
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
    "date_partial": ("只有年月，没有日", "a year and month without the day"),
    "crosscheck_reason_required": ("请写明忽略的理由", "say why it is dismissed"),
    "crosscheck_decided": ("这一项已经处理过了", "this item has been decided already"),
    "crosscheck_nothing_to_decide": (
        "已匹配的行没有要处理的事项",
        "a matched row has nothing to decide",
    ),
    "crosscheck_list_not_found": ("找不到这份核对过的名单", "no such checked list"),
    "crosscheck_item_not_found": ("找不到这一项", "no such item"),
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
    "submission_not_found": ("找不到这条报审记录", "no such submission for review"),
    "submission_not_waiting": (
        "这条报审不在本级待审核之列（已审核、已有更新的报审，或须县级确认）",
        "this submission is not waiting for this level's review (already decided, superseded "
        "by a newer one, or reserved to the county)",
    ),
    "review_not_here": ("村级站点不审核报审", "a village does not review submissions"),
    "return_reason_required": ("退回须写明理由", "write why it is returned"),
    "review_rule_unknown": (
        "不认识的审核规则“{rule}”：应为报审类型，或“类型:代码”",
        "unknown review rule {rule}: a kind of submission, or kind:code",
    ),
    "review_rules_county_only": (
        "只有县级站点可以设定须县级确认的事项",
        "only a county sets what the county confirms",
    ),
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
    "duplicate_not_alike": (
        "两份档案既不同号，也不像同一个孩子（须是两个村的档案，姓名和出生日期相同或相近）",
        "the two files share no ID number and do not look like one child (two villages' files"
        " with the same or a similar name and birth date)",
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
    "evidence_too_large": (
        "证明材料“{name}”超过 {max_mb} MB，未添加",
        "the evidence file {name} is larger than {max_mb} MB: not attached",
    ),
    "evidence_wrong_type": (
        "“{name}”不是 JPEG、PNG 图片或 PDF 文件，未添加",
        "{name} is not a JPEG or PNG picture or a PDF: not attached",
    ),
    "evidence_unreadable": (
        "证明材料文件“{name}”打不开",
        "the evidence file {name} cannot be read",
    ),
    "evidence_not_own_submission": (
        "只有报审的村可以为这条报审添加证明材料",
        "only the village that made this submission attaches evidence to it",
    ),
    "evidence_not_found": ("找不到这份证明材料", "no such evidence"),
    "evidence_damaged": (
        "证明材料“{name}”的内容与它的校验值不符，数据可能被改动或损坏，未打开",
        "the evidence {name} does not match its hash: the store may be altered or damaged",
    ),
    "evidence_altered": (
        "站点 {station} 的一份证明材料内容与它的大小、类型或校验值不符，整批未导入",
        "evidence written by station {station} does not match its own size, type or hash: "
        "the whole file was refused",
    ),
    "village_missing": (
        "没有写所属村（居）：本站管理多个村，每一行都要写明（名称或12位区划代码）",
        "no village given: this station keeps children of several villages, so each row "
        "needs its village (name or 12-digit code)",
    ),
    "village_shared_name": (
        "有几个村（居）都叫“{village}”：请写它的12位区划代码",
        "several villages are called {village}: write its 12-digit code",
    ),
    # The team (团队): the registry of 儿童主任 and 儿童督导员.
    "officer_not_found": ("找不到这名工作人员", "no such officer"),
    "division_not_below": (
        "只能登记本级或下级的工作人员",
        "only officers of this station's division or one below it",
    ),
    "duty_level": (
        "儿童主任在村（居），儿童督导员在乡镇或县",
        "a director serves a village; a supervisor a town or county",
    ),
    "name_invalid": ("姓名不超过 40 个字，只含可读的字符", "at most 40 readable characters"),
    "hours_positive": ("学时应大于 0", "the hours must be more than 0"),
    "before_predecessor": (
        "早于现任儿童主任的任职日期",
        "before the serving director was appointed",
    ),
    # 排查 (screening rounds)
    "screening_level": (
        "排查由乡镇（街道）或县（区）发起",
        "a screening round is opened by a town or a county",
    ),
    "screening_not_ours": (
        "这轮排查由上级发起，本站不能更改",
        "this round was opened above this station: it cannot be changed here",
    ),
    "screening_round_not_found": ("找不到这轮排查", "no such screening round"),
    "screening_subject_not_found": (
        "这个人不在本站的这轮排查名单里",
        "this person is not among this station's people to screen in the round",
    ),
    "screening_village_outside": (
        "村（居）“{village}”不在这轮排查的范围内",
        "the village “{village}” is not in the round's area",
    ),
    "screening_village_required": (
        "名单没有写明本辖区的村（居），住址中也找不到：请选定村（居）",
        "no village of the area is given, nor named in the address: choose the village",
    ),
    "list_denies_category": ("不是{category}", "not {category}"),
    "screening_register_hint": (
        "{name} 有困境、留守等情形，请为其登记建档（一人一档）",
        "{name} was found in a category: register the child's file",
    ),
    "screening_adult": ("发起排查之日已满十八周岁", "18 or older on the day the round opened"),
    "before_round": ("早于这轮排查的发起日期", "before the round was opened"),
    "text_invalid": ("含有无法显示的字符", "holds characters that cannot be shown"),
    "id_invalid": ("身份证号不正确", "the ID number is not valid"),
}
