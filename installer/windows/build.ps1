# Hojo Desk: Windows build machine job (PowerShell 5.1 or 7, run from anywhere).
#   installer\windows\build.ps1 -OutDir C:\out [-Version 1.2.3] [-SkipInstallTest]
# Builds the one-folder bundle (hojo.exe + hojo-server.exe) with the shared spec
# installer\hojo.spec, runs hojo.exe --self-test, signs, builds the MSI with WiX 3.14
# (heat/candle/light: ICE validation), signs it, then installs / upgrades / uninstalls it on
# this (disposable) machine. OutDir afterwards holds HojoDesk-<version>-x64.msi and hojo\.
# Needs: Python 3.11 x64 (py launcher), WiX Toolset 3.14 on PATH (heat, candle, light),
# signtool (Windows SDK) when $env:SIGN_THUMBPRINT is set (certificate in the machine store
# or on a token), $env:SIGN_TIMESTAMP_URL (RFC 3161).
# The Linux CI validates hojo.wxs with wixl (build-msi-wixl.sh); this script has NOT been run
# on Windows by the team yet: treat its first run as a test.
param(
  [Parameter(Mandatory = $true)][string]$OutDir,
  [string]$Version = "",
  [switch]$SkipInstallTest
)
$ErrorActionPreference = "Stop"
$Installer = Resolve-Path (Join-Path $PSScriptRoot "..")
$Root = Resolve-Path (Join-Path $Installer "..")
$Work = Join-Path $env:TEMP "hojo-build"
New-Item -ItemType Directory -Force -Path $OutDir, $Work | Out-Null
$OutDir = Resolve-Path $OutDir
if (-not $Version) {
  $Version = (py -3.11 -c "import tomllib;print(tomllib.load(open(r'$Root\pyproject.toml','rb'))['project']['version'])").Trim()
}
function Check($what) { if ($LASTEXITCODE) { throw "$what failed (exit $LASTEXITCODE)" } }
$sw = [Diagnostics.Stopwatch]::StartNew()

# 1. build venv: the app's dependencies from pyproject.toml + the pinned freezer
$Venv = Join-Path $Work "venv"
if (-not (Test-Path "$Venv\Scripts\python.exe")) { py -3.11 -m venv $Venv; Check "venv" }
$Reqs = Join-Path $Work "requirements-app.txt"
py -3.11 -c "import tomllib;print('\n'.join(tomllib.load(open(r'$Root\pyproject.toml','rb'))['project']['dependencies']))" | Set-Content -Encoding ascii $Reqs
& "$Venv\Scripts\python.exe" -m pip install -q -r $Reqs -r "$Installer\requirements-build.txt"; Check "pip install"

# 2. icons and the version resource of the executables
$Icons = Join-Path $Work "icons"
& "$Venv\Scripts\python.exe" "$Installer\assets\make_icons.py" $Icons; Check "icons"
$v = ($Version.Split(".") + @("0", "0", "0"))[0..3] -join ", "
$vd = ($Version.Split(".") + @("0", "0", "0"))[0..3] -join "."
New-Item -ItemType Directory -Force -Path "$Installer\build" | Out-Null
(Get-Content "$PSScriptRoot\version_info.txt.in" -Raw).Replace("@VERSION_TUPLE@", $v).Replace("@VERSION@", $vd) |
  Set-Content -Encoding utf8 "$Installer\build\version_info.txt"

# 3. PyInstaller (same spec as Linux)
$env:HOJO_ICON_DIR = $Icons
& "$Venv\Scripts\pyinstaller.exe" --noconfirm --clean --log-level WARN --distpath $OutDir `
  --workpath (Join-Path $Work "pyi-work") "$Installer\hojo.spec"; Check "pyinstaller"
$Dist = Join-Path $OutDir "hojo"

# 4. frozen self-test: the GUI executable has no console, the report goes to a file
$Report = Join-Path $Work "selftest.json"
$env:QT_QPA_PLATFORM = "offscreen"
$p = Start-Process "$Dist\hojo.exe" -ArgumentList "--self-test", "--json", "`"$Report`"" -Wait -PassThru
Remove-Item Env:\QT_QPA_PLATFORM
if ($p.ExitCode) { Get-Content $Report; throw "self-test failed" }
$r = Get-Content $Report -Raw | ConvertFrom-Json
if (-not $r.ok) { throw "self-test not ok" }
"self-test OK in $($r.seconds) s"

# 5. sign the executables (before they go into the MSI)
function Sign($file) {
  if (-not $env:SIGN_THUMBPRINT) { Write-Warning "SIGN_THUMBPRINT not set: $file is NOT signed"; return }
  signtool sign /sha1 $env:SIGN_THUMBPRINT /fd SHA256 /tr $env:SIGN_TIMESTAMP_URL /td SHA256 /d "Hojo Desk" $file
  Check "signtool $file"
}
Sign "$Dist\hojo.exe"; Sign "$Dist\hojo-server.exe"

# 6. MSI with WiX 3.14 (light runs the ICE validation)
$Obj = Join-Path $Work "wixobj"; New-Item -ItemType Directory -Force -Path $Obj | Out-Null
heat dir $Dist -nologo -cg CG.Bundle -dr INSTALLDIR -srd -sreg -scom -ag -var var.SourceDir -out "$Work\bundle.wxs"; Check "heat"
candle -nologo -arch x64 "-dSourceDir=$Dist" "-dVersion=$Version" "-dIconFile=$Icons\hojo.ico" `
  -out "$Obj\" "$PSScriptRoot\hojo.wxs" "$Work\bundle.wxs"; Check "candle"
$Msi = Join-Path $OutDir "HojoDesk-$Version-x64.msi"
light -nologo -cultures:ko-KR -out $Msi "$Obj\hojo.wixobj" "$Obj\bundle.wixobj"; Check "light"
Sign $Msi
"MSI: $Msi ($([math]::Round((Get-Item $Msi).Length / 1MB)) MB), built in $($sw.Elapsed.TotalSeconds) s"

if ($SkipInstallTest) { return }
# 7. install / repair / uninstall on this disposable build machine
function Msi($arguments) {
  $r = Start-Process msiexec -ArgumentList $arguments -Wait -PassThru
  if ($r.ExitCode -notin 0, 3010, 1641) { throw "msiexec $arguments failed: $($r.ExitCode)" }
}
Msi "/i `"$Msi`" /qn /norestart SERVER_URL=https://hojo.example.invalid /l*v `"$Work\install.log`""
$url = (Get-ItemProperty "HKLM:\SOFTWARE\Hojo\Desk").server_url
if ($url -ne "https://hojo.example.invalid") { throw "server_url not written: $url" }
Msi "/fa `"$Msi`" /qn /norestart /l*v `"$Work\repair.log`""
$url = (Get-ItemProperty "HKLM:\SOFTWARE\Hojo\Desk").server_url
if ($url -ne "https://hojo.example.invalid") { throw "server_url lost on repair: $url" }
$pc = (Get-ItemProperty "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*" |
       Where-Object DisplayName -eq "Hojo Desk").PSChildName
"installed, ProductCode $pc"
Msi "/x $pc /qn /norestart /l*v `"$Work\uninstall.log`""
if (Test-Path "HKLM:\SOFTWARE\Hojo\Desk") {
  if ((Get-ItemProperty "HKLM:\SOFTWARE\Hojo\Desk").server_url) { throw "server_url left after uninstall" }
}
"install / repair / uninstall OK"
