#!/usr/bin/env python3
"""Writes docs/configuration.md from the key tables of the module docs, so that every herald.* key is
listed in one place and the module docs stay where each key is explained. Run from the project root:
    python3 docs/tools/configuration.py
"""
import pathlib
import re

SECTIONS = [
    ("Shared by every service", None),
    ("Publisher", "docs/publisher.md"),
    ("Tagger", "docs/tagging.md"),
    ("Notifier", "docs/notifier.md"),
    ("All-in-one app", "docs/app.md"),
]

SHARED = [
    "| `herald.admin-api-keys` | none | bearer keys accepted by every admin endpoint of every service (`/api/**` but the publish endpoint, and `/actuator/**` but health and info); none: 401. Never logged |",
    "| `herald.local` | `false` (the all-in-one app: `true` on its embedded broker and database) | local mode, on a machine of one's own: development secrets only warn, and topics of one replica raise no warning. Outside it a service refuses `herald.notifier.email.link-key` and `herald.notifier.webhooks.secret-key` at their development values ([deployment](deployment.md#local-mode)) |",
    "| `herald.kafka.partitions` | `3` | partitions of each topic; every service makes the topics it reads and writes with it before it reads, and refuses to start on a topic with another count (it never changes partitions) |",
    "| `herald.kafka.replication-factor` | `1` | replicas of each topic a service makes (**3** on a production cluster; a service outside local mode warns about a topic of one replica) |",
    "| `herald.kafka.min-insync-replicas` | `1` | `min.insync.replicas` of each topic (**2** on a production cluster): replicas that must hold a record before an `acks=all` write succeeds |",
    "| `herald.kafka.topics.<key>.partitions`, `.replication-factor`, `.min-insync-replicas` | the three above | one topic's own settings, shared by every service; `<key>` is the topic's name without `herald.` and with dashes: `announcements`, `announcements-tagged`, `announcements-dlt`, `announcements-tagged-dlt` |",
    "| `herald.kafka.max-record-bytes` | `1048576` (1 MiB) | the largest record the tagger and notifier read; a larger one is poison, dead-lettered whole with the reason |",
    "| `herald.kafka.max-message-bytes` | `8388608` (8 MiB) | `max.message.bytes` of each topic a service creates, and the producers' `max.request.size` and consumers' fetch sizes: room to dead-letter a record over `max-record-bytes` |",
]

ROW = re.compile(r"^\| `herald\.[^`]+`")


def rows(path):
    seen = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if ROW.match(line) and line not in seen:
            seen.append(line)
    return seen


def main():
    shared_keys = {line.split("`")[1] for line in SHARED}
    out = [
        "# Configuration",
        "",
        "Every `herald.*` key. Set them as usual for Spring Boot: arguments (`--herald.x=y`), environment",
        "variables (`HERALD_X=y`) or an `application.yml`. Durations take `500ms`, `5s`, `2m`, `1h`, `5d`.",
        "The standard Spring keys (`spring.kafka.*`, `spring.datasource.*`, `spring.mail.*`, `server.port`)",
        "are described in [deployment](deployment.md). Secrets (keys, passwords) are never logged.",
        "",
        "This page is written by `python3 docs/tools/configuration.py` from the tables in the module docs,",
        "where each key is explained in context; edit those, then run it. The defaults are those of the",
        "`@ConfigurationProperties` records; the build also writes every key, its description and default",
        "to `META-INF/spring-configuration-metadata.json` in each jar, for IDE completion.",
        "",
    ]
    for title, source in SECTIONS:
        lines = SHARED if source is None else [r for r in rows(source) if r.split("`")[1] not in shared_keys]
        if not lines:
            continue
        out += [f"## {title}", ""]
        if source:
            out += [f"From [{pathlib.Path(source).name}]({pathlib.Path(source).name}).", ""]
        out += ["| key | default | meaning |", "|---|---|---|"] + lines + [""]
    pathlib.Path("docs/configuration.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
