#!/usr/bin/env pwsh
# Bootstrap of the typed build for PowerShell (Windows, or pwsh anywhere); the same steps as build.sh:
# find a .NET SDK (or install one into .nuke/temp/dotnet), compile the build only when a content stamp over
# build/, pipelines/ and the project files changed, then run the compiled build directly.
[CmdletBinding()]
param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $BuildArguments = @())

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Output = Join-Path $Temp 'build'
$Assembly = Join-Path $Output '_build.dll'
$StampFile = Join-Path $Temp 'build.stamp'

function Fail([string] $Message) {
    [Console]::Error.WriteLine("build.ps1: $Message")
    exit 1
}

function Get-ContentStamp([string] $Dotnet) {
    # pipelines/ is this repository's library; an app repository has only build/ (it takes the package).
    $sources = @('build', 'pipelines' | ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path $_ -PathType Container })
    $files = @(Get-ChildItem -Path $sources -Recurse -File |
        Where-Object { $_.Extension -in '.cs', '.csproj', '.props', '.targets' -and $_.FullName -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @('global.json', 'Directory.Build.props', 'Directory.Packages.props', 'NuGet.config', 'nuget.config' |
        ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path $_ -PathType Leaf } | Get-Item)
    $lines = $files |
        ForEach-Object { "$((Get-FileHash $_.FullName -Algorithm SHA256).Hash.ToLowerInvariant())  $([IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/'))" } |
        Sort-Object -CaseSensitive
    $text = ($lines -join "`n") + "`n$Dotnet"
    $bytes = [Text.Encoding]::UTF8.GetBytes($text)
    return [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes)).ToLowerInvariant()
}

function Find-Dotnet {
    $exe = if ($IsWindows -or $env:OS -eq 'Windows_NT') { 'dotnet.exe' } else { 'dotnet' }
    $local = Join-Path $Temp "dotnet/$exe"
    if (Test-Path $local) { return $local }
    if ($env:DOTNET_ROOT -and (Test-Path (Join-Path $env:DOTNET_ROOT $exe))) { return (Join-Path $env:DOTNET_ROOT $exe) }
    $found = Get-Command dotnet -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    return $null
}

function Test-Fresh([string] $Dotnet) {
    return $Dotnet -and (Test-Path $Assembly) -and (Test-Path $StampFile) -and
        ((Get-Content $StampFile -Raw).Trim() -eq (Get-ContentStamp $Dotnet))
}

$Dotnet = Find-Dotnet
if (Test-Fresh $Dotnet) {
    & $Dotnet $Assembly @BuildArguments
    exit $LASTEXITCODE
}

New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$sdkUsable = $false
if ($Dotnet) {
    Push-Location $Root
    try { & $Dotnet --version *> $null; $sdkUsable = $LASTEXITCODE -eq 0 } finally { Pop-Location }
}
if (-not $sdkUsable) {
    $version = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version
    [Console]::Error.WriteLine("build.ps1: no .NET SDK matching global.json ($version, latest feature band) found; installing into .nuke/temp/dotnet")
    $url = if ($env:DOTNET_INSTALL_SCRIPT_URL) { $env:DOTNET_INSTALL_SCRIPT_URL } else { 'https://dot.net/v1/dotnet-install.ps1' }
    $script = Join-Path $Temp 'dotnet-install.ps1'
    try { Invoke-WebRequest -Uri $url -OutFile $script -UseBasicParsing -TimeoutSec 30 }
    catch {
        Remove-Item $script -ErrorAction SilentlyContinue
        Fail "could not download the .NET install script from $url (no network?). Install the .NET SDK $version or a later feature band of it (https://dot.net), put it on PATH or in .nuke/temp/dotnet, and run again."
    }
    & $script -JsonFile (Join-Path $Root 'global.json') -InstallDir (Join-Path $Temp 'dotnet') -NoPath
    if ($LASTEXITCODE -ne 0) { Fail 'the .NET install script failed; see its output above.' }
    $Dotnet = Find-Dotnet
}

if (-not (Test-Fresh $Dotnet)) {
    [Console]::Error.WriteLine('build.ps1: compiling the build (its sources changed)')
    Remove-Item $StampFile -ErrorAction SilentlyContinue
    Push-Location $Root
    try { & $Dotnet build build/_build.csproj -o $Output --nologo -v q -clp:NoSummary | Out-Host } finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) { Fail 'the build project did not compile; fix the errors above.' }
    Set-Content -Path $StampFile -Value (Get-ContentStamp $Dotnet) -NoNewline
}
& $Dotnet $Assembly @BuildArguments
exit $LASTEXITCODE
