"""``check --fix`` and ``--diff`` on the command line: which files, what is
written where, and what is said about it. The fixing itself is ``fixer``'s.

Standard input is read by the check command (one place for both) and passed
in; the exit code is decided by the check command too, from what this
module reports back (:class:`FixRun`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass

from targetlint import os_errors
from targetlint.command import CheckOptions
from targetlint.fixer import TOO_LARGE_TO_FIX, FileFix, FixOutcome, fix_bytes, fix_file, unified_diff
from targetlint.i18n import Message
from targetlint.source import MAX_FILE_SIZE, decode


@dataclass(frozen=True)
class FixRun:
    """How a fix run went. ``complete``: nothing is left for the check to
    report (``--diff``, or ``--fix`` on standard input); otherwise the check
    runs next on the fixed files. ``failing``: a change ``--diff`` shows, or
    a finding left on standard input at its fail-on."""

    complete: bool
    failing: bool = False
    errors: bool = False  # a file could not be read or written, or a rule crashed


def run(options: CheckOptions, planner, lang: str, stdin: bytes | None, stdout=None, stderr=None) -> FixRun:
    """Handle ``--fix`` / ``--diff`` with the check's planner (each file's
    configuration decides its rules and exclusions); ``stdin``: standard
    input's bytes when the path is ``-``."""
    from targetlint.gitignore import gitignored
    from targetlint.lint import lint
    from targetlint.runner import collect

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    unsafe = options.unsafe_fixes
    diff_only = options.diff

    def say(zh: str, en: str) -> None:
        stderr.write(f"targetlint: {Message(zh, en).text(lang)}\n")

    if stdin is not None:
        name = options.stdin_name
        if options.stdin_filename and planner.excluded(name):
            if not diff_only:
                _write_bytes(stdout, stdin)
            return FixRun(complete=True)
        plan = planner.plan(name)
        limit = options.max_file_size or MAX_FILE_SIZE
        if len(stdin) > limit:
            # Read only up to the limit: the text goes back unchanged, the
            # rest of it streamed through, and the check reports it (TL001).
            _report_refusals(FileFix(name, "", FixOutcome("", skipped=TOO_LARGE_TO_FIX)), say)
            if not diff_only:
                _write_bytes(stdout, stdin)
                _copy_rest(sys.stdin.buffer, stdout)
            _show_remaining(lint(decode(stdin, name, max_size=limit), name, plan).findings, lang, stderr)
            return FixRun(complete=True, failing=True)
        fixed = fix_bytes(stdin, plan, name, unsafe=unsafe)
        _report_refusals(fixed, say)
        if diff_only:
            stdout.write(unified_diff(fixed.before, fixed.outcome.text, name))
            return FixRun(complete=True, failing=fixed.outcome.changed)
        out = fixed.codec.encode(fixed.outcome.text) if fixed.codec and fixed.outcome.changed else stdin
        _write_bytes(stdout, out)
        _summary([fixed], say)
        remaining = lint(out, name, plan)
        _show_remaining(remaining.findings, lang, stderr)
        failing = any(f.severity.rank >= plan.fail_on.rank for f in remaining.findings)
        return FixRun(complete=True, failing=failing, errors=bool(remaining.crashed))

    walk_skips = gitignored(options.respect_gitignore)
    files, errors = collect(list(options.targets), planner.excluded_directory, gitignored=walk_skips)
    if errors:
        return FixRun(complete=False)  # the normal check reports missing paths and exits 2
    results: list[FileFix] = []
    failed = False
    for path in files:
        if planner.excluded(path):
            continue
        if _workbook(path):
            say(
                f"{path}：未修复（Excel 工作簿从不被修改：请按检查结果在 Excel 中修改）",
                f"{path}: not fixed (a workbook is never modified: make the changes in Excel)",
            )
            continue
        _remove_stale_temporaries(path)
        refusal = None if diff_only else _protected(path, options.fix_read_only)
        if refusal is not None:
            say(f"{path}：未修复（{refusal[0]}）", f"{path}: not fixed ({refusal[1]})")
            continue
        try:
            before = _fingerprint(path)
            fixed = fix_file(path, planner.plan(path), unsafe=unsafe, max_size=options.max_file_size or MAX_FILE_SIZE)
        except OSError as error:
            reason = os_errors.reason(error)
            say(f"{path}：无法读取（{reason.zh}）", f"{path}: cannot be read ({reason.en})")
            failed = True
            continue
        _report_refusals(fixed, say)
        results.append(fixed)
        if diff_only:
            stdout.write(unified_diff(fixed.before, fixed.outcome.text, path))
        elif fixed.outcome.changed and fixed.codec is not None:  # a file that was fixed was decoded
            from targetlint.atomic import ChangedMeanwhile, write_atomic

            try:
                write_atomic(
                    path,
                    fixed.codec.encode(fixed.outcome.text),
                    force=True,
                    # An edit saved while we worked must not be overwritten.
                    unchanged=functools.partial(_unchanged, path, before),
                )
            except ChangedMeanwhile:
                say(
                    f"{path}：修复期间文件已被改动，未写入修复（请重新运行）",
                    f"{path}: the file changed while it was being fixed; the fixes were not written (run again)",
                )
                fixed.outcome.applied.clear()
                failed = True
            except OSError as error:
                reason = os_errors.reason(error)
                say(f"{path}：无法写入修复（{reason.zh}）", f"{path}: cannot write the fixes ({reason.en})")
                fixed.outcome.applied.clear()
                failed = True
    if diff_only:
        stdout.flush()
        return FixRun(complete=True, failing=any(r.outcome.changed for r in results), errors=failed)
    _summary(results, say)
    return FixRun(complete=failed, errors=failed)


