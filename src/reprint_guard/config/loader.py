"""Finding and reading the project configuration, with errors at file:line:column.

Discovery, as yamllint and ruff do it: from the current folder upwards, the
first ``.reprint-guard.yaml`` (or ``.yml``), or ``pyproject.toml`` with a
``[tool.reprint-guard]`` table; ``--config FILE`` overrides.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..limits import MAX_CONFIG_BYTES, MAX_YAML_DEPTH
from ..safeyaml import jsonable, position_of
from ..safeyaml import load as load_yaml

if TYPE_CHECKING:
    from .model import Config
    from .view import ConfigView

CONFIG_NAMES = (".reprint-guard.yaml", ".reprint-guard.yml")
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "config.schema.json"


class LoadedConfig:
    """A config (None when the project has none) and the folder its relative paths are relative to."""

    __slots__ = ("config", "locate", "path", "root")

    def __init__(self, config: Config | ConfigView | None, root: Path, path: Path | None, locate: Any = None) -> None:
        self.config = config
        self.root = root
        self.path = path
        #: ``locate(["suppressions", 0])`` -> (line, column) of that entry in the config file.
        self.locate = locate

    def mention(self, needle: str) -> tuple[int | None, int | None]:
        """Line and column where ``needle`` is first written in the (small) config file: for what ``locate``
        cannot place (a ``pyproject.toml``'s entries; a value named in several keys)."""
        if self.path is not None:
            try:
                text = self.path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                return None, None
            index = text.find(needle)
            if index >= 0:
                return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1
        return None, None

    def where(self, *keys: str | int) -> str:
        """``file:line`` of an entry in the config, for messages about it (just the file when unknown)."""
        if self.path is None:
            return ""
        line = self.locate(list(keys))[0] if self.locate is not None else None
        return f"{self.path.name}:{line}" if line else self.path.name


def config_schema() -> dict[str, Any]:
    from .model import Config

    schema = Config.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://reprint-guard.invalid/schemas/config.schema.json"
    return schema


def render_config_schema() -> str:
    return json.dumps(config_schema(), indent=2) + "\n"


def discover(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            # One that is there but no file (a dangling link, a folder, a pipe) is returned too: loading it says
            # what is wrong, where passing over it would apply a parent folder's config, or none, unsaid.
            if os.path.lexists(candidate):
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _names_our_table(pyproject):
            return pyproject
    return None


def unread_beside(path: Path) -> list[str]:
    """The other configs in ``path``'s folder that discovery passes over for it (``.reprint-guard.yml`` beside
    ``.reprint-guard.yaml``, a ``[tool.reprint-guard]`` table in ``pyproject.toml`` beside either): their
    settings are not read, which a user who wrote them does not expect. Only for a config of a name discovery
    looks for (one ``--config`` names otherwise was chosen over the rest)."""
    names = (*CONFIG_NAMES, "pyproject.toml")
    if path.name not in names:
        return []
    unread = []
    for name in names[names.index(path.name) + 1 :]:
        other = path.parent / name
        if name == "pyproject.toml":
            if other.is_file() and _names_our_table(other):
                unread.append("pyproject.toml's [tool.reprint-guard] table")
        elif os.path.lexists(other):
            unread.append(name)
    return unread


#: The table's name, and the spellings of it a user may write for it (told as such, not passed over).
_TOOL_NAMES = ("reprint-guard", "reprint_guard", "reprintguard")


def _names_our_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a ``[tool.reprint-guard]`` table, or something written for one: the key
    given another way (``[tool] reprint-guard = 5``) or spelt with an underscore, which loading then refuses
    with what to write. A project that only depends on reprint-guard names none."""
    try:
        with open(pyproject, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)  # a pyproject this long is no project's: loading says so
    except OSError:
        return True  # there, but not readable: loading it says why
    return names_our_table(raw)


def names_our_table(raw: bytes) -> bool:
    """:func:`_names_our_table` of a pyproject.toml's bytes (a commit's copy, read from git)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:64]:  # UTF-16 or UTF-32: told when loaded
        for encoding in ("utf-32", "utf-16"):
            try:
                if "[tool.reprint-guard" in raw.decode(encoding):
                    return True
            except UnicodeDecodeError:
                continue
    if b"[tool.reprint-guard" in raw:
        return True
    if b"reprint-guard" not in raw and b"reprint_guard" not in raw and b"reprintguard" not in raw:
        return False
    import tomllib

    from ..readers.markdown import deep_dotted_key

    text = raw.decode("utf-8", "replace")
    if text.count(".") > MAX_YAML_DEPTH and deep_dotted_key(text) is not None:
        return False  # not ours to judge: a key tomllib would take all memory to read
    try:
        tool = tomllib.loads(text).get("tool")
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return False  # not ours to judge: no table of ours can be read in it
    return isinstance(tool, dict) and any(name in tool for name in _TOOL_NAMES)


