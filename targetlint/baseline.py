"""Baselines: adopt targetlint on an existing corpus without fixing it first.

``--write-baseline FILE`` records today's findings; ``--baseline FILE`` then
reports only findings that are not in it. An entry is keyed on the file
(relative to the baseline's directory), the declaration name, the indicator
path, the rule code and a hash of the offending text, with a count — never on
a line number — so editing above a finding does not make it new.

The baseline only shrinks: an entry that no longer matches anything (the
defect was fixed, or its file deleted) fails the run until
``--prune-baseline`` rewrites the file without it. Only entries of files
checked in this run, for rules enabled on them, are judged, so a pre-commit
run over a few staged files does not call the rest stale.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field

from targetlint import escape, os_errors
from targetlint.finding_identity import PATH_SEPARATOR, identity, relative_path
from targetlint.i18n import Message
from targetlint.source import read_settings

FORMAT_VERSION = 1
# A baseline records findings: a million files' worth is far below these.
MAX_BASELINE_SIZE = 256 * 1024 * 1024
MAX_COUNT = 10**9

Key = tuple[str, str, str, str, str]  # file, declaration, indicator path, code, subject hash


class BaselineError(Exception):
    def __init__(self, path: str, zh: str, en: str):
        super().__init__(en)
        self.path, self.zh, self.en = path, zh, en

    def message(self, lang: str = "zh") -> str:
        return Message(f"基线文件 {self.path}：{self.zh}", f"baseline {self.path}: {self.en}").text(lang)


@dataclass
class Baseline:
    path: str
    entries: Counter = field(default_factory=Counter)  # Key → count
    names: dict = field(default_factory=dict)  # code → rule name, for readers of the file

    @property
    def base(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def key(self, finding) -> Key:
        return identity(finding, self.base)


def load(path: str) -> Baseline:
    try:
        document = json.loads(read_settings(path, MAX_BASELINE_SIZE).decode("utf-8"))
    except RecursionError:
        raise BaselineError(path, "JSON 嵌套过深", "JSON nested too deeply") from None
    except FileNotFoundError:
        raise BaselineError(
            path, "文件不存在（先用 --write-baseline 生成）", "no such file (create it with --write-baseline)"
        ) from None
    except OSError as error:
        reason = os_errors.reason(error)
        raise BaselineError(path, f"无法读取（{reason.zh}）", f"cannot be read ({reason.en})") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BaselineError(path, f"不是有效的 JSON：{error}", f"not valid JSON: {error}") from None
    baseline = Baseline(path)
    try:
        if document.get("targetlint_baseline") != FORMAT_VERSION:
            raise ValueError(f"targetlint_baseline must be {FORMAT_VERSION}")
        for index, entry in enumerate(document["entries"]):
            key = (
                str(entry["file"]),
                str(entry.get("declaration") or ""),
                PATH_SEPARATOR.join(entry.get("indicator_path") or ()),
                str(entry["code"]),
                str(entry["subject_hash"]),
            )
            count = entry.get("count", 1)
            # 1e400 reads as infinity, 1.5 as a fraction: neither counts findings.
            if type(count) is not int or not 1 <= count <= MAX_COUNT:
                raise ValueError(f"entries[{index}]: count must be a whole number from 1 to {MAX_COUNT}, not {count!r}")
            baseline.entries[key] += count
            baseline.names[key[3]] = entry.get("name", "")
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise BaselineError(path, f"格式不对：{error}", f"malformed: {error}") from None
    return baseline


def serialise(baseline: Baseline) -> bytes:
    entries = [
        {
            "file": file,
            "declaration": declaration or None,
            "indicator_path": indicator_path.split(PATH_SEPARATOR) if indicator_path else [],
            "code": code,
            "name": baseline.names.get(code, ""),
            "subject_hash": digest,
            "count": count,
        }
        for (file, declaration, indicator_path, code, digest), count in sorted(baseline.entries.items())
        if count > 0
    ]
    document = {"targetlint_baseline": FORMAT_VERSION, "entries": entries}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save(baseline: Baseline) -> None:
    from targetlint.atomic import write_atomic

    try:
        write_atomic(baseline.path, serialise(baseline), force=True)
    except OSError as error:
        reason = os_errors.reason(error)
        raise BaselineError(baseline.path, f"无法写入（{reason.zh}）", f"cannot be written ({reason.en})") from None


def record(path: str, findings, checked_paths) -> Baseline:
    """A baseline of ``findings``; entries an existing file holds for files not
    checked in this run are kept, so a partial run does not forget them."""
    baseline = Baseline(path)
    checked = {relative_path(p, baseline.base) for p in checked_paths}
    if os.path.exists(path):
        previous = load(path)
        for key, count in previous.entries.items():
            if key[0] not in checked:
                baseline.entries[key] += count
                baseline.names[key[3]] = previous.names.get(key[3], "")
    for finding in findings:
        key = baseline.key(finding)
        baseline.entries[key] += 1
        baseline.names[finding.code] = finding.name
    return baseline


@dataclass
class Outcome:
    new: list  # findings not in the baseline
    matched: Counter  # Key → findings it absorbed
    stale: list[tuple[Key, int]]  # entries (or parts of counts) that matched nothing
    # (entry of a file that is gone, the same finding in a checked file) → count:
    # a renamed file keeps its entries; pruning moves them to the new name.
    moved: Counter = field(default_factory=Counter)


def compare(baseline: Baseline, findings, checked: dict) -> Outcome:
    """Split ``findings`` into new ones and baselined ones; ``checked`` maps each
    path checked in this run to its plan (for the rules enabled on it).

    A finding no entry of its own file matches may match an entry of a file
    that no longer exists, for the same declaration, indicator, rule and text:
    the file was renamed (``git mv``), and its entries go with it."""
    remaining = Counter(baseline.entries)
    matched: Counter = Counter()
    unmatched = []
    for finding in findings:
        key = baseline.key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            matched[key] += 1
        else:
            unmatched.append((finding, key))
    gone = {file: not os.path.exists(os.path.join(baseline.base, file)) for file in {key[0] for key in remaining}}
    elsewhere: dict[tuple, list[Key]] = {}  # key without its file → entries of files that are gone
    for key, count in remaining.items():
        if count > 0 and gone[key[0]]:
            elsewhere.setdefault(key[1:], []).append(key)
    moved: Counter = Counter()
    new = []
    for finding, key in unmatched:
        entry = next((old for old in elsewhere.get(key[1:], ()) if remaining[old] > 0), None)
        if entry is None:
            new.append(finding)
            continue
        remaining[entry] -= 1
        matched[entry] += 1
        moved[(entry, key)] += 1
    enabled = {relative_path(path, baseline.base): plan.enabled for path, plan in checked.items()}
    stale = []
    for key, count in sorted(remaining.items()):
        if count <= 0:
            continue
        file, code = key[0], key[3]
        if gone[file] or (file in enabled and code in enabled[file]):
            stale.append((key, count))
    return Outcome(new, matched, stale, moved)


def pruned(baseline: Baseline, outcome: Outcome) -> Baseline:
    """``baseline`` without its stale entries, and with moved ones under their files' new names."""
    result = Baseline(baseline.path, Counter(baseline.entries), dict(baseline.names))
    for key, count in outcome.stale:
        result.entries[key] -= count
    for (old, new), count in outcome.moved.items():
        result.entries[old] -= count
        result.entries[new] += count
    result.entries = Counter({key: count for key, count in result.entries.items() if count > 0})
    return result


def describe(key: Key, count: int) -> str:
    file, declaration, indicator_path, code, _ = key
    where = " › ".join(part for part in (declaration, *indicator_path.split(PATH_SEPARATOR)) if part)
    # The key comes from the baseline file, which may hold anything.
    return escape.text(f"{file}: {code}" + (f" ({where})" if where else "") + (f" ×{count}" if count > 1 else ""))
