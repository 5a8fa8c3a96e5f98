#!/usr/bin/env bash
# Kiln's speed benchmarks (issue 9): every figure is a ratio of two timings taken in the same run, because these
# machines are shared and noisy, so absolute times alone say little. Prints each row with its goal and whether it is
# met, and writes the table to bench/RESULTS.md with the date and the machine.
#
#   bench/run.sh                 every row; fresh, parallel and up-to-date on ./build.sh Test (three full runs)
#   bench/run.sh --quick         no-op, planner and up-to-date on UnitTest alone; skips overhead and graph
#   bench/run.sh --rows a,b      only these rows: fresh, overhead, noop, startup, graph, parallel, planner, uptodate
#   bench/run.sh --runs N        timed runs per command (default 5; the slow rows use --slow-runs, default 3)
#   bench/run.sh --warmup N      untimed runs before the timed ones (default 1; --slow-warmup for overhead and graph,
#                                default 1: their preparation already ran each build once)
#   bench/run.sh --up-to-date-target UnitTest|Test
#   bench/run.sh --parallel-targets "UnitTest IntegrationTest"   the targets of the parallel row (default: Test)
#
# Times with hyperfine when it is on PATH, else with a loop in bash; either way --warmup runs, then the median of N.
# Needs the .NET SDK global.json pins, git, and the NuGet registry (Cake.Tool 7.0.0 is installed into a temp folder).
set -euo pipefail
# A failing command inside $(...) stops the row too, not only one at the top level.
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$ROOT/bench/RESULTS.md"
CAKE_VERSION=7.0.0
RUNS=5
SLOW_RUNS=3
WARMUP=1
SLOW_WARMUP=1
QUICK=0
ROWS=""
UP_TO_DATE_TARGET=""
PARALLEL_TARGETS="Test"

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --rows) ROWS="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --slow-runs) SLOW_RUNS="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --slow-warmup) SLOW_WARMUP="$2"; shift ;;
    --up-to-date-target) UP_TO_DATE_TARGET="$2"; shift ;;
    --parallel-targets) PARALLEL_TARGETS="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

if [ -z "$ROWS" ]; then
  if [ "$QUICK" = 1 ]; then ROWS="noop,startup,parallel,planner,uptodate"; else ROWS="fresh,overhead,noop,startup,graph,parallel,planner,uptodate"; fi
fi
if [ -z "$UP_TO_DATE_TARGET" ]; then
  if [ "$QUICK" = 1 ]; then UP_TO_DATE_TARGET=UnitTest; else UP_TO_DATE_TARGET=Test; fi
fi
wants() { case ",$ROWS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NO_COLOR=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kiln-bench.XXXXXX")"
# RESULTS.md is written once, on the way out (also when cut short: TERM and INT exit through the EXIT trap): written
# after each row, it changed a file the test tiers hash between the parallel row's run and the up-to-date row's second
# run, so nothing was up to date.
trap 'write_results; rm -rf "$WORK"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
LOG="$WORK/log"
mkdir -p "$LOG"

say() { echo "bench: $*" >&2; }

# Runs a command quietly; on failure shows its output and stops.
quietly() {
  local name="$1"
  shift
  if ! "$@" >"$LOG/$name.out" 2>&1; then
    tail -n 40 "$LOG/$name.out" >&2
    say "'$*' failed (output above)"
    exit 1
  fi
}

# measure RUNS COMMAND: one warm-up, then RUNS timed runs of COMMAND (a bash command line) in the current folder;
# prints the median in seconds. A failing run stops the benchmark.
measure() {
  local runs="$1" command="$2" warmup="${3:-$WARMUP}" json="$WORK/hyperfine.json"
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --shell=bash --warmup "$warmup" --runs "$runs" --export-json "$json" --style none "$command" >&2 ||
      { say "'$command' failed; once more, to show why:"; bash -c "$command" >"$LOG/failed.out" 2>&1 || true; tail -n 40 "$LOG/failed.out" >&2; exit 1; }
    sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$json" | head -n 1 | awk '{ printf "%.3f\n", $1 }'
  else
    local times=() start end index
    for ((index = 0; index < warmup; index++)); do
      bash -c "$command" >/dev/null 2>&1 || { say "'$command' failed"; exit 1; }
    done
    for ((index = 0; index < runs; index++)); do
      start=$(date +%s%N)
      bash -c "$command" >/dev/null 2>&1 || { say "'$command' failed"; exit 1; }
      end=$(date +%s%N)
      times+=("$(awk -v n=$((end - start)) 'BEGIN { printf "%.3f", n / 1e9 }')")
    done
    say "  $command: ${times[*]} s"
    printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
  fi
}

