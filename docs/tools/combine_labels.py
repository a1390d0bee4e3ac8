#!/usr/bin/env python3
"""Combines labelled announcement files into one, de-duplicated by URL and validated.

    python3 docs/tools/combine_labels.py OUT.jsonl IN1.jsonl IN2.jsonl ...

Every item needs id, title, url, tags, relevance and text_licence; tags must be tags of the
bundled taxonomy; relevance 0 carries no tags and 1-3 at least one. The first file that has a
URL wins (later duplicates are reported and dropped). Items are written in input order.
"""
import json
import re
import sys

TAXONOMY = "modules/tagger/src/main/resources/taxonomy/default.yaml"


def tags_of_taxonomy():
    tags, inside = set(), False
    for line in open(TAXONOMY, encoding="utf-8"):
        if re.match(r"^tags:\s*$", line):
            inside = True
        elif re.match(r"^\S", line):
            inside = inside and line.startswith("tags:")
        elif inside:
            m = re.match(r"^  ([a-z0-9-]+):\s*$", line)
            if m:
                tags.add(m.group(1))
    return tags


def url_key(url):
    url = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    return url.rstrip("/")


def main(out, inputs):
    known = tags_of_taxonomy()
    seen, ids, items, problems = {}, set(), [], 0
    for path in inputs:
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as ex:
                print(f"{where}: not JSON ({ex})", file=sys.stderr)
                problems += 1
                continue
            missing = [k for k in ("id", "title", "url", "tags", "relevance", "text_licence") if not item.get(k) and item.get(k) != [] and item.get(k) != 0]
            unknown = [t for t in item.get("tags", []) if t not in known]
            relevance = item.get("relevance")
            if missing or unknown or relevance not in (0, 1, 2, 3) \
                    or (relevance == 0) != (len(item.get("tags", [])) == 0):
                print(f"{where}: invalid (missing {missing}, unknown tags {unknown}, relevance {relevance}, "
                      f"tags {item.get('tags')})", file=sys.stderr)
                problems += 1
                continue
            key = url_key(item["url"])
            if key in seen:
                print(f"{where}: duplicate of {seen[key]} ({item['url']}), dropped", file=sys.stderr)
                continue
            if item["id"] in ids:
                print(f"{where}: duplicate id {item['id']}, dropped", file=sys.stderr)
                continue
            seen[key] = where
            ids.add(item["id"])
            items.append(item)
    with open(out, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    relevant = sum(1 for i in items if i["relevance"] > 0)
    print(f"{out}: {len(items)} items ({relevant} relevant, {len(items) - relevant} not), {problems} invalid skipped")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
