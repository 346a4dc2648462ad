"""The shape of the code: imports point one way, private names stay private, modules and
functions stay small.

The checks read the sources with :mod:`ast` (nothing is imported or run):

* **no import cycle** between modules of ``optfleet`` (a module importing its own package's
  ``__init__`` is not a cycle of substance and is ignored);
* **no private import**: no ``from optfleet.x import _name`` from another module (a package's
  ``__init__`` re-exporting its own modules' names aside);
* **modules of at most** :data:`MAX_MODULE_LINES` lines, the numba kernel module aside;
* **functions of at most** :data:`MAX_FUNCTION_LINES` lines (docstring not counted) unless a
  ``# long: <reason>`` comment stands on the line above the ``def`` (or its decorators).

Each check is also run on a small synthetic package that breaks it, so a check that can not fail
is caught here too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "optfleet"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
#: The numba kernels: one module so that numba compiles them together.
EXEMPT_MODULES = {"optfleet/sim/_core.py"}
LONG_MARK = "# long:"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules(root: Path) -> dict[str, Path]:
    return {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def _imports(name: str, path: Path, tree: ast.AST, pkg: str) -> list[tuple[str, str]]:
    """``(target module or module.attribute, imported name)`` of every import of ``pkg``."""
    out: list[tuple[str, str]] = []
    is_init = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")
                keep = len(parts) - node.level + (1 if is_init else 0)
                base = ".".join(parts[:keep] + ([base] if base else []))
            if base == pkg or base.startswith(pkg + "."):
                out.extend((f"{base}.{a.name}", a.name) for a in node.names)
        elif isinstance(node, ast.Import):
            out.extend(
                (a.name, "") for a in node.names if a.name == pkg or a.name.startswith(pkg + ".")
            )
    return out


def import_graph(root: Path) -> tuple[dict[str, set[str]], list[str]]:
    """The module import graph of the package at ``root`` and its private cross-imports."""
    mods = _modules(root)
    pkg = root.name
    graph: dict[str, set[str]] = {m: set() for m in mods}
    private: list[str] = []
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for full, imported in _imports(name, path, tree, pkg):
            target = full
            while target not in mods and "." in target:
                target = target.rsplit(".", 1)[0]
            is_module = full in mods  # ``from pkg import submodule``
            if (
                imported.startswith("_")
                and not imported.startswith("__")
                and not is_module
                and target != name
                and not (path.name == "__init__.py" and target.startswith(name + "."))
            ):
                private.append(f"{name} imports {imported} from {target}")
            if target == name or target not in mods:
                continue
            if name.startswith(target + ".") and mods[target].name == "__init__.py":
                continue  # a module importing its own package's __init__
            graph[name].add(target)
    return graph, private


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def long_modules(root: Path, exempt: set[str]) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        n = path.read_text(encoding="utf-8").count("\n")
        if n > MAX_MODULE_LINES and rel not in exempt:
            out.append(f"{rel}: {n} lines")
    return out


def long_functions(root: Path, exempt: set[str]) -> list[str]:
    """Functions over :data:`MAX_FUNCTION_LINES` lines (docstring excluded) with no reason."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        if rel in exempt:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            n = node.end_lineno - node.lineno + 1
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                n -= body[0].end_lineno - body[0].lineno + 1
            if n <= MAX_FUNCTION_LINES:
                continue
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            above = lines[first - 2].strip() if first >= 2 else ""
            if not above.startswith(LONG_MARK) or len(above) <= len(LONG_MARK) + 3:
                out.append(f"{rel}:{node.lineno} {node.name}: {n} lines")
    return out


# --------------------------------------------------------------------------------------------
# optfleet itself
# --------------------------------------------------------------------------------------------


def test_no_import_cycle() -> None:
    graph, _ = import_graph(PACKAGE)
    assert cycles(graph) == []


def test_no_private_name_imported_from_another_module() -> None:
    _, private = import_graph(PACKAGE)
    assert private == []


def test_modules_are_small() -> None:
    assert long_modules(PACKAGE, EXEMPT_MODULES) == []


def test_long_functions_say_why() -> None:
    assert long_functions(PACKAGE, EXEMPT_MODULES) == []


def test_lower_layers_do_not_import_upper_ones() -> None:
    """scenario -> physics -> workloads -> queueing -> formulation -> backends -> sim ->
    calibration ->
    planning -> analysis -> cli: no package imports one to its right."""
    order = ["scenario", "physics", "workloads", "queueing", "formulation", "backends", "sim",
             "calibration",
             "planning", "analysis", "cli"]
    allowed_below = {
        # queueing, formulation and backends are pure maths: they know no GPU, model or workload
        "queueing": set(),
        "formulation": set(),
        "backends": set(),
    }
    graph, _ = import_graph(PACKAGE)
    bad = []
    for src, targets in graph.items():
        parts = src.split(".")
        if len(parts) < 2 or parts[1] not in order:
            continue
        for t in targets:
            tp = t.split(".")
            if len(tp) < 2 or tp[1] not in order or tp[1] == parts[1]:
                continue
            if order.index(tp[1]) > order.index(parts[1]):
                bad.append(f"{src} -> {t}")
            elif parts[1] in allowed_below and tp[1] not in allowed_below[parts[1]]:
                bad.append(f"{src} -> {t} (pure maths imports {tp[1]})")
    assert bad == []


# --------------------------------------------------------------------------------------------
# The checks can fail
# --------------------------------------------------------------------------------------------


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    return root


def test_a_cycle_is_found(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "",
        "a.py": "from pkg.b import f\n",
        "b.py": "def f():\n    from pkg import a\n",
        "c.py": "import pkg.a\n",
    })
    graph, _ = import_graph(root)
    assert cycles(graph) == [["pkg.a", "pkg.b"]]


def test_a_private_import_is_found(tmp_path: Path) -> None:
    root = _package(tmp_path, {
        "__init__.py": "from pkg.sub.m import _ok_reexport\n",
        "sub/__init__.py": "from pkg.sub.m import _fine\n",
        "sub/m.py": "_fine = 1\n_ok_reexport = 2\n",
        "x.py": "from pkg.sub.m import _fine\nfrom pkg.sub import m\n",
        "y.py": "from .sub.m import _fine as f\n",
    })
    _, private = import_graph(root)
    assert private == [  # the package's own re-export is allowed; modules are not names
        "pkg.x imports _fine from pkg.sub.m",
        "pkg.y imports _fine from pkg.sub.m",
    ]


@pytest.mark.parametrize("reason,found", [("", True), ("# long: a numba kernel", False)])
def test_a_long_function_is_found(tmp_path: Path, reason: str, found: bool) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES + 1))
    short = "def g():\n" + '    """' + "doc\n" * 30 + '"""\n' + "    return 1\n"
    root = _package(tmp_path, {"__init__.py": "", "m.py": f"{reason}\ndef f():\n{body}\n{short}"})
    assert bool(long_functions(root, set())) is found
    assert long_modules(root, set()) == []
    assert long_modules(root, set()) != long_modules(
        _package(tmp_path / "b", {"big.py": "x = 1\n" * (MAX_MODULE_LINES + 1)}), set()
    )
