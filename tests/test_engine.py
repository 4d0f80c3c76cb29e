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