# once NAME COMMAND: the wall time of one run, in seconds (for runs that cannot repeat warm, like a first build). The
# output goes to $LOG/NAME.out; the run's summary (the last lines) is shown, so that the figures come with the outcome.
once() {
  local name="$1" start end
  start=$(date +%s%N)
  bash -c "$2" >"$LOG/$name.out" 2>&1 || { tail -n 40 "$LOG/$name.out" >&2; say "'$2' failed"; exit 1; }
  end=$(date +%s%N)
  say "'$2' ended; its last lines:"
  tail -n 25 "$LOG/$name.out" | sed 's/^/    /' >&2
  awk -v n=$((end - start)) 'BEGIN { printf "%.3f\n", n / 1e9 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict VALUE OP LIMIT: "met" or "not met" for VALUE <= LIMIT (le) or VALUE < LIMIT (lt).
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "le") ? (v <= l) : (v < l); print ok ? "met" : "not met" }'; }

# Each row leaves its table line in $WORK/rows/<order>-<name>, so that a row that fails leaves the others standing.
mkdir -p "$WORK/rows"
ROW_ORDER="fresh overhead no-op start-up graph parallel planner up-to-date"
row_file() { local index=0 name; for name in $ROW_ORDER; do index=$((index + 1)); [ "$name" = "$1" ] && echo "$WORK/rows/$index-$1"; done; }
# row NAME MEASURED RATIO GOAL VERDICT
row() {
  echo "| $1 | $2 | $3 | $4 | $5 |" >"$(row_file "$1")"
  printf '%-10s %-60s ratio %-6s goal %-28s %s\n' "$1" "$2" "$3" "$4" "$5"
}
# A row not run this time keeps the line of the last run that measured it (RESULTS.md), marked with that run's date.
# Read from a copy taken now: RESULTS.md is rewritten after each row.
PREVIOUS="$WORK/previous-results.md"
touch "$PREVIOUS"
[ -f "$RESULTS" ] && cp "$RESULTS" "$PREVIOUS"
PREVIOUS_DATE=$(sed -n 's/^- date: //p' "$PREVIOUS" | head -n 1)
not_run() {
  local previous
  previous=$(grep -F "| $1 | " "$PREVIOUS" | grep -v -e '| not run' -e '| not measured: ' -e '| failed: ' | head -n 1 || true)
  if [ -n "$previous" ]; then
    case "$previous" in
      *"(earlier run: "*) ;;
      *) previous=$(echo "$previous" | sed "s/^| $1 | \([^|]*\) |/| $1 | \1 (earlier run: $PREVIOUS_DATE) |/") ;;
    esac
    echo "$previous" >"$(row_file "$1")"
    printf '%-10s not run (%s); RESULTS.md keeps the earlier figure\n' "$1" "$2"
  else
    echo "| $1 | not run ($2) | | $3 | |" >"$(row_file "$1")"
    printf '%-10s not run (%s)\n' "$1" "$2"
  fi
}
failed() { echo "| $1 | failed: see the output of bench/run.sh | | $2 | not measured |" >"$(row_file "$1")"; printf '%-10s failed (output above)\n' "$1"; }

# Cake.Tool in a tool manifest of its own under $WORK (folders below $WORK find it).
cake_install() {
  # dotnet new tool-manifest writes ./dotnet-tools.json (SDK 10) or ./.config/dotnet-tools.json (earlier SDKs).
  if [ -f "$WORK/dotnet-tools.json" ] || [ -f "$WORK/.config/dotnet-tools.json" ]; then return; fi
  say "installing Cake.Tool $CAKE_VERSION into a tool manifest in $WORK"
  (cd "$WORK" && quietly cake-manifest dotnet new tool-manifest && quietly cake-install dotnet tool install Cake.Tool --version "$CAKE_VERSION")
}

