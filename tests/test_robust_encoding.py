"""Encodings as files actually arrive: every one decoded or reported at a
position, never a traceback."""

from __future__ import annotations

import codecs

import pytest

from targetlint.loader import load
from targetlint.source import GB18030, DecodeStatus, decode, decode_exact, decode_text

TEXT = "项目名称: 劳动人事争议仲裁\n实施单位: 上海市人社局\n"


def _kinds(source):
    return [(p.kind, p.detail) for p in source.problems]


def test_utf8_without_and_with_bom():
    plain = decode(TEXT.encode("utf-8"), "a.yaml")
    bom = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.yaml")
    assert plain.text == bom.text == TEXT
    assert not plain.problems and not bom.problems
    assert load(bom).declarations[0].span("name")[:2] == (1, 7)


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_legacy_chinese_encodings_are_decoded_and_reported(codec):
    source = decode(TEXT.encode(codec), "a.yaml")
    assert source.text == TEXT and source.codec == GB18030 and source.status is DecodeStatus.OK
    assert _kinds(source) == [("not-utf8", "GB18030")]
    assert load(source).declarations[0].implementer == "上海市人社局"


@pytest.mark.parametrize(
    ("codec", "bom", "label"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16LE"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16BE"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32LE"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32BE"),
    ],
)
def test_utf16_and_utf32_with_bom(codec, bom, label):
    source = decode(bom + TEXT.replace("\n", "\r\n").encode(codec), "a.yaml")
    assert source.text == TEXT
    # Not UTF-8, so git and review systems show it as binary: reported.
    assert _kinds(source) == [("not-utf8", label)]
    assert load(source).declarations[0].name == "劳动人事争议仲裁"


def test_utf16_cut_in_half_is_located():
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")[:-1]
    source = decode(data, "a.yaml")
    assert [p.kind for p in source.problems] == ["not-utf8", "undecodable"]
    # The last newline lost its second byte: after 人社局 on line 2.
    assert source.problems[1].span[:2] == (2, 13)


def test_undecodable_bytes_are_located_in_code_points():
    # A byte no encoding we read accepts, after Chinese text on line 2.
    data = "项目名称: a\n实施单位: 人社".encode() + b"\xff\xfe\xff" + "局\n".encode()
    source = decode(data, "a.yaml")
    (problem,) = source.problems
    assert problem.kind == "undecodable"
    assert problem.span[:2] == (2, 9)
    assert problem.detail.startswith("byte 0xff")
    # The rest of the file is still read.
    assert load(source).declarations[0].name == "a"


def test_utf8_bom_with_broken_bytes():
    source = decode(codecs.BOM_UTF8 + b"\xe4\xb8 name: x\n", "a.yaml")
    assert [(p.kind, p.span[:2]) for p in source.problems] == [("undecodable", (1, 1))]


def test_mostly_undecodable_is_reported_not_parsed():
    source = decode(bytes(range(0x80, 0x100)) * 4, "a.yaml")
    assert source.status is DecodeStatus.UNDECODABLE
    assert [p.kind for p in source.problems] == ["undecodable"]
    assert load(source).declarations == [] and len(source.problems) == 1


def test_binary_file():
    source = decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "logo.yaml")
    assert [p.kind for p in source.problems] == ["binary"]
    assert source.status is DecodeStatus.BINARY and source.codec is None
    assert load(source).declarations == []


def test_the_cli_reports_each_encoding(cli, write):
    write("gbk.yaml", TEXT.encode("gbk"))
    write("utf16.yaml", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    write("bad.yaml", b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")
    directory = write("gbk.yaml", TEXT.encode("gbk")).parent
    result = cli("check", "--format", "concise", "--select", "TL005", str(directory))
    assert "Traceback" not in result.err
    lines = [line for line in result.out.splitlines() if "TL005" in line]
    assert len(lines) == 3
    assert any("bad.yaml:1:1" in line and "[错误]" in line for line in lines)
    assert any("gbk.yaml:1:1" in line and "GB18030" in line for line in lines)
    assert any("utf16.yaml:1:1" in line and "UTF-16LE" in line for line in lines)


ROUND_TRIPS = [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.encode("gb18030"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    codecs.BOM_UTF32_BE + TEXT.replace("\n", "\r\n").encode("utf-32-be"),
]


@pytest.mark.parametrize("data", ROUND_TRIPS, ids=["utf8", "utf8-bom-crlf", "gb18030", "16le", "16be", "32le", "32be"])
def test_check_and_fix_read_bytes_with_one_codec(data):
    # --fix rewrites exactly the text the check reads, in the codec it was read
    # with: the same text once newlines are normalised, and the same bytes back.
    exact = decode_exact(data)
    assert exact is not None
    text, codec = exact
    checked = decode(data, "a.yaml")
    assert checked.codec == codec and text.replace("\r\n", "\n") == checked.text == TEXT
    assert codec.encode(text) == data


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"xl/workbook.xml" + b"a" * 64,  # a workbook without a NUL byte
        codecs.BOM_UTF8 + b"\xe4\xb8 name: x\n",  # a replaced byte
        bytes(range(0x80, 0x100)) * 4,  # mostly undecodable
    ],
    ids=["workbook", "replaced-byte", "undecodable"],
)
def test_fix_refuses_what_the_check_does_not_read_as_exact_text(data):
    assert decode_exact(data) is None
    decoded = decode_text(data)
    assert not decoded.status.parsed or decoded.replaced
