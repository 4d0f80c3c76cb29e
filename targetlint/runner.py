"""The check pipeline for a set of paths: files → sources → engine → findings
→ per-file ignores → inline suppressions."""

from __future__ import annotations

import os
from collections.abc import Callable
from stat import S_ISREG
from typing import TYPE_CHECKING

from targetlint import os_errors
from targetlint.engine import Engine, file_crashed
from targetlint.i18n import Message
from targetlint.lint import lint
from targetlint.results import FileOutcome, FilePlan, RunResult
from targetlint.rule import Finding
from targetlint.source import MAX_FILE_SIZE, SourceText, decode, read_limited, too_large
from targetlint.workbook_source import MAX_WORKBOOK_SIZE, is_encrypted, is_workbook, is_workbook_name, lint_workbook

if TYPE_CHECKING:
    from targetlint.cache import Key

YAML_SUFFIXES = (".yaml", ".yml")
# Folders a recursive walk never enters: tool state, not declarations.
SKIPPED_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".targetlint_cache",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
}


def collect(
    paths: list[str],
    excluded_directory: Callable[[str], bool] | None = None,
    notices: list[Message] | None = None,
    gitignored: Callable[[str, bool], bool] | None = None,
) -> tuple[list[str], list[Message]]:
    """YAML files under ``paths`` (sorted, de-duplicated) and errors for paths that are not there.

    ``gitignored(path, is_directory)``: what a directory walk skips (see
    targetlint.gitignore); paths named in ``paths`` are kept whatever it says.

    A directory without YAML files is not an error when ``notices`` is given:
    the message goes there (nothing to check is not a failure, nor an all-clear).

    A directory for which ``excluded_directory`` is true (none of its files
    could be checked) is not entered, so a large excluded tree costs nothing
    and a problem inside it (an unreadable folder) is not reported. The
    caller still drops excluded files one by one: this only saves the walk.
    """
    files: list[str] = []
    errors: list[Message] = []
    for path in paths:
        if os.path.isdir(path):
            # A directory named on the command line is walked even when it is
            # excluded itself, as it always was; its files are dropped later.
            prune = excluded_directory if excluded_directory is not None and not excluded_directory(path) else None
            unreadable: list[OSError] = []
            pruned: list[str] = []
            special: list[str] = []
            found = list(_yaml_files(path, unreadable.append, prune, pruned, gitignored, special))
            for name in special:
                if notices is not None:
                    notices.append(
                        Message(
                            f"{name}：不是普通文件（设备、FIFO 或套接字），已跳过",
                            f"{name}: not a regular file (a device, FIFO or socket); skipped",
                        )
                    )
            for error in unreadable:  # os.walk skips these silently
                errors.append(_unreadable(error.filename, error))
            # "No YAML files" counts excluded ones too, as when excluded folders
            # were walked; they are looked for only when nothing else was found.
            if not found and not unreadable and not any(next(_yaml_files(d, _ignore), None) for d in pruned):
                (errors if notices is None else notices).append(
                    Message(
                        f"{path}：目录中没有 YAML 文件（*.yaml、*.yml）",
                        f"{path}: no YAML files (*.yaml, *.yml) in this directory",
                    )
                )
            files.extend(sorted(found))
        elif os.path.exists(path):
            files.append(path)
        else:
            errors.append(Message(f"{path}：路径不存在", f"{path}: no such file or directory"))
    unique = list(dict.fromkeys(os.path.normpath(f) for f in files))
    return unique, errors


def _unreadable(name: str, error: OSError) -> Message:
    reason = os_errors.reason(error)
    return Message(f"{name}：无法读取（{reason.zh}）", f"{name}: cannot be read ({reason.en})")


