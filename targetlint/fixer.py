"""``check --fix`` and ``--diff``: apply the fixes rules offer, by splicing text.

A rule offers a :class:`~targetlint.rule.Fix`: the span of a value (or a
mapping key) and the value it should have. This module turns that new value
into the smallest edit of the file's text that makes YAML read it, so
comments, key order, quoting, blank lines and everything outside the edited
characters stay byte-identical.

How an edit is made:

1. The scalar at the fix's span is found by composing the file again; its
   style (plain, quoted, block) says how its characters map to the value.
2. The old and new value are diffed; each changed stretch of the value is
   mapped back to the characters that spell it, and only those are replaced
   (escaped for the scalar's style). If that does not read back as intended,
   a single-line scalar is rewritten whole: plain if YAML reads the new text
   as the same string, else double-quoted; a quoted one keeps its quote when
   it can.
3. Every edit is verified by composing the edited file: the document tree
   must be identical except that the fixed scalars hold exactly the intended
   values (as strings, where they were strings), and loading must report no
   problem that was not there before. A fix that fails is refused, never
   applied half-way.

Fixes of one pass never overlap: one fix per scalar, earliest first; the
engine then runs again on the fixed text, up to :data:`MAX_PASSES` times,
until nothing more is offered. A file that does not parse cleanly, or whose
bytes would not survive decoding and encoding unchanged, is not fixed.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from targetlint.rule import Finding, Fix, FixSafety
from targetlint.source import MAX_FILE_SIZE, UTF8, Codec, SourceText, decode_exact, read_limited

if TYPE_CHECKING:
    from ruamel.yaml.nodes import ScalarNode

MAX_PASSES = 10

_STR = "tag:yaml.org,2002:str"
# Plain words YAML 1.2 reads as text but YAML 1.1 tools (PyYAML, many budget
# system importers) read as booleans or null: a fix writes them quoted.
_YAML11_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])
# Characters YAML also treats as line breaks; the loader counts lines by \n
# alone, so spans in a file holding them cannot be trusted for splicing.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _normalised(text: str) -> str:
    # What the loader parses (see source.decode); spans refer to this text,
    # whose lines are the raw text's lines without their \r.
    return text.replace("\r\n", "\n")


# ---------------------------------------------------------------------------
# Composing and locating scalars


def _compose(text: str):
    """The documents' root nodes, or None when the text does not parse."""
    from ruamel.yaml.error import YAMLError

    from targetlint.loader import composer

    try:
        return list(composer().compose_all(text))
    except (YAMLError, RecursionError, MemoryError, ValueError):
        return None


def _walk(node, seen: set[int]):
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if node.id == "mapping":
        for key, value in node.value:
            yield from _walk(key, seen)
            yield from _walk(value, seen)
    elif node.id == "sequence":
        for item in node.value:
            yield from _walk(item, seen)


def _scalars_by_start(roots) -> dict[tuple[int, int], ScalarNode]:
    found: dict[tuple[int, int], ScalarNode] = {}
    seen: set[int] = set()
    for root in roots:
        for node in _walk(root, seen):
            if node.id == "scalar":
                found.setdefault((node.start_mark.line + 1, node.start_mark.column + 1), node)
    return found


class _Lines:
    """(line, column) ↔ offset in the raw text (1-based, columns in code points)."""

    def __init__(self, text: str):
        self.starts = [0]
        index = text.find("\n")
        while index >= 0:
            self.starts.append(index + 1)
            index = text.find("\n", index + 1)

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


# ---------------------------------------------------------------------------
# A scalar's characters and the value they spell


@dataclass(slots=True)
class _Piece:
    start: int  # offsets in the raw text
    end: int
    value: str  # what these characters contribute to the value


_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX = {"x": 2, "u": 4, "U": 8}


