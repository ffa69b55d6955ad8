#!/usr/bin/env bash
# Times the plugin fixture (Tests/PluginFixture): clean build, no-op rebuild (median of 3 each), and the
# generator's own share (the pybindgen run the build plugin makes, timed alone with the same configuration).
set -euo pipefail
cd "$(dirname "$0")/../Tests/PluginFixture"

median() { sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }

swift package resolve >/dev/null 2>&1
clean=()
for _ in 1 2 3; do
    rm -rf .build/debug .build/x86_64-unknown-linux-gnu .build/plugins .build/*.yaml .build/build.db
    clean+=("$(seconds swift build)")
done
noop=()
for _ in 1 2 3; do noop+=("$(seconds swift build)"); done
tool="$(find .build -type f -name pybindgen-tool -perm -u+x | head -1)"
output="$(mktemp -d)"
generator=()
for _ in 1 2 3; do
    generator+=("$(seconds "$tool" --config Sources/StatisticsDemo/pybindgen.json --output "$output" --flat)")
done
rm -rf "$output"
printf 'clean build (median of 3): %.1f s  [%s]\n' "$(printf '%s\n' "${clean[@]}" | median)" "${clean[*]}"
printf 'no-op rebuild (median of 3): %.2f s  [%s]\n' "$(printf '%s\n' "${noop[@]}" | median)" "${noop[*]}"
printf 'generator run alone (median of 3): %.2f s  [%s]\n' "$(printf '%s\n' "${generator[@]}" | median)" "${generator[*]}"