def load_config(explicit: str | Path | None = None, start: Path | None = None, *, search: bool = True) -> LoadedConfig:
    """The config named by ``--config``, else the discovered one, else defaults rooted at ``start``.

    ``search=False`` (``--no-config``): no config is looked for, so a parent folder's cannot apply.
    """
    start = (start or Path.cwd()).resolve()
    path = Path(explicit) if explicit else (discover(start) if search else None)
    if path is None:
        return LoadedConfig(None, start, None)  # the defaults; pydantic is not needed for them
    if not os.path.isfile(path):  # os.path, not Path: a name too long is "not found", not an OSError
        if os.path.isdir(path):
            raise ConfigError("a folder, not a config file: name the file (.reprint-guard.yaml)", path=str(path)[:200])
        if os.path.islink(path) and not os.path.exists(path):
            raise ConfigError("a symbolic link to nothing (its target is missing, or links loop)", path=str(path)[:200])
        if os.path.exists(path):  # a named pipe, a socket, a device: reading it could wait for ever
            raise ConfigError("not a regular file (a named pipe, a socket or a device)", path=str(path)[:200])
        raise ConfigError("config file not found", path=str(path)[:200])
    data, locate = _read(path)
    return _loaded(data, path, path.resolve().parent, locate, path)


def config_from_mapping(data: Any, start: Path | None = None, *, name: str = "<config>") -> LoadedConfig:
    """A config given as data, as a CMS keeps its settings (in code, a database), validated as a config file
    is, its errors named ``name`` (with no line: there is no file); the paths in it (``policies``, a
    suppression's ``path``) are relative to ``start`` (the working folder)."""
    import copy
    from collections.abc import Mapping

    if not isinstance(data, Mapping):
        raise ConfigError(f"config must be a mapping of keys to values, not {type(data).__name__}", path=name)
    root = (start or Path.cwd()).resolve()
    _no_lone_surrogates(data, [], name)
    return _loaded(copy.deepcopy(dict(data)), Path(name), root, lambda where: (None, None), None)


def _no_lone_surrogates(value: Any, where: list[Any], name: str, depth: int = 0) -> None:
    """Refuse a text holding half a UTF-16 pair (``"a\\ud800"``, which a file cannot hold: a caller's data can):
    a path made of it cannot be looked up, nor a pattern compiled. Told at its key, as a file's error is."""
    if isinstance(value, str):
        bad = next((char for char in value if "\ud800" <= char <= "\udfff"), None)
        if bad is not None:
            at = ".".join(map(str, where)) or "the config"
            raise ConfigError(f"{at}: holds a lone surrogate ({bad!a}), which is no character", path=name)
    elif depth < 32 and isinstance(value, dict):
        for key, item in value.items():
            _no_lone_surrogates(key, where, name, depth + 1)
            _no_lone_surrogates(item, [*where, key], name, depth + 1)
    elif depth < 32 and isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _no_lone_surrogates(item, [*where, index], name, depth + 1)


def _loaded(data: dict[str, Any], path: Path, root: Path, locate: Any, file: Path | None) -> LoadedConfig:
    """The config read from ``data`` (a file's, at ``file``, or a caller's mapping), validated, its errors
    told at ``path`` and placed by ``locate``."""
    severity = data.get("severity")
    if isinstance(severity, dict):  # YAML 1.1 reads an unquoted `off` as false
        data["severity"] = {k: ("off" if v is False else v) for k, v in severity.items()}
    from .view import exact_config

    view = exact_config(data)
    if view is not None:  # the usual hand-written config: no jsonschema, no pydantic
        _validate_metadata(data, path, locate)
        _check_policies(data, path, locate, root)
        return LoadedConfig(view, root, file, locate)
    _validate(data, path, locate)
    _validate_metadata(data, path, locate)
    from .model import Config

    try:
        config = Config.model_validate(data)
    except ValueError as exc:  # pydantic's ValidationError
        problem = exc.errors()[0]  # type: ignore[attr-defined]
        where = [p for p in problem.get("loc", ()) if isinstance(p, str | int)]
        line, column = locate(where)
        field = ".".join(map(str, where))
        raise ConfigError(
            f"{field}: {problem.get('msg', 'invalid value')}", path=str(path), line=line, column=column
        ) from None
    _check_policies(data, path, locate, root)
    return LoadedConfig(config, root, file, locate)


