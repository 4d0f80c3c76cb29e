"""The engine contains broken rules: a raising plugin installed through the
entry point becomes one rule-crashed finding and every other rule still runs."""

from __future__ import annotations

import json
import textwrap

from .conftest import FIXTURES, run_targetlint

PACK = textwrap.dedent(
    '''
    from targetlint.hookspecs import hookimpl
    from targetlint.rule import Rule, Severity
    from targetlint.span import Span


    class Raises(Rule):
        """Always raises."""
        code = "TLZ901"
        name = "always-raises"
        severity = Severity.ERROR

        def check(self, declaration, source):
            yield from ()
            raise ZeroDivisionError("boom")


    class Garbage(Rule):
        """Yields things that are not findings."""
        code = "TLZ902"
        name = "yields-garbage"
        severity = Severity.ERROR

        def check(self, declaration, source):
            yield "not a finding"


    class Outside(Rule):
        """Points past the end of the file."""
        code = "TLZ903"
        name = "points-outside"
        severity = Severity.ERROR

        def check(self, declaration, source):
            yield self.report(Span(10_000, 1, 10_000, 2), "外面", "outside")


    @hookimpl
    def targetlint_rules():
        return [Raises, Garbage, Outside]
    '''
)


def install_pack(tmp_path, module: str, source: str, entry_name: str) -> dict:
    """Install a plugin the way pip would for discovery: a module plus a
    dist-info with an entry point, on a path the subprocess imports from."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    dist = site / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[targetlint]\n{entry_name} = {module}\n", encoding="utf-8")
    return {"PYTHONPATH": str(site)}


def test_raising_plugin_is_contained(tmp_path):
    env = install_pack(tmp_path, "crashing_pack", PACK, "crashing")
    result = run_targetlint("check", "--format", "json", str(FIXTURES / "example.yaml"), env=env)
    assert result.returncode == 2, result.stderr.decode()
    report = json.loads(result.stdout)
    crashed = [f for f in report["findings"] if f["code"] == "TL009"]
    assert len(crashed) == 3
    messages = " ".join(f["message"] for f in crashed)
    for code in ("TLZ901", "TLZ902", "TLZ903"):
        assert code in messages
    assert "crashing" in messages and "ZeroDivisionError" in messages
    # Every built-in rule still ran.
    assert {"TL201", "TL207"} <= {f["code"] for f in report["findings"]}


def test_plugin_that_fails_to_import_is_named(tmp_path):
    env = install_pack(tmp_path, "broken_pack", "raise ImportError('missing dependency')\n", "broken")
    result = run_targetlint("check", str(FIXTURES / "example.yaml"), env=env)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert "broken" in stderr and "missing dependency" in stderr
    assert "Traceback" not in stderr
    assert "TL201" in result.stdout.decode()


# -- more ways a plugin can fail -----------------------------------------

HOOK_RAISES = textwrap.dedent(
    """
    from targetlint.hookspecs import hookimpl

    @hookimpl
    def targetlint_rules():
        raise RuntimeError("hook exploded")
    """
)

GARBAGE_RULES = textwrap.dedent(
    '''
    from targetlint.hookspecs import hookimpl
    from targetlint.rule import Rule, Severity


    class NoCode(Rule):
        """No code."""
        name = "no-code"
        severity = Severity.ERROR


    class BadSeverity(Rule):
        """A severity that is not one."""
        code = "TLZ911"
        name = "bad-severity"
        severity = "fatal"


    class Shadow(Rule):
        """Takes a built-in's code."""
        code = "TL201"
        name = "shadow"
        severity = Severity.ERROR


    @hookimpl
    def targetlint_rules():
        return ["not a rule", 42, NoCode, BadSeverity, Shadow, None]


    @hookimpl
    def targetlint_vocabulary():
        return {"no-such-list": ["词"], "count-units": "not a list"}
    '''
)

BAD_FINDINGS = textwrap.dedent(
    '''
    from targetlint.hookspecs import hookimpl
    from targetlint.rule import Finding, Rule, Severity
    from targetlint.span import Span


    class Backwards(Rule):
        """Ends before it starts."""
        code = "TLZ921"
        name = "ends-before-start"
        severity = Severity.ERROR

        def check(self, declaration, source):
            yield self.report(Span(3, 9, 3, 2), "反", "backwards")


    class ZeroColumn(Rule):
        """Column zero."""
        code = "TLZ922"
        name = "column-zero"
        severity = Severity.ERROR

        def check(self, declaration, source):
            yield self.report(Span(1, 0, 1, 1), "零", "zero")


    class WrongSeverity(Rule):
        """A finding whose severity is a string."""
        code = "TLZ923"
        name = "string-severity"
        severity = Severity.ERROR

        def check(self, declaration, source):
            finding = self.report(Span(1, 1, 1, 2), "严", "severe")
            finding.severity = "catastrophic"
            yield finding


    class ReturnsNone(Rule):
        """check returns None instead of an iterable."""
        code = "TLZ924"
        name = "returns-none"
        severity = Severity.ERROR

        def check(self, declaration, source):
            return None


    class Recursion(Rule):
        """Recurses without end."""
        code = "TLZ925"
        name = "recurses"
        severity = Severity.ERROR

        def check(self, declaration, source):
            def down(n):
                return down(n + 1)
            down(0)
            yield from ()


    @hookimpl
    def targetlint_rules():
        return [Backwards, ZeroColumn, WrongSeverity, ReturnsNone, Recursion]
    '''
)


def test_plugin_whose_hook_raises_is_named(tmp_path):
    env = install_pack(tmp_path, "hook_pack", HOOK_RAISES, "hooky")
    result = run_targetlint("check", str(FIXTURES / "example.yaml"), env=env)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "hooky" in stderr and "hook exploded" in stderr
    assert "Traceback" not in stderr and "TL201" in result.stdout.decode()


def test_plugin_returning_garbage_rules_is_named_and_the_good_rules_run(tmp_path):
    env = install_pack(tmp_path, "garbage_pack", GARBAGE_RULES, "garbage")
    result = run_targetlint("check", str(FIXTURES / "example.yaml"), env=env)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr
    for expected in (
        "'not a rule'",
        "42",
        "NoCode",
        "BadSeverity",
        "TL201 is already provided",
        "no-such-list",
        "count-units must be a list",
    ):
        assert expected in stderr, expected
    assert stderr.count("garbage") >= 7
    assert "TL201" in result.stdout.decode()


def test_findings_with_impossible_locations_are_contained(tmp_path):
    env = install_pack(tmp_path, "bad_findings", BAD_FINDINGS, "badfind")
    result = run_targetlint("check", "--format", "json", str(FIXTURES / "example.yaml"), env=env)
    assert result.returncode == 2, result.stderr.decode()
    report = json.loads(result.stdout)
    crashed = " ".join(f["message"] for f in report["findings"] if f["code"] == "TL009")
    for code in ("TLZ921", "TLZ922", "TLZ923", "TLZ924", "TLZ925"):
        assert code in crashed, code
    assert "RecursionError" in crashed and "badfind" in crashed
    assert {"TL201", "TL207"} <= {f["code"] for f in report["findings"]}


def test_rule_whose_constructor_raises_on_options_is_named():
    from pydantic import BaseModel

    from targetlint.plugins import Catalogue, instantiate
    from targetlint.rule import Rule, Severity

    class Strict(Rule):
        """Takes a positive limit."""

        code, name, severity, origin = "TLZ931", "strict", Severity.ERROR, "strictpack"

        class Options(BaseModel):
            limit: int

    class Explodes(Rule):
        """Raises in __init__."""

        code, name, severity, origin = "TLZ932", "explodes", Severity.ERROR, "boompack"

        def __init__(self, *args, **kwargs):
            raise ValueError("cannot start")

    class Fine(Rule):
        """Nothing wrong."""

        code, name, severity, origin = "TLZ933", "fine", Severity.ERROR, "finepack"

    registry = Catalogue(rules={"TLZ931": Strict, "TLZ932": Explodes, "TLZ933": Fine})
    rules, errors = instantiate(registry, ["TLZ931", "TLZ932", "TLZ933"], options={"TLZ931": {"limit": "many"}})
    assert [type(r).__name__ for r in rules] == ["Fine"]
    assert [e.plugin for e in errors] == ["strictpack", "boompack"]
    assert "TLZ931" in errors[0].error and "valid integer" in errors[0].error
    assert "cannot start" in errors[1].error


def test_plugin_that_exits_at_import_is_named(tmp_path):
    env = install_pack(tmp_path, "exit_pack", "import sys\nsys.exit(3)\n", "exiter")
    result = run_targetlint("check", str(FIXTURES / "example.yaml"), env=env)
    assert result.returncode == 2 and "exiter" in result.stderr.decode() and "TL201" in result.stdout.decode()


def test_a_loader_failure_is_contained(monkeypatch):
    # No known input breaks the loader (see tests/test_fuzz.py); if one ever
    # does, it costs that file one TL009 finding, not the run.
    import targetlint.engine as engine_module
    from targetlint.source import decode

    def broken(source, vocabulary):
        raise KeyError("surprise")

    monkeypatch.setattr(engine_module, "load", broken)
    result = engine_module.Engine([]).check(decode(b"a: 1\n", "x.yaml"))
    (finding,) = result.findings
    assert result.crashed == 1 and finding.code == "TL009" and "KeyError" in finding.message_en


def test_rule_whose_constructor_raises_is_named_not_a_traceback(tmp_path):
    source = textwrap.dedent(
        '''
        from targetlint.hookspecs import hookimpl
        from targetlint.rule import Rule, Severity


        class BadInit(Rule):
            """Raises when created."""
            code = "TLZ911"
            name = "bad-init"
            severity = Severity.ERROR

            def __init__(self, *args, **kwargs):
                raise RuntimeError("cannot start")

            def check(self, declaration, source):
                return iter(())


        @hookimpl
        def targetlint_rules():
            return [BadInit]
        '''
    )
    env = install_pack(tmp_path, "badinit_pack", source, "badinit")
    result = run_targetlint("check", "--no-cache", str(FIXTURES / "example.yaml"), env=env)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert "TLZ911" in stderr and "cannot start" in stderr and "Traceback" not in stderr
    assert "TL201" in result.stdout.decode()


def test_a_failed_plugin_fails_check_and_fix_on_stdin_alike(tmp_path):
    # The fixer once kept its own exit logic: `check -` exited 2 here but
    # `check --fix -` exited 1. One function now decides both.
    env = install_pack(tmp_path, "broken_pack", "raise ImportError('missing dependency')\n", "broken")
    data = (FIXTURES / "example.yaml").read_bytes()
    for flags in ([], ["--fix"], ["--diff"], ["--fix", "--exit-zero"]):
        result = run_targetlint("check", *flags, "-", env=env, stdin=data)
        stderr = result.stderr.decode()
        assert result.returncode == 2, (flags, stderr)
        assert "broken" in stderr and "missing dependency" in stderr, flags
        assert "Traceback" not in stderr
    # Without the broken pack the same input exits 1 (findings remain) in every mode.
    for flags in ([], ["--fix"]):
        assert run_targetlint("check", *flags, "-", stdin=data).returncode == 1, flags
