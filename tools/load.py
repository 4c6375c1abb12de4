"""Load the corpus: YAML with line numbers, JSON Schema checks, source texts and checksums.

Every problem is returned as a located ``Problem``; nothing here raises on bad input.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from tools.models import Agency, Jurisdiction, NoticeFiles, Problem, Registry, TargetKind, TextFiles, Theme, Update
from tools.parse import split_lines

NOTICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# libyaml's loader when PyYAML was built with it (the same nodes and marks, many times faster).
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDatesLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """Keep dates as strings, so an impossible date is a message, not a crash."""


_NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


_SCALARS = yaml.constructor.SafeConstructor()


@cache
def schema(name: str) -> dict[str, Any]:
    text = resources.files("tools.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name))


def _to_python(node: yaml.Node, path: str, lines: dict[str, int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_to_python(key_node, path, {}))
            child = f"{path}/{key}" if path else key
            lines[child] = key_node.start_mark.line + 1
            out[key] = _to_python(value_node, child, lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, f"{path}/{i}", lines) for i, item in enumerate(node.value)]
    return _SCALARS.construct_object(node)


def read_yaml(path: Path) -> tuple[Any, dict[str, int], list[Problem]]:
    """Parse a YAML file, returning its data and the line of every key path."""
    try:
        text = path.read_text("utf-8")
        node = yaml.compose(text, Loader=_NoDatesLoader)
    except UnicodeDecodeError as exc:
        return None, {}, [Problem(str(path), 1, f"not UTF-8 ({exc.reason}); save the file as UTF-8")]
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        return None, {}, [Problem(str(path), line, f"invalid YAML: {exc.problem}; fix the syntax")]
    except OSError as exc:
        return None, {}, [Problem(str(path), 1, f"cannot read: {exc.strerror}")]
    if node is None:
        return None, {}, [Problem(str(path), 1, "file is empty; fill it in (see CONTRIBUTING.md)")]
    lines: dict[str, int] = {}
    return _to_python(node, "", lines), lines, []


def schema_problems(data: Any, lines: dict[str, int], path: Path, schema_name: str) -> list[Problem]:
    """JSON Schema errors as located messages, one per error."""
    validator = _validator(schema_name)
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        key = "/".join(str(p) for p in err.absolute_path)
        where = f"'{key}' " if key else ""
        line = lines.get(key, lines.get(key.rsplit("/", 1)[0], 1)) if key else 1
        out.append(Problem(str(path), line, f"{where}{_explain(err)}"))
    return out


def _explain(err: jsonschema.ValidationError) -> str:
    if err.validator == "required":
        return f"{err.message}; add it (see tools/schemas/ for what it means)"
    if err.validator == "additionalProperties":
        return f"{err.message}; remove it or check its spelling"
    if err.validator == "pattern":
        described = err.schema.get("description") if isinstance(err.schema, dict) else None
        return f"{err.instance!r} has the wrong form (expected {described or err.validator_value})"
    if err.validator == "type" and err.instance is None:
        wanted = err.validator_value if isinstance(err.validator_value, str) else ""
        noun, empty = {"array": ("list", "[]"), "object": ("mapping", "{}")}.get(wanted, ("value", '""'))
        return f"is empty; give it a {noun} (for none, write {empty})"
    if err.validator == "enum" and isinstance(err.validator_value, list):
        return f"{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    return err.message


def read_source(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError:
        return None, [Problem(str(path), 1, f"{path.name} is missing; add the notice's text as received")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                str(path), line, f"not UTF-8 at byte {exc.start}; convert the file (e.g. iconv -f GB18030 -t UTF-8)"
            )
        ]
    if not text.strip():
        return None, [Problem(str(path), 1, "the text is empty; add the notice's text as received")]
    return text, []


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_notice(folder: Path) -> tuple[NoticeFiles | None, list[Problem]]:
    notice_id = folder.name
    meta_path, text_path = folder / "notice.yaml", folder / "source.txt"
    problems: list[Problem] = []
    if not NOTICE_ID.match(notice_id):
        problems.append(
            Problem(
                str(folder), 1, f"notice id {notice_id!r} must be lowercase words joined by hyphens; rename the folder"
            )
        )
    if not meta_path.exists():
        return None, [
            *problems,
            Problem(str(meta_path), 1, "notice.yaml is missing; run `policy-archive new` to create it"),
        ]
    meta, lines, errs = read_yaml(meta_path)
    problems += errs
    if errs:
        return None, problems
    if not isinstance(meta, dict):
        return None, [*problems, Problem(str(meta_path), 1, "notice.yaml must be a mapping of fields")]
    problems += todo_problems(meta, lines, meta_path)
    schema_errs = schema_problems(meta, lines, meta_path, "notice")
    problems += schema_errs
    if schema_errs and meta.get("texts"):
        return None, problems  # the texts' form is wrong: nothing below can rely on it
    original_path = _original_from_texts(meta, lines)
    problems += date_problems(meta, lines, meta_path)
    text, errs = read_source(text_path)
    problems += errs
    if text is None:
        return None, problems
    actual = sha256(text_path)
    if meta.get("sha256") and meta["sha256"] != actual:
        problems.append(
            Problem(
                str(meta_path),
                lines.get("sha256", 1),
                f"sha256 does not match source.txt (file is {actual}); the text changed: "
                "restore it, or record the new version and update the checksum",
            )
        )
    problems += version_problems(meta, lines, folder)
    translations, errs = _translations(meta, lines, folder)
    problems += errs
    if original_path is not None and original_path != "source.txt":
        problems.append(Problem(str(meta_path), lines.get("texts/0/file", 1), "the original's file must be source.txt"))
    files = NoticeFiles(notice_id, str(folder), meta, lines, text, split_lines(text), translations)
    return files, problems


# What a notice with several texts says once per text; the original's is the notice's own.
_ORIGINAL_FIELDS = ("source", "sha256")


def _original_from_texts(meta: dict[str, Any], lines: dict[str, int]) -> str | None:
    """For a notice with ``texts``: set its ``source``, ``sha256`` and ``translation`` from the
    original's entry (every later stage reads those), and point their lines at that entry.
    Returns the original's file name, or None for a notice with one text."""
    texts = meta.get("texts")
    if not texts:
        return None
    at = next((i for i, t in enumerate(texts) if t.get("role") == "original"), 0)
    original = texts[at]
    meta["source"] = dict(original["source"])
    if original.get("licence"):
        meta["source"]["licence"] = original["licence"]
    meta["sha256"] = original["sha256"]
    meta["translation"] = {"status": "original"}
    meta.setdefault("language", original["language"])
    for key, line in list(lines.items()):
        if key.startswith(f"texts/{at}/"):
            rest = key[len(f"texts/{at}/") :]
            if rest.split("/")[0] in _ORIGINAL_FIELDS:
                lines.setdefault(rest, line)
            elif rest.startswith("licence"):
                lines.setdefault(f"source/{rest}", line)
    return str(original["file"])


