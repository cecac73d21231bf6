"""Writes N varied news articles built from the example articles, for the throughput benchmark.

Each article keeps the head (title, date line) of one example and joins the body paragraphs of
three, so it has the length of a typical news report (about 600-700 words); figures are
renumbered and paragraphs rotated, so every document is distinct text (no cache or
de-duplication can make the run look faster) while staying the same kind of news prose.
"""
import pathlib
import random
import re
import sys


def split(text):
    paragraphs = text.split("\n\n")
    return paragraphs[:2], paragraphs[2:]


def variants(texts, index, rng):
    head, _ = split(texts[0])
    body = [paragraph for text in texts for paragraph in split(text)[1]]
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
        chosen = [examples[(index + offset) % len(examples)] for offset in range(3)]
        example = chosen[0]
        text = variants([path.read_text(encoding="utf-8") for path in chosen], index, rng)
        (target / f"article-{index:06d}{example.suffix}").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