def _flow_pieces(text: str, start: int, end: int, style: str | None) -> list[_Piece] | None:
    """Pieces of a plain or quoted scalar's body text[start:end], folding line
    breaks the way YAML does; None on anything unexpected."""
    pieces: list[_Piece] = []
    i = start
    while i < end:
        ch = text[i]
        if style == '"' and ch == "\\":
            nxt = text[i + 1] if i + 1 < end else ""
            if nxt in ("\n", "\r"):
                # An escaped line break: the break and the next line's indentation vanish.
                j = i + 1
                while j < end and text[j] in "\r\n":
                    j += 1
                    if text[j - 1] == "\n":
                        break
                while j < end and text[j] in " \t":
                    j += 1
                pieces.append(_Piece(i, j, ""))
                i = j
                continue
            if nxt in _HEX:
                digits = text[i + 2 : i + 2 + _HEX[nxt]]
                try:
                    pieces.append(_Piece(i, i + 2 + _HEX[nxt], chr(int(digits, 16))))
                except ValueError:
                    return None
                i += 2 + _HEX[nxt]
                continue
            if nxt not in _ESCAPES:
                return None
            pieces.append(_Piece(i, i + 2, _ESCAPES[nxt]))
            i += 2
            continue
        if style == "'" and ch == "'":
            if text[i + 1 : i + 2] != "'":
                return None
            pieces.append(_Piece(i, i + 2, "'"))
            i += 2
            continue
        if ch in " \t\r\n":
            j = i
            while j < end and text[j] in " \t\r\n":
                j += 1
            run = text[i:j]
            breaks = run.count("\n")
            if not breaks:
                pieces.extend(_Piece(k, k + 1, text[k]) for k in range(i, j))
            else:
                pieces.append(_Piece(i, j, " " if breaks == 1 else "\n" * (breaks - 1)))
            i = j
            continue
        pieces.append(_Piece(i, i + 1, ch))
        i += 1
    return pieces


def _literal_pieces(text: str, start: int, end: int) -> tuple[list[_Piece], int] | None:
    """Pieces of a literal block scalar (``|``) and its indentation."""
    header_end = text.find("\n", start, end)
    if header_end < 0:
        return None
    header = text[start:header_end].split("#", 1)[0].strip()
    if any(c.isdigit() for c in header):
        return None  # an explicit indentation indicator: rare, not worth guessing its base
    pieces: list[_Piece] = []
    i = header_end + 1
    indent = None
    while i < end:
        line_end = text.find("\n", i, end)
        line_end = end if line_end < 0 else line_end
        line = text[i:line_end].rstrip("\r")
        if indent is None and line.strip():
            indent = len(line) - len(line.lstrip(" "))
        cut = min(indent or 0, len(line) - len(line.lstrip(" ")))
        if cut:
            pieces.append(_Piece(i, i + cut, ""))
        pieces.extend(_Piece(k, k + 1, text[k]) for k in range(i + cut, i + len(line)))
        if line_end < end:
            pieces.append(_Piece(i + len(line), line_end + 1, "\n"))
        i = line_end + 1
    return pieces, indent or 0


def _trim(pieces: list[_Piece], value: str) -> list[_Piece] | None:
    """The pieces that spell exactly ``value``; a block scalar's chomped
    trailing breaks may follow."""
    spelled = "".join(p.value for p in pieces)
    if spelled == value:
        return pieces
    if not spelled.startswith(value) or spelled[len(value) :].strip():
        return None
    kept, length = [], 0
    for piece in pieces:
        if length >= len(value) and piece.value:
            break
        if length + len(piece.value) > len(value):
            return None
        kept.append(piece)
        length += len(piece.value)
    return kept


# ---------------------------------------------------------------------------
# Rendering text for a scalar's style


def _plain_reads_as(text: str) -> bool:
    """Whether ``text`` written plain after a block mapping key reads back as the string ``text``."""
    if not text or text != text.strip() or "\n" in text:
        return False
    roots = _compose("k: " + text + "\n")
    if not roots or roots[0] is None or roots[0].id != "mapping" or len(roots[0].value) != 1:
        return False
    node = roots[0].value[0][1]
    return (
        node.id == "scalar"
        and not node.style
        and node.tag == _STR
        and node.value == text
        and text.lower() not in _YAML11_WORDS
    )