def _show_remaining(findings, lang: str, stderr) -> None:
    """What fixing left, one line each, on stderr: stdout holds the fixed text."""
    from targetlint.reporters import ReportContext
    from targetlint.reporters.text import block

    if findings:
        stderr.write(block(sorted(findings, key=lambda f: f.sort_key()), ReportContext(lang=lang), full=False))


def _unchanged(path: str, before: tuple[int, int, int, str]) -> bool:
    return _fingerprint(path) == before


def _fingerprint(path: str) -> tuple[int, int, int, str]:
    """Size, modification time, inode and content digest: what must be the
    same just before the rename as when the file was read."""
    status = os.stat(path)
    with open(path, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return status.st_size, status.st_mtime_ns, status.st_ino, digest


def _workbook(path: str) -> bool:
    """A workbook checked in place, by its name or its bytes: --fix never writes one."""
    from targetlint.workbook_source import is_workbook, is_workbook_name

    if is_workbook_name(path):
        return True
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the read
            return False
        with open(path, "rb") as handle:
            return is_workbook(handle.read(65536))
    except OSError:
        return False


def _protected(path: str, read_only_allowed: bool) -> tuple[str, str] | None:
    """Why fixing ``path`` in place would bypass a protection, as (zh, en)."""
    try:
        status = os.stat(path)
    except OSError:
        return None  # reading it reports why
    if not read_only_allowed and not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        # Editors ask before writing a read-only file; so do we.
        return "文件是只读的；加 --fix-read-only 才会修复", "the file is read-only; --fix-read-only fixes it anyway"
    if status.st_nlink > 1:
        # Replacing it would split the links: the other names keep the old text.
        return (
            f"文件有 {status.st_nlink} 个硬链接，替换会使它们分离",
            f"the file has {status.st_nlink} hard links, which replacing it would split",
        )
    return None


# mkstemp's names for write_atomic's temporary files: ".NAME.XXXXXXXX.tmp".
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")
# Older than this, a temporary file is no run's work in progress.
_STALE_AFTER = 600.0


def _remove_stale_temporaries(path: str) -> None:
    """Remove what a run killed while fixing ``path`` left beside it."""
    directory, name = os.path.split(path)
    try:
        entries = os.scandir(directory or ".")
    except OSError:
        return
    now = time.time()
    with entries:
        for entry in entries:
            match = _TEMPORARY.fullmatch(entry.name)
            if match is None or match["name"] != name:
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if (
                    stat.S_ISREG(status.st_mode)
                    and status.st_uid == os.geteuid()
                    and now - status.st_mtime > _STALE_AFTER
                ):
                    os.unlink(entry.path)


def _copy_rest(source, stdout) -> None:
    while chunk := source.read(1 << 16):
        _write_bytes(stdout, chunk)


def _write_bytes(stdout, data: bytes) -> None:
    stdout.flush()
    if hasattr(stdout, "buffer"):
        # Bytes, so a GB18030 or UTF-16 file comes back in its own encoding.
        stdout.buffer.write(data)
        stdout.buffer.flush()
    else:
        stdout.write(data.decode("utf-8", "replace"))


def _report_refusals(fixed: FileFix, say) -> None:
    if fixed.outcome.skipped:
        say(
            f"{fixed.path}：未修复（{_SKIP_ZH.get(fixed.outcome.skipped, fixed.outcome.skipped)}）",
            f"{fixed.path}: not fixed ({fixed.outcome.skipped})",
        )
    for finding, reason in fixed.outcome.refused:
        say(
            f"{fixed.path}:{finding.line}:{finding.column}: {finding.code} "
            f"的修复未应用（{_REASON_ZH.get(reason, reason)}）",
            f"{fixed.path}:{finding.line}:{finding.column}: {finding.code} fix not applied ({reason})",
        )


_REASON_ZH = {
    "the fix does not point at a value": "修复没有指向一个值",
    "no way to write the new value in this scalar's style": "无法以该值的写法写出新值",
    "the fixed file would not read back as intended": "修复后的文件无法按预期读回",
}
_SKIP_ZH = {
    "too deeply nested to verify fixes": "嵌套过深，无法校验修复",
    "the file does not parse as YAML": "文件不是合法的 YAML",
    "line breaks other than \\n and \\r\\n": "含有 \\n、\\r\\n 以外的换行符",
    TOO_LARGE_TO_FIX: "超过文件大小上限",
}


def _summary(results: Iterable[FileFix], say) -> None:
    results = list(results)
    count = sum(len(r.outcome.applied) for r in results)
    changed = sum(1 for r in results if r.outcome.changed)
    if count:
        say(
            f"已修复 {count} 处（{changed} 个文件）",
            f"applied {count} fix{'es' if count != 1 else ''} in {changed} file{'s' if changed != 1 else ''}",
        )
