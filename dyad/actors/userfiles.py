"""User dictionary files (``--actors FILE``): YAML, CSV or TSV rows, with their line numbers.

A file that cannot be read as a whole (missing, malformed YAML, no ``type`` column) is
refused with a ConfigError; a bad row inside a good file is the dictionary's business:
it is reported with file and line and skipped.

YAML::

    actors:   [{name: Wagner Group, aliases: [PMC Wagner], kind: group, country: RUS, sector: PRM}]
    aliases:  [{alias: Blighty, country: GBR}]
    holders:  [{name: Jane Doe, country: FRA, sector: GOV, role: foreign_minister, start: 2031-01-01}]
    places:   [{name: Camp Lemonnier, country: DJI, lat: 11.55, lon: 43.15, feature: site}]

CSV/TSV: one table with a ``type`` column (actor, alias, holder, place) and the same
column names; list values are separated by ``|``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import yaml

from dyad.actors.tables import Row
from dyad.errors import ConfigError

SECTIONS = {"actor": "actor", "actors": "actor", "alias": "alias", "aliases": "alias",
            "holder": "holder", "holders": "holder", "office_holder": "holder",
            "office_holders": "holder", "place": "place", "places": "place"}
_FIX_SECTIONS = "use actors, aliases, holders or places"


def read_user_file(path: str | Path) -> list[tuple[str, Row]]:
    """(row type, row) pairs of one user file; a type the dictionary does not know is
    passed on as given so the row can be reported."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"actor file '{path}' does not exist; fix: check the path given to --actors")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"actor file '{path}' cannot be read ({exc}); fix: save it as UTF-8 text") from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _read_yaml(text, path.name)
    if suffix == ".csv":
        return _read_delimited(text, path.name, ",")
    if suffix in (".tsv", ".tab", ".txt"):
        return _read_delimited(text, path.name, "\t")
    raise ConfigError(f"actor file '{path}' has an unknown extension {suffix!r}; "
                      "fix: name it .yaml, .yml, .csv or .tsv")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(_cell(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _read_yaml(text: str, name: str) -> list[tuple[str, Row]]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise ConfigError(f"{where}: malformed YAML ({getattr(exc, 'problem', exc)}); "
                          "fix: correct the YAML syntax (indentation, colons, quotes)") from exc
    finally:
        loader.dispose()
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{name}: the top level must be a mapping of sections; fix: {_FIX_SECTIONS}")
    rows: list[tuple[str, Row]] = []
    for key_node, value_node in node.value:
        section = str(key_node.value)
        kind = SECTIONS.get(section.lower())
        if kind is None:
            raise ConfigError(f"{name}:{key_node.start_mark.line + 1}: unknown section "
                              f"{section!r}; fix: {_FIX_SECTIONS}")
        items = data[section]
        if items is None:
            continue
        if not isinstance(items, list):
            raise ConfigError(f"{name}:{key_node.start_mark.line + 1}: section {section!r} must "
                              "be a list of rows; fix: start each row with '- '")
        for item, item_node in zip(items, value_node.value):
            source = f"{name}:{item_node.start_mark.line + 1}"
            if not isinstance(item, dict):
                rows.append((kind, Row(source, {}, error="a row must be a mapping of column: "
                                                          "value; fix: write 'name: ...' pairs")))
                continue
            rows.append((kind, Row(source, {str(k).lower(): _cell(v) for k, v in item.items()})))
    return rows


def _read_delimited(text: str, name: str, delimiter: str) -> list[tuple[str, Row]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[str, Row]] = []
    for cells in reader:
        lineno = reader.line_num
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            if "type" not in header:
                raise ConfigError(f"{name}:{lineno}: the header has no 'type' column; fix: add a "
                                  "type column (actor, alias, holder or place) as the first column")
            continue
        source = f"{name}:{lineno}"
        if len(cells) > len(header):
            rows.append(("?", Row(source, {}, error=f"{len(cells)} cells where the header has "
                                                     f"{len(header)}; fix: quote values that "
                                                     "contain the delimiter")))
            continue
        values = dict(zip(header, cells))
        kind = values.pop("type", "").strip().lower()
        rows.append((SECTIONS.get(kind, kind or "?"), Row(source, values)))
    return rows