kiln_build_ready() {
  say "compiling this checkout's build/ (build.sh --help)"
  (cd "$ROOT" && quietly kiln-help ./build.sh --help)
}

# 1. overhead: ./build.sh UnitTest against the very commands it runs, typed by hand; both warm.
bench_overhead() {
  kiln_build_ready
  say "overhead: ./build.sh UnitTest --force --verbosity verbose, to read the commands it runs"
  (cd "$ROOT" && quietly overhead-verbose ./build.sh UnitTest --force --verbosity verbose)
  # The process runner logs each command at debug level as '> command  (in directory)'.
  local commands="$WORK/by-hand.sh"
  {
    echo 'set -e'
    # The log quotes arguments with spaces but not ';' (dotnet test --logger trx;LogFileName=...): escape it for bash.
    sed -n 's/^[^>]*> \(.*\)  (in \(.*\))$/cd "\2" \&\& \1/p' "$LOG/overhead-verbose.out" | sed 's/;/\\;/g'
  } >"$commands"
  say "the commands, by hand:"
  sed -n '2,$p' "$commands" | sed 's/^/    /' >&2
  [ "$(wc -l <"$commands")" -gt 1 ] || { say "no '> command' lines in the verbose output"; exit 1; }
  local kiln hand
  kiln=$(cd "$ROOT" && measure "$SLOW_RUNS" "./build.sh UnitTest --force" "$SLOW_WARMUP")
  hand=$(cd "$ROOT" && measure "$SLOW_RUNS" "bash $commands" "$SLOW_WARMUP")
  local r
  r=$(ratio "$kiln" "$hand")
  row overhead "./build.sh UnitTest --force ${kiln}s; the same commands by hand ${hand}s" "$r" "<= 1.10" "$(verdict "$r" le 1.10)"
}

# 2. no-op: ./build.sh --help against Cake running an empty task with its script cache on; both warm.
bench_noop() {
  kiln_build_ready
  cake_install
  mkdir -p "$WORK/noop"
  printf 'Task("Noop");\nRunTarget(Argument("target", "Noop"));\n' >"$WORK/noop/build.cake"
  export CAKE_SETTINGS_ENABLESCRIPTCACHE=true
  say "no-op: warming Cake's script cache"
  (cd "$WORK/noop" && quietly cake-noop dotnet cake build.cake --target=Noop)
  local kiln cake
  kiln=$(cd "$ROOT" && measure "$RUNS" "./build.sh --help")
  cake=$(cd "$WORK/noop" && measure "$RUNS" "dotnet cake build.cake --target=Noop")
  local r
  r=$(ratio "$cake" "$kiln")
  row no-op "./build.sh --help ${kiln}s; Cake $CAKE_VERSION empty task, cached ${cake}s" "${r}x" "Kiln >= 5x faster" "$(verdict 5 le "$r")"
}

