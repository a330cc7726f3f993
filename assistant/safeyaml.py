"""YAML for untrusted files: records built from parser events, without recursion, aliases or tags.

PyYAML's composer and constructor recurse once per nesting level, so a 100,000-level document raises
``RecursionError``; anchors and aliases can expand a few lines into 10^9 strings; a syntax error ends the
whole stream. Here the parser's event stream (a state machine, not recursive) is turned into plain values
with an explicit stack; a record nested deeper than ``MAX_DEPTH`` or using an alias or an explicit tag
becomes an error for that record only; documents are parsed one by one, so one broken document does not
lose the ones after it. Scalars are resolved exactly as ``yaml.safe_load`` resolves them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

MAX_DEPTH = 20
_DOC_START = re.compile(r"^---(?=[ \t]|$)", re.MULTILINE)
_ITEM_START = re.compile(r"^- |^-$", re.MULTILINE)
_PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: linear, and stops at 1,000 levels
_FLOW = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"|#[^\n]*|[\[\]{}]")
_SAFE_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq",
                        "tag:yaml.org,2002:map", "tag:yaml.org,2002:timestamp"})


@dataclass
class Item:
    """One record (or the error for it): its first line (1-based) and the value or the reason."""

    line: int
    value: Any = None
    error: str | None = None


class _Refused(Exception):
    pass


def split_documents(text: str) -> Iterator[tuple[int, int, str]]:
    """(first line, first content line, text) of each ``---``-separated document (file line numbers)."""
    starts = [m.start() for m in _DOC_START.finditer(text)]
    bounds = [0, *starts, len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = text[a:b]
        if not chunk.strip():
            continue
        first = text.count("\n", 0, a) + 1
        content = first
        for offset, line in enumerate(chunk.split("\n")):
            bare = line.strip()
            if bare and not bare.startswith("#") and not (offset == 0 and _DOC_START.match(line) and
                                                           bare == "---"):
                content = first + offset
                break
        yield first, content, chunk


def _scalar(loader: yaml.SafeLoader, event: yaml.ScalarEvent) -> Any:
    if event.tag not in _SAFE_TAGS:
        raise _Refused(f"YAML tag {event.tag} is not allowed (tags are never executed)")
    tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.ScalarNode, event.value,
                                                                         event.implicit)
    if event.tag == "!":
        tag = "tag:yaml.org,2002:str"
    node = yaml.ScalarNode(tag, event.value, None, None, style=event.style)  # marks unused: errors name the record
    return loader.construct_object(node, deep=True)


def _flow_depth(text: str) -> int:
    depth = deepest = 0
    for m in _FLOW.finditer(text):
        ch = m.group(0)
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def records(text: str, first_line: int = 1, content_line: int | None = None) -> Iterator[Item]:
    """Records of one YAML document: its items if it is a list, else the document itself.

    When the document is a block list and fails to parse, its items are parsed one by one, so a broken
    or too deep item costs only itself."""
    items = list(_records(text, first_line, content_line))
    broken = [i for i in items if i.error and i.error.startswith("invalid YAML")]
    starts = [m.start() for m in _ITEM_START.finditer(text)]
    if not broken or len(starts) < 2:
        yield from items
        return
    bounds = [*starts, len(text)]
    head = text[:starts[0]]
    for a, b in zip(bounds, bounds[1:], strict=False):
        line = first_line + text.count("\n", 0, a)
        yield from _records(head + text[a:b], line - head.count("\n"), line)


def _records(text: str, first_line: int = 1, content_line: int | None = None) -> Iterator[Item]:
    loader = yaml.SafeLoader("")
    stack: list[tuple[Any, list[Any]]] = []  # (container, pending key holder)
    top_list = False
    current: Item | None = None
    refused: str | None = None

    def line_of(event: Any) -> int:
        return first_line + int(event.start_mark.line)

    def add(value: Any) -> None:
        container, key = stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif key:
            k = key.pop()
            if isinstance(k, (list, dict)):
                raise _Refused("a mapping key must be a plain value")
            container[k] = value
        else:
            key.append(value)

    if _PARSER is yaml.SafeLoader and _flow_depth(text) > 200:  # the pure-Python scanner is quadratic in depth
        yield Item(content_line or first_line, error=f"nested more than {MAX_DEPTH} levels deep")
        return
    try:
        for event in yaml.parse(text, Loader=_PARSER):
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentStartEvent,
                                  yaml.DocumentEndEvent)):
                continue
            depth = len(stack) - (1 if top_list else 0)  # nesting inside the current record
            starting = not stack or (top_list and len(stack) == 1)
            if starting and not isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                if not stack and isinstance(event, yaml.SequenceStartEvent):
                    top_list = True
                    stack.append(([], []))
                    continue
                current, refused = Item(line_of(event)), None
            if refused is None:
                try:
                    if isinstance(event, yaml.AliasEvent):
                        raise _Refused("YAML aliases (*name) are not allowed in import files")
                    if getattr(event, "anchor", None):
                        raise _Refused("YAML anchors (&name) are not allowed in import files")
                    if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                        if event.tag not in _SAFE_TAGS:
                            raise _Refused(f"YAML tag {event.tag} is not allowed (tags are never executed)")
                        if depth + 1 > MAX_DEPTH:
                            raise _Refused(f"nested more than {MAX_DEPTH} levels deep")
                except _Refused as exc:
                    refused = str(exc)
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append(([] if isinstance(event, yaml.SequenceStartEvent) else {}, []))
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                value, _ = stack.pop()
                if stack and not (top_list and len(stack) == 1):
                    if refused is None:
                        try:
                            add(value)
                        except _Refused as exc:
                            refused = str(exc)
                    continue
                if not stack and top_list:
                    return
                assert current is not None
                yield Item(current.line, error=refused) if refused else Item(current.line, value)
                continue
            # a scalar (or a refused alias)
            value = None
            if refused is None and isinstance(event, yaml.ScalarEvent):
                try:
                    value = _scalar(loader, event)
                except (_Refused, yaml.YAMLError, ValueError) as exc:
                    refused = str(exc) if isinstance(exc, _Refused) else f"invalid value: {type(exc).__name__}"
            if stack and not (top_list and len(stack) == 1):
                if refused is None:
                    try:
                        add(value)
                    except _Refused as exc:
                        refused = str(exc)
                continue
            assert current is not None
            yield Item(current.line, error=refused) if refused else Item(current.line, value)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = first_line + int(mark.line) if mark is not None else first_line
        problem = getattr(exc, "problem", None) or type(exc).__name__
        start = current.line if current is not None and stack else (content_line or where)
        if "nesting depth" in str(problem):
            yield Item(start, error=f"nested more than {MAX_DEPTH} levels deep")
        else:
            yield Item(start, error=f"invalid YAML at line {where}: {problem}")
    finally:
        loader.dispose()


def load_mapping(text: str, first_line: int = 1) -> Any:
    """The single value of a small YAML text (front matter), with the same limits; raises ValueError."""
    items = list(records(text, first_line))
    if not items:
        return None
    if len(items) != 1:
        raise ValueError("expected one YAML mapping")
    if items[0].error:
        raise ValueError(items[0].error)
    return items[0].value
