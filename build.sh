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
# A build that asks for native code (see start_native) has it here: one folder per hash of the inputs, holding the
# executable once its compile is complete, beside the compile's own artifacts.
NATIVE_DIR="$TEMP_DIR/native"
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
  case "${CI:-}" in "" | false | 0) rid=$(runtime_identifier) ;; esac
  if [ -n "$rid" ] && dotnet publish "$BUILD_PROJECT" --configuration Debug --runtime "$rid" --self-contained false \
    -p:PublishReadyToRun=true -p:PublishAot=false "-p:ArtifactsPath=$ARTIFACTS_DIR" --output "$output" \
    --nologo --verbosity quiet -tl:off -clp:NoSummary >"$TEMP_DIR/bootstrap.log" 2>&1; then
    return 0
  fi
  # Errors in the build's own code fail a plain build just the same: report them without compiling twice.
  if [ -n "$rid" ] && grep -q ': error CS' "$TEMP_DIR/bootstrap.log"; then return 1; fi
  [ -n "$rid" ] && cp "$TEMP_DIR/bootstrap.log" "$TEMP_DIR/bootstrap-ready-to-run.log"
  dotnet build "$BUILD_PROJECT" --configuration Debug -p:PublishAot=false "-p:ArtifactsPath=$ARTIFACTS_DIR" \
    --nologo --verbosity quiet -tl:off -clp:NoSummary >"$TEMP_DIR/bootstrap.log" 2>&1 || return 1
  if [ -n "$rid" ]; then
    echo "build.sh: compiling build/ ahead of time for $rid failed (.nuke/temp/bootstrap-ready-to-run.log); a plain build serves, and starts slower" >&2
  fi
}

# A build that sets PublishAot in build/_build.csproj is also compiled to native code (Native AOT) where a C toolchain
# links it (clang, else gcc): it then starts without loading a runtime or preparing code. That compile takes two to
# three times as long as ReadyToRun's, so it runs in the background at the lowest priority after each ReadyToRun
# compile (KILN_NATIVE=wait: before the run instead; off: never), and the first start after it finishes runs native
# code. Never on CI, where a fresh runner compiles once and runs once or twice.
native_mode() {
  NATIVE_MODE=${KILN_NATIVE:-background}
  case "${CI:-}" in "" | false | 0) ;; *) NATIVE_MODE=off ;; esac
  case "$NATIVE_MODE" in
    background | wait | off) ;;
    *) fail "KILN_NATIVE is '$NATIVE_MODE', which build.sh does not know: set it to background (the default), wait or off" ;;
  esac
}

# Records whether build/ asks for native code and this machine could have it; read by every start, so a file test.
record_native_wish() {
  if [ -n "$(runtime_identifier)" ] && grep -q '<PublishAot>[[:space:]]*true[[:space:]]*</PublishAot>' "$BUILD_PROJECT"; then
    mkdir -p "$NATIVE_DIR"
    : >"$NATIVE_DIR/wanted"
  else
    rm -rf "$NATIVE_DIR"
  fi
}