# 2b. start-up: ./build.sh --help against the start of a bare hello world compiled ReadyToRun for this machine, the
# floor of a .NET program's start; both warm, timed side by side in one hyperfine run. Processor time (user + system)
# is shown too: on a busy machine it says more than the wall time.
bench_startup() {
  kiln_build_ready
  local hello="$WORK/hello"
  mkdir -p "$hello"
  printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk">' '  <PropertyGroup>' '    <OutputType>Exe</OutputType>' \
    '    <TargetFramework>net10.0</TargetFramework>' '  </PropertyGroup>' '</Project>' >"$hello/hello.csproj"
  echo 'System.Console.WriteLine("hello");' >"$hello/Program.cs"
  say "start-up: publishing a hello world ReadyToRun for this machine"
  (cd "$hello" && quietly hello-publish dotnet publish --configuration Release --use-current-runtime --self-contained false \
    -p:PublishReadyToRun=true --output "$hello/out")
  # The engine's own share: a build of one target and no parameters on this checkout's engine (its build/ references
  # src/Kiln), timed in the same run; what this repository's build adds (its components, targets and parameters) is
  # the difference.
  local single="$WORK/one-target"
  mkdir -p "$single/build" "$single/.nuke"
  cp "$ROOT/build.sh" "$single/"
  [ -f "$ROOT/global.json" ] && cp "$ROOT/global.json" "$single/"
  printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk">' '  <PropertyGroup>' '    <OutputType>Exe</OutputType>' \
    '    <TargetFramework>net10.0</TargetFramework>' '    <ImplicitUsings>enable</ImplicitUsings>' '  </PropertyGroup>' \
    '  <ItemGroup>' "    <ProjectReference Include=\"$ROOT/src/Kiln/Kiln.csproj\" />" '  </ItemGroup>' '</Project>' >"$single/build/_build.csproj"
  printf '%s\n' 'using Kiln;' 'class Build : KilnBuild' '{' '    public static int Main() => Execute<Build>(x => x.Hello);' \
    '    Target Hello => _ => _.Description("Says hello.").Executes(() => Console.WriteLine("hello"));' '}' >"$single/build/Build.cs"
  say "start-up: compiling a one-target build on this checkout's engine"
  (cd "$single" && quietly one-target-help ./build.sh --help)
  # This repository's build sets PublishAot, so build.sh runs it as native code once that compile, which build.sh
  # otherwise does in the background, is done: KILN_NATIVE=wait does it now. KILN_NATIVE=off times ReadyToRun beside it.
  local native_ok=false
  say "start-up: compiling this repository's build to native code (KILN_NATIVE=wait)"
  (cd "$ROOT" && KILN_NATIVE=wait quietly native-help ./build.sh --help)
  if ls "$ROOT/.nuke/temp/native"/*/_build >/dev/null 2>&1; then native_ok=true; fi
  local kiln floor one nat="" kiln_cpu="?" floor_cpu="?" one_cpu="?" nat_cpu="?" r
  local commands=("KILN_NATIVE=off ./build.sh --help" "dotnet $hello/out/hello.dll" "cd $single && ./build.sh --help")
  [ "$native_ok" = true ] && commands+=("./build.sh --help")
  if command -v hyperfine >/dev/null 2>&1; then
    local json="$WORK/startup.json"
    (cd "$ROOT" && hyperfine --shell=bash --warmup 3 --runs "$((RUNS * 4))" --export-json "$json" --style none "${commands[@]}" >&2)
    # Per command, in order: the median wall time in seconds and the mean processor time in milliseconds.
    read -r kiln kiln_cpu floor floor_cpu one one_cpu nat nat_cpu < <(python3 -c 'import json, sys
print(" ".join("%.3f %.0f" % (r["median"], (r["user"] + r["system"]) * 1000) for r in json.load(open(sys.argv[1]))["results"]))' "$json")
  else
    kiln=$(cd "$ROOT" && KILN_NATIVE=off measure "$((RUNS * 4))" "./build.sh --help" 3)
    floor=$(measure "$((RUNS * 4))" "dotnet $hello/out/hello.dll" 3)
    one=$(cd "$single" && measure "$((RUNS * 4))" "./build.sh --help" 3)
    [ "$native_ok" = true ] && nat=$(cd "$ROOT" && measure "$((RUNS * 4))" "./build.sh --help" 3)
  fi
  r=$(ratio "$kiln" "$floor")
  local measured="./build.sh --help ReadyToRun (KILN_NATIVE=off) ${kiln}s (${kiln_cpu} ms processor time); a one-target build's ${one}s ($(ratio "$one" "$floor")x, ${one_cpu} ms); ReadyToRun hello world ${floor}s (${floor_cpu} ms)"
  if [ -n "$nat" ]; then
    local n
    n=$(ratio "$nat" "$floor")
    row start-up "$measured; ./build.sh --help native (this build sets PublishAot) ${nat}s (${nat_cpu} ms)" "${n}x native, ${r}x ReadyToRun" "within 2x of the hello world" "$(verdict "$n" le 2) native; ReadyToRun $(verdict "$r" le 2)"
  else
    [ -f "$ROOT/.nuke/temp/bootstrap-native.log" ] && tail -n 20 "$ROOT/.nuke/temp/bootstrap-native.log" >&2
    row start-up "$measured; the native start did not compile here (its log's end is printed above: a C toolchain or the ILCompiler packages missing)" "${r}x" "within 2x of the hello world" "$(verdict "$r" le 2)"
  fi
}

# 0. fresh: a fresh clone's ./build.sh Test, what a new contributor waits for before their first push: the wall time
# and each tier's, read from the summary table. Takes the machine's NuGet cache as it is (a fresh clone, not a fresh
# machine); the load average says how busy the machine was.
bench_fresh() {
  local clone="$WORK/fresh" seconds minutes tiers r
  say "fresh: git clone of this checkout's HEAD into $clone, then ./build.sh Test"
  git clone --quiet --no-hardlinks "$ROOT" "$clone"
  seconds=$(cd "$clone" && once fresh-test "./build.sh Test")
  minutes=$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s / 60 }')
  # Summary rows: "UnitTest  Succeeded  0:31  1073 passed, ...".
  tiers=$(awk '$2 == "Succeeded" && ($1 == "UnitTest" || $1 == "IntegrationTest" || $1 == "SystemTest") { printf "%s%s %s", sep, $1, $3; sep = ", " }' "$LOG/fresh-test.out")
  r=$(ratio "$minutes" 8)
  row fresh "./build.sh Test on a fresh clone ${minutes} min (${seconds}s; $tiers; load average $(cut -d' ' -f1-3 /proc/loadavg))" "$r" "at most 8 minutes (ratio <= 1)" "$(verdict "$minutes" le 8)"
}

# The checkout's packages in a folder feed, at a version of the benchmark's own, and a nuget.config for FOLDER that
# restores Kiln from it: the Kiln packages into a packages folder of the benchmark's, the rest from the machine's cache.
kiln_feed() {
  local folder="$1" version="0.0.0-bench.$$"
  if [ ! -d "$WORK/feed" ]; then
    say "packing this checkout's projects into $WORK/feed ($version)"
    (cd "$ROOT" && quietly kiln-pack dotnet pack Solution.sln --configuration Debug --output "$WORK/feed" "-p:Version=$version" "-p:NuspecOutputPath=$WORK/nuspec/")
  fi
  cat >"$folder/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$WORK/packages" /></config>
  <packageSources><add key="kiln-under-test" value="$WORK/feed" /></packageSources>
  <fallbackPackageFolders><add key="machine-cache" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" /></fallbackPackageFolders>
</configuration>
EOF
  sed -i "s|@KILN_VERSION@|$version|g" "$folder/Directory.Build.props"
}

# 3. graph: Restore -> Compile -> UnitTest of a small sample solution, with Kiln's build.sh and with a Cake script.
bench_graph() {
  cake_install
  local sample="$WORK/sample" templates="$ROOT/tests/Kiln.SystemTests/SampleRepository/Templates/Sample"
  say "graph: the system tests' sample repository in $sample, its build/ on this checkout's Kiln packages"
  cp -R "$templates" "$sample"
  cp "$ROOT/build.sh" "$ROOT/global.json" "$ROOT/Directory.Packages.props" "$sample/"
  kiln_feed "$sample"
  cat >"$sample/build.cake" <<'EOF'
// The sample's Restore -> Compile -> UnitTest as Cake aliases, with the same dotnet options as the Kiln build.
var solution = "./Sample.sln";
Task("Restore").Does(() => DotNetRestore(solution));
Task("Compile").IsDependentOn("Restore").Does(() =>
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = "Debug", NoRestore = true }));
Task("UnitTest").IsDependentOn("Compile").Does(() =>
{
    foreach (var folder in new[] { "./artifacts/test-results", "./artifacts/coverage" })
    {
        if (DirectoryExists(folder)) DeleteDirectory(folder, new DeleteDirectorySettings { Recursive = true });
    }

    DotNetTest("./tests/Sample.Tests/Sample.Tests.csproj", new DotNetTestSettings
    {
        Configuration = "Debug",
        NoBuild = true,
        ResultsDirectory = "./artifacts/test-results",
        Loggers = new[] { "trx;LogFileName=Sample.Tests.trx" },
        Collectors = new[] { "XPlat Code Coverage" },
    });
});
RunTarget(Argument("target", "UnitTest"));
EOF
  (cd "$sample" && quietly sample-git git init --quiet && git add --all && git -c user.name=bench -c user.email=bench@localhost commit --quiet -m Sample)
  say "graph: compiling the sample's build/ and warming Cake's script cache"
  (cd "$sample" && quietly sample-kiln ./build.sh UnitTest && CAKE_SETTINGS_ENABLESCRIPTCACHE=true quietly sample-cake dotnet cake build.cake)
  local kiln cake
  export CAKE_SETTINGS_ENABLESCRIPTCACHE=true
  kiln=$(cd "$sample" && measure "$SLOW_RUNS" "./build.sh UnitTest" "$SLOW_WARMUP")
  cake=$(cd "$sample" && measure "$SLOW_RUNS" "dotnet cake build.cake" "$SLOW_WARMUP")
  local r
  r=$(ratio "$kiln" "$cake")
  row graph "sample ./build.sh UnitTest ${kiln}s; Cake ${cake}s (cached)" "$r" "<= 1.00 (not slower)" "$(verdict "$r" le 1.00)"
}

# 4. parallel: the targets with the default --max-parallel (the processor count) against --max-parallel 1, both forced
# so that every tier runs. build/ orders SystemTest after IntegrationTest, so on Test the gain is UnitTest (and
# Version beside Restore) overlapping the rest.
bench_parallel() {
  kiln_build_ready
  if (cd "$ROOT" && ./build.sh --help 2>/dev/null | grep -q -- '--max-parallel'); then
    local sequential parallel r
    say "parallel: ./build.sh $PARALLEL_TARGETS --force --max-parallel 1, then with the default ($(nproc))"
    sequential=$(cd "$ROOT" && once parallel-1 "./build.sh $PARALLEL_TARGETS --force --max-parallel 1")
    parallel=$(cd "$ROOT" && once parallel-default "./build.sh $PARALLEL_TARGETS --force")
    # The up-to-date row that follows may take this forced run as its first: nothing changed since.
    echo "$PARALLEL_TARGETS=$parallel" >"$WORK/last-forced-run"
    r=$(ratio "$parallel" "$sequential")
    row parallel "./build.sh $PARALLEL_TARGETS --force ${parallel}s; with --max-parallel 1 ${sequential}s" "$r" "report" "reported"
  else
    echo "| parallel | not measured: --max-parallel is not implemented yet | | report the ratio | |" >"$(row_file parallel)"
    echo "parallel   not measured: --max-parallel is not implemented yet"
  fi
}

# 5. planner: Planner.Plan on 10,000 targets and 50,000 edges (bench/Kiln.Engine.Benchmarks).
bench_planner() {
  say "planner: building bench/Kiln.Engine.Benchmarks (Release)"
  (cd "$ROOT" && quietly planner-build dotnet build bench/Kiln.Engine.Benchmarks -c Release -o "$WORK/planner")
  (cd "$ROOT" && quietly planner dotnet "$WORK/planner/Kiln.Engine.Benchmarks.dll")
  grep -v -e '^median-' -e '^first-ms=' "$LOG/planner.out" | sed 's/^/    /' >&2
  local ms cpu first r
  ms=$(sed -n 's/^median-ms=//p' "$LOG/planner.out")
  first=$(sed -n 's/^first-ms=//p' "$LOG/planner.out")
  cpu=$(sed -n 's/^median-cpu-ms=//p' "$LOG/planner.out")
  r=$(ratio "$ms" 100)
  row planner "Planner.Plan, 10,000 targets, 50,000 edges: median ${ms} ms wall (${cpu} ms processor time) of 5 after a first, unjitted call of ${first} ms" "$r" "under 100 ms (ratio < 1)" "$(verdict "$ms" lt 100)"
}

# 6. up-to-date: the same target again with nothing changed, against its first run (forced, so that it runs). When the
# parallel row just ran the same target forced with the defaults, that run is the first: a full Test takes most of an
# hour here, and a third one would measure nothing new.
bench_uptodate() {
  kiln_build_ready
  local target="$UP_TO_DATE_TARGET" first second r
  first=$(sed -n "s/^$target=//p" "$WORK/last-forced-run" 2>/dev/null || true)
  if [ -n "$first" ]; then
    say "up-to-date: the parallel row's ./build.sh $target --force (${first}s) is the first run; now ./build.sh $target"
  else
    say "up-to-date: ./build.sh $target --force, then ./build.sh $target"
    first=$(cd "$ROOT" && once up-to-date-first "./build.sh $target --force")
  fi
  second=$(cd "$ROOT" && once up-to-date-second "./build.sh $target")
  grep -q 'UpToDate' "$LOG/up-to-date-second.out" || { say "the second run reported no UpToDate target:"; tail -n 20 "$LOG/up-to-date-second.out" >&2; exit 1; }
  r=$(ratio "$second" "$first")
  row up-to-date "./build.sh $target again ${second}s; first (--force) ${first}s" "$r" "< 0.10" "$(verdict "$r" lt 0.10)"
}

echo "Kiln benchmarks: rows $ROWS$( [ "$QUICK" = 1 ] && echo ' (--quick)'); timer: $(command -v hyperfine >/dev/null 2>&1 && hyperfine --version || echo 'bash loop')"
write_results() {
  [ -d "$WORK/rows" ] && [ -n "$(ls -A "$WORK/rows" 2>/dev/null)" ] || return 0
  {
    echo "# Benchmark results"
    echo
    echo "Written by \`bench/run.sh$( [ "$QUICK" = 1 ] && echo ' --quick')\` (rows: $ROWS; up-to-date on $UP_TO_DATE_TARGET; parallel on $PARALLEL_TARGETS); a row marked \"earlier run\" was"
    echo "not run this time and keeps the figure of the run on that date. See bench/README.md."
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && [ -n "$(git status --porcelain -- . ':!bench/RESULTS.md' 2>/dev/null)" ] && echo ' (with uncommitted changes)')"
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '? GB') memory, $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr), dotnet $(cd "$ROOT" && dotnet --version), load average at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    echo "- timer: $(command -v hyperfine >/dev/null 2>&1 && hyperfine --version || echo 'bash loop'), $WARMUP warm-up run(s) then the median of $RUNS runs (overhead and graph: $SLOW_WARMUP and $SLOW_RUNS, after their preparation ran each build once); up-to-date and parallel: one run each"
    echo
    echo "| row | measured | ratio | goal | result |"
    echo "| --- | --- | --- | --- | --- |"
    cat "$WORK"/rows/* 2>/dev/null
  } >"$RESULTS"
}

# Cheap rows first, so that a slow row cut short leaves the others in RESULTS.md; the table keeps the issue's order.
run_row() {
  local function="$1" name="$2" reason="$3" goal="$4"
  if wants "$function"; then
    # set -e holds inside the subshell only when it is not part of a condition ('||', 'if').
    set +e
    (
      set -e
      "bench_$function"
    )
    local status=$?
    set -e
    [ "$status" = 0 ] || failed "$name" "$goal"
  else
    not_run "$name" "$reason" "$goal"
  fi
}
run_row noop no-op "--rows" "Kiln >= 5x faster"
run_row startup start-up "--rows" "within 2x of the hello world"
run_row fresh fresh "--quick or --rows" "at most 8 minutes (ratio <= 1)"
run_row parallel parallel "--rows" "report the ratio"
run_row planner planner "--rows" "under 100 ms (ratio < 1)"
run_row uptodate up-to-date "--rows" "< 0.10"
run_row overhead overhead "--quick or --rows" "<= 1.10"
run_row graph graph "--quick or --rows" "<= 1.00 (not slower)"
echo "writing $RESULTS"