def _check_policies(data: dict[str, Any], path: Path, locate: Any, root: Path) -> None:
    """Each file or folder ``policies`` names is there and, a folder, holds policy files: else the config
    is at fault, at its line, before a run reads a policy (a folder named wrong, or one of fixtures only,
    would leave every reprint to pass unchecked by the policies meant)."""
    items = data.get("policies")
    if not isinstance(items, list) or not items:
        return
    from ..errors import PolicyError
    from ..policy.loader import policy_source

    for index, item in enumerate(items):
        if not isinstance(item, str):
            continue  # the schema has its say on the shape
        if os.path.isfile(root / item) and not item.lower().endswith((".yaml", ".yml")):
            line, column = locate(["policies", index])
            raise ConfigError(
                f"policies.{index}: {item} is no policy file (a policy is YAML: .yaml or .yml); 'policies' names "
                "policy files or folders of them",
                path=str(path),
                line=line,
                column=column,
            )
        try:
            policy_source(root / item)
        except PolicyError as exc:
            line, column = locate(["policies", index])
            shown = item if os.path.isabs(item) else f"{item} (from the config's folder: {(root / item).resolve()})"
            raise ConfigError(
                f"policies.{index}: {exc.message}: {shown}", path=str(path), line=line, column=column
            ) from None


def _check_globs(data: dict[str, Any], path: Path, locate: Any) -> None:
    """Every glob (include, exclude, an override's paths, a suppression's path) is one the glob engine can
    read: ``[z-a]`` is an error at its line, not a traceback when the first file is matched."""
    from ..suppressions import glob_problem

    places: list[tuple[list[str | int], Any]] = []
    for key in ("include", "exclude"):
        if isinstance(data.get(key), list):
            places += [([key, i], glob) for i, glob in enumerate(data[key])]
    for key, field in (("overrides", "paths"), ("suppressions", "path")):
        items = data.get(key) if isinstance(data.get(key), list) else []
        for i, item in enumerate(items):
            value = item.get(field) if isinstance(item, dict) else None
            if isinstance(value, list):
                places += [([key, i, field, j], glob) for j, glob in enumerate(value)]
            else:
                places.append(([key, i, field], value))
    for where, glob in places:
        problem = glob_problem(glob) if isinstance(glob, str) else None
        if problem is not None:
            line, column = locate(where)
            raise ConfigError(f"{'.'.join(map(str, where))}: {problem}", path=str(path), line=line, column=column)


def _validate_metadata(data: dict[str, Any], path: Path, locate: Any) -> None:
    """Metadata values the config sets (``defaults``, each override's ``metadata``) are valid, or the
    config is at fault, at the line that sets them: not every file they would be merged into. A
    ``front-matter`` mapping onto a misspelt key of ours is an error too: every file would be skipped
    as no reprint, and the run would pass."""
    mapping = data.get("front-matter")
    if isinstance(mapping, dict):
        _check_key_targets(mapping, path, locate)
    _check_globs(data, path, locate)
    if not data.get("defaults") and not data.get("overrides"):
        return
    from ..readers import metadata_problem

    places: list[tuple[list[str | int], Any]] = [(["defaults"], data.get("defaults"))]
    overrides = data.get("overrides")
    if isinstance(overrides, list):
        places += [
            (["overrides", i, "metadata"], o.get("metadata")) for i, o in enumerate(overrides) if isinstance(o, dict)
        ]
    for where, values in places:
        if not isinstance(values, dict):
            continue  # the schema has its say on the shape
        problem = metadata_problem(values)
        if problem is not None:
            key, dotted, message = problem
            line, column = locate([*where, key])
            field = ".".join(map(str, where)) + "." + dotted
            raise ConfigError(f"{field}: {message}", path=str(path), line=line, column=column)


