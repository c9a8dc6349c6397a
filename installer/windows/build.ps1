# Builds the Windows installer on Windows 10/11: a fresh virtual environment with the program, its
# translations and icon, the frozen folder (pyinstaller installer\childcare.spec) checked to start,
# then the setup program by Inno Setup's compiler with the version read from the package.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs Python 3.11 or later (64-bit) and Inno Setup 6.3 or later. Writes
# dist\childcare-desktop\ and dist\childcare-desktop-<version>-setup.exe.
[CmdletBinding()]
param(
    # The Python that makes the build environment.
    [string]$Python = "python",
    # Inno Setup's compiler; found on the PATH or where its installer puts it when not given.
    [string]$Iscc = "",
    # A Simplified Chinese messages file, for an Inno Setup that does not install one.
    [string]$ChineseMessages = ""
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $Arguments failed (exit code $LASTEXITCODE)" }
}

function Find-Iscc {
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $places = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($place in $places) { if (Test-Path $place) { return $place } }
    throw "Inno Setup 6 (ISCC.exe) not found: install it or pass -Iscc PATH"
}

# 1. A fresh environment: the program (editable, as the spec reads src\) and its build tools.
$Venv = Join-Path $Root "build\windows-venv"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
Invoke-Checked $Python @("-c", "import sys; assert sys.version_info >= (3, 11), sys.version")
Invoke-Checked $Python @("-m", "venv", $Venv)
$Py = Join-Path $Venv "Scripts\python.exe"
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "-e", ".[dev]")
$Version = (& $Py -c "import childcare_desktop; print(childcare_desktop.__version__)").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "cannot read the package's version" }

# 2. The translations the frozen folder carries (.qm from the .ts) and the icon the spec and the
#    setup program use (build\icons\childcare-desktop.ico).
$Lrelease = Join-Path $Venv "Scripts\pyside6-lrelease.exe"
foreach ($ts in Get-ChildItem (Join-Path $Root "resources\translations\*.ts")) {
    Invoke-Checked $Lrelease @("-silent", $ts.FullName, "-qm", [IO.Path]::ChangeExtension($ts.FullName, ".qm"))
}
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked $Py @("installer\icons.py", "build\icons")
Remove-Item Env:QT_QPA_PLATFORM

# 3. The frozen folder, and a check that both of its programs start.
Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") @(
    "--noconfirm", "--log-level", "WARN", "--workpath", "build\pyinstaller", "--distpath", "dist",
    "installer\childcare.spec")
$Frozen = Join-Path $Root "dist\childcare-desktop"
$Said = (& (Join-Path $Frozen "childcare.exe") --version | Out-String).Trim()
if ($Said -ne "childcare $Version") { throw "the frozen childcare says '$Said', not 'childcare $Version'" }
$env:CHILDCARE_HOME = Join-Path $Root "build\windows-check-data"
$Window = Start-Process -FilePath (Join-Path $Frozen "childcare-desktop.exe") -ArgumentList "--quit-when-shown" -Wait -PassThru
Remove-Item Env:CHILDCARE_HOME
if ($Window.ExitCode -ne 0) { throw "the frozen window did not open (exit code $($Window.ExitCode))" }

# 4. The setup program. Simplified Chinese: the compiler's own file when it has one, else the one
#    given, else the translation Inno Setup keeps for its own version.
if (-not $Iscc) { $Iscc = Find-Iscc }
$Defines = @("/DAppVersion=$Version")
if (-not (Test-Path (Join-Path (Split-Path $Iscc) "Languages\ChineseSimplified.isl"))) {
    if (-not $ChineseMessages) {
        $IsccVersion = (Get-Item $Iscc).VersionInfo.ProductVersion.Trim()
        $Tag = "is-" + ($IsccVersion -replace "\.", "_")
        $ChineseMessages = Join-Path $Root "build\ChineseSimplified.isl"
        Invoke-WebRequest -UseBasicParsing -OutFile $ChineseMessages `
            -Uri "https://raw.githubusercontent.com/jrsoftware/issrc/$Tag/Files/Languages/Unofficial/ChineseSimplified.isl"
    }
    $Defines += "/DChineseMessages=$((Resolve-Path $ChineseMessages).Path)"
}
Invoke-Checked $Iscc ($Defines + @("/Q", (Join-Path $Root "installer\windows\childcare-desktop.iss")))
$Setup = Join-Path $Root "dist\childcare-desktop-$Version-setup.exe"
if (-not (Test-Path $Setup)) { throw "Inno Setup did not write $Setup" }
Write-Output $Setup
