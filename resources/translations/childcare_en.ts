<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AgendaView</name>
    <message>
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>◀ 上一段</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>下一段 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>本周/本月</source>
        <translation>This week/month</translation>
    </message>
    <message>
        <source>应走访</source>
        <translation>Due for a visit</translation>
    </message>
    <message>
        <source>记录走访(&amp;L)</source>
        <translation>&amp;Log a visit</translation>
    </message>
    <message>
        <source>打开档案(&amp;O)</source>
        <translation>&amp;Open file</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>数据文件打不开</source>
        <translation>The store does not open</translation>
    </message>
    <message>
        <source>从备份恢复……</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>数据文件打不开，请选一份备份恢复。</source>
        <translation>The store does not open: choose a backup to restore.</translation>
    </message>
    <message>
        <source>密码已修改。下次打开和解锁时请用新密码。</source>
        <translation>The passphrase is changed. Use the new one to open and unlock from now on.</translation>
    </message>
    <message>
        <source>正在从备份恢复……</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>已从备份恢复：%1</source>
        <translation>Restored from the backup %1</translation>
    </message>
    <message>
        <source>没能恢复备份：%1</source>
        <translation>The backup was not restored: %1</translation>
    </message>
    <message>
        <source>安全(&amp;A)</source>
        <translation>S&amp;afety</translation>
    </message>
    <message>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>修改密码(&amp;P)……</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <source>操作记录(&amp;U)……</source>
        <translation>A&amp;udit log…</translation>
    </message>
    <message>
        <source>备份与恢复(&amp;B)……</source>
        <translation>&amp;Backups…</translation>
    </message>
    <message>
        <source>操作记录第 %1 条被改动或删除过。请告诉上级。</source>
        <translation>Audit entry %1 was altered or removed. Tell your supervisor.</translation>
    </message>
    <message>
        <source>数据文件检查没有通过（%1）。
程序不会改动这个文件，也不会再为它做备份。
请从最近的完好备份恢复：在下一个窗口里选最上面的一份。</source>
        <translation>The store failed its check (%1).
The program will not change this file, nor back it up again.
Restore the newest good backup: choose the top one in the next window.</translation>
    </message>
    <message>
        <source>数据文件损坏</source>
        <translation>The store is damaged</translation>
    </message>
    <message>
        <source>查看备份……</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>数据文件检查没有通过（%1），请从完好的备份恢复。</source>
        <translation>The store failed its check (%1): restore a good backup.</translation>
    </message>
    <message>
        <source>儿童关爱服务</source>
        <translation>Childcare</translation>
    </message>
</context>
<context>
    <name>AssistanceDialog</name>
    <message>
        <source>救助</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source> 元/月</source>
        <translation> yuan/month</translation>
    </message>
    <message>
        <source>救助类别</source>
        <translation>Kind of assistance</translation>
    </message>
    <message>
        <source>每月金额</source>
        <translation>Amount per month</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AssistanceNotesSection</name>
    <message>
        <source>救助类别</source>
        <translation>Kind of assistance</translation>
    </message>
    <message>
        <source>每月金额（元）</source>
        <translation>Per month (yuan)</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>添加救助</source>
        <translation>Add assistance</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>救助情况</source>
        <translation>Assistance received</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>新建</source>
        <translation>create</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>change</translation>
    </message>
    <message>
        <source>销档</source>
        <translation>close</translation>
    </message>
    <message>
        <source>恢复在册</source>
        <translation>reopen</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>import</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>export</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>print</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>report</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>restore</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>passphrase</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>merge</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>resolve conflict</translation>
    </message>
    <message>
        <source>儿童档案</source>
        <translation>child</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>family member</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>visit</translation>
    </message>
    <message>
        <source>走访照片</source>
        <translation>visit photo</translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation>concern</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>花名册</source>
        <translation>roster</translation>
    </message>
    <message>
        <source>操作记录</source>
        <translation>audit log</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation>Record number</translation>
    </message>
</context>
<context>
    <name>AuditViewDialog</name>
    <message>
        <source>操作记录</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>导出为 CSV……</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>导出操作记录</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>已导出 %1 条到 %2</source>
        <translation>%1 entries exported to %2</translation>
    </message>
    <message>
        <source>无法写入文件：%1</source>
        <translation>Cannot write the file: %1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>备份与数据同样加密，存放在数据旁的 backups 文件夹。每天首次打开时自动备份。</source>
        <translation>Backups are encrypted like the store and kept in the backups folder beside it. One is made at the first start of each day.</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>恢复所选……</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份。</source>
        <translation>Backed up.</translation>
    </message>
    <message>
        <source>无法写入备份：%1</source>
        <translation>Cannot write the backup: %1</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>每日自动</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>导入前</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>备份时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>BasicSection</name>
    <message>
        <source>户籍性质</source>
        <translation>Hukou type</translation>
    </message>
    <message>
        <source>家庭经济来源</source>
        <translation>Family income</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>已登记户口</source>
        <translation>Hukou registered</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>无身份证号原因</source>
        <translation>Why no ID number</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>户籍</source>
        <translation>Hukou</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Hukou place</translation>
    </message>
    <message>
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <source>所属村（居）代码</source>
        <translation>Village code</translation>
    </message>
</context>
<context>
    <name>CareActions</name>
    <message>
        <source>记录走访(&amp;L)……</source>
        <translation>&amp;Log a visit…</translation>
    </message>
    <message>
        <source>报告关注（强制报告）(&amp;R)……</source>
        <translation>&amp;Raise a concern (mandatory report)…</translation>
    </message>
    <message>
        <source>走访周期与报告电话(&amp;P)……</source>
        <translation>Visit intervals and report &amp;phone numbers…</translation>
    </message>
    <message>
        <source>走访(&amp;V)</source>
        <translation>&amp;Visits</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CareLists</name>
    <message>
        <source>微心愿</source>
        <translation>Micro-wishes</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>心愿</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>认领人</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>收集日期</source>
        <translation>Collected on</translation>
    </message>
    <message>
        <source>认领人（认领时必填）</source>
        <translation>Claimed by (needed to claim)</translation>
    </message>
    <message>
        <source>进入下一步(&amp;N)</source>
        <translation>&amp;Next step</translation>
    </message>
    <message>
        <source>新增微心愿</source>
        <translation>Add a micro-wish</translation>
    </message>
    <message>
        <source>新增转介</source>
        <translation>Add a referral</translation>
    </message>
    <message>
        <source>新建走访行动</source>
        <translation>New visit round</translation>
    </message>
    <message>
        <source>转介</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>转介至</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>结果或说明</source>
        <translation>Outcome or note</translation>
    </message>
    <message>
        <source>更新状态(&amp;U)</source>
        <translation>&amp;Update status</translation>
    </message>
    <message>
        <source>走访行动</source>
        <translation>Visit rounds</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>截止</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>全部在册儿童</source>
        <translation>All active children</translation>
    </message>
</context>
<context>
    <name>CareSection</name>
    <message>
        <source>勾选与档案事实不符的类别时，写明理由</source>
        <translation>When ticking a category the file's facts do not support, write why</translation>
    </message>
    <message>
        <source>类别理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>不再符合%1：%2</source>
        <translation>No longer %1: %2</translation>
    </message>
    <message>
        <source>可能属于%1：%2</source>
        <translation>Perhaps %1: %2</translation>
    </message>
    <message>
        <source>（理由：%1）</source>
        <translation> (why: %1)</translation>
    </message>
    <message>
        <source>儿童类别（可多选）</source>
        <translation>Categories (any number)</translation>
    </message>
    <message>
        <source>按规则判定</source>
        <translation>As the rules say</translation>
    </message>
    <message>
        <source>监护情况</source>
        <translation>Guardianship grade</translation>
    </message>
    <message>
        <source>风险等级（人工调整）</source>
        <translation>Risk level (override)</translation>
    </message>
    <message>
        <source>调整理由</source>
        <translation>Reason for the override</translation>
    </message>
    <message>
        <source>监护人同意建档日期</source>
        <translation>Guardian&apos;s consent on</translation>
    </message>
    <message>
        <source>同意人</source>
        <translation>Consent given by</translation>
    </message>
    <message>
        <source>类别记录：</source>
        <translation>Category history:</translation>
    </message>
    <message>
        <source>至今</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>ChildChoice</name>
    <message>
        <source>输入姓名查找</source>
        <translation>Type a name to find the child</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>已核实，不再提示</source>
        <translation>Checked: stop asking</translation>
    </message>
    <message>
        <source>待补充：</source>
        <translation>Still to complete: </translation>
    </message>
    <message>
        <source>走访与关爱</source>
        <translation>Visits and care</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>健康与就学</source>
        <translation>Health and school</translation>
    </message>
    <message>
        <source>家庭成员与照护人</source>
        <translation>Family and carers</translation>
    </message>
    <message>
        <source>类别与监护</source>
        <translation>Categories and guardianship</translation>
    </message>
    <message>
        <source>救助与备注</source>
        <translation>Assistance and notes</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>销档……</source>
        <translation>Close the file…</translation>
    </message>
    <message>
        <source>恢复在册</source>
        <translation>Re-open</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>这份档案有未保存的修改。要保存吗？</source>
        <translation>This file has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>不保存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新建档案</source>
        <translation>New file</translation>
    </message>
    <message>
        <source>儿童档案</source>
        <translation>Child&apos;s file</translation>
    </message>
    <message>
        <source>新建，尚未保存</source>
        <translation>new, not saved yet</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
