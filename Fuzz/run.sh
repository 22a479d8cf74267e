#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (Fuzz/Targets/*.swift) with AddressSanitizer and
# LeakSanitizer, each against its committed seeds (Fuzz/Seeds/TARGET/).
#
#   Fuzz/run.sh all 30            every target for 30 s each, one after another (CI)
#   Fuzz/run.sh HTTPRequest 600   one target for 10 minutes
#   Fuzz/run.sh build             build every target, run none
#   Fuzz/run.sh list              the target names
#   Fuzz/.build/bin/TARGET FILE   replay one input (e.g. a crash file) under the sanitizers
#
# The modules are compiled straight from Sources/ with swiftc (not SwiftPM), instrumented for
# coverage (-sanitize=fuzzer,address), with -enable-testing so a harness can reach internal
# types through @testable import. Build products, the growing corpus and any crash, leak or
# timeout artifacts go to Fuzz/.build/ (git-ignored). A target that crashes, leaks, hangs
# past -timeout or passes -rss_limit_mb makes the script exit non-zero; the input is saved as
# Fuzz/.build/artifacts/TARGET/crash-… (or leak-, timeout-, oom-) — copy it into
# Fuzz/Seeds/TARGET/ with the fix and a regression test.
#
# Environment: FUZZ_JOBS_NICE (default 19) is the nice level of the fuzzing processes;
# FUZZ_BUILD (default Fuzz/.build) is where products, corpora, logs and artifacts go;
# FUZZ_SUMMARY (default Fuzz/.build/summary.tsv) collects one line per run: target, seconds,
# executions, executions per second, corpus size, slowest input (s), peak RSS (MB), result.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${FUZZ_BUILD:-$root/Fuzz/.build}
modules=$out/modules
bin=$out/bin
summary=${FUZZ_SUMMARY:-$out/summary.tsv}
nice_level=${FUZZ_JOBS_NICE:-19}
flags=(-sanitize=fuzzer,address -O -gline-tables-only -swift-version 6 -package-name SENGuide -parse-as-library)

targets() { for file in "$root"/Fuzz/Targets/*.swift; do basename "$file" .swift; done; }

# The longest input libFuzzer may make, per target (bytes).
max_len() {
    case $1 in
        HTTPRequest) echo 8192 ;;
        LineProtocol) echo 4096 ;;
        CorpusDocument | MythCards) echo 16384 ;;
        IndexFile) echo 4096 ;;
        QueryAnalysis) echo 1024 ;;
        *) echo 8192 ;;
    esac
}

# Compiles one module of Sources/ as an object file and .swiftmodule, when a source or a
# module it imports (the later arguments) is newer.
build_module() {
    local name=$1
    shift
    local object=$modules/$name.o dependency stale=
    [[ -f $object ]] || stale=1
    [[ -n $stale ]] || [[ -z $(find "$root/Sources/$name" -name '*.swift' -newer "$object" -print -quit) ]] || stale=1
    for dependency in "$@"; do [[ $modules/$dependency.o -nt $object ]] && stale=1; done
    [[ -n $stale ]] || return 0
    echo "fuzz: compiling $name" >&2
    mkdir -p "$modules"
    # shellcheck disable=SC2046
    nice -n "$nice_level" swiftc "${flags[@]}" -enable-testing -wmo -module-name "$name" -I "$modules" \
        -emit-module -emit-module-path "$modules/$name.swiftmodule" -c -o "$object" \
        $(find "$root/Sources/$name" -name '*.swift' | sort) 2> >(grep -v 'ld.gold: warning' >&2)
}

build_target() {
    local target=$1
    local harness=$root/Fuzz/Targets/$target.swift
    [[ -f $harness ]] || { echo "fuzz: no target $target; targets: $(targets | tr '\n' ' ')" >&2; exit 2; }
    build_module SearchCore
    build_module Guidance SearchCore
    build_module GuideServer SearchCore Guidance
    local objects=("$modules/SearchCore.o")
    grep -q 'import Guidance' "$harness" && objects+=("$modules/Guidance.o")
    if grep -q 'import GuideServer' "$harness"; then objects+=("$modules/Guidance.o" "$modules/GuideServer.o"); fi
    local sources=("$harness")
    grep -q 'RealGuidance' "$harness" && sources+=("$root/Fuzz/Support/RealGuidance.swift")
    mkdir -p "$bin"
    local newest
    newest=$(ls -t "${sources[@]}" "${objects[@]}" | head -n 1)
    if [[ -f $bin/$target && $bin/$target -nt $newest ]]; then return; fi
    echo "fuzz: linking $target" >&2
    # Each object once (Guidance may be listed twice).
    local unique
    mapfile -t unique < <(printf '%s\n' "${objects[@]}" | awk '!seen[$0]++')
    nice -n "$nice_level" swiftc "${flags[@]}" -module-name "Fuzz$target" -I "$modules" \
        "${sources[@]}" "${unique[@]}" -o "$bin/$target" 2> >(grep -v 'ld.gold: warning' >&2)
}

run_target() {
    local target=$1 seconds=$2
    build_target "$target"
    local corpus=$out/corpus/$target artifacts=$out/artifacts/$target log=$out/logs/$target.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    local extra=()
    [[ -f $root/Fuzz/Dictionaries/$target.dict ]] && extra+=("-dict=$root/Fuzz/Dictionaries/$target.dict")
    echo "fuzz: $target for ${seconds} s (log: ${log#"$root"/})" >&2
    local status=0
    # Swift's own crash reporter is turned off: libFuzzer and ASan report and save the input.
    SWIFT_BACKTRACE=enable=no SENGUIDE_FUZZ_CORPUS=$root/Corpus \
        ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        nice -n "$nice_level" "$bin/$target" "$corpus" "$root/Fuzz/Seeds/$target" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" >"$log" 2>&1 || status=$?
    local executions rate slowest peak corpus_size result=ok
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log" | tail -n 1)
    peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
    corpus_size=$(find "$corpus" -type f | wc -l)
    if [[ $status -ne 0 ]]; then
        result="FAILED (exit $status)"
        grep -E 'ERROR|SUMMARY|Test unit written|Fatal error|Precondition failed|panic|==[0-9]+==' "$log" | head -n 20 >&2 || true
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "${executions:-?}" "${rate:-?}" "$corpus_size" \
        "${slowest:-?}" "${peak:-?}" "$result" >>"$summary"
    echo "fuzz: $target: ${executions:-?} executions in ${seconds} s (${rate:-?}/s), corpus $corpus_size inputs," \
        "slowest input ${slowest:-?} s, peak RSS ${peak:-?} MB: $result" >&2
    return "$status"
}

what=${1:-all}
seconds=${2:-30}
case $what in
    list) targets ;;
    build) for target in $(targets); do build_target "$target"; done ;;
    all)
        failed=0
        for target in $(targets); do run_target "$target" "$seconds" || failed=1; done
        exit "$failed"
        ;;
    *) run_target "$what" "$seconds" ;;
esac
