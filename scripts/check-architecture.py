#!/usr/bin/env python3
"""Checks docs/architecture.md against the code: every folder its layout lists exists in its
module, and every type, function or middleware it names in backticks is declared in Sources/."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
doc = (root / "docs/architecture.md").read_text()
problems = []

layout = doc.split("## Layout", 1)[1].split("## ", 1)[0]
module = None
for line in layout.splitlines():
    head = re.match(r"^  (\w+)/\s", line)
    if head:
        module = head.group(1)
        continue
    if module and re.match(r"^    \S", line):
        for folder in re.findall(r"\b([A-Z]\w+)/", line):
            if folder == "Resources":
                continue
            if not (root / "Sources" / module / folder).is_dir():
                problems.append(f"layout names Sources/{module}/{folder}/, which does not exist")

sources = "\n".join(p.read_text() for folder in ("Sources", "Tests") for p in (root / folder).rglob("*.swift"))
declared = set(re.findall(r"\b(?:struct|enum|class|protocol|actor|typealias|func|case|let|var)\s+`?(\w+)", sources))
for name in sorted(set(re.findall(r"`([A-Z][A-Za-z0-9]+)(?:[.+(`])", doc))):
    if name not in declared and not re.search(rf"\b{name}\b", sources):
        problems.append(f"names `{name}`, which the code does not declare")

for problem in problems:
    print(f"docs/architecture.md {problem}")
sys.exit(1 if problems else 0)