</context>
<context>
    <name>ChildVisitsTab</name>
    <message>
        <source>有未结关注：立即走访</source>
        <translation>Open concern: visit at once</translation>
    </message>
    <message>
        <source>从未走访：登记后%1天</source>
        <translation>Never visited: %1 days after registration</translation>
    </message>
    <message>
        <source>从未入户</source>
        <translation>never visited at home</translation>
    </message>
    <message>
        <source>上次入户 %1</source>
        <translation>last home visit %1</translation>
    </message>
    <message>
        <source>%1（按规则判定）</source>
        <translation>%1 (by the rules)</translation>
    </message>
    <message>
        <source>%1（人工调整；按规则为%2）</source>
        <translation>%1 (set by hand; the rules say %2)</translation>
    </message>
    <message>
        <source>  理由：</source>
        <translation>  Reason: </translation>
    </message>
    <message>
        <source>走访计划与风险</source>
        <translation>Visit plan and risk</translation>
    </message>
    <message>
        <source>应走访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>风险等级</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>记录走访(&amp;L)</source>
        <translation>&amp;Log a visit</translation>
    </message>
    <message>
        <source>更正所选走访</source>
        <translation>Correct the selected visit</translation>
    </message>
    <message>
        <source>报告关注(&amp;R)</source>
        <translation>&amp;Raise a concern</translation>
    </message>
    <message>
        <source>新增微心愿</source>
        <translation>Add a micro-wish</translation>
    </message>
    <message>
        <source>新增转介</source>
        <translation>Add a referral</translation>
    </message>
    <message>
        <source>心愿下一步</source>
        <translation>Wish: next step</translation>
    </message>
    <message>
        <source>转介进展</source>
        <translation>Referral progress</translation>
    </message>
    <message>
        <source>查看照片</source>
        <translation>View photos</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Concern</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Noticed on</translation>
    </message>
    <message>
        <source>具体情况</source>
        <translation>What</translation>
    </message>
    <message>
        <source>已报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>未结</source>
        <translation>open</translation>
    </message>
    <message>
        <source>已结 </source>
        <translation>closed </translation>
    </message>
    <message>
        <source>心愿</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>认领人</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>收集日期</source>
        <translation>Collected on</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>转介至</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>关注与报告</source>
        <translation>Concerns and reports</translation>
    </message>
    <message>
        <source>微心愿</source>
        <translation>Micro-wishes</translation>
    </message>
    <message>
        <source>转介</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>保存档案后才能安排和记录走访</source>
        <translation>Save the file first to plan and log visits</translation>
    </message>
    <message>
        <source>不安排走访（已销档或没有适用的规则）</source>
        <translation>No visit planned (file closed, or no rule applies)</translation>
    </message>
    <message>
        <source>从未走访</source>
        <translation>never</translation>
    </message>
    <message>
        <source>尚未报告</source>
        <translation>Not reported yet</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>ChildrenModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>监护情况</source>
        <translation>Guardianship grade</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>下次走访</source>
        <translation>Next visit due</translation>
    </message>
</context>
<context>
    <name>ChildrenView</name>
    <message>
        <source>搜索：姓名、拼音或首字母（如 zxm）、身份证号</source>
        <translation>Search: name, pinyin or initials (e.g. zxm), ID number</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部风险等级</source>
        <translation>All risk levels</translation>
    </message>
    <message>
        <source>全部（含已销档）</source>
        <translation>All (with closed)</translation>
    </message>
    <message>
        <source>只看待补充</source>
        <translation>Only files to complete</translation>
    </message>
    <message>
        <source>只列出还有信息待补充的档案（如导入台账时没读懂的内容）</source>
        <translation>List only the files with details still to be completed (such as what a ledger import could not read)</translation>
    </message>
    <message>
        <source>显示 %1 名，本站共 %2 名儿童</source>
        <translation>Showing %1 of %2 children</translation>
    </message>
</context>
<context>
    <name>FoundChecks</name>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>MarkForm</name>
    <message>
        <source>登记排查结果</source>
        <translation>Mark screened</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Screened on</translation>
    </message>
    <message>
        <source>发现情形</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>请选择“无”或发现的类别</source>
        <translation>Tick “None” or the categories found</translation>
    </message>
</context>
<context>
    <name>ScreeningRoundForm</name>
    <message>
        <source>户籍名单共 %1 行：%2 人已建档，已在排查中；%3 人新列入待排查；%4 人已在本轮。</source>
        <translation>The household register has %1 rows: %2 registered children, in the round already; %3 people added to screen; %4 in this round already.</translation>
    </message>
    <message>
        <source>%1 行未能列入，请核对名单后再导入：</source>
        <translation>%1 rows could not be added; check the list and load it again:</translation>
    </message>
    <message>
        <source>第 %1 行：%2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>发起排查</source>
        <translation>Open a screening round</translation>
    </message>
    <message>
        <source>如：2026年春季困境儿童排查</source>
        <translation>e.g. Spring 2026 screening</translation>
    </message>
    <message>
        <source>如：户籍或居住在本镇的未满18周岁儿童</source>
        <translation>e.g. children under 18 registered or living in the town</translation>
    </message>
    <message>
        <source>可不选：户籍名单（Excel 或 CSV）</source>
        <translation>optional: the household register (Excel or CSV)</translation>
    </message>
    <message>
        <source>选择(&amp;L)……</source>
        <translation>Choose &amp;list…</translation>
    </message>
    <message>
        <source>本辖区在册、未满18周岁的儿童都在排查范围内；名单中尚未建档的儿童一并列入。</source>
        <translation>Every registered child of the area under 18 is in the round; the list adds the children who have no file yet.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>排查对象</source>
        <translation>Who is covered</translation>
    </message>
    <message>
        <source>户籍名单</source>
        <translation>Household register</translation>
    </message>
    <message>
        <source>选择户籍名单</source>
        <translation>Choose the household register</translation>
    </message>
    <message>
        <source>名单 (*.xlsx *.xls *.csv)</source>
        <translation>Lists (*.xlsx *.xls *.csv)</translation>
    </message>
</context>
<context>
    <name>ScreeningView</name>
    <message>
        <source>户籍名单</source>
        <translation>Household register</translation>
    </message>
    <message>
        <source>各村（居）排查进度</source>
        <translation>Coverage per village</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>应排查</source>
        <translation>To screen</translation>
    </message>
    <message>
        <source>已排查</source>
        <translation>Screened</translation>
    </message>
    <message>
        <source>待排查</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>发现情形</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>排查对象</source>
        <translation>Children to screen</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>排查</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>排查日期</source>
        <translation>Screened on</translation>
    </message>
    <message>
        <source>发起排查(&amp;K)……</source>
        <translation>&amp;Open a round…</translation>
    </message>
    <message>
        <source>打印结果(&amp;J)……</source>
        <translation>&amp;Print the result…</translation>
    </message>
    <message>
        <source>登记结果(&amp;M)……</source>
        <translation>&amp;Mark screened…</translation>
    </message>
    <message>
        <source>为其建档(&amp;G)……</source>
        <translation>Re&amp;gister the child…</translation>
    </message>
    <message>
        <source>排查轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>排查结果</source>
        <translation>Screening result</translation>
    </message>
    <message>
        <source>（已结束）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <source>截止 %1</source>
        <translation>deadline %1</translation>
    </message>
    <message>
        <source>还没有排查。点“发起排查”开始一轮。</source>
        <translation>No screening yet. Click “Open a round” to start one.</translation>
    </message>
    <message>
        <source>还没有收到上级发起的排查。</source>
        <translation>No screening round has come from above yet.</translation>
    </message>
    <message>
        <source>应排查 %1 人，已排查 %2 人，截止日期 %3。</source>
        <translation>%2 of %1 screened, deadline %3. </translation>
    </message>
    <message>
        <source>逾期未完成：%1。</source>
        <translation>Late: %1.</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>已建档</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>名单新增</source>
        <translation>From the list</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>结束排查(&amp;E)……</source>
        <translation>&amp;End round…</translation>
    </message>
    <message>
        <source>结束排查</source>
        <translation>End the round</translation>
    </message>
    <message>
        <source>结束排查“%1”？
