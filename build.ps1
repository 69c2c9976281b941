#!/usr/bin/env pwsh
#Requires -Version 7.0
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

# The same hash as build.sh's content_stamp, so that either script finds the other's compile fresh: sha256sum's
# "<hash>  <path>" lines over the inputs in byte order of their relative paths, then the dotnet path.
function Get-ContentStamp([string] $Dotnet) {
    # pipelines/ is this repository's library; an app repository has only build/ (it takes the package).
    $folders = @('build', 'pipelines' | ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path $_ -PathType Container })
    $sources = Get-ChildItem -Path $folders -Recurse -File |
        Where-Object { $_.Extension -cin '.cs', '.csproj', '.props', '.targets' } |
        ForEach-Object { [IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') } |
        Where-Object { $_ -notmatch '/(bin|obj)/' }
    $rootFiles = 'global.json', 'Directory.Build.props', 'Directory.Packages.props', 'NuGet.config', 'nuget.config' |
        Where-Object { Test-Path (Join-Path $Root $_) -PathType Leaf }
    [string[]] $paths = @($sources) + @($rootFiles)
    [Array]::Sort($paths, [StringComparer]::Ordinal)
    $text = [Text.StringBuilder]::new()
    foreach ($path in $paths) {
        $hash = (Get-FileHash (Join-Path $Root $path) -Algorithm SHA256).Hash.ToLowerInvariant()
        [void] $text.Append("$hash  $path`n")
    }
    [void] $text.Append("$Dotnet`n")
    $bytes = [Text.Encoding]::UTF8.GetBytes($text.ToString())
    return [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes)).ToLowerInvariant()
}

# The lock build.sh takes with flock: .NET locks a file opened without sharing with flock too, on Linux and macOS.
function Wait-BootstrapLock {
    $path = Join-Path $Temp 'bootstrap.lock'
    $deadline = [DateTime]::UtcNow.AddMinutes(15)
    while ($true) {
        try { return [IO.File]::Open($path, 'OpenOrCreate', 'ReadWrite', 'None') }
        catch [IO.IOException] {
            if ([DateTime]::UtcNow -gt $deadline) { Fail "another bootstrap has held $path for 15 minutes; is it stuck?" }
            Start-Sleep -Milliseconds 200
        }
    }
}

# The Test target runs buildah, a registry, node, PowerShell...: the check build.sh makes (as root it installs them)
# runs before anything compiles. Those tools are Linux ones, so on Windows there is nothing to check.
function Test-Prerequisites([string] $Dotnet) {
    $script = Join-Path $Root 'build/test-prerequisites.sh'
    # An app repository made from the pipelines-app template shares this script but has no such suite.
    if ($IsWindows -or -not (Test-Path $script -PathType Leaf)) { return }
    & bash $script $Dotnet @BuildArguments
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
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
    Test-Prerequisites $Dotnet
    & $Dotnet $Assembly @BuildArguments
    exit $LASTEXITCODE
}

# Cold path. One bootstrap at a time compiles; the others wait, then find the stamp fresh.
New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$lock = Wait-BootstrapLock
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

Test-Prerequisites $Dotnet

$stampNow = Get-ContentStamp $Dotnet
if (-not ((Test-Path $Assembly) -and (Test-Path $StampFile) -and (Get-Content $StampFile -Raw).Trim() -eq $stampNow)) {
    [Console]::Error.WriteLine('build.ps1: compiling the build (its sources changed)')
    Remove-Item $StampFile -ErrorAction SilentlyContinue
    # MSBuild's output goes to stderr, as in build.sh: stdout is the build's own.
    Push-Location $Root
    try {
        & $Dotnet build build/_build.csproj -o $Output --nologo -v q -clp:NoSummary 2>&1 |
            ForEach-Object { [Console]::Error.WriteLine($_) }
    }
    finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) { Fail 'the build project did not compile; fix the errors above.' }
    # The stamp of the sources as they were before compiling: an edit made during the compile is compiled next time.
    Set-Content -Path $StampFile -Value $stampNow -NoNewline
}
$lock.Dispose()
& $Dotnet $Assembly @BuildArguments
exit $LASTEXITCODE
