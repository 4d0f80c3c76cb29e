"""A worker that dies, or a rule that exits, costs its file a TL009 finding:
the run checks every other file and exits 2, never hangs and never exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from targetlint.rule import Rule, Severity

from .conftest import ROOT, TRAINING_DECLARATION

# The file whose name holds this word ends its worker or its run.
DOOMED = "doomed"


def _ending(rule_code: str, rule_name: str, end) -> type[Rule]:
    class Ends(Rule):
        """Ends the process (or raises) on the doomed file only."""

        code = rule_code
        name = rule_name
        severity = Severity.ERROR

        def check(self, declaration, source):
            if DOOMED in source.path:
                end()
            return iter(())

    return Ends


def _kill_self():
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would


def _exit_now():
    os._exit(0)


def _sys_exit():
    sys.exit(0)


def _interrupt():
    raise KeyboardInterrupt


def _generator_exit():
    raise GeneratorExit


RULES = {
    "TLZ961": _ending("TLZ961", "killed", _kill_self),
    "TLZ962": _ending("TLZ962", "os-exit", _exit_now),
    "TLZ963": _ending("TLZ963", "sys-exit", _sys_exit),
    "TLZ964": _ending("TLZ964", "interrupts", _interrupt),
    "TLZ965": _ending("TLZ965", "generator-exit", _generator_exit),
}


class _Pack:
    @staticmethod
    def targetlint_rules():
        return list(RULES.values())


@pytest.fixture
def ending_pack(monkeypatch):
    import targetlint.plugins as plugins

    real = plugins.load_catalogue
    monkeypatch.setattr(plugins, "load_catalogue", lambda extra_plugins=None: real([("ending-pack", _Pack)]))


def _batch(tmp_path, count: int, doomed: tuple[int, ...] = (5,)):
    for index in range(count):
        name = f"{DOOMED}{index:03d}.yaml" if index in doomed else f"d{index:03d}.yaml"
        (tmp_path / name).write_text(TRAINING_DECLARATION, encoding="utf-8")


def _tl201_files(out: str) -> set[str]:
    return {line.split(":", 1)[0] for line in out.splitlines() if ": TL201 [错误]" in line}


@pytest.mark.parametrize("code", ["TLZ961", "TLZ962", "TLZ963", "TLZ964", "TLZ965"])
def test_a_dead_or_exiting_worker_costs_only_its_file(cli, tmp_path, ending_pack, code):
    _batch(tmp_path, 24, doomed=(5, 17))
    started = time.monotonic()
    result = cli(
        "check", "--no-cache", "--jobs", "2", "--format", "concise", "--select", f"{code},TL201", str(tmp_path)
    )
    assert time.monotonic() - started < 60
    assert result.code == 2, result
    crashes = [line for line in result.out.splitlines() if ": TL009 [错误]" in line]
    assert len(crashes) == 2 and all(DOOMED in line for line in crashes), result.out
    # Every other file was checked, the doomed ones up to the rule that ended them.
    assert len(_tl201_files(result.out)) >= 22
    assert "24 个文件" in result.out


@pytest.mark.parametrize("code", ["TLZ963", "TLZ964", "TLZ965"])
def test_an_exiting_rule_in_one_process_is_tl009_and_the_run_goes_on(cli, tmp_path, ending_pack, code):
    _batch(tmp_path, 6, doomed=(2,))
    result = cli(
        "check", "--no-cache", "--jobs", "1", "--format", "concise", "--select", f"{code},TL201", str(tmp_path)
    )
    assert result.code == 2, result
    (crash,) = [line for line in result.out.splitlines() if ": TL009 [错误]" in line]
    assert DOOMED in crash and code in crash
    assert len(_tl201_files(result.out)) == 6


def test_a_worker_killed_from_outside_costs_only_its_file(tmp_path):
    """SIGKILL one worker of a real run while it works: the run finishes with
    TL009 for the file it held and exit 2."""
    pack = tmp_path / "slowpack.py"
    pack.write_text(
        "import os, time\n"
        "from targetlint.rule import Rule, Severity\n"
        "class Slow(Rule):\n"
        "    '''Takes its time, and says which process works on which file.'''\n"
        "    code = 'TLZ966'\n"
        "    name = 'slow'\n"
        "    severity = Severity.INFO\n"
        "    def check(self, declaration, source):\n"
        "        open(os.environ['PIDS'], 'a').write(f'{os.getpid()}\\n')\n"
        "        time.sleep(0.05)\n"
        "        return iter(())\n"
        "class Pack:\n"
        "    @staticmethod\n"
        "    def targetlint_rules():\n"
        "        return [Slow]\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _batch(corpus, 400, doomed=())
    pids = tmp_path / "pids"
    pids.touch()
    runner = (
        "import sys\n"
        "import targetlint.plugins as plugins\n"
        "import slowpack\n"
        "real = plugins.load_catalogue\n"
        "plugins.load_catalogue = lambda extra_plugins=None: real([('slow-pack', slowpack.Pack)])\n"
        "from targetlint.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = dict(os.environ, PIDS=str(pids), PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            runner,
            "check",
            "--no-cache",
            "-j",
            "2",
            "--format",
            "concise",
            "--select",
            "TLZ966,TL201",
            str(corpus),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        victim = None
        while victim is None and time.monotonic() < deadline:
            seen = {int(line) for line in pids.read_text().split()} - {process.pid}
            victim = next(iter(seen), None)
            time.sleep(0.05)
        assert victim is not None
        os.kill(victim, signal.SIGKILL)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    text = out.decode("utf-8")
    assert process.returncode == 2, (text[-2000:], err.decode())
    crashes = [line for line in text.splitlines() if ": TL009 [错误]" in line]
    assert len(crashes) == 1 and "SIGKILL" in crashes[0], crashes
    assert len(_tl201_files(text)) >= 399
    assert b"Traceback" not in err


def test_sigterm_ends_the_run_without_worker_tracebacks(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _batch(corpus, 400, doomed=())
    process = subprocess.Popen(
        [sys.executable, "-m", "targetlint", "check", "--no-cache", "-j", "2", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    # Once output flows, the workers are busy.
    assert process.stdout is not None
    process.stdout.readline()
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()


ENDING_PACK = """\
import os, signal
from targetlint.rule import Rule, Severity
class Ends(Rule):
    '''Ends its process on the doomed file only.'''
    code = 'TLZ967'
    name = 'ends-the-process'
    severity = Severity.ERROR
    def check(self, declaration, source):
        if 'doomed' in source.path:
            if os.environ['HOW'] == 'kill':
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(0)
        return iter(())
class Pack:
    @staticmethod
    def targetlint_rules():
        return [Ends]
"""


@pytest.mark.parametrize("how", ["exit", "kill"])
@pytest.mark.parametrize(("jobs", "count"), [("1", 6), ("2", 3)])
def test_a_rule_ending_the_process_never_ends_a_one_process_run(tmp_path, how, jobs, count):
    """With -j 1 (or too few files to share out) files used to be checked in
    the run's own process: a plugin's os._exit(0) ended the run with exit 0
    and the files after it unchecked. A plugin's rules now run in a watched
    worker whatever -j says."""
    (tmp_path / "endingpack.py").write_text(ENDING_PACK, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _batch(corpus, count, doomed=(1,))
    runner = (
        "import sys\n"
        "import targetlint.plugins as plugins\n"
        "import endingpack\n"
        "real = plugins.load_catalogue\n"
        "plugins.load_catalogue = lambda extra_plugins=None: real([('ending-pack', endingpack.Pack)])\n"
        "from targetlint.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    command = ["check", "--no-cache", "-j", jobs, "--format", "concise", "--select", "TLZ967,TL201", str(corpus)]
    process = subprocess.run(
        [sys.executable, "-c", runner, *command],
        env=dict(os.environ, HOW=how, PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}"),
        capture_output=True,
        timeout=120,
    )
    text = process.stdout.decode("utf-8")
    assert process.returncode == 2, (process.returncode, text, process.stderr.decode())
    (crash,) = [line for line in text.splitlines() if ": TL009 [错误]" in line]
    assert DOOMED in crash
    # Every file but the doomed one was checked to the end.
    assert _tl201_files(text) == {str(path) for path in corpus.iterdir() if DOOMED not in path.name}
    assert f"{count} 个文件" in text
    assert b"Traceback" not in process.stderr


@pytest.mark.parametrize("code", ["TLZ963", "TLZ964", "TLZ965"])
def test_an_exiting_rule_is_tl009_in_the_engine_itself(code):
    """Where a rule runs in the run's own process (no fork; the language
    server), sys.exit(0), KeyboardInterrupt and GeneratorExit from a rule
    are TL009 for that rule and the file's other rules still run."""
    from targetlint.engine import Engine
    from targetlint.plugins import load_catalogue
    from targetlint.source import decode

    engine = Engine([RULES[code](), load_catalogue().rules["TL201"]()])
    result = engine.check(decode(TRAINING_DECLARATION.encode("utf-8"), f"{DOOMED}.yaml"))
    codes = sorted(finding.code for finding in result.findings)
    assert codes == ["TL009", "TL201"], result.findings
    assert result.crashed == 1