def _check_key_targets(mapping: dict[Any, Any], path: Path, locate: Any) -> None:
    """A mapping target one or two letters off one of our keys (``orignal_url``, ``licence``) is a typo:
    other keys, which a policy of one's own may read (``news_outlet``, ``original_title``), stay free. A key
    of ours mapped onto one of ours that holds another kind of value (``original_url: author``), or
    ``original_url`` mapped away with no key mapped onto it, is a mapping written the wrong way round: every
    file would be read wrong, or skipped as no reprint, and the run would pass. Several of the site's keys
    onto one of ours are fine (older posts keep an older key; ``conflicting-keys`` compares them)."""
    from ..metaview import DECLARED

    _one_key_two_targets(mapping, path, locate)
    onto_address = [theirs for theirs, ours in mapping.items() if ours == "original_url"]
    for theirs, ours in mapping.items():
        if not isinstance(ours, str):
            continue  # the schema has its say on the shape
        problem = None
        if ours not in DECLARED and len(ours) >= 5:
            near = [key for key in DECLARED if _edits(ours, key) <= 2]
            if near:
                problem = f"{ours!r} is not a metadata key; did you mean {near[0]!r}?"
        own = _our_key(theirs)
        if problem is None and own is not None and own != ours:
            if ours in DECLARED and _kind(own) != _kind(ours):
                named = f"{theirs!r} is reprint-guard's own key" + (f" {own!r}" if theirs != own else "")
                problem = (
                    f"{named} for {_holds(own)}, which cannot be read as {ours!r} ({_holds(ours)}); a mapping "
                    f"goes from your site's key to reprint-guard's, as in {_EXAMPLE_MAPPING}"
                )
            elif own == "original_url" and not onto_address:
                problem = (
                    f"maps reprint-guard's own 'original_url' onto {ours!r}, and no key onto 'original_url': no file "
                    f"would give its original's address, so every one would be skipped as no reprint; a mapping "
                    f"goes from your site's key to reprint-guard's, as in {ours}: original_url"
                )
        if problem is not None:
            line, column = locate(["front-matter", theirs])
            raise ConfigError(f"front-matter.{theirs}: {problem}", path=str(path), line=line, column=column)


def _site_key(theirs: str) -> str:
    """The one key of a page that a mapping's key of the site's names, as Hugo reads it: blind to case, and
    the same at the top of the front matter or under ``params:`` (``canonicalURL``, ``canonicalurl`` and
    ``params.canonicalURL`` are all ``.Params.canonicalurl``), as the mapping itself reads a file's keys."""
    key = theirs.lower()
    return key[len("params.") :] if key.startswith("params.") and key.count(".") == 1 else key


def _one_key_two_targets(mapping: dict[Any, Any], path: Path, locate: Any) -> None:
    """Two spellings of one key of the site's (:func:`_site_key`) mapped onto two of reprint-guard's keys: which
    one a file's value goes to would depend on the case it happens to be written in. Refused at the second
    spelling, naming the first; mapped onto one key, the spellings say the same and are left be."""
    first: dict[str, tuple[str, str]] = {}  # the site's key -> its first spelling, and where that maps it
    for theirs, ours in mapping.items():
        if not isinstance(theirs, str) or not isinstance(ours, str):
            continue  # the schema has its say on the shape
        seen = first.setdefault(_site_key(theirs), (theirs, ours))
        if seen[1] == ours:
            continue
        earlier = locate(["front-matter", seen[0]])[0]
        at = f" (line {earlier})" if earlier else ""
        line, column = locate(["front-matter", theirs])
        raise ConfigError(
            f"front-matter.{theirs}: {theirs!r} and {seen[0]!r}{at} are one key to Hugo (blind to case, at the top "
            f"or under params:), mapped onto {ours!r} here and onto {seen[1]!r} there: keep one of the two",
            path=str(path),
            line=line,
            column=column,
        )


#: A mapping the right way round, for an error's example.
_EXAMPLE_MAPPING = "canonicalURL: original_url"


def _our_key(theirs: Any) -> str | None:
    """The metadata key of ours that a mapping's key of the site's is, as Hugo reads it (blind to case, at the
    top or under ``params:``), or None."""
    from ..metaview import DECLARED

    if not isinstance(theirs, str):
        return None
    key = theirs.lower().removeprefix("params.")
    return key if key in DECLARED else None