def _translations(meta: dict[str, Any], lines: dict[str, int], folder: Path) -> tuple[list[TextFiles], list[Problem]]:
    """The notice's other texts: each file there, UTF-8, matching its checksum."""
    out: list[TextFiles] = []
    problems: list[Problem] = []
    meta_path = str(folder / "notice.yaml")
    texts = meta.get("texts") or []
    originals = [i for i, t in enumerate(texts) if t.get("role") == "original"]
    if texts and len(originals) != 1:
        problems.append(
            Problem(
                meta_path, lines.get("texts", 1), f"texts: {len(originals)} originals; exactly one text is the original"
            )
        )
    seen: dict[str, int] = {}
    for i, entry in enumerate(texts):
        key = f"texts/{i}"
        line = lines.get(f"{key}/language", lines.get(key, 1))
        if entry["language"] in seen:
            problems.append(
                Problem(
                    meta_path,
                    line,
                    f"two texts in {entry['language']} (also text {seen[entry['language']] + 1}); one per language",
                )
            )
        seen[entry["language"]] = i
        if entry.get("role") == "original":
            continue
        file = folder / entry["file"]
        text, errs = read_source(file)
        problems += errs
        if text is None:
            continue
        actual = sha256(file)
        if entry["sha256"] != actual:
            problems.append(
                Problem(
                    meta_path,
                    lines.get(f"{key}/sha256", line),
                    f"sha256 does not match {entry['file']} (file is {actual}); the text changed: "
                    "restore it, or record the new version and update the checksum",
                )
            )
        out.append(TextFiles(entry["language"], entry["file"], entry["role"], entry, key, text, split_lines(text)))
    return out, problems


