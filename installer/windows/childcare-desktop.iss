; Inno Setup 6 (6.3 or later) script: the Windows installer of childcare-desktop (儿童关爱服务台账).
; It wraps the frozen folder `pyinstaller installer\childcare.spec` makes, dist\childcare-desktop\
; (childcare-desktop.exe, the window; childcare.exe, the command), and is built on Windows by
; installer\windows\build.ps1, which passes the version from the package's one place
; (childcare_desktop.__version__): iscc /DAppVersion=X.Y.Z installer\windows\childcare-desktop.iss
;
; Per user, without administrator rights (village laptops rarely grant them): the program goes to
; %LOCALAPPDATA%\Programs\childcare-desktop and its entry to the user's own Start menu. The
; officer's data is not there but in %LOCALAPPDATA%\childcare-desktop (core/paths.py), or in data\
; beside the program in portable mode; the uninstaller removes only the files setup installed, so
; there is no [UninstallDelete] section: the data survives removal and upgrades.

#ifndef AppVersion
  #error Pass the version read from the package: iscc /DAppVersion=X.Y.Z (build.ps1 does)
#endif
#ifndef FrozenDir
  #define FrozenDir "..\..\dist\childcare-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\childcare-desktop.ico"
#endif
; Simplified Chinese is not among the languages every Inno Setup 6 installs: when the compiler in
; use has none, build.ps1 passes a copy of the translation: /DChineseMessages=FILE.
#ifndef ChineseMessages
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#endif

[Setup]
; The installation's identity, by which an upgrade finds the earlier one: never change it.
AppId={{5E0B7C3A-2F4D-4B8E-9C61-7A2D3F8E1B94}
AppName=儿童关爱服务台账 Childcare Desktop
AppVersion={#AppVersion}
AppVerName=儿童关爱服务台账 Childcare Desktop {#AppVersion}
AppPublisher=childcare-desktop
PrivilegesRequired=lowest
; With the lowest privileges {autopf} is the user's own %LOCALAPPDATA%\Programs.
DefaultDirName={autopf}\childcare-desktop
DisableProgramGroupPage=yes
UninstallDisplayName=儿童关爱服务台账 Childcare Desktop
UninstallDisplayIcon={app}\childcare-desktop.exe
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=childcare-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The language of the computer, without asking; Chinese when it is neither (listed first).
ShowLanguageDialog=auto

[Languages]
Name: "zh"; MessagesFile: "{#ChineseMessages}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
zh.ConfirmUninstall=确定要删除 %1 吗？%n%n您的数据保存在 %%LOCALAPPDATA%%\childcare-desktop，不会被删除，再次安装后可以继续使用。
en.ConfirmUninstall=Are you sure you want to remove %1?%n%nYour records are kept in %%LOCALAPPDATA%%\childcare-desktop and are not removed: they open again after a new installation.

[CustomMessages]
; Defined here for both languages rather than taken from the .isl files, whose Chinese one is
; not maintained with Inno Setup's own.
zh.ShortcutName=儿童关爱服务台账
en.ShortcutName=Childcare Desktop
zh.ShortcutComment=留守儿童和困境儿童的一人一档、走访和报表，无需联网
en.ShortcutComment=Files, visits and reports of left-behind and distressed children, offline
zh.IconsGroup=快捷方式：
en.IconsGroup=Shortcuts:
zh.DesktopIcon=在桌面上创建快捷方式
en.DesktopIcon=Create a shortcut on the desktop
zh.LaunchNow=立即打开儿童关爱服务台账
en.LaunchNow=Open Childcare Desktop now

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:IconsGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own modules whole, so none an earlier version had stays
; behind; nothing outside them (a portable data\ folder, the user's data) is touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#FrozenDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\childcare-desktop.exe"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\childcare-desktop.exe"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\childcare-desktop.exe"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent
