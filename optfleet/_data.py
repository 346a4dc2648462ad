"""Locate the data files shipped with optfleet (built-in workloads, traces, catalogs, examples).

The files live once, in the repository's top-level ``data/`` folder; the wheel carries them as
``optfleet/_data`` (``pyproject.toml``: ``force-include``).  An editable install or a source
checkout finds the top-level folder.

The example scenario and fleet files (``data/examples/*.yaml``) are named by their file name
without ``.yaml`` (``lmsys_pareto.scenario``), or without the kind as well when that is unique
(``lmsys_pareto``); ``example:NAME`` stands for one wherever a scenario or fleet file is read
(:func:`input_path`).

Examples
--------
>>> input_path("example:lmsys_pareto").name
'lmsys_pareto.scenario.yaml'
>>> "multi_model.fleet" in list_examples()
True
"""

from __future__ import annotations

import os
from pathlib import Path

from optfleet.errors import InputError, UnknownNameError

_PKG = Path(__file__).resolve().parent

#: How a command line or a file names a bundled example instead of a path.
EXAMPLE_PREFIX = "example:"


def data_dir() -> Path:
    """Return the folder holding optfleet's built-in data files."""
    for candidate in (_PKG / "_data", _PKG.parent / "data"):
        if (candidate / "workloads").is_dir():
            return candidate
    raise InputError("optfleet's built-in data files are missing: reinstall optfleet")


def data_path(*parts: str) -> Path:
    """Return the path of one built-in data file.

    Example: ``data_path("workloads", "azure_cdf.json")``.
    """
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise InputError(f"built-in data file not found: {'/'.join(parts)}")
    return path


def list_examples() -> dict[str, Path]:
    """The bundled examples: name (file name without ``.yaml``) -> path, sorted by name."""
    folder = data_dir() / "examples"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return {p.name[: -len(".yaml")]: p for p in files}


def example_description(path: Path) -> str:
    """The first sentence of an example file's opening comment (``""`` without one), less any
    ``(optfleet ...)`` usage note."""
    import re

    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    text = re.sub(r"\s*\(optfleet [^)]*\)", "", " ".join(x for x in lines if x))
    return re.split(r"(?<=\.)\s|:\s", text, maxsplit=1)[0].strip()


def example_short_name(name: str) -> str:
    """The shortest name :func:`example_path` finds ``name`` by (without its kind if unique).

    Examples
    --------
    >>> example_short_name("lmsys_pareto.scenario"), example_short_name("multi_model.fleet")
    ('lmsys_pareto', 'multi_model.fleet')
    """
    base = name.rsplit(".", 1)[0]
    same = [n for n in list_examples() if n.rsplit(".", 1)[0] == base]
    return base if same == [name] else name


def example_path(name: str) -> Path:
    """The path of the bundled example ``name``: a file name, the name without ``.yaml``, or,
    if only one example has it, the name without ``.scenario``/``.fleet`` as well.

    Raises
    ------
    UnknownNameError
        For a name that is no example (or that names several): the message lists them.
    """
    examples = list_examples()
    key = name.strip().removesuffix(".yaml")
    if key in examples:
        return examples[key]
    matches = [n for n in examples if n.rsplit(".", 1)[0] == key]
    if len(matches) == 1:
        return examples[matches[0]]
    what = f"names several examples ({', '.join(matches)})" if matches else "is no example"
    raise UnknownNameError(f"{name!r} {what}; examples: {', '.join(examples)}")


def input_path(path: str | os.PathLike[str]) -> Path:
    """The file an input argument names: ``example:NAME`` (:func:`example_path`) or a path.

    Every reader of scenario and fleet files starts here, so ``example:NAME`` works wherever a
    scenario or fleet file is taken.
    """
    text = os.fspath(path)
    if text.startswith(EXAMPLE_PREFIX):
        return example_path(text[len(EXAMPLE_PREFIX):])
    return Path(path)


__all__ = [
    "EXAMPLE_PREFIX",
    "data_dir",
    "data_path",
    "example_description",
    "example_path",
    "example_short_name",
    "input_path",
    "list_examples",
]