%2
结束后不能再向这轮排查添加人员；这一结果随同步发往各村（居）。</source>
        <translation>End the round “%1”?
%2
No one can be added to the round once it ends; the villages learn it with the next batch.</translation>
    </message>
</context>
<context>
    <name>SummaryDateDialog</name>
    <message>
        <source>汇总表</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Cut-off date</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>统计截止日期已登记、未销档的儿童；类别与年龄都按截止日期计算。</source>
        <translation>Counts the children registered by the cut-off date and not closed before it; categories and ages are those on that date.</translation>
    </message>
</context>
<context>
    <name>CloseFileDialog</name>
    <message>
        <source>销档</source>
        <translation>Close the file</translation>
    </message>
    <message>
        <source>销档原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>档案不会删除，销档后仍可恢复在册。</source>
        <translation>Nothing is deleted: a closed file can be re-opened.</translation>
    </message>
</context>
<context>
    <name>ConcernForm</name>
    <message>
        <source>档案显示</source>
        <translation>The file shows</translation>
    </message>
    <message>
        <source>记录关注（强制报告）</source>
        <translation>Record a concern (mandatory report)</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>看到或听到了什么，在哪里，孩子现在怎样</source>
        <translation>What was seen or heard, where, how the child is now</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>情况类别</source>
        <translation>Kind of concern</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Noticed on</translation>
    </message>
    <message>
        <source>具体情况</source>
        <translation>What</translation>
    </message>
    <message>
        <source>报告（强制报告须立即报告）</source>
        <translation>Report (a mandatory report is made at once)</translation>
    </message>
    <message>
        <source>已报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>稍后报告</source>
        <translation>Report later</translation>
    </message>
    <message>
        <source>如有回执号或接警编号</source>
        <translation>Receipt or case number, if any</translation>
    </message>
    <message>
        <source>报告给</source>
        <translation>Report to</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>回执号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>（号码未设置，请在设置中填写）</source>
        <translation>(no number set: enter it in the settings)</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>_ConcernStep</name>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>ConcernSteps</name>
    <message>
        <source>报告</source>
        <translation>reported to</translation>
    </message>
    <message>
        <source>跟进</source>
        <translation>follow-up:</translation>
    </message>
    <message>
        <source>尚未报告</source>
        <translation>Not reported yet</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>报告关注</source>
        <translation>Report the concern</translation>
    </message>
    <message>
        <source>如有回执号或接警编号</source>
        <translation>Receipt or case number, if any</translation>
    </message>
    <message>
        <source>接听人、对方怎么说</source>
        <translation>Who answered, what they said</translation>
    </message>
    <message>
        <source>报告电话</source>
        <translation>Numbers to call</translation>
    </message>
    <message>
        <source>报告给</source>
        <translation>Report to</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>回执号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>跟进记录</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <source>做了什么、了解到什么（电话、走访、回复）</source>
        <translation>What was done or learnt (a call, a visit, an answer)</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>跟进情况</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>CloseConcernDialog</name>
    <message>
        <source>结案</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>处理结果：孩子现在由谁照看、安全情况如何</source>
        <translation>Outcome: who looks after the child now, is the child safe</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>ConcernActions</name>
    <message>
        <source>报告(&amp;P)……</source>
        <translation>Re&amp;port…</translation>
    </message>
    <message>
        <source>跟进记录(&amp;G)……</source>
        <translation>Follow-&amp;up note…</translation>
    </message>
    <message>
        <source>结案(&amp;J)……</source>
        <translation>Clos&amp;e…</translation>
    </message>
</context>
<context>
    <name>ConflictValuesModel</name>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>修改的站点</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <source>修改编号</source>
        <translation>Change number</translation>
    </message>
    <message>
        <source>当前显示的值</source>
        <translation>Value shown now</translation>
    </message>
    <message>
        <source>另一个值</source>
        <translation>Other value</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>采用所选的值</source>
        <translation>Keep the selected value</translation>
    </message>
    <message>
        <source>或输入正确的值（日期写成 2024-05-06）</source>
        <translation>or type the right value (dates as 2024-05-06)</translation>
    </message>
    <message>
        <source>采用输入的值</source>
        <translation>Use the typed value</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>两个站点同时改了同一项。处理之前，各处都暂时显示同一个值。</source>
        <translation>Two stations changed the same item at the same time. Until it is resolved, every station shows the same one of the values.</translation>
    </message>
    <message>
        <source>请比较两边的值，选一个，或者输入正确的值：</source>
        <translation>Compare the values, keep one, or type the right value:</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>当前显示</source>
        <translation>Shown now</translation>
    </message>
    <message>
        <source>不同的值</source>
        <translation>Values</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>年-月-日</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>日期应写成 年-月-日，如 2015-06-01</source>
        <translation>write the date as YYYY-MM-DD, e.g. 2015-06-01</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>应走访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>每%1天</source>
        <translation>every %1 days</translation>
    </message>
    <message>
        <source>每%1天入户</source>
        <translation>a home visit every %1 days</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所属村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已合并到另一份</source>
        <translation>merged into the other file</translation>
    </message>
    <message>
        <source>如何匹配</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>可信度</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>姓名+出生日期</source>
        <translation>Name and birth date</translation>
    </message>
    <message>
        <source>相似</source>
        <translation>Similar</translation>
    </message>
</context>
<context>
    <name>DuplicateMergeDialog</name>
    <message>
        <source>合并可能重复的档案</source>
        <translation>Merge possible duplicate files</translation>
    </message>
    <message>
        <source>这两份档案可能是同一个孩子的（身份证号相同，或姓名和出生日期相同、相近）。请逐项核对，选出保留的一份；另一份将作为重复档案销档，它的走访和报告仍然保留，合并可以撤销。黄色的项目两份不一样。</source>
        <translation>These two files may be one child's (the same ID number, or the same or a similar name and birth date). Compare them item by item and choose the one to keep; the other is closed as a duplicate, its visits and reports are kept, and the merge can be undone. Items in yellow differ.</translation>
    </message>
    <message>
        <source>保留这份</source>
        <translation>Keep this one</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>强制报告（未结）</source>
        <translation>Mandatory reports (open)</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>%1（未结 %2）</source>
        <translation>%1 (%2 open)</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>登记与证书</source>
        <translation>Enrollment and certificates</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>本站指纹（当面念给对方核对）：</source>
        <translation>This station&apos;s fingerprint (read it aloud to the other person):</translation>
    </message>
    <message>
        <source>向上级登记</source>
        <translation>Enroll with the station above</translation>
    </message>
    <message>
        <source>写登记申请……</source>
        <translation>Write the request…</translation>
    </message>
    <message>
        <source>上级电脑屏幕上的指纹</source>
        <translation>The fingerprint on the supervisor&apos;s screen</translation>
    </message>
    <message>
        <source>安装证书……</source>
        <translation>Install the certificate…</translation>
    </message>
    <message>
        <source>1. 写出登记申请，带给上级：</source>
        <translation>1. Write the enrollment request and take it to the supervisor:</translation>
    </message>
    <message>
        <source>2. 输入上级念出的指纹，再安装证书：</source>
        <translation>2. Type the fingerprint the supervisor reads out, then install the certificate:</translation>
    </message>
    <message>
        <source>为下级登记</source>
        <translation>Enroll a station below</translation>
    </message>
    <message>
        <source>打开登记申请……</source>
        <translation>Open a request…</translation>
    </message>
    <message>
        <source>对方念出的指纹，如 ABCD EFGH ……</source>
        <translation>The fingerprint they read aloud, e.g. ABCD EFGH …</translation>
    </message>
    <message>
        <source>发证书……</source>
        <translation>Issue the certificate…</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>void after batch </translation>
    </message>
    <message>
        <source> 批以后作废</source>
        <translation> </translation>
    </message>
    <message>
        <source>注销所选站点……</source>
        <translation>Revoke the selected station…</translation>
    </message>
    <message>
        <source>电脑丢失时：</source>
        <translation>When a laptop is lost:</translation>
    </message>
    <message>
        <source>1. 打开对方带来的登记申请：</source>
        <translation>1. Open the request the other person brought:</translation>
    </message>
    <message>
        <source>2. 请对方念出屏幕上的指纹，输入到这里：</source>
        <translation>2. Ask them to read out the fingerprint on their screen, and type it here:</translation>
    </message>
    <message>
        <source>已登记的下级站点：</source>
        <translation>Stations enrolled here:</translation>
    </message>
    <message>
        <source>本站：%1，%2</source>
        <translation>This station: %1, %2</translation>
    </message>
    <message>
        <source>保存登记申请</source>
        <translation>Save the enrollment request</translation>
    </message>
    <message>
        <source>已写到 %1。带着它和这台电脑去上级，当面核对指纹。</source>
        <translation>Written to %1. Take it and this laptop to the supervisor and compare the fingerprints in person.</translation>
    </message>
    <message>
        <source>打开证书</source>
        <translation>Open the certificate</translation>
    </message>
    <message>
        <source>已安装 %1 发的证书（%2 号，有效至 %3）。</source>
        <translation>Installed the certificate from %1 (no. %2, valid until %3).</translation>
    </message>
    <message>
        <source>打开登记申请</source>
        <translation>Open an enrollment request</translation>
    </message>
    <message>
        <source>申请登记：%1，%2，负责人 %3</source>
        <translation>Request from %1, %2, officer %3</translation>
    </message>
    <message>
        <source>保存证书</source>
        <translation>Save the certificate</translation>
    </message>
    <message>
        <source>已为 %1 发证书（%2 号，有效至 %3）：%4
