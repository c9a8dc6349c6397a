<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>BasicSection</name>
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
    <name>CareSection</name>
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
    <name>ChildForm</name>
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
        <source>显示 %1 名，本站共 %2 名儿童</source>
        <translation>Showing %1 of %2 children</translation>
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
    <name>MainWindow</name>
    <message>
        <source>儿童关爱服务</source>
        <translation>Childcare</translation>
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
        <source>请把恢复码抄下或打印出来，和本站的名称一起放进村（居）委会的保险柜。不要保存在这台电脑上，也不要拍照发到群里。</source>
        <translation>Write the recovery code down or print it, and keep it with the station&apos;s name in the committee&apos;s safe. Do not keep it on this computer and do not post a photo of it in a chat group.</translation>
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
        <source>列的对应关系（看不对可以改）</source>
        <translation>What each column means (change it if it is wrong)</translation>
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
        <source>有 %1 行没有导入，已写入错误清单：%2</source>
        <translation>%1 rows were not imported; they are in the error list: %2</translation>
    </message>
    <message>
        <source>请打开错误清单修改后再导入。</source>
        <translation>Open the error list, correct the rows, then import it again.</translation>
    </message>
    <message>
        <source>表头在第 %1 行</source>
        <translation>The header is on row %1</translation>
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
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Font size</translation>
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
</context>
<context>
    <name>StationPage</name>
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
    <name>UnlockDialog</name>
    <message>
        <source>儿童关爱服务 — 输入密码</source>
        <translation>Childcare — passphrase</translation>
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
        <source>请输入本站的密码：</source>
        <translation>Enter this station&apos;s passphrase:</translation>
    </message>
    <message>
        <source>正在打开……</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>请等 %1 秒再试。</source>
        <translation>Wait %1 s before trying again.</translation>
    </message>
</context>
</TS>
