#!/usr/bin/env pwsh
# Kiln bootstrapper (PowerShell 7). Checks that the .NET SDK global.json pins is installed, compiles
# build/ only when a hash of its inputs changed since the last compile, then runs the compiled build
# with all arguments. Mirrors build.sh step for step.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$BuildProject = Join-Path $Root 'build/_build.csproj'
$TempDir = Join-Path $Root '.nuke/temp'
# The build compiles into its own artifacts folder, apart from the solution's bin/obj.
$ArtifactsDir = Join-Path $TempDir 'bootstrap'
$BuildDll = Join-Path $ArtifactsDir 'bin/_build/debug/_build.dll'
$HashFile = Join-Path $TempDir 'build.hash'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Fail([string] $Message) {
    [Console]::Error.WriteLine("build.ps1: $Message")
    exit 1
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Fail "the .NET SDK is not installed (no 'dotnet' on PATH): install the SDK version global.json names from https://dotnet.microsoft.com/download"
}

# Checking the SDK global.json pins costs a .NET start (about 0.2 s), so it runs only before a compile; the list of
# installed SDKs is one of the hash's inputs, so installing or removing an SDK re-checks on the next run.
# Run in the root so the dotnet host applies global.json; it downloads nothing.
# Without a global.json the newest SDK installed serves, when it is .NET 10 or later, which build/ targets.
function Assert-Sdk {
    Push-Location $Root
    try {
        $newest = & dotnet --version 2> $null
        $sdkFound = $LASTEXITCODE -eq 0
    }
    finally {
        Pop-Location
    }
    if (-not (Test-Path (Join-Path $Root 'global.json'))) {
        if (-not ($newest -match '^[1-9][0-9]\.')) {
            Fail "build/ needs the .NET SDK 10 or later, and the newest installed is $(if ($newest) { $newest } else { 'none' }): install it from https://dotnet.microsoft.com/download/dotnet, or pin one in global.json"
        }
        return
    }
    if (-not $sdkFound) {
        $globalJson = Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json
        $installed = (& dotnet --list-sdks | ForEach-Object { ($_ -split ' ')[0] }) -join ','
        Fail "global.json pins .NET SDK $($globalJson.sdk.version) (rollForward $($globalJson.sdk.rollForward)), which is not installed (installed: $installed). Install it from https://dotnet.microsoft.com/download/dotnet"
    }
}

# Compiles build/ ahead of time (ReadyToRun) for this machine, so that each run starts without compiling the engine's
# code just in time. Where that cannot be done (a registry without the runtime packs), a plain build serves. On CI (CI
# set, as GitHub Actions sets it) a fresh runner compiles once and runs once or twice: there that step costs more than it saves.
function Invoke-Compile([string] $Log) {
    $rid = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $output = Join-Path $ArtifactsDir 'bin/_build/debug'
    if ($env:CI -and $env:CI -notin @('false', '0')) {
        & dotnet build $BuildProject --configuration Debug "-p:ArtifactsPath=$ArtifactsDir" --nologo --verbosity quiet -tl:off -clp:NoSummary *> $Log
        return $LASTEXITCODE -eq 0
    }
    # ReadyToRun, even for a build that sets PublishAot: the native start is build.sh's (docs/reference.md).
    & dotnet publish $BuildProject --configuration Debug --runtime $rid --self-contained false -p:PublishReadyToRun=true -p:PublishAot=false "-p:ArtifactsPath=$ArtifactsDir" --output $output --nologo --verbosity quiet -tl:off -clp:NoSummary *> $Log
    if ($LASTEXITCODE -eq 0) { return $true }
    # Errors in the build's own code fail a plain build just the same: report them without compiling twice.
    if (Select-String -Path $Log -Pattern ': error CS' -Quiet) { return $false }
    Copy-Item $Log (Join-Path $TempDir 'bootstrap-ready-to-run.log')
    & dotnet build $BuildProject --configuration Debug "-p:ArtifactsPath=$ArtifactsDir" --nologo --verbosity quiet -tl:off -clp:NoSummary *> $Log
    if ($LASTEXITCODE -ne 0) { return $false }
    [Console]::Error.WriteLine("build.ps1: compiling build/ ahead of time for $rid failed (.nuke/temp/bootstrap-ready-to-run.log); a plain build serves, and starts slower")
    return $true
}

function Get-InputsHash {
    $files = @()
    $files += Get-ChildItem -Path (Join-Path $Root 'build') -Recurse -File |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $src = Join-Path $Root 'src'
    if (Test-Path $src) {
        $files += Get-ChildItem -Path $src -Recurse -File -Include '*.cs', '*.csproj', '*.props', '*.targets' |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    foreach ($name in 'global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'NuGet.config', 'nuget.config') {
        $path = Join-Path $Root $name
        if (Test-Path $path -PathType Leaf) { $files += Get-Item $path }
    }
    $lines = @($files |
        ForEach-Object { [IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') } |
        Sort-Object -CaseSensitive -Unique |
        ForEach-Object { "$((Get-FileHash -Algorithm SHA256 (Join-Path $Root $_)).Hash.ToLowerInvariant())  $_" })
    $lines += @(& dotnet --list-sdks)
    $bytes = [Text.Encoding]::UTF8.GetBytes(($lines -join "`n") + "`n")
    return [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes)).ToLowerInvariant()
}

$hash = Get-InputsHash
$current = if (Test-Path $HashFile) { (Get-Content $HashFile -Raw).Trim() } else { '' }
if (-not (Test-Path $BuildDll) -or $current -ne $hash) {
    Assert-Sdk
    [Console]::Error.WriteLine('build.ps1: compiling build/ (its inputs changed)')
    Remove-Item $HashFile -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
    $log = Join-Path $TempDir 'bootstrap.log'
    if (-not (Invoke-Compile $log)) {
        Get-Content $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        Fail 'compiling build/ failed: fix the errors above, then run ./build.ps1 again'
    }
    Set-Content -Path $HashFile -Value $hash -NoNewline
}

& dotnet $BuildDll @args
exit $LASTEXITCODE
