"""The result cache: reuse only what is provably the same, ignore anything odd."""

from __future__ import annotations

from targetlint.cache import Cache
from targetlint.cache_stamps import fingerprint
from targetlint.engine import Engine
from targetlint.plugins import load_catalogue
from targetlint.runner import FilePlan, check_text
from targetlint.source import decode

from .conftest import FIXTURES


class _Checker:
    def __init__(self):
        registry = load_catalogue()
        self.plan = FilePlan(Engine([rule() for rule in registry.sorted_rules()]))

    def check(self, source):
        return check_text(source, self.plan)


def _engine():
    return _Checker()


def test_round_trip_gives_the_same_findings(tmp_path):
    data = (FIXTURES / "example.yaml").read_bytes()
    engine = _engine()
    fresh = engine.check(decode(data, "a.yaml"))
    cache = Cache(tmp_path, fingerprint("config"))
    assert cache.get(data, "a.yaml") is None
    cache.put(data, fresh)
    cached = Cache(tmp_path, fingerprint("config")).get(data, "moved/a.yaml")
    assert cached is not None
    assert [(f.code, f.span, f.message_zh, f.message_en, f.severity, f.indicator_path) for f in cached.findings] == [
        (f.code, f.span, f.message_zh, f.message_en, f.severity, f.indicator_path) for f in fresh.findings
    ]
    assert all(f.path == "moved/a.yaml" for f in cached.findings)
    assert cached.declarations == fresh.declarations


def test_changed_bytes_or_configuration_miss(tmp_path):
    data = (FIXTURES / "example.yaml").read_bytes()
    cache = Cache(tmp_path, fingerprint("config"))
    cache.put(data, _engine().check(decode(data, "a.yaml")))
    assert cache.get(data + b"\n", "a.yaml") is None
    assert Cache(tmp_path, fingerprint("other config")).get(data, "a.yaml") is None


def test_corrupt_entries_are_ignored(tmp_path):
    data = (FIXTURES / "example.yaml").read_bytes()
    cache = Cache(tmp_path, fingerprint("config"))
    cache.put(data, _engine().check(decode(data, "a.yaml")))
    (entry,) = list(tmp_path.rglob("*.json"))
    for garbage in (
        b"",
        b"{",
        b"[]",
        b'{"fingerprint": 1}',
        entry.read_bytes().replace(b'"TL201"', b"201"),
        b"\xff\xfe",
    ):
        entry.write_bytes(garbage)
        assert cache.get(data, "a.yaml") is None
    # A well-formed entry (right stamp, right digest) whose finding is malformed.
    import hashlib
    import json

    body = b'[{"span": [1]}]'
    stamp = cache.key(data).stamp
    header = {"fingerprint": stamp, "crashed": 0, "declarations": 1, "digest": hashlib.sha256(body).hexdigest()}
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert cache.get(data, "a.yaml") is None


def test_cache_directory_is_marked_disposable(tmp_path):
    data = (FIXTURES / "example.yaml").read_bytes()
    Cache(tmp_path / "c", fingerprint()).put(data, _engine().check(decode(data, "a.yaml")))
    assert (tmp_path / "c" / "CACHEDIR.TAG").exists()
    assert (tmp_path / "c" / ".gitignore").read_text() == "*\n"