# The start time of process $1 in PROCESS_START, empty when there is none: from /proc where there is one (field 22 of
# its stat, after the command name in parentheses), else from ps.
process_start() {
  local stat
  PROCESS_START=""
  if [ -d /proc/self ]; then
    [ -r "/proc/$1/stat" ] && IFS= read -r stat <"/proc/$1/stat" 2>/dev/null || return 0
    # shellcheck disable=SC2086 # split into the fields after the name on purpose
    set -- ${stat##*) }
    PROCESS_START=${20:-}
  else
    PROCESS_START=$(ps -o lstart= -p "$1" 2>/dev/null) || true
  fi
}

# The process group of the background compile in NATIVE_PID, if one is running (its subshell leads the group).
# compiling.pid holds its process id and start time: a pid left by a compile the machine's restart ended may name an
# unrelated process since, which stop_native must not kill.
find_native_compile() {
  local recorded=""
  NATIVE_PID=""
  [ -f "$NATIVE_DIR/compiling.pid" ] && { IFS= read -r NATIVE_PID && IFS= read -r recorded; } <"$NATIVE_DIR/compiling.pid" || true
  if [ -n "$NATIVE_PID" ]; then
    process_start "$NATIVE_PID"
    if [ -z "$PROCESS_START" ] || [ "$PROCESS_START" != "$recorded" ]; then NATIVE_PID=""; fi
  fi
}

# Stops a background compile of earlier inputs before build/ compiles again.
stop_native() {
  find_native_compile
  if [ -n "$NATIVE_PID" ]; then kill -- "-$NATIVE_PID" 2>/dev/null || true; fi
  rm -f "$NATIVE_DIR/compiling.pid"
}

# Whether a C toolchain links native code here; if not, says so for these inputs (hash) as their failure.
has_c_toolchain() {
  if command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; then return 0; fi
  echo "no C toolchain (clang or gcc) is installed to link it" >"$NATIVE_DIR/$1.failed"
  return 1
}

# Starts the native compile of the inputs with this hash, unless one is running or it failed for these inputs.
start_native() {
  local hash=$1
  find_native_compile
  if [ -f "$NATIVE_DIR/$hash.failed" ] || [ -n "$NATIVE_PID" ] || ! has_c_toolchain "$hash"; then return 0; fi
  echo "build.sh: compiling build/ to native code in the background (.nuke/temp/bootstrap-native.log); ReadyToRun serves until it is done" >&2
  # Its own process group (set -m), so that stop_native ends it with every process it started; deaf to the terminal
  # closing; nothing of it writes to this run's output.
  set -m
  (
    trap '' HUP
    compile_native "$hash" 19 || true
    rm -f "$NATIVE_DIR/compiling.pid"
  ) </dev/null >"$TEMP_DIR/bootstrap-native.log" 2>&1 &
  process_start "$!"
  printf '%s\n%s\n' "$!" "$PROCESS_START" >"$NATIVE_DIR/compiling.pid"
  set +m
}

# Compiles the inputs with this hash to $NATIVE_DIR/<hash>/_build, at the given nice level; on failure leaves
# <hash>.failed, so that it is not tried again until an input changes. Nothing of the build and its packages is trimmed
# (TrimMode partial, unless the project names another): the engine reads the build's attributes by reflection; the
# trim analysis warnings left, about packages Kiln uses (YamlDotNet, Azure.Core), do not fail it. No build servers:
# stopping this compile must not stop a compiler server another build shares.
compile_native() {
  local hash=$1 priority=$2 rid linker=() settings=() folder
  rid=$(runtime_identifier)
  command -v clang >/dev/null 2>&1 || linker=(-p:CppCompilerAndLinker=gcc)
  grep -q '<TrimMode>' "$BUILD_PROJECT" || settings=(-p:TrimMode=partial)
  # Data stored expanded, not compressed ("dehydrated") to be expanded at every start: 20 MB more, 6-8 ms less a start.
  grep -q '<IlcDehydrate>' "$BUILD_PROJECT" || settings+=(-p:IlcDehydrate=false)
  # Executables of earlier inputs go (a running one keeps its file until it exits).
  for folder in "$NATIVE_DIR"/*; do
    case "${folder##*/}" in artifacts | wanted | compiling.pid) ;; *) rm -rf "$folder" ;; esac
  done
  # (${a[@]+"${a[@]}"}: an empty array under set -u in bash 3.)
  if nice -n "$priority" dotnet publish "$BUILD_PROJECT" --configuration Debug --runtime "$rid" --disable-build-servers \
    ${linker[@]+"${linker[@]}"} ${settings[@]+"${settings[@]}"} -p:IlcTreatWarningsAsErrors=false \
    "-p:ArtifactsPath=$NATIVE_DIR/artifacts" --output "$NATIVE_DIR/$hash.partial" --nologo --verbosity quiet -tl:off -clp:NoSummary; then
    # The executable alone is kept (symbols, XML docs and the linker's 250 MB object file go), then shown complete.
    mkdir -p "$NATIVE_DIR/$hash.complete"
    mv "$NATIVE_DIR/$hash.partial/_build" "$NATIVE_DIR/$hash.complete/_build"
    rm -rf "$NATIVE_DIR/$hash.partial" "$NATIVE_DIR/artifacts/obj/_build"/*/native "$NATIVE_DIR/artifacts/bin/_build"/*/native
    mv "$NATIVE_DIR/$hash.complete" "$NATIVE_DIR/$hash"
    return 0
  fi
  echo "the compile failed (.nuke/temp/bootstrap-native.log)" >"$NATIVE_DIR/$hash.failed"
  return 1
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
if [ -f "$BUILD_DLL" ] && [ -f "$HASH_FILE" ] && [ -f "$SDKS_FILE" ]; then
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
  if [ ! -f "$BUILD_DLL" ] || [ "$stored_hash" != "$hash" ]; then
    check_sdk
    echo "build.sh: compiling build/ (its inputs changed)" >&2
    rm -f "$HASH_FILE" "${BUILD_DLL%/*}"/*.jitprofile
    stop_native
    if ! compile_build; then
      cat "$TEMP_DIR/bootstrap.log" >&2
      fail "compiling build/ failed: fix the errors above, then run ./build.sh again"
    fi
    record_native_wish
  fi
  echo "$hash" >"$HASH_FILE"
  touch -r "$TEMP_DIR/build.hashed" "$HASH_FILE"
  printf '%s\n%s\n%s\n' "$DOTNET" "$sdk_folder" "$sdks" >"$SDKS_FILE"
fi

# Native code where build/ asks for it and it is compiled for these inputs; otherwise its compile is started (or, with
# KILN_NATIVE=wait, done now) and ReadyToRun serves. A failed native compile is reported once, by the next start.
if [ -f "$NATIVE_DIR/wanted" ]; then
  native_mode
  if [ "$NATIVE_MODE" != off ]; then
    [ "$warm" = false ] || IFS= read -r hash <"$HASH_FILE"
    if [ ! -x "$NATIVE_DIR/$hash/_build" ]; then
      if [ "$NATIVE_MODE" = background ]; then
        start_native "$hash"
      # Asked to wait: whatever keeps native code from this run is said every time, not once.
      elif rm -f "$NATIVE_DIR/$hash.told" && has_c_toolchain "$hash"; then
        stop_native
        echo "build.sh: compiling build/ to native code (KILN_NATIVE=wait)" >&2
        compile_native "$hash" 0 >"$TEMP_DIR/bootstrap-native.log" 2>&1 || true
      fi
    fi
    if [ -f "$NATIVE_DIR/$hash.failed" ] && [ ! -f "$NATIVE_DIR/$hash.told" ]; then
      : >"$NATIVE_DIR/$hash.told"
      IFS= read -r reason <"$NATIVE_DIR/$hash.failed" || true
      echo "build.sh: build/ sets PublishAot, but it was not compiled to native code: $reason; ReadyToRun serves, and starts slower (KILN_NATIVE=wait ./build.sh tries again)" >&2
    fi
    [ -x "$NATIVE_DIR/$hash/_build" ] && exec "$NATIVE_DIR/$hash/_build" "$@"
  fi
fi

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