def _double_quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def _whole(value: str, style: str | None) -> list[str]:
    """Ways to write ``value`` as a whole single-line scalar, the original style first."""
    options = []
    if style is None and _plain_reads_as(value):
        options.append(value)
    if style == "'" and "\n" not in value and value.isprintable():
        options.append("'" + value.replace("'", "''") + "'")
    options.append(_double_quoted(value))
    return options


def _escape_piece(text: str, style: str | None, indent: int) -> str | None:
    if style == '"':
        return _double_quoted(text)[1:-1]
    if "\n" in text:
        return text.replace("\n", "\n" + " " * indent) if style == "|" else None
    if style == "'":
        return text.replace("'", "''")
    return text


# ---------------------------------------------------------------------------
# Edits


_Splice = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(slots=True)
class _Edit:
    finding: Finding
    node: ScalarNode  # the scalar in the composed text
    value: str  # the value the fix asks for
    candidates: list[tuple[_Splice, ...]]  # ways to make it, preferred first
    choice: int = 0

    @property
    def splices(self) -> tuple[_Splice, ...]:
        return self.candidates[self.choice]

    @property
    def start(self) -> int:
        return self.splices[0][0]

    @property
    def end(self) -> int:
        return self.splices[-1][1]


def _scalar_extent(text: str, lines: _Lines, node) -> tuple[int, int]:
    return (
        lines.offset(node.start_mark.line + 1, node.start_mark.column + 1),
        lines.offset(node.end_mark.line + 1, node.end_mark.column + 1),
    )


def _minimal(text: str, lines: _Lines, node, new: str) -> tuple[_Splice, ...] | None:
    """Splices replacing only the characters that spell what changed."""
    start, end = _scalar_extent(text, lines, node)
    style = node.style or None  # the C composer marks plain scalars with ''
    indent = 0
    if style in ("'", '"'):
        pieces = _flow_pieces(text, start + 1, end - 1, style)
    elif style is None:
        pieces = _flow_pieces(text, start, end, None)
    elif style == "|":
        found = _literal_pieces(text, start, end)
        pieces, indent = found if found else (None, 0)
    else:
        return None
    if pieces is None:
        return None
    pieces = _trim(pieces, node.value)
    if pieces is None:
        return None
    # Value index → piece; pieces spelling nothing belong to the next stretch.
    owner: list[int] = []
    for number, piece in enumerate(pieces):
        owner.extend([number] * len(piece.value))
    old = node.value
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    regions = [list(op[1:]) for op in matcher.get_opcodes() if op[0] != "equal"]
    if not regions:
        return None
    # Widen each stretch to whole pieces ("''" is one quote, a fold is one space),
    # moving both sides by the same amount: outside a stretch old and new agree.
    for region in regions:
        i1, i2, j1, j2 = region
        if i1 < len(old):
            grow = i1 - _piece_value_start(pieces, owner[i1])
            region[0], region[2] = i1 - grow, j1 - grow
        if i2 > 0:
            last = owner[i2 - 1]
            grow = _piece_value_start(pieces, last) + len(pieces[last].value) - i2
            region[1], region[3] = i2 + grow, j2 + grow
    merged: list[list[int]] = []
    for region in regions:
        if merged and region[0] <= merged[-1][1]:
            merged[-1][1], merged[-1][3] = max(merged[-1][1], region[1]), max(merged[-1][3], region[3])
        else:
            merged.append(region)
    splices = []
    for i1, i2, j1, j2 in merged:
        if i1 < i2:
            src_start, src_end = pieces[owner[i1]].start, pieces[owner[i2 - 1]].end
        elif i1 < len(old):
            # Before the piece that follows, after any piece spelling nothing
            # (a literal block's indentation, an escaped line break).
            src_start = src_end = pieces[owner[i1]].start
        elif old:
            src_start = src_end = pieces[owner[-1]].end
        elif style in (None, "'", '"'):
            src_start = src_end = start + (1 if style else 0)
        else:
            return None
        replacement = _escape_piece(new[j1:j2], style, indent)
        if replacement is None:
            return None
        splices.append((src_start, src_end, replacement))
    return tuple(splices)


