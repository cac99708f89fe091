#!/usr/bin/env bash
# Fails (exit 1) when a C++ file tracked by git differs from what clang-format makes of it with
# the checked-in .clang-format, and lists those files. Every tracked *.cpp / *.hpp / *.h is
# checked; nothing is excluded. Usage: tools/scripts/check-format.sh [clang-format binary]
set -euo pipefail
cd "$(dirname "$0")/../.."
format=${1:-${CLANG_FORMAT:-clang-format}}
command -v "$format" >/dev/null || { echo "check-format: $format not found" >&2; exit 2; }

differ=()
count=0
while IFS= read -r -d '' file; do
    count=$((count + 1))
    if ! "$format" --style=file "$file" | cmp -s - "$file"; then differ+=("$file"); fi
done < <(git ls-files -z -- '*.cpp' '*.hpp' '*.h')

if ((${#differ[@]} > 0)); then
    echo "check-format: ${#differ[@]} of $count files differ from clang-format ($("$format" --version | head -1)):"
    printf '  %s\n' "${differ[@]}"
    echo "fix with: clang-format -i <file>"
    exit 1
fi
echo "check-format: $count files, all formatted"
