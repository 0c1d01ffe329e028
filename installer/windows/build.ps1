<#
.SYNOPSIS
Builds Continuum's Windows installer: dist\continuum-<version>-setup.exe

.DESCRIPTION
Run from anywhere, in PowerShell:   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1

1. makes a fresh virtual environment in build\venv-windows and installs Continuum into it
   (non-editable) with PyInstaller;
2. runs installer\build.py: translations, icons, PyInstaller -> dist\continuum\;
3. runs the bundle's self-test (dist\continuum\continuum.exe --self-test) and stops if it fails;
4. runs Inno Setup's compiler on installer\windows\continuum.iss -> dist\continuum-<version>-setup.exe.

Needs Python 3.11 or newer (python.org, with the "py" launcher) and Inno Setup 6.3 or newer.

.PARAMETER Python
The Python that makes the virtual environment (default: "py -3.11" when the py launcher exists, else "python").

.PARAMETER Iscc
Path to Inno Setup's ISCC.exe (default: found on PATH or in Inno Setup 6's usual folders).
#>
param(
    [string[]]$Python = @(),
    [string]$Iscc = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Invoke-Step([string]$What, [scriptblock]$Command) {
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

function Find-Iscc {
    if ($Iscc) { return $Iscc }
    $onPath = Get-Command iscc -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($candidate in $candidates) { if (Test-Path $candidate) { return $candidate } }
    throw "Inno Setup 6 was not found: install it from https://jrsoftware.org/isdl.php or pass -Iscc C:\path\to\ISCC.exe"
}

$root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $root
if (-not $Python) {
    $Python = if (Get-Command py -ErrorAction SilentlyContinue) { @("py", "-3.11") } else { @("python") }
}
$iscc = Find-Iscc
$venv = Join-Path $root "build\venv-windows"
$venvPython = Join-Path $venv "Scripts\python.exe"

if (Test-Path $venv) { Remove-Item $venv -Recurse -Force }
# setuptools' staging folder from an earlier build would put stale modules in the wheel
if (Test-Path "build\lib") { Remove-Item "build\lib" -Recurse -Force }
$pythonArgs = if ($Python.Count -gt 1) { $Python[1..($Python.Count - 1)] } else { @() }
Invoke-Step "virtual environment ($($Python -join ' '))" { & $Python[0] @pythonArgs -m venv $venv }
Invoke-Step "pip install . pyinstaller" { & $venvPython -m pip install --disable-pip-version-check . pyinstaller }
Invoke-Step "installer\build.py" { & $venvPython installer\build.py }
$version = (& $venvPython -c "from importlib.metadata import version; print(version('continuum'))").Trim()

# The program is windowed (no console), so the self-test writes its lines to a file.
Write-Host "== self-test of dist\continuum"
$report = Join-Path $root "build\self-test.txt"
$test = Start-Process -FilePath (Join-Path $root "dist\continuum\continuum.exe") -Wait -PassThru -NoNewWindow `
    -ArgumentList @("--self-test", "--self-test-output", "`"$report`"")
if (Test-Path $report) { Get-Content $report | Write-Host }
if ($test.ExitCode -ne 0) { throw "the bundle's self-test failed (exit code $($test.ExitCode))" }

Invoke-Step "Inno Setup ($iscc)" { & $iscc "/DAppVersion=$version" "installer\windows\continuum.iss" }
Write-Host "Installer: $(Join-Path $root "dist\continuum-$version-setup.exe")"
