#!/usr/bin/env python3
"""Lists the C++ functions longer than a limit (default 100 lines, signature to closing brace).

A function may be longer when a comment in the three lines above its signature says why,
starting with "Long:" (e.g. `// Long: one table of 40 columns, written in column order.`);
such functions are listed apart and do not fail the check.

Heuristic parser, no compiler needed: comments, string and character literals (raw strings
included) and preprocessor lines are blanked, then braces are matched. A `{` at namespace or
class scope whose head (the text since the previous `;`, `{` or `}`) holds a parameter list is
a function body; lambdas and local classes count in their enclosing function.

Usage: tools/scripts/check-function-length.py [--max N] [--strict] [paths...]
  paths: files or directories (default: engine geodata tools bench tests); *.cpp, *.hpp, *.h.
  --strict: exit 1 when a function without reason is longer than the limit.
"""
import argparse
import os
import re
import sys

MARKER = re.compile(r"//\s*Long:")
KEYWORDS_NOT_FUNCTIONS = re.compile(r"^\s*(if|for|while|switch|catch|return|else|do)\b")


def blank(text):
    """The text with comments, literals and preprocessor lines replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)
    line_start = True

    def wipe(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if line_start and c == "#":
            j = i
            while j < n and text[j] != "\n":  # a directive, with its continuation lines
                j += 2 if text[j] == "\\" else 1
            wipe(i, min(j, n))
            i = j
            continue
        if c == "\n":
            line_start = True
            i += 1
            continue
        if not c.isspace():
            line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            wipe(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            wipe(i, j)
            i = j
        elif c == "R" and i + 1 < n and text[i + 1] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if m:
                end = text.find(")" + m.group(1) + '"', i + m.end())
                end = n if end < 0 else end + len(m.group(1)) + 2
                wipe(i + 1, end)
                i = end
            else:
                i += 1
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                i += 1  # a digit separator: 1'000'000
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            wipe(i + 1, min(j, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


def function_name(head):
    depth = 0
    for k, ch in enumerate(head):
        if ch == "(" and depth == 0:
            m = re.search(r"((?:[\w~]+::)*(?:operator\s*[^\s(]+|~?\w+))\s*(?:<[^()]*>)?\s*$", head[:k])
            return m.group(1) if m else None
        if ch == "<":
            depth += 1
        elif ch == ">" and depth > 0:
            depth -= 1
    return None


def functions(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    clean = blank(text)
    line_of = []
    line = 1
    for ch in clean:
        line_of.append(line)
        if ch == "\n":
            line += 1
    stack = []  # (kind, name, start_line)
    head_start = 0
    for i, ch in enumerate(clean):
        if ch == ";":
            head_start = i + 1
        elif ch == "{":
            head = clean[head_start:i]
            scope = stack[-1][0] if stack else "namespace"
            kind = "block"
            name = None
            if scope in ("namespace", "class"):
                flat = " ".join(head.split())
                if re.search(r"\bnamespace\b", flat) or re.match(r'^extern\s*$', flat):
                    kind = "namespace"
                elif re.search(r"\b(class|struct|union|enum)\b", flat) and "(" not in flat.split(":")[0]:
                    kind = "class"
                elif "(" in flat and not KEYWORDS_NOT_FUNCTIONS.match(flat) and not flat.rstrip().endswith("="):
                    name = function_name(flat)
                    if name:
                        kind = "function"
            start = head_start + len(head) - len(head.lstrip())
            stack.append((kind, name, line_of[min(start, len(line_of) - 1)]))
            head_start = i + 1
        elif ch == "}":
            if stack:
                kind, name, start_line = stack.pop()
                if kind == "function":
                    yield name, start_line, line_of[i]
            head_start = i + 1


def has_reason(lines, start_line):
    for k in range(max(0, start_line - 4), start_line - 1):
        if MARKER.search(lines[k]):
            return True
    return False


def sources(paths):
    for p in paths:
        if os.path.isfile(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("build", "corpus"))
            for f in sorted(files):
                if f.endswith((".cpp", ".hpp", ".h")):
                    yield os.path.join(root, f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max", type=int, default=100)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("paths", nargs="*", default=["engine", "geodata", "tools", "bench", "tests"])
    args = parser.parse_args()
    long_ones, reasoned = [], []
    for path in sources(args.paths):
        lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
        for name, first, last in functions(path):
            length = last - first + 1
            if length > args.max:
                (reasoned if has_reason(lines, first) else long_ones).append((length, path, first, name))
    for length, path, first, name in sorted(long_ones, reverse=True):
        print(f"{path}:{first}: {name}: {length} lines")
    for length, path, first, name in sorted(reasoned, reverse=True):
        print(f"{path}:{first}: {name}: {length} lines (reason given above it)")
    print(f"check-function-length: {len(long_ones)} function(s) over {args.max} lines without a "
          f"reason, {len(reasoned)} with one", file=sys.stderr)
    return 1 if args.strict and long_ones else 0


if __name__ == "__main__":
    sys.exit(main())