请把证书交给对方安装。</source>
        <translation>Certificate no. %2 for %1 issued, valid until %3: %4
Give it to them to install.</translation>
    </message>
    <message>
        <source>注销 %1？第 %2 批以后由这台电脑签名的文件都将被隔离，不会导入。</source>
        <translation>Revoke %1? Files this laptop signed after batch %2 will be quarantined, not imported.</translation>
    </message>
    <message>
        <source>注销站点</source>
        <translation>Revoke a station</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已注销 %1：第 %2 批以后的文件将被隔离。</source>
        <translation>Revoked %1: files after batch %2 will be quarantined.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出同步文件</source>
        <translation>Export a sync file</translation>
    </message>
    <message>
        <source>U盘或文件夹</source>
        <translation>USB stick or folder</translation>
    </message>
    <message>
        <source>选择……</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>导出下一批</source>
        <translation>Export the next batch</translation>
    </message>
    <message>
        <source>发给</source>
        <translation>To</translation>
    </message>
    <message>
        <source>写到</source>
        <translation>Into</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>每次导出都带上对方还没有确认收到的全部修改，U盘丢了也不要紧。</source>
        <translation>Each export carries every change the receiver has not acknowledged, so a lost stick costs nothing.</translation>
    </message>
    <message>
        <source>已发出的批次与对方的确认：</source>
        <translation>Batches sent and what the receivers acknowledged:</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export into</translation>
    </message>
    <message>
        <source>找不到这个文件夹，U盘插好了吗？</source>
        <translation>This folder does not exist. Is the stick plugged in?</translation>
    </message>
    <message>
        <source>第 %1 批已写到 %2
含 %3 条修改。</source>
        <translation>Batch %1 written to %2
with %3 changes.</translation>
    </message>
    <message>
        <source>另原样转带下级的 %1 批。</source>
        <translation> It also carries %1 batches from stations below, as they were signed.</translation>
    </message>
    <message>
        <source>还有 %1 条修改一个文件装不下：对方回传确认后再导出下一批。</source>
        <translation>%1 more changes do not fit in one file: export again once the receiver&apos;s acknowledgement of this batch has come back.</translation>
    </message>
    <message>
        <source>文件写不进去，请换一个U盘或文件夹。</source>
        <translation>The file could not be written: use another stick or folder.</translation>
    </message>
</context>
<context>
    <name>FamilySection</name>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>务工地</source>
        <translation>Work place</translation>
    </message>
    <message>
        <source>监护能力</source>
        <translation>Guardianship capacity</translation>
    </message>
    <message>
        <source>委托监护确认书</source>
        <translation>Entrustment signed</translation>
    </message>
    <message>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>第 %1 人（%2）：</source>
        <translation>Person %1 (%2): </translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>HealthSchoolSection</name>
    <message>
        <source>住校</source>
        <translation>Boards at school</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>残疾类别</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>所患疾病</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>就学情况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>寄宿</source>
        <translation>Boarding</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入同步文件</source>
        <translation>Import sync files</translation>
    </message>
    <message>
        <source>选择文件……</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>把U盘里的同步文件拖到这个窗口，或者</source>
        <translation>Drop the sync files from the stick on this window, or</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>每个文件先整份核对签名和内容，无误才导入；有问题的文件一条也不导入。</source>
        <translation>Each file is checked whole (signature and contents) before it is imported; nothing of a bad file is imported.</translation>
    </message>
    <message>
        <source>选择同步文件</source>
        <translation>Choose sync files</translation>
    </message>
    <message>
        <source>同步文件 (*.ccsync);;所有文件 (*)</source>
        <translation>Sync files (*.ccsync);;All files (*)</translation>
    </message>
    <message>
        <source>正在核对并导入 %1 个文件……</source>
        <translation>Checking and importing %1 files…</translation>
    </message>
    <message>
        <source>导入 %1 个，已导入过 %2 个，拒收 %3 个，隔离 %4 个。</source>
        <translation>%1 imported, %2 already imported, %3 rejected, %4 quarantined.</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 条修改，%2 处冲突</source>
        <translation>%1 changes, %2 conflicts</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <source>导入台账(&amp;I)……</source>
        <translation>&amp;Import a ledger…</translation>
    </message>
    <message>
        <source>导出台账(&amp;X)……</source>
        <translation>E&amp;xport the ledger…</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export the ledger</translation>
    </message>
    <message>
        <source>儿童信息台账.xlsx</source>
        <translation>Children ledger.xlsx</translation>
    </message>
    <message>
        <source>已导出 %1 名儿童：%2</source>
        <translation>%1 children exported to %2</translation>
    </message>
    <message>
        <source>核对部门名单(&amp;D)……</source>
        <translation>Check a &amp;department&apos;s list…</translation>
    </message>
