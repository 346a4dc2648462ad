"""Total-length CDFs: validated knots and exact semantics.

A length CDF is a list of knots ``(tokens_i, F_i)`` with ``tokens`` strictly ascending positive
integers and ``F`` non-decreasing, ending at exactly 1.  The total request length ``L`` (prompt +
output tokens) is **piecewise uniform on the integers** between knots, as in the reference planner
(vllm-sr-sim): knot ``i`` covers the integers ``tokens[i-1]+1 .. tokens[i]`` with mass
``F_i - F_{i-1}``; the first bin covers ``1 .. tokens[0]`` with mass ``F_0``.  Everything here is
exact for that distribution: ``cdf``, ``mass``, ``mean_tokens``, ``quantile`` and ``pmf``;
``sample`` draws from it.  Loaders, the built-ins and the CDFs of samples are in
:mod:`optfleet.workloads.cdf_sources`.

Examples
--------
>>> from optfleet.workloads.cdf import LengthCDF
>>> c = LengthCDF.from_knots([(4, 0.5), (8, 1.0)])
>>> float(c.cdf(2)), float(c.cdf(6)), c.mean_tokens
(0.25, 0.75, 4.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from optfleet.errors import InputError
from optfleet.scenario.limits import MAX_TOKENS

#: Tolerance on the last fraction (it is then set to exactly 1) and on fractions above 1.
FRACTION_TOL = 1e-9

SeedLike = int | np.random.Generator | np.random.SeedSequence | None


def as_generator(seed: SeedLike) -> np.random.Generator:
    """A numpy Generator from an int, a SeedSequence or a Generator (returned as is)."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not (
        seed is None or isinstance(seed, int | np.integer | np.random.SeedSequence)
    ):
        raise InputError(f"seed must be an int, a numpy Generator or a SeedSequence, got {seed!r}")
    if isinstance(seed, int | np.integer) and seed < 0:
        raise InputError(f"seed must be non-negative, got {seed}")
    return np.random.default_rng(seed)