def version_problems(meta: dict[str, Any], lines: dict[str, int], folder: Path) -> list[Problem]:
    """Earlier texts must be there, UTF-8, and unchanged since they were recorded."""
    out = []
    path = str(folder / "notice.yaml")
    for i, version in enumerate(meta.get("versions") or []):
        if not isinstance(version, dict) or not isinstance(version.get("file"), str):
            continue  # the schema reports the form
        file = folder / version["file"]
        line = lines.get(f"versions/{i}/file", 1)
        if not file.is_file():
            out.append(Problem(path, line, f"version file {version['file']} is missing; add it or remove the version"))
        elif version.get("sha256") and sha256(file) != version["sha256"]:
            out.append(
                Problem(
                    path,
                    lines.get(f"versions/{i}/sha256", line),
                    f"sha256 of {version['file']} does not match; an archived version never changes",
                )
            )
        else:
            _, errs = read_source(file)
            out += errs
    return out


def todo_problems(meta: Any, lines: dict[str, int], path: Path, key: str = "") -> list[Problem]:
    """Fields `policy-archive new` left for a person to decide."""
    if isinstance(meta, dict):
        return [p for k, v in meta.items() for p in todo_problems(v, lines, path, f"{key}/{k}" if key else k)]
    if isinstance(meta, list):
        return [p for i, v in enumerate(meta) for p in todo_problems(v, lines, path, f"{key}/{i}")]
    if isinstance(meta, str) and meta.strip().upper().startswith("TODO"):
        return [
            Problem(
                str(path),
                lines.get(key, 1),
                f"'{key}' is still TODO; fill it in (see tools/schemas/notice.schema.json)",
            )
        ]
    return []


_DATE_ORDER = [("adopted", "in_force"), ("issued", "released")]


