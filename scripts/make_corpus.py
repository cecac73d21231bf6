"""Writes N varied news articles built from the example articles, for the throughput benchmark.

Each copy shifts the publication date, renumbers figures and rotates the body paragraphs, so
every document is distinct text (no cache or de-duplication can make the run look faster)
while staying the same kind of news prose.
"""
import pathlib
import random
import re
import sys


def variants(text, index, rng):
    lines = text.split("\n\n")
    head, body = lines[:2], lines[2:]
    if body:
        shift = index % len(body)
        body = body[shift:] + body[:shift]
    text = "\n\n".join(head + body)
    text = re.sub(r"\b(\d{1,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
    return text + f"\n\nReport number {index}.\n"


def main():
    source, target, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    examples = sorted(p for p in source.iterdir() if p.suffix in {".md", ".txt"})
    if not examples:
        sys.exit(f"no .md or .txt articles in {source}")
    rng = random.Random(7)
    for index in range(count):
        example = examples[index % len(examples)]
        text = variants(example.read_text(encoding="utf-8"), index, rng)
        (target / f"article-{index:06d}{example.suffix}").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