def _piece_value_start(pieces: list[_Piece], number: int) -> int:
    return sum(len(p.value) for p in pieces[:number])


def _candidates(text: str, lines: _Lines, node, new: str) -> list[tuple[_Splice, ...]]:
    found = []
    minimal = _minimal(text, lines, node, new)
    if minimal is not None:
        found.append(minimal)
    if node.start_mark.line == node.end_mark.line and (node.style or None) in (None, "'", '"'):
        start, end = _scalar_extent(text, lines, node)
        for written in _whole(new, node.style or None):
            whole = ((start, end, written),)
            if whole not in found:
                found.append(whole)
    return found


# ---------------------------------------------------------------------------
# Verification


def _same_tree(old, new, expected: dict[int, str], budget: list[int]) -> bool:
    budget[0] -= 1
    if budget[0] < 0 or old is None or new is None:
        return old is new
    if old.id != new.id:
        return False
    if old.id == "scalar":
        if id(old) in expected:
            if new.value != expected[id(old)]:
                return False
            if not new.style and new.value.lower() in _YAML11_WORDS:
                return False
            # A string stays a string; a bare number may become one ("100" → "100%").
            return new.tag == _STR or (old.tag != _STR and new.tag == old.tag)
        return new.tag == old.tag and new.value == old.value and new.style == old.style
    if old.tag != new.tag or len(old.value) != len(new.value):
        return False
    if old.id == "mapping":
        keys = [k.value for k, _ in new.value]
        if len(set(keys)) < len({k.value for k, _ in old.value}):
            return False  # a renamed key collided with a sibling
        return all(
            _same_tree(ok, nk, expected, budget) and _same_tree(ov, nv, expected, budget)
            for (ok, ov), (nk, nv) in zip(old.value, new.value)
        )
    return all(_same_tree(o, n, expected, budget) for o, n in zip(old.value, new.value))


def _problem_counts(text: str, vocabulary) -> dict[str, int]:
    from targetlint.loader import load

    loaded = load(SourceText("-", _normalised(text)), vocabulary)
    counts: dict[str, int] = {}
    for problem in loaded.problems:
        counts[problem.kind] = counts.get(problem.kind, 0) + 1
    return counts


def _splice(text: str, edits: list[_Edit]) -> str:
    out, last = [], 0
    for start, end, replacement in sorted(s for e in edits for s in e.splices):
        out.append(text[last:start])
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


class _Verifier:
    def __init__(self, text: str, roots, vocabulary):
        self.text, self.roots, self.vocabulary = text, roots, vocabulary
        self.problems = _problem_counts(text, vocabulary)

    def accepts(self, edits: list[_Edit]) -> str | None:
        """The edited text if it holds exactly the intended change, else None."""
        candidate = _splice(self.text, edits)
        roots = _compose(_normalised(candidate))
        if roots is None or len(roots) != len(self.roots):
            return None
        expected = {id(e.node): e.value for e in edits}
        budget = [1_000_000]
        if not all(_same_tree(o, n, expected, budget) for o, n in zip(self.roots, roots)):
            return None
        after = _problem_counts(candidate, self.vocabulary)
        if any(after.get(kind, 0) > self.problems.get(kind, 0) for kind in after):
            return None
        return candidate


# ---------------------------------------------------------------------------
# The fix loop


