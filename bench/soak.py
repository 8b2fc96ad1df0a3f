"""A long-lived worker's memory: many checks of unique reprints, and what the process keeps of them.

Run by hand (minutes, not a test): ``python bench/soak.py --checks 20000 --mode body``. Every check is of a
text, metadata and (by mode) policy never seen before; the resident memory and every module-level cache of
``reprint_guard`` are printed at the start (after 200 checks) and at the end. A cache that keeps growing with
the number of checks, or memory that does, is a leak in a web worker; the caches here stop at their limits.

Modes: ``body`` (Markdown bodies, metadata as a dict), ``html`` (pages with their own skip selectors),
``config`` (a config mapping per check, with its own front-matter key), ``parsed`` (a policy kept as text
and read with ``parse_policy`` per check), ``file`` (a policy written to a new temporary file per check:
the policy cache's 256 sets, about 1.7 MB each, are the expected growth).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import pkgutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import reprint_guard

GR = "https://www.globalresearch.ca/harbour-sold/58"
POLICY = (
    "id: {id}\nname: T{n} terms\npublisher: Paper {n}\nsource_url: https://p{n}.example/terms\n"
    "applies_to: [p{n}.example]\nrules:\n"
    "  - {{id: credit, check: attribution, names: [Paper {n}], message: Credit Paper {n}}}\n"
    "  - {{id: sponsor, check: text, mode: forbid, pattern: 'sponsor{n}\\w*', message: No sponsor here}}\n"
)


def resident_mb() -> float:
    """The process's resident memory (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * 4096 / (1 << 20)


def cache_sizes() -> dict[str, int]:
    """Every ``lru_cache`` of reprint_guard's modules and each module-level container of some size: by name."""
    sizes, seen = {}, set()
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("reprint_guard"):
            continue
        for attr, value in vars(module).items():
            if id(value) in seen:  # a cache imported by name into another module: told once
                continue
            if isinstance(value, functools._lru_cache_wrapper):
                sizes[f"{name}.{attr}"] = value.cache_info().currsize
            elif isinstance(value, dict | list | set) and attr.startswith("_"):
                sizes[f"{name}.{attr}"] = len(value)
            else:
                continue
            seen.add(id(value))
    return sizes


def check_one(index: int, mode: str, folder: Path) -> Any:
    """One check of a reprint no other check saw."""
    author = f"Writer{index} Q{index % 97}"
    body = f"# Story {index}\n\nThe {index} gulls came back, said {author}.\n\nFirst published by Paper {index}.\n"
    meta = {"title": f"Story {index}", "author": author, "original_url": f"https://p{index}.example/a/{index}"}
    if mode == "body":
        return reprint_guard.check(body, {**meta, "original_url": f"{GR}{index:05d}"})
    if mode == "html":
        page = f'<h1>S{index}</h1><p class="c{index}">Text {index} by {author}</p><img src="https://i{index}.example/a.png">'
        return reprint_guard.check(
            page, {**meta, "original_url": f"{GR}{index:05d}"}, format="html", skip_elements=[f".c{index}"]
        )
    if mode == "config":
        config = {"front-matter": {f"orig{index}": "original_url"}, "defaults": {"medium": "web"}}
        return reprint_guard.check(body, {"title": "t", f"orig{index}": f"{GR}{index:05d}"}, config=config)
    text = POLICY.format(id=f"pol{index}", n=index)
    if mode == "parsed":
        return reprint_guard.check(body, meta, policy=reprint_guard.parse_policy(text, name=f"db:{index}"))
    path = folder / f"p{index}.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        return reprint_guard.check(body, meta, policy=path)
    finally:
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=20000)
    parser.add_argument("--mode", choices=("body", "html", "config", "parsed", "file"), default="body")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    for found in pkgutil.walk_packages(reprint_guard.__path__, "reprint_guard."):
        if not found.name.endswith("__main__"):
            importlib.import_module(found.name)
    with tempfile.TemporaryDirectory() as folder:
        start: tuple[float, dict[str, int]] | None = None
        for index in range(args.checks):
            check_one(index, args.mode, Path(folder)).model_dump_json()
            if index == 200:
                gc.collect()
                start = (resident_mb(), cache_sizes())
        gc.collect()
    assert start is not None, "run more than 200 checks"
    print(f"resident memory: {start[0]:.0f} MB after 200 checks, {resident_mb():.0f} MB after {args.checks}")
    for name, size in sorted(cache_sizes().items()):
        if size != start[1].get(name, 0):
            print(f"  {name}: {start[1].get(name, 0)} -> {size}")


if __name__ == "__main__":
    main()
