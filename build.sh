#!/usr/bin/env bash
# Kiln bootstrapper. Checks that the .NET SDK global.json pins is installed, compiles build/ only when
# a hash of its inputs changed since the last compile, then runs the compiled build with all arguments.
set -euo pipefail

# A warm run forks one process before the build's (each fork of bash costs about a millisecond of the start): the root
# is found by changing into it and back, not in a $(...) subshell, and dotnet through bash's command hash.
case "${BASH_SOURCE[0]}" in */*) ROOT="${BASH_SOURCE[0]%/*}" ;; *) ROOT=. ;; esac
CALLER_DIR=$PWD
CDPATH='' cd -- "$ROOT"
ROOT=$PWD
BUILD_PROJECT="$ROOT/build/_build.csproj"
TEMP_DIR="$ROOT/.nuke/temp"
# The build compiles into its own artifacts folder, apart from the solution's bin/obj, so a running
# build never holds or overwrites files that its Compile target is writing.
ARTIFACTS_DIR="$TEMP_DIR/bootstrap"
BUILD_DLL="$ARTIFACTS_DIR/bin/_build/debug/_build.dll"
# Present while the compiled build is native code (see compile_build): then it runs as the executable beside BUILD_DLL.
NATIVE_FILE="$TEMP_DIR/build.native"
HASH_FILE="$TEMP_DIR/build.hash"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() {
  echo "build.sh: $*" >&2
  exit 1
}

# bash 4 and later name the file in BASH_CMDS; bash 3 (macOS) asks command -v in a subshell.
DOTNET=""
if [ "${BASH_VERSINFO[0]}" -ge 4 ] && hash dotnet 2>/dev/null; then DOTNET=${BASH_CMDS[dotnet]:-}; fi
[ -n "$DOTNET" ] || DOTNET=$(command -v dotnet 2>/dev/null) ||
  fail "the .NET SDK is not installed (no 'dotnet' on PATH): install the SDK version global.json names from https://dotnet.microsoft.com/download"

# Checking the SDK global.json pins costs a .NET start (about 0.2 s), so it runs only before a compile; the list of
# installed SDKs is one of the hash's inputs, so installing or removing an SDK re-checks on the next run.
# Run in the root so the dotnet host applies global.json; it downloads nothing.
# Without a global.json the newest SDK installed serves, when it is .NET 10 or later, which build/ targets.
check_sdk() {
  if [ ! -f "$ROOT/global.json" ]; then
    local newest
    newest=$(cd "$ROOT" && dotnet --version 2>/dev/null || true)
    case "$newest" in
      [1-9][0-9].*) return 0 ;;
    esac
    fail "build/ needs the .NET SDK 10 or later, and the newest installed is ${newest:-none}: install it from https://dotnet.microsoft.com/download/dotnet, or pin one in global.json"
  fi
  if ! (cd "$ROOT" && dotnet --version >/dev/null 2>&1); then
    local pinned policy installed
    pinned=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1)
    policy=$(sed -n 's/.*"rollForward"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1)
    installed=$(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | paste -sd ',' - || true)
    fail "global.json pins .NET SDK ${pinned:-?} (rollForward ${policy:-patch}), which is not installed (installed: ${installed:-none}). Install it from https://dotnet.microsoft.com/download/dotnet"
  fi
}

# The runtime identifier of this machine (linux-x64, osx-arm64, ...), or nothing where it is not known.
runtime_identifier() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux; if ldd --version 2>&1 | grep -qi musl; then os=linux-musl; fi ;;
    Darwin) os=osx ;;
    *) return 0 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) return 0 ;;
  esac
  echo "$os-$arch"
}

# Compiles build/ ahead of time (ReadyToRun) for this machine, so that each run starts without compiling the engine's
# code just in time: about half of the start of `./build.sh --help`. Where that cannot be done (an unknown machine,
# or a registry without the runtime packs), a plain build serves, and starts slower. On CI (CI set, as GitHub Actions
# sets it) a fresh runner compiles once and runs once or twice: there the ahead-of-time step costs more than it saves.
compile_build() {
  local rid="" output="$ARTIFACTS_DIR/bin/_build/debug"
  rm -f "$NATIVE_FILE"
  case "${CI:-}" in "" | false | 0) rid=$(runtime_identifier) ;; esac
  if [ -n "$rid" ] && grep -q '<PublishAot>[[:space:]]*true[[:space:]]*</PublishAot>' "$BUILD_PROJECT"; then
    if compile_native "$rid" "$output"; then
      touch "$NATIVE_FILE"
      return 0
    fi
    if grep -q ': error CS' "$TEMP_DIR/bootstrap.log"; then return 1; fi
  fi
  if [ -n "$rid" ] && dotnet publish "$BUILD_PROJECT" --configuration Debug --runtime "$rid" --self-contained false \
    -p:PublishReadyToRun=true -p:PublishAot=false "-p:ArtifactsPath=$ARTIFACTS_DIR" --output "$output" \
    --nologo --verbosity quiet -tl:off -clp:NoSummary >"$TEMP_DIR/bootstrap.log" 2>&1; then
    return 0
  fi
  # Errors in the build's own code fail a plain build just the same: report them without compiling twice.
  if [ -n "$rid" ] && grep -q ': error CS' "$TEMP_DIR/bootstrap.log"; then return 1; fi
  [ -n "$rid" ] && cp "$TEMP_DIR/bootstrap.log" "$TEMP_DIR/bootstrap-ready-to-run.log"
  dotnet build "$BUILD_PROJECT" --configuration Debug "-p:ArtifactsPath=$ARTIFACTS_DIR" \
    --nologo --verbosity quiet -tl:off -clp:NoSummary >"$TEMP_DIR/bootstrap.log" 2>&1 || return 1
  if [ -n "$rid" ]; then
    echo "build.sh: compiling build/ ahead of time for $rid failed (.nuke/temp/bootstrap-ready-to-run.log); a plain build serves, and starts slower" >&2
  fi
}

# A build that sets PublishAot in build/_build.csproj is compiled to native code (Native AOT) where a C toolchain links
# it (clang, else gcc): it then starts without loading a runtime or preparing code, at the price of a longer compile on
# every change to its inputs. Reflection over the build and its packages needs their metadata, so nothing of them is
# trimmed (TrimMode partial, unless the project names another) and the analysis warnings about trimming, which are
# about Kiln's code and not the build's, do not fail the compile. Where it cannot be done, ReadyToRun serves.
compile_native() {
  local rid=$1 output=$2 linker=() trim=()
  if ! command -v clang >/dev/null 2>&1; then
    command -v gcc >/dev/null 2>&1 || { echo "no C toolchain (clang or gcc) links native code here" >"$TEMP_DIR/bootstrap.log"; native_failed; return 1; }
    linker=(-p:CppCompilerAndLinker=gcc)
  fi
  grep -q '<TrimMode>' "$BUILD_PROJECT" || trim=(-p:TrimMode=partial)
  # (${a[@]+"${a[@]}"}: an empty array under set -u in bash 3.)
  if dotnet publish "$BUILD_PROJECT" --configuration Debug --runtime "$rid" ${linker[@]+"${linker[@]}"} ${trim[@]+"${trim[@]}"} -p:IlcTreatWarningsAsErrors=false \
    "-p:ArtifactsPath=$ARTIFACTS_DIR" --output "$output" --nologo --verbosity quiet -tl:off -clp:NoSummary >"$TEMP_DIR/bootstrap.log" 2>&1; then
    return 0
  fi
  # Errors in the build's own code are reported as they are, not as a failure to compile native code.
  grep -q ': error CS' "$TEMP_DIR/bootstrap.log" || native_failed
  return 1
}

native_failed() {
  cp "$TEMP_DIR/bootstrap.log" "$TEMP_DIR/bootstrap-native.log"
  echo "build.sh: build/ sets PublishAot, but compiling it to native code failed (.nuke/temp/bootstrap-native.log); ReadyToRun serves, and starts slower" >&2
}

# The inputs, one path a line, sorted: build/, the C# and MSBuild files of src/, the root's MSBuild and SDK files; bin/
# and obj/ are not descended into.
input_files() {
  (
    cd "$ROOT"
    {
      find build \( -type d \( -name bin -o -name obj \) \) -prune -o -type f -print
      if [ -d src ]; then
        find src \( -type d \( -name bin -o -name obj \) \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' \) -print
      fi
      for file in global.json Directory.Build.props Directory.Build.targets Directory.Packages.props NuGet.config nuget.config; do
        if [ -f "$file" ]; then echo "$file"; fi
      done
    } | LC_ALL=C sort
  )
}

# The hash of the inputs' content and of the installed SDKs (see check_sdk). One hasher process for all the files
# (xargs), not one per file: on a busy machine forking a process per file cost seconds on every run.
hash_inputs() {
  local hasher=sha256sum
  command -v sha256sum >/dev/null 2>&1 || hasher="shasum -a 256"
  (
    cd "$ROOT"
    {
      input_files | tr '\n' '\0' | xargs -0 $hasher
      echo "$1"
    } | $hasher | cut -d' ' -f1
  )
}

# The content hash decides whether to compile. Reading every input costs more than the rest of a warm --help, so it is
# read only when an input may have changed: written since the last hash began (HASH_FILE carries that time), another
# dotnet on PATH, or an SDK installed or removed beside it. SDKS_FILE holds the dotnet, its SDK folder and its SDKs.
SDKS_FILE="$TEMP_DIR/build.sdks"
warm=false
if { [ -f "$BUILD_DLL" ] || [ -f "$NATIVE_FILE" ]; } && [ -f "$HASH_FILE" ] && [ -f "$SDKS_FILE" ]; then
  stored_dotnet="" stored_sdk_folder=""
  { IFS= read -r stored_dotnet && IFS= read -r stored_sdk_folder; } <"$SDKS_FILE" || true
  # The first input written since the last hash began, if any: a file, or a folder whose entries changed (a file added,
  # removed or renamed), in build/, src/ or the root, or the SDK folder (an SDK installed or removed). One find, run in
  # the root (the current folder here), stopping at the first; -newer compares to the nanosecond where bash's -nt may
  # compare whole seconds.
  if [ "$stored_dotnet" = "$DOTNET" ] && [ -n "$stored_sdk_folder" ]; then
    written=$(find . build src "$stored_sdk_folder" \
      -path "$stored_sdk_folder" \( -newer "$HASH_FILE" -print -quit -o -prune \) -o \
      -path './*' \( \( -name global.json -o -name 'Directory.*' -o -iname nuget.config \) -newer "$HASH_FILE" -print -quit -o -prune \) -o \
      -type d \( -name bin -o -name obj \) -prune -o \
      -newer "$HASH_FILE" -print -quit 2>/dev/null) || true
    [ -n "$written" ] || warm=true
  fi
fi
# Back in the caller's folder: the SDK's global.json and the build's root are looked up from there.
CDPATH='' cd -- "$CALLER_DIR" || fail "cannot return to the current folder $CALLER_DIR"
if [ "$warm" = false ]; then
  mkdir -p "$TEMP_DIR"
  touch "$TEMP_DIR/build.hashed"
  sdks=$(dotnet --list-sdks 2>/dev/null || true)
  # "10.0.100 [/usr/share/dotnet/sdk]": the folder every SDK of this dotnet is in.
  sdk_folder="${sdks%%$'\n'*}"
  sdk_folder="${sdk_folder##*[}"
  sdk_folder="${sdk_folder%]}"
  hash=$(hash_inputs "$sdks")
  stored_hash=""
  [ -f "$HASH_FILE" ] && IFS= read -r stored_hash <"$HASH_FILE" || true
  if { [ ! -f "$BUILD_DLL" ] && [ ! -f "$NATIVE_FILE" ]; } || [ "$stored_hash" != "$hash" ]; then
    check_sdk
    echo "build.sh: compiling build/ (its inputs changed)" >&2
    rm -f "$HASH_FILE" "${BUILD_DLL%/*}"/*.jitprofile
    if ! compile_build; then
      cat "$TEMP_DIR/bootstrap.log" >&2
      fail "compiling build/ failed: fix the errors above, then run ./build.sh again"
    fi
  fi
  echo "$hash" >"$HASH_FILE"
  touch -r "$TEMP_DIR/build.hashed" "$HASH_FILE"
  printf '%s\n%s\n%s\n' "$DOTNET" "$sdk_folder" "$sdks" >"$SDKS_FILE"
fi

[ -f "$NATIVE_FILE" ] && exec "${BUILD_DLL%.dll}" "$@"

# The engine has the runtime replay what the last start of the same kind compiled and loaded (multicore JIT: profiles
# kiln-help, kiln-plan, kiln-workflows and kiln-run.jitprofile beside the compiled build;
# src/Kiln/Execution/StartupProfile.cs). Recording cost every start about 3 ms (the runtime writes the profile in
# thousands of small writes), so a start records only while its kind has no profile: the first one after a compile,
# which deletes them. The engine clears the setting from the environment its tools and child builds get.
profile=run
for argument in "$@"; do
  case "$argument" in
    --help | -h | '-?' | '/?') profile=help; break ;;
    --plan) profile=plan ;;
    --generate-workflows) [ "$profile" = plan ] || profile=workflows ;;
  esac
done
if [ -f "${BUILD_DLL%/*}/kiln-$profile.jitprofile" ]; then
  export DOTNET_MultiCoreJitNoProfileGather=1
fi
exec dotnet "$BUILD_DLL" "$@"