def _kind(key: str) -> str:
    """The kind of value a metadata key of ours holds: keys of one kind may be mapped onto each other (a site
    whose ``author`` is the rights holder, ``author: copyright_holder``; one whose ``source`` is the original's
    address, ``source: original_url``), keys of two kinds may not."""
    return "text" if key == "original_url" else _holds(key)


def _holds(key: str) -> str:
    """What a metadata key of ours holds, said."""
    from ..metaview import DATE_KEYS, FLAG_KEYS, NAME_KEYS, OPTIONAL_FLAG_KEYS

    if key == "original_url":
        return "the original's address"
    if key in NAME_KEYS:
        return "names"
    if key in DATE_KEYS:
        return "a date"
    if key in (*FLAG_KEYS, *OPTIONAL_FLAG_KEYS, "commercial"):
        return "true or false"
    if key == "medium":
        return "the medium"
    if key == "permissions":
        return "permission records"
    return "text"


def _edits(a: str, b: str) -> int:
    """Levenshtein distance: the letters to add, drop or change to turn ``a`` into ``b``."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def _read(path: Path) -> tuple[dict[str, Any], Any]:
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)  # no further than the limit, whatever the file claims
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", path=name) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"config file larger than {MAX_CONFIG_BYTES // 1024} KiB", path=name)
    from ..policy.loader import decoded

    text = decoded(raw, name, "config", ConfigError)  # not UTF-8: told as a policy's, and a reprint's, is
    if path.name == "pyproject.toml":
        import tomllib

        from ..readers.markdown import deep_dotted_key

        deep = deep_dotted_key(text) if text.count(".") > MAX_YAML_DEPTH else None
        if deep is not None:  # each part a table, which tomllib builds with no limit: minutes and all memory
            from ..readers import text_position

            line, column = text_position(text, deep)
            said = f"invalid TOML: a dotted key of more than {MAX_YAML_DEPTH} parts (nested too deeply)"
            raise ConfigError(said, path=name, line=line, column=column)
        try:
            tool = tomllib.loads(text).get("tool", {})
        except tomllib.TOMLDecodeError as exc:
            # tomllib puts the place in its message: "... (at line 3, column 9)"; ours goes before it.
            where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
            message = str(exc)[: where.start()] if where else str(exc)
            line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
            if where is None and message.endswith("(at end of document)"):  # a file cut short: told at its end
                message = message.removesuffix("(at end of document)").rstrip() + " at the end of the file"
                lines = text.splitlines() or [""]
                line, column = len(lines), len(lines[-1]) + 1
            raise ConfigError(f"invalid TOML: {message}", path=name, line=line, column=column) from None
        except RecursionError:
            raise ConfigError("invalid TOML: nested too deeply", path=name) from None
        if not isinstance(tool, dict) or "reprint-guard" not in tool:
            other = next((key for key in _TOOL_NAMES[1:] if isinstance(tool, dict) and key in tool), None)
            if other is not None:
                at = text.find(other)
                raise ConfigError(
                    f"[tool.{other}]: the table is [tool.reprint-guard], with a hyphen",
                    path=name,
                    line=text.count("\n", 0, at) + 1 if at >= 0 else None,
                )
            raise ConfigError("no [tool.reprint-guard] table in this file", path=name)
        if not isinstance(tool["reprint-guard"], dict):
            raise ConfigError("[tool.reprint-guard] must be a table", path=name, line=_toml_locator(text)([])[0])
        return tool["reprint-guard"], _toml_locator(text)
    try:
        loaded = load_yaml(text, error=ConfigError)
    except ConfigError as exc:
        raise exc.at(name) from None
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError("the config must be a YAML mapping", path=name, line=1, column=1)
    return data, lambda where: position_of(loaded.node, where)


def _toml_locator(text: str) -> Any:
    """``locate(where)`` for ``[tool.reprint-guard]`` in a pyproject.toml: the line of a key, or of the
    N-th ``[[tool.reprint-guard.KEY]]`` table for ``[KEY, N]`` (tomllib keeps no positions)."""
    lines = text.splitlines()
    ours: list[int] = []  # the line numbers inside [tool.reprint-guard] and its sub-tables
    entries: dict[str, list[int]] = {}  # KEY -> the lines of its [[tool.reprint-guard.KEY]] headers
    inside = False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            name = stripped.strip("[]").strip()
            inside = name == "tool.reprint-guard" or name.startswith("tool.reprint-guard.")
            if inside and stripped.startswith("[[") and name.startswith("tool.reprint-guard."):
                entries.setdefault(name.removeprefix("tool.reprint-guard."), []).append(number)
        if inside:
            ours.append(number)
    first = ours[0] if ours else 1

    def locate(where: list[str | int]) -> tuple[int | None, int | None]:
        key = next((str(p) for p in where if isinstance(p, str)), None)
        index = next((p for p in where if isinstance(p, int)), None)
        if key in entries and index is not None and index < len(entries[key]):
            return entries[key][index], 1
        inner = [str(p) for p in where[1:] if isinstance(p, str)]
        if key and inner and index is None:  # a key of a [tool.reprint-guard.KEY] table
            header = next((n for n in ours if lines[n - 1].strip() == f"[tool.reprint-guard.{key}]"), None)
            for number in ours if header is not None else ():
                if number > header and lines[number - 1].lstrip().startswith((f"{inner[0]} ", f"{inner[0]}=")):
                    return number, 1
        for number in ours:
            if key and lines[number - 1].lstrip().startswith((f"{key} ", f"{key}=", f'"{key}"')):
                return number, 1
        return first, 1

    return locate


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


#: Command-line option names whose config key is another: what a user who knows the option writes.
_CLI_NAMES = {"rules-dir": "policies", "rules-dirs": "policies", "rules_dir": "policies", "rules": "policies"}


#: How YAML writes a flag a person may have quoted, or written as a word ("no", "on").
_FLAG_WORDS = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False, "1": True, "0": False}


def _type_hint(error: Any, where: list[Any], assign: str = ": ") -> str:
    """What to write instead, for a value of the wrong shape that says what was meant: one glob where a list
    is asked for, a list of rule ids where one string is, a quoted "no" for a flag, a near miss of a choice."""
    import json

    instance, key = error.instance, str(where[-1]) if where else ""
    if error.validator == "type" and error.validator_value == "array" and isinstance(instance, str):
        return f"; write a list, even of one: {key}{assign}[{json.dumps(instance)}]"
    listed = isinstance(instance, list) and all(isinstance(item, str) for item in instance)
    if error.validator == "type" and key == "rule" and listed:
        return f"; several rules go in one string, comma-separated: rule{assign}{json.dumps(', '.join(instance))}"
    if error.validator == "type" and error.validator_value == "boolean" and isinstance(instance, str | int):
        meant = _FLAG_WORDS.get(str(instance).strip().lower())
        if meant is not None:
            return f"; write {str(meant).lower()}, unquoted"
    if error.validator == "enum" and isinstance(instance, str):
        import difflib

        choices = [str(choice) for choice in error.validator_value]
        close = difflib.get_close_matches(instance.lower(), choices, n=1, cutoff=0.6)
        if close:
            return f"; did you mean {close[0]!r}?"
    return ""


def _validate(data: dict[str, Any], path: Path, locate: Any) -> None:
    errors = sorted(_validator().iter_errors(jsonable(data)), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    error = errors[0]
    where = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = [k for k in error.instance if k not in (error.schema.get("properties") or {})]
        where += extra[:1]
    line, column = locate(where)
    field = ".".join(map(str, where))
    message = error.message.replace("Additional properties are not allowed", "unknown key(s)")
    if error.validator == "pattern" and where and where[-1] == "rule":  # a suppression's rule ids, not a regex
        message = (
            f"{error.instance!r} is no rule id: write <policy>/<rule>, or <policy>/* for all of a policy's rules, "
            "several comma-separated (reprint-guard policies lists them)"
        )
    message += _type_hint(error, where, " = " if str(path).endswith(".toml") else ": ")
    if error.validator == "additionalProperties" and isinstance(error.instance, dict) and len(where):
        import difflib

        known = list(error.schema.get("properties") or {})
        key = str(where[-1])
        close = [_CLI_NAMES[key]] if key in _CLI_NAMES and _CLI_NAMES[key] in known else []
        close = close or difflib.get_close_matches(key, known, n=1, cutoff=0.75)
        if close:
            message += f"; did you mean {close[0]!r}?"
    raise ConfigError(f"{field + ': ' if field else ''}{message}", path=str(path), line=line, column=column)
