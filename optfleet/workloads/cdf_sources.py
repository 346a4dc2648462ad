"""Where total-length CDFs come from: files, the built-ins, samples and mass functions.

* :func:`load_cdf` - a JSON or YAML file of ``[[tokens, fraction], ...]`` knots;
* :func:`builtin_cdf` - the built-ins ``azure``, ``lmsys`` and ``agent_heavy``
  (:data:`BUILTIN_CDFS`, files in ``data/workloads/``);
* :func:`cdf_from_pmf`, :func:`cdf_from_samples` - a discrete length distribution or observed
  lengths on a knot grid (default :data:`DEFAULT_KNOTS_TOKENS`, see :func:`default_knots_for`).

Each returns a :class:`~optfleet.workloads.cdf.LengthCDF`.

Examples
--------
>>> builtin_cdf("agent_heavy").name
'agent_heavy'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from optfleet.errors import InputError, UnknownNameError
from optfleet.workloads.cdf import LengthCDF

#: The knot grid of the built-in CDFs (and the default grid of :func:`cdf_from_samples`).
DEFAULT_KNOTS_TOKENS: tuple[int, ...] = (
    64, 128, 256, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192,
    12288, 16384, 24576, 32768, 49152, 65536,
)  # fmt: skip

#: Built-in total-length CDFs: name -> one-line description (files in ``data/workloads/``).
BUILTIN_CDFS: MappingProxyType[str, str] = MappingProxyType(
    {
        "azure": "Azure LLM inference trace 2023 (all mass below 8192 tokens)",
        "lmsys": "LMSYS-Chat-1M conversations (long tail to 65536 tokens)",
        "agent_heavy": "synthetic agent mixture: 35% RAG, 40% SWE-bench-style, 25% tool calling",
    }
)

# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def _parse_cdf_data(data: Any, where: str) -> list[Any]:
    if isinstance(data, dict):
        if "cdf" not in data:
            raise InputError(
                f"{where}: a CDF mapping needs a 'cdf' key holding [[tokens, fraction], ...]"
            )
        data = data["cdf"]
    if not isinstance(data, list):
        raise InputError(
            f"{where}: expected a list of [tokens, fraction] pairs or {{'cdf': [...]}}"
        )
    return data


def load_cdf(path: str | Path, name: str | None = None) -> LengthCDF:
    """Load a CDF file: JSON or YAML holding ``[[tokens, fraction], ...]`` or ``{"cdf": [...]}``.

    Extra keys next to ``cdf`` (source, provenance, ...) are ignored.

    Raises
    ------
    InputError
        Missing or malformed file, or an invalid knot; the message names the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.json"
    >>> _ = p.write_text('{"cdf": [[100, 0.5], [200, 1.0]], "source": "me"}')
    >>> load_cdf(p).name, load_cdf(p).max_tokens
    ('c', 200)
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"CDF file not found: {p}")
    try:
        text = p.read_text(encoding="utf-8")
        if p.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            from optfleet.scenario.files import yaml_loader

            data = yaml.load(text, Loader=yaml_loader())  # noqa: S506 - a SafeLoader
    except Exception as exc:  # noqa: BLE001 - any parse error is bad input
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"can not parse CDF file {p}: {msg}") from None
    knots = _parse_cdf_data(data, f"CDF file {p}")
    try:
        return LengthCDF.from_knots(knots, name=name or p.stem.removesuffix("_cdf"))
    except InputError as exc:
        raise InputError(f"CDF file {p}: {exc}") from None


def _normalise_name(name: str) -> str:
    return str(name).strip().lower().replace("-", "_")


@cache
def _builtin_cdf_cached(key: str) -> LengthCDF:
    from optfleet._data import data_path

    return load_cdf(data_path("workloads", f"{key}_cdf.json"), name=key)


def builtin_cdf(name: str) -> LengthCDF:
    """A built-in CDF by name: ``azure``, ``lmsys`` or ``agent_heavy`` (cached).

    Examples
    --------
    >>> builtin_cdf("azure").max_tokens, builtin_cdf("lmsys").breakpoints[:3]
    (65536, (64, 128, 256))
    """
    key = _normalise_name(name)
    if key not in BUILTIN_CDFS:
        raise UnknownNameError(
            f"unknown built-in CDF {name!r}; known: {', '.join(sorted(BUILTIN_CDFS))}"
        )
    return _builtin_cdf_cached(key)


def default_knots_for(max_tokens: int) -> tuple[int, ...]:
    """The default knot grid, extended (x1.5 / x4/3 alternately, as 32768 -> 49152 -> 65536)
    until it covers ``max_tokens``."""
    grid = list(DEFAULT_KNOTS_TOKENS)
    while grid[-1] < max_tokens:
        b = grid[-1]
        grid.append(b + b // 2 if b & (b - 1) == 0 else b + b // 3)
    return tuple(grid)


def cdf_from_pmf(
    lengths: ArrayLike,
    probs: ArrayLike,
    knots: Sequence[int] | None = None,
    name: str = "empirical",
) -> LengthCDF:
    """The CDF of a discrete length distribution evaluated on a knot grid.

    The result is the piecewise-uniform CDF through ``(k, P(L <= k))`` for each knot ``k``; the
    shape inside each bin is smoothed to uniform.  ``knots`` defaults to the 64..65536 grid
    extended to cover the longest length; a grid shorter than the longest length is extended
    with that length.

    Examples
    --------
    >>> cdf_from_pmf([10, 100], [0.5, 0.5], knots=[64, 128]).knots()
    [[64, 0.5], [128, 1.0]]
    """
    L = np.asarray(lengths, dtype=np.float64).ravel()
    w = np.asarray(probs, dtype=np.float64).ravel()
    if L.size == 0 or L.size != w.size:
        raise InputError("cdf_from_pmf: lengths and probs must be non-empty and of equal size")
    if not np.isfinite(L).all() or (L < 1).any() or (L != np.floor(L)).any():
        raise InputError("cdf_from_pmf: lengths must be positive integers")
    if not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
        raise InputError("cdf_from_pmf: weights must be finite, non-negative, not all zero")
    Li = L.astype(np.int64)
    lmax = int(Li.max())
    grid = np.asarray(default_knots_for(lmax) if knots is None else list(knots), dtype=np.int64)
    if grid.size == 0:
        raise InputError("cdf_from_pmf: knots is empty")
    if grid[-1] < lmax:
        grid = np.append(grid, lmax)
    order = np.argsort(Li, kind="stable")
    cum = np.cumsum(w[order]) / w.sum()
    idx = np.searchsorted(Li[order], grid, side="right")
    fr = np.where(idx > 0, cum[np.maximum(idx - 1, 0)], 0.0)
    return LengthCDF(grid, fr, name=name)


def cdf_from_samples(
    lengths: ArrayLike, knots: Sequence[int] | None = None, name: str = "empirical"
) -> LengthCDF:
    """The empirical CDF of observed lengths on a knot grid (see :func:`cdf_from_pmf`).

    Examples
    --------
    >>> cdf_from_samples([10, 20, 100, 5000]).fractions[:3].tolist()
    [0.5, 0.75, 0.75]
    """
    L = np.asarray(lengths).ravel()
    return cdf_from_pmf(L, np.ones(L.size), knots=knots, name=name)


__all__ = [
    "BUILTIN_CDFS",
    "DEFAULT_KNOTS_TOKENS",
    "builtin_cdf",
    "cdf_from_pmf",
    "cdf_from_samples",
    "default_knots_for",
    "load_cdf",
]