def date_problems(meta: dict[str, Any], lines: dict[str, int], path: Path) -> list[Problem]:
    """Calendar-impossible dates and dates in an impossible order."""
    problems = []
    parsed: dict[str, date] = {}
    for name, entry in (meta.get("dates") or {}).items():
        raw = entry.get("date") if isinstance(entry, dict) else None
        if not isinstance(raw, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", raw):
            continue  # the schema reports the form
        try:
            parsed[name] = date.fromisoformat(raw)
        except ValueError:
            problems.append(
                Problem(str(path), lines.get(f"dates/{name}/date", 1), f"{raw} is not a real date; correct it")
            )
    for earlier, later in _DATE_ORDER:
        if earlier in parsed and later in parsed and parsed[later] < parsed[earlier]:
            problems.append(
                Problem(
                    str(path),
                    lines.get(f"dates/{later}/date", 1),
                    f"{later} ({parsed[later]}) is before {earlier} ({parsed[earlier]}); one of them is wrong",
                )
            )
    period = meta.get("period") or {}
    if isinstance(period.get("start"), int) and isinstance(period.get("end"), int) and period["end"] < period["start"]:
        problems.append(
            Problem(
                str(path),
                lines.get("period/end", 1),
                f"plan period ends ({period['end']}) before it starts ({period['start']})",
            )
        )
    retrieved = (meta.get("source") or {}).get("retrieved")
    try:
        retrieved_on = date.fromisoformat(retrieved) if isinstance(retrieved, str) else None
    except ValueError:
        retrieved_on = None
        problems.append(Problem(str(path), lines.get("source/retrieved", 1), f"{retrieved} is not a real date"))
    for name, when in parsed.items():
        if name != "in_force" and retrieved_on and when > retrieved_on:
            problems.append(
                Problem(
                    str(path),
                    lines.get(f"dates/{name}/date", 1),
                    f"{name} ({when}) is after the text was retrieved ({retrieved_on}); one of them is wrong",
                )
            )
    return problems


def load_registry(corpus: Path) -> tuple[Registry, list[Problem]]:
    problems: list[Problem] = []
    agencies_path, themes_path = corpus / "agencies.yaml", corpus / "themes.yaml"
    data, lines, errs = read_yaml(agencies_path)
    problems += errs or schema_problems(data, lines, agencies_path, "agencies")
    agencies = [] if errs else _agencies(data, lines, agencies_path, problems)
    data, lines, errs = read_yaml(themes_path)
    problems += errs or schema_problems(data, lines, themes_path, "themes")
    themes, kinds = ([], []) if errs else _themes(data, lines)
    jurisdictions_path = corpus / "jurisdictions.yaml"
    data, lines, errs = read_yaml(jurisdictions_path)
    problems += errs or schema_problems(data, lines, jurisdictions_path, "jurisdictions")
    jurisdictions = [] if errs else _jurisdictions(data, lines, jurisdictions_path, problems)
    registry = Registry(agencies, themes, kinds, jurisdictions, str(agencies_path), str(jurisdictions_path))
    problems += load_permalinks(corpus, registry)
    return registry, problems


def _jurisdictions(data: Any, lines: dict[str, int], path: Path, problems: list[Problem]) -> list[Jurisdiction]:
    out = []
    for i, item in enumerate((data or {}).get("jurisdictions") or []):
        if not isinstance(item, dict) or not {"id", "name", "level"} <= item.keys():
            continue  # the schema reports the form
        out.append(
            Jurisdiction(
                id=str(item["id"]),
                name=str(item["name"]),
                level=str(item["level"]),
                parent=item.get("parent"),
                line=lines.get(f"jurisdictions/{i}", 1),
                name_zh=item.get("name_zh"),
                targets_counted_in_parent=bool(item.get("targets_counted_in_parent", False)),
            )
        )
    known = {j.id for j in out}
    for j in out:
        if j.parent and j.parent not in known:
            problems.append(
                Problem(str(path), j.line, f"{j.id}: parent {j.parent!r} is not a jurisdiction here; add it first")
            )
    return out


def load_permalinks(corpus: Path, registry: Registry) -> list[Problem]:
    """The published-URL lock and the declared redirects (both optional files)."""
    problems: list[Problem] = []
    lock, redirects = corpus / "urls.lock", corpus / "redirects.yaml"
    registry.lock_path, registry.redirects_path = str(lock), str(redirects)
    if lock.exists():
        for i, line in enumerate(lock.read_text("utf-8").splitlines(), 1):
            url = line.strip()
            if url and not url.startswith("#"):
                registry.locked_urls.append((url, i))
    if redirects.exists():
        data, lines, errs = read_yaml(redirects)
        problems += errs
        table = (data or {}).get("redirects") if isinstance(data, dict) else None
        if data is not None and not isinstance(table, dict):
            problems.append(Problem(str(redirects), 1, "expected a mapping `redirects:` of old URL to new URL"))
        for old, new in (table or {}).items():
            registry.redirects[str(old)] = (str(new), lines.get(f"redirects/{old}", 1))
    return problems


def _agencies(data: Any, lines: dict[str, int], path: Path, problems: list[Problem]) -> list[Agency]:
    out = []
    seen: dict[str, int] = {}
    for i, item in enumerate((data or {}).get("agencies") or []):
        if not isinstance(item, dict) or not {"id", "name", "jurisdiction"} <= item.keys():
            continue
        line = lines.get(f"agencies/{i}", 1)
        if item["id"] in seen:
            problems.append(
                Problem(str(path), line, f"agency id {item['id']!r} is also used at line {seen[item['id']]}")
            )
        seen[item["id"]] = line
        out.append(
            Agency(
                id=str(item["id"]),
                name=str(item["name"]),
                jurisdiction=str(item["jurisdiction"]),
                aliases=tuple(str(a) for a in item.get("aliases") or []),
                collective=bool(item.get("collective", False)),
                notices=tuple(str(n) for n in item.get("notices") or []),
                line=line,
                name_zh=item.get("name_zh"),
                parent=item.get("parent"),
                aliases_zh=tuple(str(a) for a in item.get("aliases_zh") or []),
            )
        )
    return out


def load_target_kinds(corpus: Path) -> list[TargetKind]:
    """The kinds of target a corpus names (``target_kinds`` in themes.yaml), or none."""
    path = corpus / "themes.yaml"
    if not path.is_file():
        return []
    data, lines, errs = read_yaml(path)
    return [] if errs else _themes(data, lines)[1]


def _themes(data: Any, lines: dict[str, int]) -> tuple[list[Theme], list[TargetKind]]:
    themes = [
        Theme(
            id=str(t["id"]),
            name=str(t["name"]),
            description=str(t.get("description", "")),
            keywords=tuple(str(k) for k in t.get("keywords") or []),
            min_hits=int(t.get("min_hits", 1)),
            line=lines.get(f"themes/{i}", 1),
        )
        for i, t in enumerate((data or {}).get("themes") or [])
        if isinstance(t, dict) and "id" in t and "name" in t
    ]
    kinds = [
        TargetKind(
            id=str(k["id"]),
            name=str(k["name"]),
            units=tuple(str(u) for u in k.get("units") or []),
            keywords=tuple(str(w) for w in k.get("keywords") or []),
            line=lines.get(f"target_kinds/{i}", 1),
        )
        for i, k in enumerate((data or {}).get("target_kinds") or [])
        if isinstance(k, dict) and "id" in k and "name" in k
    ]
    return themes, kinds


LoadNotice = Callable[[Path], tuple[NoticeFiles | None, list[Problem]]]


def load_corpus(corpus: Path, load: LoadNotice = load_notice) -> tuple[list[NoticeFiles], Registry, list[Problem]]:
    """Read every notice folder (each with ``load``) and the registry, collecting every problem at once."""
    problems: list[Problem] = []
    notices_dir = corpus / "notices"
    if not notices_dir.is_dir():
        return [], Registry([], [], []), [Problem(str(corpus), 1, "no notices/ folder here; is --corpus right?")]
    registry, errs = load_registry(corpus)
    problems += errs
    notices = []
    for folder in sorted(p for p in notices_dir.iterdir() if p.is_dir()):
        files, errs = load(folder)
        problems += errs
        if files:
            notices.append(files)
    return notices, registry, problems


def load_progress(corpus: Path) -> tuple[list[Update], list[Problem]]:
    """Progress records: ``corpus/progress/<target-id>.yaml``, each checked against its schema.
    Whether the target exists, and whether a quote is in its source, is checked in ``validate``."""
    updates: list[Update] = []
    problems: list[Problem] = []
    for path in sorted((corpus / "progress").glob("*.yaml")) if (corpus / "progress").is_dir() else []:
        data, lines, errs = read_yaml(path)
        errs = errs or schema_problems(data, lines, path, "progress")
        problems += errs
        if errs:
            continue
        dates = _progress_dates(data, lines, path)
        problems += dates
        if dates:
            continue  # a record with a date that is not one says nothing of when
        for i, item in enumerate(data["updates"]):
            source = item["source"]
            updates.append(
                Update(
                    target=path.stem,
                    date=str(item["date"]),
                    outcome=str(item["outcome"]),
                    quote=str(item["quote"]),
                    line=lines.get(f"updates/{i}", 1),
                    path=str(path),
                    source_title=source.get("title"),
                    source_url=source.get("url"),
                    source_notice=source.get("notice"),
                    quote_line=lines.get(f"updates/{i}/quote", 1),
                    source_publisher=source.get("publisher"),
                    done=str(item["done"]) if item.get("done") else None,
                    note=item.get("note"),
                    target_sentence=item.get("target_sentence"),
                )
            )
    return updates, problems


def _progress_dates(data: dict[str, Any], lines: dict[str, int], path: Path) -> list[Problem]:
    out = []
    for i, item in enumerate(data["updates"]):
        try:
            date.fromisoformat(str(item["date"]))
        except ValueError:
            out.append(Problem(str(path), lines.get(f"updates/{i}/date", 1), f"{item['date']} is not a real date"))
            continue
        done = str(item.get("done") or "")
        try:
            real = not done or bool(date.fromisoformat(done if len(done) == 10 else f"{done}-01"))
        except ValueError:
            real = False
        if not real:
            out.append(Problem(str(path), lines.get(f"updates/{i}/done", 1), f"{done} is not a real date"))
        elif done and done > str(item["date"]):
            out.append(
                Problem(
                    str(path),
                    lines.get(f"updates/{i}/done", 1),
                    f"done ({done}) is after the report's date ({item['date']}): a report tells of what was done before it",
                )
            )
    return out