@dataclass
class FixOutcome:
    text: str
    applied: list[Finding] = field(default_factory=list)
    refused: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, reason in English)
    skipped: str | None = None  # why the file was not fixed at all

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.safety == FixSafety.SAFE or (unsafe and fix.safety == FixSafety.UNSAFE))


def _as_plan(plan):
    from targetlint.results import FilePlan

    return plan if isinstance(plan, FilePlan) else FilePlan(plan)


def _findings(plan, source: SourceText) -> list[Finding]:
    # The check's own path, so per-file ignores and inline suppressions
    # hold back a fix exactly as they hold back the finding.
    from targetlint.lint import lint

    return lint(source, source.path, plan).findings


def fix_text(text: str, plan, path: str = "-", *, unsafe: bool = False, codec: Codec = UTF8) -> FixOutcome:
    """Apply every allowed fix offered for ``text`` (raw, newlines as in the file)
    by the rules of ``plan`` (a runner.FilePlan, or an Engine)."""
    plan = _as_plan(plan)
    outcome = FixOutcome(text)
    if any(b in text.replace("\r\n", "") for b in _OTHER_BREAKS):
        outcome.skipped = "line breaks other than \\n and \\r\\n"
        return outcome
    try:
        _fix_loop(outcome, plan, path, unsafe, codec)
    except (RecursionError, MemoryError):
        # Nesting the loader survives may still be too deep to compare trees.
        outcome.text, outcome.skipped = text, "too deeply nested to verify fixes"
        outcome.applied.clear()
    return outcome


def fix_one(text: str, finding: Finding, vocabulary) -> str | None:
    """``text`` (raw, newlines as in the file) with only ``finding``'s fix
    applied, verified as every ``--fix`` edit is; None when the fix is
    refused or the text cannot be fixed. An editor's code action for one
    finding."""
    if finding.fix is None or any(b in text.replace("\r\n", "") for b in _OTHER_BREAKS):
        return None
    roots = _compose(_normalised(text))
    if roots is None:
        return None
    outcome = FixOutcome(text)
    try:
        _one_pass(outcome, roots, [finding], set(), vocabulary)
    except (RecursionError, MemoryError):
        return None
    return outcome.text if outcome.changed else None


def _fix_loop(outcome: FixOutcome, plan, path: str, unsafe: bool, codec: Codec) -> None:
    refused: set[tuple[str, str, str]] = set()
    for _ in range(MAX_PASSES):
        roots = _compose(_normalised(outcome.text))
        if roots is None:
            if _fix_syntax(outcome, plan, path, unsafe, codec):
                continue
            outcome.skipped = "the file does not parse as YAML"
            return
        findings = _findings(plan, SourceText(path, _normalised(outcome.text), codec))
        offers = [f for f in findings if allowed(f.fix, unsafe)]
        if not offers:
            break
        applied = _one_pass(outcome, roots, offers, refused, plan.engine.vocabulary)
        if not applied:
            break


def _fix_syntax(outcome: FixOutcome, plan, path: str, unsafe: bool, codec: Codec) -> bool:
    """Apply the fixes of the YAML syntax itself (``Fix.text``: TL001's full-width
    colon) to a file that does not parse, all at once. Kept only when the file
    then parses, so a fix never trades one broken file for another."""
    findings = _findings(plan, SourceText(path, _normalised(outcome.text), codec))
    offers = [f for f in findings if f.fix is not None and f.fix.text and allowed(f.fix, unsafe)]
    if not offers:
        return False
    lines = _Lines(outcome.text)
    text = outcome.text
    for finding in sorted(offers, key=lambda f: f.sort_key(), reverse=True):  # last first: offsets hold
        fix = finding.fix
        assert fix is not None
        start = lines.offset(fix.span.line, fix.span.column)
        end = lines.offset(fix.span.end_line, fix.span.end_column)
        text = text[:start] + fix.replacement + text[end:]
    if _compose(_normalised(text)) is None:
        outcome.refused.extend((f, "the fixed file would not read back as intended") for f in offers)
        return False
    outcome.text = text
    outcome.applied.extend(offers)
    return True


