"""The two languages targetlint speaks, and how a run picks one.

Chinese is the default: the people who write and review declarations read
Chinese. English is chosen by ``--lang en``, by the configuration's ``lang``,
or by an English locale (``LANG=en_US.UTF-8`` and the like). The ``C`` and
``POSIX`` locales, which CI machines often run under, say nothing about the
reader and leave the default alone.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


class Lang(enum.StrEnum):
    ZH = "zh"
    EN = "en"


@dataclass(frozen=True, slots=True)
class Message:
    """One text in both languages; ``text(lang)`` picks one."""

    zh: str
    en: str

    def text(self, lang: str | None) -> str:
        return self.en if lang == Lang.EN else self.zh


def lang_of(value: str | None) -> Lang:
    """``value`` as a Lang: English when it says so, else the default, Chinese."""
    return Lang.EN if value == Lang.EN else Lang.ZH


# The variables that name the language of messages, in the order gettext
# reads them: LANGUAGE is a list of preferences, the others one locale each.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_lang(environ: Mapping[str, str]) -> Lang | None:
    """The language the user's locale asks for, or None when it names neither.

    The first variable that is set decides, as in gettext; ``C``, ``POSIX``
    and any language other than Chinese or English name neither.
    """
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "").strip()
        if not value:
            continue
        first = value.split(":")[0].lower()
        if first.startswith("en"):
            return Lang.EN
        if first.startswith("zh"):
            return Lang.ZH
        return None
    return None


def resolve_lang(flag: str | None, configured: str | None, environ: Mapping[str, str]) -> Lang:
    """``--lang`` first, then the configuration's ``lang``, then the locale, then Chinese."""
    for choice in (flag, configured):
        if choice in (Lang.ZH, Lang.EN):
            return Lang(choice)
    return locale_lang(environ) or Lang.ZH


def requested_lang(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language for ``--help`` and usage errors, which come before any
    configuration is read: ``--lang`` on the command line, else the locale."""
    flag: str | None = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            flag = argv[index + 1]
        elif word.startswith("--lang="):
            flag = word.partition("=")[2]
    return resolve_lang(flag, None, environ)