def check_count(name: str, n: Any) -> int:
    """Validate a non-negative integer count."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 0:
        raise InputError(f"{name} must be a non-negative integer, got {n!r}")
    return int(n)


def _readonly(a: NDArray[Any]) -> NDArray[Any]:
    a = np.array(a, copy=True)
    a.flags.writeable = False
    return a


def _fmt(x: float) -> str:
    return f"{x:.6g}"


@dataclass(frozen=True, eq=False)
class LengthCDF:
    """A validated total-length CDF (piecewise uniform on the integers between knots).

    Parameters
    ----------
    tokens : array_like of int
        Knot lengths, strictly ascending positive integers (integral floats are accepted).
    fractions : array_like of float
        ``P(L <= tokens[i])``: finite, in [0, 1], non-decreasing, last within 1e-9 of 1 (it is
        then set to exactly 1).
    name : str
        A label (built-in name or file stem).

    Raises
    ------
    InputError
        Naming the first bad knot (1-based), e.g.
        ``CDF knot 5 (tokens=768): fraction 0.31 is below the previous 0.36``.

    Examples
    --------
    >>> c = LengthCDF([64, 128], [0.25, 1.0], name="toy")
    >>> c.tokens.tolist(), c.breakpoints
    ([64, 128], (64, 128))
    >>> int(c.quantile(0.5)), round(c.mass(64, 96), 3)
    (86, 0.375)
    """

    tokens: NDArray[np.int64]
    fractions: NDArray[np.float64]
    name: str = "cdf"

    def __post_init__(self) -> None:
        tokens, fractions = _validate_knots(self.tokens, self.fractions, self.name)
        object.__setattr__(self, "tokens", _readonly(tokens))
        object.__setattr__(self, "fractions", _readonly(fractions))

    # -- identity --------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LengthCDF):
            return NotImplemented
        return (
            self.name == other.name
            and np.array_equal(self.tokens, other.tokens)
            and np.array_equal(self.fractions, other.fractions)
        )

    def __hash__(self) -> int:
        return hash((self.name, self.tokens.tobytes(), self.fractions.tobytes()))

    def __repr__(self) -> str:
        return (
            f"LengthCDF(name={self.name!r}, knots={self.tokens.size}, "
            f"max_tokens={int(self.tokens[-1])}, mean_tokens={self.mean_tokens:.1f})"
        )

    # -- constructors ----------------------------------------------------------------------
    @classmethod
    def from_knots(cls, knots: Iterable[Sequence[float]], name: str = "cdf") -> LengthCDF:
        """Build from ``[(tokens, fraction), ...]`` pairs.

        Examples
        --------
        >>> LengthCDF.from_knots([[10, 0.5], [20, 1.0]], name="x").mean_tokens
        10.5
        """
        try:
            rows = [tuple(k) for k in knots]
        except TypeError:
            raise InputError(
                f"CDF {name!r}: knots must be a list of [tokens, fraction] pairs"
            ) from None
        for i, r in enumerate(rows):
            if len(r) != 2:
                raise InputError(
                    f"CDF knot {i + 1}: expected a [tokens, fraction] pair, got {list(r)!r}"
                )
        if not rows:
            raise InputError(f"CDF {name!r} has no knots")
        return cls([r[0] for r in rows], [r[1] for r in rows], name=name)

    # -- views -----------------------------------------------------------------------------
    @property
    def breakpoints(self) -> tuple[int, ...]:
        """The knot lengths (candidate routing thresholds)."""
        return tuple(int(t) for t in self.tokens)

    @property
    def max_tokens(self) -> int:
        """The longest possible length (the last knot)."""
        return int(self.tokens[-1])

    @property
    def bin_masses(self) -> NDArray[np.float64]:
        """``F_i - F_{i-1}`` (with ``F_{-1} = 0``)."""
        return np.diff(self.fractions, prepend=0.0)

    @property
    def bin_widths(self) -> NDArray[np.int64]:
        """Number of integers in each bin (``tokens[i] - tokens[i-1]``, the first ``tokens[0]``)."""
        return np.diff(self.tokens, prepend=np.int64(0))

    def knots(self) -> list[list[float]]:
        """The knots as a JSON-ready ``[[tokens, fraction], ...]`` list."""
        return [[int(t), float(f)] for t, f in zip(self.tokens, self.fractions, strict=True)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: ``{"name": ..., "cdf": [[tokens, fraction], ...]}``."""
        return {"name": self.name, "cdf": self.knots()}

    # -- exact distribution ----------------------------------------------------------------
    def cdf(self, x: ArrayLike) -> NDArray[np.float64] | float:
        """``P(L <= x)`` for any real ``x`` (scalar in, scalar out).

        Linear within a bin on the integer grid: for integer ``x`` in bin ``i``,
        ``F_{i-1} + (F_i - F_{i-1}) (x - tokens[i-1]) / (tokens[i] - tokens[i-1])``; a
        non-integer ``x`` is floored.

        Examples
        --------
        >>> c = LengthCDF([4, 8], [0.5, 1.0])
        >>> float(c.cdf(3.9)), float(c.cdf(0)), float(c.cdf(100))
        (0.375, 0.0, 1.0)
        """
        xa = np.asarray(x, dtype=np.float64)
        if np.isnan(xa).any():
            raise InputError("cdf(x): x is NaN")
        xf = np.floor(np.clip(xa, 0.0, float(self.tokens[-1])))
        t_prev = np.concatenate(([0], self.tokens[:-1])).astype(np.float64)
        f_prev = np.concatenate(([0.0], self.fractions[:-1]))
        i = np.searchsorted(self.tokens, xf, side="left")
        i = np.minimum(i, self.tokens.size - 1)
        width = self.tokens[i] - t_prev[i]
        out = f_prev[i] + (self.fractions[i] - f_prev[i]) * (xf - t_prev[i]) / width
        out = np.where(xf >= self.tokens[-1], 1.0, np.where(xf < 1, 0.0, out))
        return float(out) if out.ndim == 0 else out

    def mass(self, lo_excl: float, hi_incl: float) -> float:
        """``P(lo_excl < L <= hi_incl)``.

        Examples
        --------
        >>> LengthCDF([4, 8], [0.5, 1.0]).mass(4, 8)
        0.5
        """
        for nm, v in (("lo_excl", lo_excl), ("hi_incl", hi_incl)):
            if v is None or np.isnan(v):
                raise InputError(f"mass: {nm} must be a number, got {v!r}")
        if hi_incl <= lo_excl:
            return 0.0
        return max(0.0, float(self.cdf(hi_incl)) - float(self.cdf(lo_excl)))

    @property
    def mean_tokens(self) -> float:
        """Exact ``E[L]``: bin ``i`` adds its mass times ``(tokens[i-1] + 1 + tokens[i]) / 2``."""
        t_prev = np.concatenate(([0], self.tokens[:-1])).astype(np.float64)
        mid = (t_prev + 1.0 + self.tokens) / 2.0
        return float(np.dot(self.bin_masses, mid))

    def quantile(self, q: ArrayLike) -> NDArray[np.int64] | int:
        """The smallest integer ``x >= 1`` with ``cdf(x) >= q``, for ``q`` in [0, 1].

        Examples
        --------
        >>> c = LengthCDF([4, 8], [0.5, 1.0])
        >>> int(c.quantile(0.5)), int(c.quantile(0.51)), int(c.quantile(1.0))
        (4, 5, 8)
        """
        qa = np.asarray(q, dtype=np.float64)
        if np.isnan(qa).any() or (qa < 0).any() or (qa > 1).any():
            raise InputError(f"quantile: q must be in [0, 1], got {q!r}")
        f = self.fractions
        i = np.minimum(np.searchsorted(f, qa, side="left"), f.size - 1)
        t_prev = np.concatenate(([0], self.tokens[:-1]))
        f_prev = np.concatenate(([0.0], f[:-1]))
        m = f[i] - f_prev[i]
        w = self.tokens[i] - t_prev[i]
        with np.errstate(divide="ignore", invalid="ignore"):
            k = np.ceil(np.where(m > 0, (qa - f_prev[i]) / m, 0.0) * w)
        x = t_prev[i] + np.clip(k, 1, w).astype(np.int64)
        # Exactness against floating-point rounding: step by one if needed.
        x = np.where((x > 1) & (np.asarray(self.cdf(x - 1)) >= qa), x - 1, x)
        x = np.where((x < self.tokens[-1]) & (np.asarray(self.cdf(x)) < qa), x + 1, x)
        x = np.where(qa <= 0, 1, x).astype(np.int64)
        return int(x) if x.ndim == 0 else x

    def pmf(self) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """The exact probability mass function on ``1 .. max_tokens``.

        Returns
        -------
        (lengths, probs) : int64 array ``1..max_tokens`` and float64 probabilities (sum 1).

        Examples
        --------
        >>> L, p = LengthCDF([2, 4], [0.5, 1.0]).pmf()
        >>> L.tolist(), p.tolist()
        ([1, 2, 3, 4], [0.25, 0.25, 0.25, 0.25])
        """
        widths = self.bin_widths
        lengths = np.arange(1, int(self.tokens[-1]) + 1, dtype=np.int64)
        probs = np.repeat(self.bin_masses / widths, widths)
        return lengths, probs

    def sample(self, n: int, seed: SeedLike = 0) -> NDArray[np.int64]:
        """Draw ``n`` lengths (int64) from the exact distribution.

        A bin is chosen by ``searchsorted`` of a uniform on the fractions, then an integer
        uniformly within the bin.

        Examples
        --------
        >>> x = LengthCDF([4, 8], [0.5, 1.0]).sample(1000, seed=1)
        >>> bool(x.min() >= 1 and x.max() <= 8), x.dtype.name
        (True, 'int64')
        """
        n = check_count("n", n)
        rng = as_generator(seed)
        u = rng.random(n)
        b = np.minimum(np.searchsorted(self.fractions, u, side="right"), self.tokens.size - 1)
        t_prev = np.concatenate(([0], self.tokens[:-1]))
        return rng.integers(t_prev[b] + 1, self.tokens[b] + 1, dtype=np.int64)


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def _validate_knots(
    tokens_in: Any, fractions_in: Any, name: str
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    for arr in (tokens_in, fractions_in):
        if isinstance(arr, np.ndarray) and arr.dtype.kind in "iuf":
            continue
        for x in np.ravel(np.asarray(arr, dtype=object)):
            if isinstance(x, bool | np.bool_ | str):
                raise InputError(f"CDF {name!r}: tokens and fractions must be numbers, got {x!r}")
    try:
        t = np.asarray(tokens_in, dtype=np.float64)
        f = np.asarray(fractions_in, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"CDF {name!r}: tokens and fractions must be numbers") from None
    if t.ndim != 1 or f.ndim != 1 or t.size != f.size:
        raise InputError(
            f"CDF {name!r}: tokens and fractions must be 1-D of equal length, "
            f"got shapes {t.shape} and {f.shape}"
        )
    if t.size == 0:
        raise InputError(f"CDF {name!r} has no knots")
    for i in range(t.size):
        tok, fr = t[i], f[i]
        where = f"CDF knot {i + 1} (tokens={_fmt(tok)})"
        if not np.isfinite(tok) or tok != np.floor(tok) or tok < 1:
            raise InputError(f"{where}: tokens must be a positive integer")
        if tok > MAX_TOKENS:
            raise InputError(f"{where}: tokens must be at most {MAX_TOKENS} (2**24)")
        if i > 0 and tok <= t[i - 1]:
            raise InputError(
                f"{where}: tokens must be strictly ascending, previous knot has {_fmt(t[i - 1])}"
            )
        if not np.isfinite(fr):
            raise InputError(f"{where}: fraction {fr} is not finite")
        if fr < 0:
            raise InputError(f"{where}: fraction {_fmt(fr)} is negative")
        if fr > 1 + FRACTION_TOL:
            raise InputError(f"{where}: fraction {_fmt(fr)} is above 1")
        if i > 0 and fr < f[i - 1]:
            raise InputError(f"{where}: fraction {_fmt(fr)} is below the previous {_fmt(f[i - 1])}")
    if abs(f[-1] - 1.0) > FRACTION_TOL:
        raise InputError(
            f"CDF knot {t.size} (tokens={_fmt(t[-1])}): the last fraction must be 1, "
            f"got {_fmt(f[-1])}"
        )
    f = np.minimum(f, 1.0)
    f[-1] = 1.0
    return t.astype(np.int64), f



__all__ = [
    "LengthCDF",
]