def _one_pass(outcome: FixOutcome, roots, offers: list[Finding], refused: set, vocabulary) -> bool:
    text = outcome.text
    lines = _Lines(text)
    scalars = _scalars_by_start(roots)
    edits: list[_Edit] = []
    for finding in offers:
        fix = finding.fix
        assert fix is not None  # allowed() offers only findings with a fix
        node = scalars.get((fix.span.line, fix.span.column))
        key = (finding.code, node.value if node is not None else "", fix.replacement)
        if key in refused:
            continue
        if node is None or not isinstance(fix.replacement, str):
            refused.add(key)
            outcome.refused.append((finding, "the fix does not point at a value"))
            continue
        if node.value == fix.replacement:
            continue
        candidates = _candidates(text, lines, node, fix.replacement)
        if not candidates:
            refused.add(key)
            outcome.refused.append((finding, "no way to write the new value in this scalar's style"))
            continue
        edits.append(_Edit(finding, node, fix.replacement, candidates))
    # One fix per scalar and no overlapping splices; the rest wait for the next pass.
    chosen: list[_Edit] = []
    taken: set[int] = set()
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.finding.code)):
        if (
            id(edit.node) in taken
            or edit.start < last_end
            or (edit.start == last_end and chosen and chosen[-1].start == chosen[-1].end)
        ):
            continue
        chosen.append(edit)
        taken.add(id(edit.node))
        last_end = edit.end
    if not chosen:
        return False
    verifier = _Verifier(text, roots, vocabulary)
    fixed = verifier.accepts(chosen)
    if fixed is None:
        # Find which edits hold up alone (trying each way of writing them), keep those.
        good: list[_Edit] = []
        for edit in chosen:
            for choice in range(len(edit.candidates)):
                edit.choice = choice
                if verifier.accepts([edit]) is not None:
                    good.append(edit)
                    break
            else:
                refused.add((edit.finding.code, edit.node.value, edit.value))
                outcome.refused.append((edit.finding, "the fixed file would not read back as intended"))
        while good:
            fixed = verifier.accepts(good)
            if fixed is not None:
                break
            good = good[:1] if len(good) > 1 else []
        chosen = good
    if not chosen or fixed is None:
        return False
    outcome.text = fixed
    outcome.applied.extend(e.finding for e in chosen)
    return True


# ---------------------------------------------------------------------------
# Files and the command line


@dataclass
class FileFix:
    path: str
    before: str
    outcome: FixOutcome
    codec: Codec | None = None  # how to write the fixed text back (None: the file was not decoded)


# Why a file larger than the check's size limit is not fixed (the check reports it as TL001).
TOO_LARGE_TO_FIX = "larger than the size limit"


def fix_file(
    path: str, plan, *, unsafe: bool = False, display: str | None = None, max_size: int = MAX_FILE_SIZE
) -> FileFix:
    """Fix the file at ``path``; one the check would refuse as too large
    (``max_size``) is not read past the limit, nor fixed."""
    data, _ = read_limited(path, max_size)
    if data is None:
        return FileFix(display or path, "", FixOutcome("", skipped=TOO_LARGE_TO_FIX))
    return fix_bytes(data, plan, display or path, unsafe=unsafe)


def fix_bytes(data: bytes, plan, path: str, *, unsafe: bool = False) -> FileFix:
    decoded = decode_exact(data)
    if decoded is None:
        outcome = FixOutcome("", skipped="its bytes would not survive decoding and encoding unchanged")
        return FileFix(path, "", outcome)
    text, codec = decoded
    outcome = fix_text(text, plan, path, unsafe=unsafe, codec=codec)
    return FileFix(path, text, outcome, codec)


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff whose lines keep their own endings; a last line without
    a newline is marked as diff and patch expect."""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(old, new, fromfile=path, tofile=path):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