def _yaml_files(
    top: str,
    onerror: Callable[[OSError], object],
    prune: Callable[[str], bool] | None = None,
    pruned: list[str] | None = None,
    gitignored: Callable[[str, bool], bool] | None = None,
    special: list[str] | None = None,
):
    """YAML files under ``top``, each directory walked once (symlink loops);
    subdirectories ``prune`` rejects are not entered but added to ``pruned``;
    what ``gitignored`` matches is neither entered nor listed.

    A name that is no regular file (a FIFO would hang the run, a symlink to
    /dev/zero never end) is not yielded but added to ``special``; a name
    that cannot be examined is yielded, so reading it reports why."""
    visited: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(top, followlinks=True, onerror=onerror):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop
            dirs[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        if prune is not None:
            kept = []
            for name in dirs:
                directory = os.path.join(root, name)
                if prune(directory):
                    if pruned is not None:
                        pruned.append(directory)
                else:
                    kept.append(name)
            dirs[:] = kept
        if gitignored is not None:
            dirs[:] = [name for name in dirs if not gitignored(os.path.join(root, name), True)]
            names = [name for name in names if not gitignored(os.path.join(root, name), False)]
        for name in names:
            if name.endswith(YAML_SUFFIXES) or is_workbook_name(name):
                path = os.path.join(root, name)
                try:
                    regular = S_ISREG(os.stat(path).st_mode)
                except OSError:
                    regular = True
                if regular:
                    yield path
                elif special is not None:
                    special.append(path)


def _ignore(error: OSError) -> None:
    pass


def check_files(
    engine: Engine | None,
    files: list[str],
    keep_sources: bool = False,
    plans: Callable[[str], FilePlan] | None = None,
    max_file_size: int | None = MAX_FILE_SIZE,
    *,
    jobs: int = 1,
    cache=None,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_done: Callable[[], None] | None = None,
    render_key: str | None = None,
) -> RunResult:
    """Check ``files`` with ``engine``, or with the plan ``plans(path)`` gives each file.

    With ``jobs`` > 1 files are spread over forked processes; outcomes come
    back in input order, so output stays sorted by file. With ``on_file``,
    each file's findings are handed over as soon as the file is done and not
    kept, so memory follows the largest file rather than the corpus;
    ``on_done`` is called after every file, with or without findings.
    """
    result = RunResult(read_limit=max_file_size or MAX_FILE_SIZE)
    planned = [(path, plans(path) if plans else _engine_plan(engine)) for path in files]

    # Files the cache already holds are answered here: sending their results
    # back from a worker would cost more than reading them. The keys found
    # are kept (not the bytes: memory must not follow the corpus), so a hit
    # costs one read and one hash of the file.
    held: dict[int, Key] = {}
    if cache is not None and jobs > 1:
        for index, (path, plan) in enumerate(planned):
            key = cache.find(path, plan.fingerprint, max_file_size)
            if key is not None:
                held[index] = key

    def work(index: int) -> FileOutcome:
        path, plan = planned[index]
        return check_path(
            path, plan, max_file_size=max_file_size, cache=cache, render_key=render_key, held=held.get(index)
        )

    def lost(index: int, reason: str) -> FileOutcome:
        # The worker checking the file died (the out-of-memory killer, a
        # plugin calling os._exit): this file is reported, the others go on.
        path = planned[index][0]
        finding = file_crashed(
            path,
            f"检查 {path} 的工作进程意外终止（{reason}），该文件未检查完",
            f"the worker process checking {path} ended unexpectedly ({reason}); the file was not fully checked",
        )
        return FileOutcome(path, [finding], crashed=1)

    from targetlint import user_regex

    user_regex.start_run()  # the run-wide limit of users' patterns (each worker inherits it)
    try:
        return _check_all(planned, held, work, lost, jobs, result, on_file, on_done, cache)
    finally:
        user_regex.end_run()


def _check_all(planned, held, work, lost, jobs, result, on_file, on_done, cache) -> RunResult:
    from targetlint.parallel import ordered_map

    misses = ordered_map(
        work, [i for i in range(len(planned)) if i not in held], jobs, lost, isolate=_foreign_code(planned)
    )
    for index, (_path, plan) in enumerate(planned):
        outcome = work(index) if index in held else next(misses)
        result.add(outcome, plan, retain=on_file is None)
        if on_file is not None and (outcome.findings or outcome.rendered):
            outcome.findings.sort(key=Finding.sort_key)
            on_file(outcome)
        if on_done is not None:  # one more file finished (progress)
            on_done()
    if cache is not None:
        result.cache_hits = cache.hits
    return result


# Packages whose rules are targetlint's own code (the built-in pack and the
# declarative engine that runs rule files): they never end the process.
_OWN_PACKAGES = frozenset({"targetlint", "targetlint_rules"})


def _foreign_code(planned: list[tuple[str, FilePlan]]) -> bool:
    """Whether a plan runs a rule written in Python outside targetlint: a
    plugin's code could end the process (``os._exit(0)``), so the runner
    then checks files in a worker process it watches, even with ``-j 1``."""
    engines = {id(plan.engine): plan.engine for _, plan in planned}
    return any(
        type(rule).__module__.partition(".")[0] not in _OWN_PACKAGES
        for engine in engines.values()
        for rule in engine.rules
    )


def check_path(
    path: str,
    plan: FilePlan,
    *,
    max_file_size: int | None = MAX_FILE_SIZE,
    cache=None,
    render_key: str | None = None,
    held: Key | None = None,
) -> FileOutcome:
    """Read and check one file, through the cache when there is one.

    ``held``: the cache key the pre-pass found for the file (``Cache.find``);
    the entry is read without reading the file again, which happens only
    when the entry turns out unusable."""
    rendering = f"{render_key}|{path}" if render_key else None
    workbook = is_workbook_name(path)
    if workbook:
        # Workbooks are not cached: their findings carry cells the cache does not keep.
        cache = None
        if max_file_size is not None:
            max_file_size = max(max_file_size, MAX_WORKBOOK_SIZE)
    if cache is not None and held is not None:
        hit = cache.read(held, path, render_key=rendering)
        if hit is not None:
            return hit
    try:
        data, size = read_limited(path, max_file_size)
    except OSError as error:
        # A file we were asked to check and cannot read is an error (exit 2),
        # like a path that does not exist: CI must not pass without having looked.
        return FileOutcome(path, error=_unreadable(path, error))
    if data is None:
        assert max_file_size is not None  # read_limited() holds back the bytes only over a limit
        return check_text(too_large(path, size, max_file_size), plan)
    if workbook or is_workbook(data) or is_encrypted(data):
        return check_workbook(data, path, plan)
    key = None
    if cache is not None:
        key = cache.key(data, plan.fingerprint)
        # A held entry was just found unusable: reading it again would not help.
        hit = cache.read(key, path, render_key=rendering) if held is None else None
        if hit is not None:
            return hit
    outcome = check_text(decode(data, path, max_size=None), plan)
    if key is not None:
        cache.write(key, outcome)
    return outcome


def check_workbook(data: bytes, path: str, plan: FilePlan) -> FileOutcome:
    """A workbook checked in place (see targetlint.workbook_source), as the runner's record."""
    result = lint_workbook(data, path, plan)
    return FileOutcome(path, result.findings, result.declarations, result.crashed, projects=result.projects)


def _engine_plan(engine: Engine | None) -> FilePlan:
    """The plan of a caller that gave ``engine`` rather than plans."""
    if engine is None:
        raise TypeError("an engine is needed when no plan is given")
    return FilePlan(engine)


def check_source(
    engine: Engine | None,
    source: SourceText,
    result: RunResult,
    keep_sources: bool = False,
    plan: FilePlan | None = None,
) -> None:
    plan = plan or _engine_plan(engine)
    result.add(check_text(source, plan), plan)
    if keep_sources:
        result.sources[source.path] = source.lines


def check_text(source: SourceText, plan: FilePlan) -> FileOutcome:
    """:func:`targetlint.lint.lint` for one decoded file, as the runner's picklable record."""
    result = lint(source, source.path, plan)
    return FileOutcome(source.path, result.findings, result.declarations, result.crashed, projects=result.projects)