</context>
<context>
    <name>ListCheckDialog</name>
    <message>
        <source>不加入排查</source>
        <translation>Not into a screening round</translation>
    </message>
    <message>
        <source>未登记的加入排查(&amp;P)：</source>
        <translation>Rows not registered go to &amp;round:</translation>
    </message>
    <message>
        <source>截止 %1</source>
        <translation>deadline %1</translation>
    </message>
    <message>
        <source>不一致（%1）</source>
        <translation>Differences (%1)</translation>
    </message>
    <message>
        <source>共 %1 行</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>名单 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>Lists (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>名单文件：</source>
        <translation>List file:</translation>
    </message>
    <message>
        <source>名单来源(&amp;U)：</source>
        <translation>From the departm&amp;ent:</translation>
    </message>
    <message>
        <source>已匹配（%1）</source>
        <translation>Matched (%1)</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>忽略(&amp;G)…</source>
        <translation>Dismiss (&amp;G)…</translation>
    </message>
    <message>
        <source>忽略的理由：</source>
        <translation>Why is it dismissed:</translation>
    </message>
    <message>
        <source>接受(&amp;J)</source>
        <translation>Accept (&amp;J)</translation>
    </message>
    <message>
        <source>未登记（%1）</source>
        <translation>Not registered (%1)</translation>
    </message>
    <message>
        <source>核对(&amp;K)</source>
        <translation>Chec&amp;k</translation>
    </message>
    <message>
        <source>核对部门名单</source>
        <translation>Check a department&apos;s list</translation>
    </message>
    <message>
        <source>没有找到姓名的列：请在下面指出哪一列是姓名（在它的选择框里选“姓名”）。</source>
        <translation>No column of names was found: show below which column holds the names (choose 姓名 in its box).</translation>
    </message>
    <message>
        <source>还没有选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>选择名单文件(&amp;L)…</source>
        <translation>Choose the &amp;list file…</translation>
    </message>
    <message>
        <source>选择部门名单</source>
        <translation>Choose a department&apos;s list</translation>
    </message>
    <message>
        <source>（按上次核对同样表头的名单时的选择）</source>
        <translation>(as chosen at the last check of a list with these headers)</translation>
    </message>
    <message>
        <source>%1 列入排查：%2（%3）</source>
        <translation>%1 to be screened in %2 (%3)</translation>
    </message>
    <message>
        <source>选择村（居）</source>
        <translation>Choose the village</translation>
    </message>
    <message>
        <source>名单没有写明所属村（居），住址中也找不到。
请选择这些儿童所在的村（居）：</source>
        <translation>The list gives no village, nor does the address name one.
Choose the village of these children:</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>名单上</source>
        <translation>On the list</translation>
    </message>
    <message>
        <source>名单上的姓名</source>
        <translation>Name on the list</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>如何匹配</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>档案中</source>
        <translation>In the file</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>程序已锁定，档案都已遮住。请输入密码继续：</source>
        <translation>The program is locked and every record is hidden. Enter the passphrase to go on:</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit the program</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>各镇同步</source>
        <translation>Towns' sync</translation>
    </message>
    <message>
        <source>各村同步</source>
        <translation>Villages' sync</translation>
    </message>
    <message>
        <source>儿童关爱服务</source>
        <translation>Childcare</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>儿童名册</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>走访日程</source>
        <translation>Visit schedule</translation>
    </message>
    <message>
        <source>动态管理</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>关爱服务</source>
        <translation>Care services</translation>
    </message>
    <message>
        <source>同步情况</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>新建档案(&amp;N)</source>
        <translation>&amp;New file</translation>
    </message>
    <message>
        <source>打开档案(&amp;O)</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <source>销档(&amp;C)……</source>
        <translation>&amp;Close the file…</translation>
    </message>
    <message>
        <source>恢复在册(&amp;R)</source>
        <translation>&amp;Re-open</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>设置(&amp;S)……</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>本站：%1（%2）    负责人：%3</source>
        <translation>Station: %1 (%2)    Officer: %3</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>档案(&amp;F)</source>
        <translation>&amp;Files</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>排查</source>
        <translation>Screening</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>务工地</source>
        <translation>Work place</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>与儿童关系</source>
        <translation>Relation to the child</translation>
    </message>
    <message>
        <source>居住地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>外出时间</source>
        <translation>Left home on</translation>
    </message>
    <message>
        <source>如：舅舅</source>
        <translation>e.g. uncle</translation>
    </message>
    <message>
        <source>家庭成员或照护人</source>
        <translation>Family member or carer</translation>
    </message>
    <message>
        <source>有监护能力</source>
        <translation>Able to act as guardian</translation>
    </message>
    <message>
        <source>已签订委托监护确认书</source>
        <translation>Entrusted-guardianship confirmation signed</translation>
    </message>
    <message>
        <source>监护能力</source>
        <translation>Guardianship capacity</translation>
    </message>
    <message>
        <source>委托监护</source>
        <translation>Entrustment</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>新密码</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>再输一遍</source>
        <translation>Once more</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <source>现在的密码</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>新密码至少 8 位。修改后，旧密码不能再打开数据。</source>
        <translation>At least 8 characters. After the change the old passphrase no longer opens the store.</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在修改……</source>
        <translation>Changing…</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>设置密码</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>儿童信息加密保存。每次打开程序都要输入这个密码，至少 8 位。</source>
        <translation>Children&apos;s information is stored encrypted. The program asks for this passphrase at every start; at least 8 characters.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>创建</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>PassphrasePrompt</name>
    <message>
        <source>请等 %1 秒再试。</source>
        <translation>Wait %1 s before trying again.</translation>
    </message>
    <message>
        <source>正在核对密码……</source>
        <translation>Checking the passphrase…</translation>
    </message>
</context>
<context>
    <name>PhotoList</name>
    <message>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>走访照片</source>
        <translation>Visit photos</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>无法显示这张照片</source>
        <translation>This photo cannot be shown</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>走访周期与报告电话</source>
        <translation>Visit intervals and report phone numbers</translation>
    </message>
    <message>
        <source>本站自行设定</source>
        <translation>Set by this station</translation>
    </message>
    <message>
        <source>预设周期</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>走访周期（多条适用时，先到期的一条为准）</source>
        <translation>Visit intervals (where several apply, the one due first counts)</translation>
    </message>
    <message>
        <source>须入户（电话等不算）</source>
        <translation>Home visit only (a call does not count)</translation>
    </message>
    <message>
        <source>须入户</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>本站修改过的周期</source>
        <translation>intervals this station has changed</translation>
    </message>
    <message>
        <source>依据：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>间隔天数</source>
        <translation>Days between visits</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>发现情况时报告给（强制报告）</source>
        <translation>Report concerns to (mandatory report)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存后，全部儿童的下次走访日期会重新计算。</source>
        <translation>Saving works out every child&apos;s next visit date again.</translation>
    </message>
</context>
<context>
    <name>RecategoriseDialog</name>
    <message>
        <source>调整类别</source>
        <translation>Change the categories</translation>
    </message>
    <message>
        <source>调整原因（必填）</source>
        <translation>Reason for the change (required)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiversModel</name>
    <message>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>最后导出批次</source>
        <translation>Last batch sent</translation>
    </message>
    <message>
        <source>导出时间</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>所含修改</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>对方已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>本站前 %1 条修改</source>
        <translation>this station&apos;s first %1 changes</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>用恢复码重设密码</source>
        <translation>New passphrase with the recovery code</translation>
    </message>
    <message>
        <source>恢复码是建站时打印的那一张（24 个字母和数字）。输入恢复码，再设一个新密码。</source>
        <translation>The recovery code is the sheet printed when the station was set up (24 letters and digits). Enter it, then choose a new passphrase.</translation>
    </message>
    <message>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>重设密码并打开</source>
        <translation>Set and open</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入恢复码</source>
        <translation>Enter the recovery code</translation>
    </message>
    <message>
        <source>正在核对恢复码……</source>
        <translation>Checking the recovery code…</translation>
    </message>
    <message>
        <source>恢复码不对，请逐位核对</source>
        <translation>Wrong recovery code: check each character</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>忘记密码时，只有这个恢复码能打开数据。它只显示这一次。</source>
        <translation>If the passphrase is forgotten, only this recovery code opens the data. It is shown this once.</translation>
    </message>
    <message>
        <source>请把恢复码抄下或打印出来，和本站的名称一起放进%1的保险柜。不要保存在这台电脑上，也不要拍照发到群里。</source>
        <translation>Write the recovery code down or print it, and keep it with the station&apos;s name in the safe of %1. Do not keep it on this computer and do not post a photo of it in a chat group.</translation>
    </message>
    <message>
        <source>打印/保存恢复码……</source>
        <translation>Print or save the recovery code…</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>核对恢复码</source>
        <translation>Check the recovery code</translation>
    </message>
    <message>
        <source>请对照抄下或打印的恢复码，输入第 %1 组和第 %2 组。</source>
        <translation>From the code you wrote down or printed, type group %1 and group %2.</translation>
    </message>
    <message>
        <source>第 %1 组</source>
        <translation>Group %1</translation>
    </message>
    <message>
        <source>与恢复码的第 %1 组不一致，请对照纸上的恢复码</source>
        <translation>This is not group %1 of the recovery code: check it against the paper</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>新增转介</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>为什么转介，需要对方做什么</source>
        <translation>Why, and what the receiver should do</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>转介至</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>请从名单中选择儿童</source>
        <translation>Choose a child from the list</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>转介进展</source>
        <translation>Referral progress</translation>
    </message>
    <message>
        <source>结果或说明</source>
        <translation>Outcome or note</translation>
    </message>
    <message>
        <source>转介至</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>RefusedFilesModel</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>一人一档(&amp;C)</source>
        <translation>The &amp;child&apos;s file</translation>
    </message>
    <message>
        <source>花名册 PDF(&amp;R)</source>
        <translation>&amp;Roster (PDF)</translation>
    </message>
    <message>
        <source>花名册 Excel(&amp;E)……</source>
        <translation>Roster (&amp;Excel)…</translation>
    </message>
    <message>
        <source>走访台账(&amp;L)……</source>
        <translation>Visit &amp;ledger…</translation>
    </message>
    <message>
        <source>汇总表(&amp;S)</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>部门名单(&amp;D)……</source>
        <translation>Lists for &amp;departments…</translation>
    </message>
    <message>
        <source>报表(&amp;B)</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>一人一档</source>
        <translation>The child&apos;s file</translation>
    </message>
    <message>
        <source>花名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>保存花名册</source>
        <translation>Save the roster</translation>
    </message>
    <message>
        <source>花名册.xlsx</source>
        <translation>Roster.xlsx</translation>
    </message>
    <message>
        <source>已保存 %1 名儿童：%2</source>
        <translation>%1 children saved to %2</translation>
    </message>
    <message>
        <source>走访台账</source>
        <translation>Visit ledger</translation>
    </message>
    <message>
        <source>月份（年-月）：</source>
        <translation>Month (YYYY-MM):</translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message numerus="yes">
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为(&amp;S)…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存报表</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成报表…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreConfirm</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>要把数据恢复到 %1（%2）的备份吗？
这以后录入的内容会不见。现在的数据会先另存为一份备份。
请输入密码确认（备份做成时的密码）：</source>
        <translation>Restore the backup of %1 (%2)?
What was entered since will be gone. The store as it is now is kept as a backup first.
Enter the passphrase to confirm (the one in use when the backup was made):</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在检查备份……</source>
        <translation>Checking the backup…</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>复核原因</source>
        <translation>Why review</translation>
    </message>
    <message>
        <source>涉及类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>待复核儿童</source>
        <translation>Children to review</translation>
    </message>
    <message>
        <source>销档(&amp;C)……</source>
        <translation>&amp;Close the file…</translation>
    </message>
    <message>
        <source>调整类别(&amp;K)……</source>
        <translation>Change cate&amp;gories…</translation>
    </message>
    <message>
        <source>到龄、父母返乡或迁出的儿童：销档或调整类别，记录原因。</source>
        <translation>Children who aged out, whose parents came home or who moved away: close the file or change the categories, and record why.</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入台账</source>
        <translation>Import a ledger</translation>
    </message>
    <message>
        <source>还没有选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>选择文件(&amp;O)…</source>
        <translation>Choose file(&amp;O)…</translation>
    </message>
    <message>
        <source>只看有错误的行</source>
        <translation>Only rows with errors</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>打开错误清单</source>
        <translation>Open the error list</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>Import(&amp;I)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择台账文件</source>
        <translation>Choose a ledger file</translation>
    </message>
    <message>
        <source>台账 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>Ledgers (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在读取文件……</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>导入完成：新增 %1 名，更新 %2 名，没有变化 %3 名。</source>
        <translation>Import finished: %1 new, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>有 %1 行没有导入，已写入错误清单：%2</source>
        <translation>%1 rows were not imported; they are in the error list: %2</translation>
    </message>
    <message>
        <source>请打开错误清单修改后再导入。</source>
        <translation>Open the error list, correct the rows, then import it again.</translation>
    </message>
    <message>
        <source>共 %1 行：可以导入 %2 行，有错误 %3 行（不会导入），提醒 %4 条</source>
        <translation>%1 rows: %2 can be imported, %3 have errors (not imported), %4 notes</translation>
    </message>
    <message>
        <source>出错了：%1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>台账文件：</source>
        <translation>Ledger file:</translation>
    </message>
    <message>
        <source>（按上次导入同样表头的台账时的选择）</source>
        <translation>(as chosen at the last import of a ledger with these headers)</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>没有找到儿童姓名的列：请在下面指出哪一列是姓名（在它的选择框里选“姓名”）；如果表头不在第 %1 行，请先改表头所在的行。</source>
        <translation>No column of children's names was found: show below which column holds the names (choose 姓名 in its box); if the header is not on row %1, change the header row first.</translation>
    </message>
    <message>
        <source>所有的行（%1）</source>
        <translation>All rows (%1)</translation>
    </message>
    <message>
        <source>错误 %1 条（这些行不会导入）</source>
        <translation>%1 errors (these rows are not imported)</translation>
    </message>
    <message>
        <source>提醒 %1 条（%2 行照样导入，请之后补全）</source>
        <translation>%1 warnings (%2 rows are imported all the same; complete them later)</translation>
    </message>
</context>
<context>
    <name>ColumnMappingBox</name>
    <message>
        <source>列的对应关系（看不对可以改）</source>
        <translation>What each column means (change it if it is wrong)</translation>
    </message>
    <message>
        <source>改表头所在的行(&amp;H)：</source>
        <translation>Change the header row(&amp;H):</translation>
    </message>
    <message>
        <source>第 %1 行</source>
        <translation>row %1</translation>
    </message>
    <message>
        <source>表头在第 %1 行</source>
        <translation>The header is on row %1</translation>
    </message>
</context>
<context>
    <name>RoundForm</name>
    <message>
        <source>新建走访行动</source>
        <translation>New visit round</translation>
    </message>
    <message>
        <source>如：春节走访</source>
        <translation>e.g. the Spring Festival visit</translation>
    </message>
    <message>
        <source>全部在册儿童</source>
        <translation>All active children</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>ScreenLock</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>无操作多久后锁定</source>
        <translation>Lock after no input for</translation>
    </message>
    <message>
        <source>更换语言后，下次启动程序时生效。</source>
        <translation>A new language applies from the next start.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>儿童关爱服务 — 首次设置</source>
        <translation>Childcare — first set-up</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在创建加密数据……</source>
        <translation>Creating the encrypted store…</translation>
    </message>
    <message>
        <source>正在连接服务器，创建加密数据……</source>
        <translation>Reaching the server and creating the encrypted store…</translation>
    </message>
</context>
<context>
    <name>ServerWatch</name>
    <message>
        <source>暂时连不上服务器：显示的可能不是同事最新保存的内容。</source>
        <translation>The server cannot be reached for now: what shows may not be what colleagues saved last.</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>本机（加密数据文件）</source>
        <translation>This PC (an encrypted data file)</translation>
    </message>
    <message>
        <source>共享服务器（PostgreSQL，县级多人同时使用）</source>
        <translation>A shared server (PostgreSQL, for several county staff at once)</translation>
    </message>
    <message>
        <source>数据保存在</source>
        <translation>Data kept on</translation>
    </message>
    <message>
        <source>postgresql://用户名@主机/数据库</source>
        <translation>postgresql://ROLE@HOST/DATABASE</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>数据库的密码请放在 PGPASSWORD 环境变量或 pgpass 文件里，不要写进地址。地址只保存在这台电脑上。</source>
        <translation>Put the database&apos;s password in the PGPASSWORD environment variable or the pgpass file, never in the address. The address is kept on this PC only.</translation>
    </message>
    <message>
        <source>本站信息</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>请填写本站的级别、统计用区划代码、名称和儿童主任（督导员）姓名。</source>
        <translation>Enter the station&apos;s level, its statistical division code, its name and the name of the children&apos;s director (or supervisor).</translation>
    </message>
    <message>
        <source>村 12 位，镇 9 位，县 6 位</source>
        <translation>village 12 digits, town 9, county 6</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>本站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>负责人姓名</source>
        <translation>Officer&apos;s name</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <source>所含修改</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>站点</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>最后批次</source>
        <translation>Last batch</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported on</translation>
    </message>
    <message>
        <source>缺少的批次</source>
        <translation>Missing batches</translation>
    </message>
    <message>
        <source>拒收文件</source>
        <translation>Rejected files</translation>
    </message>
    <message>
        <source>隔离文件</source>
        <translation>Quarantined files</translation>
    </message>
    <message>
        <source>待处理冲突</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>迟报</source>
        <translation>Late</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>登记与证书(&amp;C)……</source>
        <translation>Enrollment and &amp;certificates…</translation>
    </message>
    <message>
        <source>导出同步文件(&amp;E)……</source>
        <translation>&amp;Export a sync file…</translation>
    </message>
    <message>
        <source>导入同步文件(&amp;I)……</source>
        <translation>&amp;Import sync files…</translation>
    </message>
    <message>
        <source>处理冲突(&amp;F)……</source>
        <translation>Resolve con&amp;flicts…</translation>
    </message>
    <message>
        <source>同步(&amp;Y)</source>
        <translation>&amp;Sync</translation>
    </message>
</context>
<context>
    <name>SyncModels</name>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>SyncStatusView</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>处理冲突……</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <source>把所选档案并入同组的另一份</source>
        <translation>Merge the selected file into the other one of its group</translation>
    </message>
    <message>
        <source>撤销合并</source>
        <translation>Undo the merge</translation>
    </message>
    <message>
        <source>各站点的批次</source>
        <translation>Batches per station</translation>
    </message>
    <message>
        <source>拒收和隔离的文件</source>
        <translation>Rejected and quarantined files</translation>
    </message>
    <message>
        <source>可能重复的档案（同一身份证号，或两村的姓名和出生日期相同、相近）</source>
        <translation>Possible duplicates (one ID number, or two villages' files alike in name and birth date)</translation>
    </message>
    <message>
        <source>待处理的冲突：%1 条</source>
        <translation>Open conflicts: %1</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>被退回（审核）</source>
        <translation>Returned (review)</translation>
    </message>
    <message>
        <source>报审事项</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>退回理由</source>
        <translation>Why returned</translation>
    </message>
    <message>
        <source>报送日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>打开档案，按退回理由修改后保存，即重新报送。</source>
        <translation>Open the file, correct it as the reason says and save it: it is submitted again.</translation>
    </message>
    <message>
        <source>档案显示须确认的情形（强制报告）</source>
        <translation>What the files show: to confirm (mandatory report)</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>记录关注(&amp;C)……</source>
        <translation>Record a &amp;concern…</translation>
    </message>
    <message>
        <source>核实无需报告(&amp;N)……</source>
        <translation>&amp;Not one to report…</translation>
    </message>
    <message>
        <source>逾期未走访</source>
        <translation>Overdue visits</translation>
    </message>
    <message>
        <source>本周应走访</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Concern</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Noticed on</translation>
    </message>
    <message>
        <source>已报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>未结关注（强制报告）</source>
        <translation>Open concerns (mandatory report)</translation>
    </message>
    <message>
        <source>到龄日期</source>
        <translation>Ages out on</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>30天内到龄</source>
        <translation>Ageing out within 30 days</translation>
    </message>
    <message>
        <source>记录走访(&amp;L)</source>
        <translation>&amp;Log a visit</translation>
    </message>
    <message>
        <source>打开档案(&amp;O)</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <source>报告关注(&amp;R)</source>
        <translation>&amp;Raise a concern</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>逾期 %1 · 本周 %2 · 关注 %3 · 到龄 %4</source>
        <translation>Overdue %1 · this week %2 · concerns %3 · ageing out %4</translation>
    </message>
    <message>
        <source>尚未报告</source>
        <translation>Not reported yet</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>儿童关爱服务 — 输入密码</source>
        <translation>Childcare — passphrase</translation>
    </message>
    <message>
        <source>请输入本站的密码：</source>
        <translation>Enter this station&apos;s passphrase:</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>忘记密码？用恢复码</source>
        <translation>Forgot the passphrase? Use the recovery code</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>更正走访记录</source>
        <translation>Correct a visit</translation>
    </message>
    <message>
        <source>记录走访</source>
        <translation>Log a visit</translation>
    </message>
    <message>
        <source>如：祖母、本人</source>
        <translation>e.g. grandmother, the child</translation>
    </message>
    <message>
        <source>不重新评估</source>
        <translation>Not reassessed</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>走访方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>见到的人</source>
        <translation>People met</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>采取的措施</source>
        <translation>Actions taken</translation>
    </message>
    <message>
        <source>监护情况（重新评估）</source>
        <translation>Guardianship grade (reassessed)</translation>
    </message>
    <message>
        <source>下次计划走访</source>
        <translation>Next visit planned</translation>
    </message>
    <message>
        <source>照片（可选）</source>
        <translation>Photos (optional)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <source>走访日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>见到的人</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>需求与措施</source>
        <translation>Needs and actions</translation>
    </message>
    <message>
        <source>下次计划</source>
        <translation>Next planned</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>%1张</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>旧版本（已更正）</source>
        <translation>old version (corrected)</translation>
    </message>
    <message>
        <source>更正后</source>
        <translation>correction</translation>
    </message>
</context>
<context>
    <name>WishForm</name>
    <message>
        <source>新增微心愿</source>
        <translation>New micro-wish</translation>
    </message>
    <message>
        <source>如：一套课外书、一双运动鞋</source>
        <translation>e.g. a set of books, a pair of sports shoes</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>心愿</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>收集日期</source>
        <translation>Collected on</translation>
    </message>
    <message>
        <source>请从名单中选择儿童</source>
        <translation>Choose a child from the list</translation>
    </message>
</context>
<context>
    <name>WishStepDialog</name>
    <message>
        <source>微心愿：下一步</source>
        <translation>Micro-wish: next step</translation>
    </message>
    <message>
        <source>已完成全部步骤</source>
        <translation>all steps done</translation>
    </message>
    <message>
        <source>如：县妇联、某爱心企业</source>
        <translation>e.g. the county women&apos;s federation, a donor company</translation>
    </message>
    <message>
        <source>心愿</source>
        <translation>Wish</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>认领人</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序出错了</source>
        <translation>The program hit an error</translation>
    </message>
    <message>
        <source>刚才的操作没有完成，程序遇到了意外的错误。已保存的档案不受影响。
请再试一次；如果还出错，请把下面的记录文件交给技术支持（文件里没有儿童的个人信息）。</source>
        <translation>What you just did was not finished: the program hit an unexpected error. The files already saved are not affected.
Please try again; if the error comes back, give the log file below to your technical support (it holds no child&apos;s personal data).</translation>
    </message>
    <message>
        <source>打开记录所在的文件夹</source>
        <translation>Open the log&apos;s folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <source>核实无需报告</source>
        <translation>Not a situation to report</translation>
    </message>
    <message>
        <source>确认无需报告</source>
        <translation>Confirm: not to report</translation>
    </message>
    <message>
        <source>核实了什么：现在谁在照看孩子，怎样核实的</source>
        <translation>What you found: who looks after the child now, and how you checked</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>核实情况</source>
        <translation>What you found</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <source>还没有儿童档案</source>
        <translation>No child's file yet</translation>
    </message>
    <message>
        <source>可以这样开始：
• 村里已有 Excel 台账的，导入台账：先看到每一行能否导入、哪里有错，确认后才写入；
• 没有台账的，一份一份新建档案。
有了档案，这里会列出逾期和将到期的走访、未结的强制报告。</source>
        <translation>To begin:
• If the village keeps an Excel ledger, import it: you first see which rows can be imported and what is wrong, and nothing is written until you confirm;
• Without a ledger, create the files one by one.
Once there are files, this page lists the overdue and upcoming visits and the open mandatory reports.</translation>
    </message>
    <message>
        <source>导入台账……</source>
        <translation>Import a ledger…</translation>
    </message>
    <message>
        <source>新建档案</source>
        <translation>New file</translation>
    </message>
</context>
<context>
    <name>StationsLanding</name>
    <message>
        <source>镇（街道）</source>
        <translation>towns</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>villages</translation>
    </message>
    <message>
        <source>各%1的同步情况</source>
        <translation>Sync state of the %1</translation>
    </message>
    <message>
        <source>导入同步文件……</source>
        <translation>Import sync files…</translation>
    </message>
    <message>
        <source>同步详情</source>
        <translation>Sync details</translation>
    </message>
    <message>
        <source>还没有下属站点。在“同步 → 登记与证书”中为各%1办理入网；导入它们的同步文件后，这里列出每一个最近一批的情况。</source>
        <translation>No station below this one yet. Enroll the %1 under Sync → Enrollment and certificates; once their sync files are imported, each one's last batch is listed here.</translation>
    </message>
    <message>
        <source>共 %1 个站点，其中迟报 %2 个（超过 %3 天没有收到批次）。</source>
        <translation>%1 stations, %2 of them late (no batch received for more than %3 days).</translation>
    </message>
    <message>
        <source>共 %1 个站点，其中迟报 %2 个（每月 %3 日前未报送）。</source>
        <translation>%1 stations, %2 of them late (no batch by day %3 of the month).</translation>
    </message>
</context>
<context>
    <name>VillageSyncView</name>
    <message>
        <source>本机只从上级发回的同步文件得知上级收到了什么：文件是否已送到、上级是否已导入，本机无从知道；上级导入本站的批次后，要等本机导入上级发来的文件，这里的确认才会更新。</source>
        <translation>This laptop learns what the supervising station received only from the sync files it sends back: whether a file arrived, or was imported there, this laptop cannot know. Once a batch is imported there, its acknowledgement shows here after this laptop imports a file from the supervising station.</translation>
    </message>
    <message>
        <source>登记与证书……</source>
        <translation>Enrollment and certificates…</translation>
    </message>
    <message>
        <source>导出同步文件……</source>
        <translation>Export a sync file…</translation>
    </message>
    <message>
        <source>导入上级发来的文件……</source>
        <translation>Import a file from the supervising station…</translation>
    </message>
    <message>
        <source>本站还没有入网：上级还没有为本机发证书，所以还不能导出同步文件。请在“登记与证书”中写出入网申请，带到镇里办理。</source>
        <translation>This station is not enrolled yet: no certificate has been issued for this laptop, so it cannot export sync files. Write an enrollment request under Enrollment and certificates and take it to the town.</translation>
    </message>
    <message>
        <source>最近导出给%1：第 %2 批，%3，含 %4 条修改。</source>
        <translation>Last export to %1: batch %2, %3, %4 changes.</translation>
    </message>
    <message>
        <source>已入网，上级是%1；还没有导出过同步文件。</source>
        <translation>Enrolled under %1; no sync file exported yet.</translation>
    </message>
    <message>
        <source>%1已确认收到本站的前 %2 条修改。</source>
        <translation>%1 has acknowledged this station's first %2 changes.</translation>
    </message>
    <message>
        <source>%1还没有确认收到本站的修改。</source>
        <translation>%1 has not acknowledged any change of this station yet.</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>所属</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>任职日期</source>
        <translation>Appointed</translation>
    </message>
    <message>
        <source>离任日期</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>培训学时</source>
        <translation>Training hours</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>儿童主任</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>应走访</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>按时走访</source>
        <translation>Visited on time</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>被退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>None registered</translation>
    </message>
    <message>
        <source>各村儿童主任本月工作</source>
        <translation>Each village's director this month</translation>
    </message>
    <message>
        <source>登记人员(&amp;D)……</source>
        <translation>A&amp;dd officer…</translation>
    </message>
    <message>
        <source>更换儿童主任(&amp;R)……</source>
        <translation>&amp;Replace director…</translation>
    </message>
    <message>
        <source>登记培训(&amp;P)……</source>
        <translation>Record trai&amp;ning…</translation>
    </message>
    <message>
        <source>儿童主任更换时记录在册，原任保留离任日期。</source>
        <translation>A new director is recorded: the one before keeps the day they left.</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>OfficerForm</name>
    <message>
        <source>更换儿童主任</source>
        <translation>Replace the director</translation>
    </message>
    <message>
        <source>登记工作人员</source>
        <translation>Register an officer</translation>
    </message>
    <message>
        <source>手机或固定电话</source>
        <translation>mobile or landline</translation>
    </message>
    <message>
        <source>现任儿童主任自新任职日期起离任，仍保留在名册中。</source>
        <translation>The serving director leaves on the new one's appointment day and stays in the registry.</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>任职日期</source>
        <translation>Appointed on</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>登记培训</source>
        <translation>Record a training</translation>
    </message>
    <message>
        <source>如：儿童主任示范培训</source>
        <translation>e.g. model training of directors</translation>
    </message>
    <message>
        <source>参训人员</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>培训名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>证明材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>添加证明材料…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>添加证明材料</source>
        <translation>Attach evidence</translation>
    </message>
    <message>
        <source>图片或 PDF (*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF)</source>
        <translation>Pictures or PDFs (*.jpg *.jpeg *.png *.pdf *.JPG *.JPEG *.PNG *.PDF)</translation>
    </message>
    <message>
        <source>正在添加…</source>
        <translation>Attaching…</translation>
    </message>
    <message>
        <source>另存证明材料</source>
        <translation>Save the evidence</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>还没有证明材料</source>
        <translation>No evidence yet</translation>
    </message>
    <message>
        <source>已添加：</source>
        <translation>Attached: </translation>
    </message>
    <message>
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <source>PDF 文件：请点“另存为…”后用 PDF 阅读器打开</source>
        <translation>A PDF: click Save as… and open it in a PDF reader</translation>
    </message>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>无法显示这张图片</source>
        <translation>This picture cannot be shown</translation>
    </message>
</context>
<context>
    <name>ApprovalView</name>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>报审事项</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>报送人</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>报送日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>报送前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>报送内容</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>档案现状</source>
        <translation>File now</translation>
    </message>
    <message>
        <source>变更内容与档案现状</source>
        <translation>What changed, and the file now</translation>
    </message>
    <message>
        <source>通过(&amp;P)</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>退回(&amp;U)……</source>
        <translation>Send &amp;back…</translation>
    </message>
    <message>
        <source>证明材料(&amp;E)……</source>
        <translation>&amp;Evidence…</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <source>村里报送的新建档案、销档、类别和监护情况变更，逐条通过或退回。</source>
        <translation>New files, closed files, categories and guardianship changes the villages submitted: approve or send back each.</translation>
    </message>
    <message>
        <source>其中 %1 条须县级确认，本级不审核。</source>
        <translation>%1 of them are for the county to confirm, not for this station.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>退回</source>
        <translation>Send back</translation>
    </message>
    <message>
        <source>退回理由（必填），村里据此修改后重新报送</source>
        <translation>Why it is sent back (required): the village corrects the file and submits it again</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>返回各镇</source>
        <translation>Back to the towns</translation>
    </message>
    <message>
        <source>报送日……</source>
        <translation>Reporting day…</translation>
    </message>
    <message>
        <source>设定各镇每月几日前报送同步批次</source>
        <translation>Set the day of the month by which each town sends its sync batch</translation>
    </message>
    <message>
        <source>近十二个月按时走访的儿童（点击月份查看该月）</source>
        <translation>Children visited on time, last twelve months (click a month to show it)</translation>
    </message>
    <message>
        <source>双击一个数字，查看它背后的名单</source>
        <translation>Double-click a figure to see the list behind it</translation>
    </message>
    <message>
        <source>各村（居）</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>各镇（街道）</source>
        <translation>Towns</translation>
    </message>
    <message>
        <source>%1本月走访</source>
        <translation>%1: this month's visits</translation>
    </message>
    <message>
        <source>%1本月应访的儿童（点击查看名单）</source>
        <translation>%1: children owed a visit this month (click for the list)</translation>
    </message>
    <message>
        <source>定期报送：每月 %1 日前</source>
        <translation>Reporting: by day %1 of each month</translation>
    </message>
    <message>
        <source>定期报送：超过 %1 天未报送为迟报</source>
        <translation>Reporting: late after %1 days without a batch</translation>
    </message>
    <message>
        <source>还没有下属站点报送同步批次。</source>
        <translation>No station below has sent a sync batch yet.</translation>
    </message>
    <message>
        <source>截至 %1：共 %2 个站点，均按时报送。</source>
        <translation>As of %1: %2 stations, all reported on time.</translation>
    </message>
    <message>
        <source>截至 %1：共 %2 个站点，其中迟报 %3 个：%4。</source>
        <translation>As of %1: %2 stations, %3 of them late: %4.</translation>
    </message>
    <message>
        <source>定期报送</source>
        <translation>Reporting calendar</translation>
    </message>
    <message>
        <source>各镇每月几日前报送同步批次：</source>
        <translation>Each town sends its sync batch by this day of every month:</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>镇（街道）</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>最近批次</source>
        <translation>Last batch</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>未收到</source>
        <translation>none received</translation>
    </message>
    <message>
        <source>第 %1 批 %2</source>
        <translation>batch %1, %2</translation>
    </message>
    <message>
        <source>迟报</source>
        <translation>late</translation>
    </message>
    <message>
        <source>按时</source>
        <translation>on time</translation>
    </message>
</context>
<context>
    <name>ListedModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村（居）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>State</translation>
    </message>
    <message>
        <source>应访日期</source>
        <translation>Visit due by</translation>
    </message>
    <message>
        <source>本月走访</source>
        <translation>Visited this month</translation>
    </message>
    <message>
        <source>发现或提交日期</source>
        <translation>Noticed or submitted on</translation>
    </message>
</context>
<context>
    <name>VillageBars</name>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>%1月</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>FigureListDialog</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DepartmentListDialog</name>
    <message>
        <source>部门名单</source>
        <translation>Lists for departments</translation>
    </message>
    <message>
        <source>名单(&amp;M)</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <source>送交</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>导出的栏目</source>
        <translation>Columns that leave</translation>
    </message>
    <message>
        <source>名单只含该部门办事所需的儿童和栏目，身份证号和电话完整导出；儿童类别、健康、家庭情况和走访记录都不导出。每次导出都记入审计日志。</source>
        <translation>The list holds only the children and the columns the department needs to act, with ID numbers and phones whole; categories, health, the family and visits never leave. Each export is written to the audit log.</translation>
    </message>
    <message>
        <source>保存为 Excel(&amp;X)……</source>
        <translation>Save as E&amp;xcel…</translation>
    </message>
    <message>
        <source>保存为 PDF(&amp;P)……</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>%1 名儿童</source>
        <translation>%1 children</translation>
    </message>
    <message>
        <source>保存部门名单</source>
        <translation>Save the list</translation>
    </message>
    <message>
        <source>已保存 %1 名儿童：%2</source>
        <translation>Saved %1 children: %2</translation>
    </message>
</context>
</TS>
