"""One validation rule per kind of number, wherever the number enters optfleet.

Scenario and fleet files (through the pydantic types below), CLI flags and library calls (through
:func:`check`) apply the same rule to the same kind of number:

* it is a number — not a boolean (``rate_per_s: true`` is an error, not 1 req/s) and not text;
* it is finite and in its physical range (a rate is positive, a share in (0, 1], ...);
* where an algorithm's cost grows with it, it is at most a documented bound
  (:data:`BOUNDS`), so that no input makes optfleet run for hours instead of answering.

Examples
--------
>>> check("rate_per_s", "--rate", 100)
100.0
>>> check("rate_per_s", "--rate", float("nan"))
Traceback (most recent call last):
...
optfleet.errors.InputError: --rate must be a finite number > 0 and <= 2000000 req/s, got nan
>>> check("tokens", "--threshold", True)
Traceback (most recent call last):
...
optfleet.errors.InputError: --threshold must be a whole number of tokens, not a boolean (True)
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from optfleet.errors import InputError


def _number_only(value: Any) -> Any:
    """Reject booleans and text before pydantic's lax number parsing sees them."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise ValueError("must be a number, not a boolean")
    if isinstance(value, str | bytes):
        raise ValueError(f"must be a number, not the text {value!r}")
    return value


_NUM = BeforeValidator(_number_only)


@dataclass(frozen=True)
class Bound:
    """The rule of one kind of number: integer or not, its range and its unit."""

    integer: bool
    low: float
    high: float
    low_open: bool = False
    unit: str = ""
    why: str = ""

    def describe(self) -> str:
        lo = f"> {_fmt(self.low)}" if self.low_open else f">= {_fmt(self.low)}"
        hi = "" if math.isinf(self.high) else f" and <= {_fmt(self.high)}"
        unit = f" {self.unit}" if self.unit else ""
        what = "a whole number" if self.integer else "a finite number"
        return f"{what} {lo}{hi}{unit}"


def _fmt(x: float) -> str:
    if isinstance(x, int):
        return str(x)
    return f"{int(x)}" if float(x).is_integer() and abs(x) < 1e12 else f"{x:g}"


#: Largest arrival rate planned or simulated: 2 million req/s.  The engine-level tables are
#: compact (an exact head and a linear tail) and large pools are verified by a slice, so the
#: default plan's time barely grows with the rate (benchmarks/plan.py: 10^5 and 10^6 req/s);
#: a slot-model preset's tables still grow with the replica count.
MAX_RATE_PER_S = 2e6
#: Largest request length (prompt + output) or context: 2**24 tokens, above any model's window.
MAX_TOKENS = 2**24
#: Most replicas in one pool (a fleet file, ``min_replicas_per_pool``): tables and simulated
#: fleets grow with it.
MAX_REPLICAS = 100_000
#: Most replicas ``constraints.min_replicas_per_pool`` may demand of every pool: each capacity
#: table and the integer program grow with it (a default plan takes ~15 s at 1 000).
MAX_MIN_REPLICAS_PER_POOL = 1000
#: Longest latency SLO: an hour.
MAX_LATENCY_S = 3600.0
#: Most requests one simulation replication draws, and most replications.
MAX_SIM_REQUESTS = 10_000_000
MAX_REPLICATIONS = 1000
#: Largest tensor-parallel size (one replica's GPUs); the GPU type's node size bounds it too.
MAX_TENSOR_PARALLEL = 64
#: Largest compress-and-route factor.
MAX_GAMMA = 16.0
#: GPUs in one node when a GPU type does not say (``GPUSpec.gpus_per_node``): a tensor-parallel
#: replica must fit in one node (its all-reduces run over the node's interconnect).
DEFAULT_GPUS_PER_NODE = 8
#: Largest model dimension (layers, hidden size, heads, vocabulary, experts, ...).
MAX_DIMENSION = 2**31 - 1

#: The rule of every kind of number (:func:`check`'s ``kind``).
BOUNDS: dict[str, Bound] = {
    "rate_per_s": Bound(False, 0.0, MAX_RATE_PER_S, True, "req/s"),
    "tokens": Bound(True, 1, MAX_TOKENS, False, "tokens"),
    "latency_s": Bound(False, 0.0, MAX_LATENCY_S, True, "s"),
    "replicas": Bound(True, 0, MAX_REPLICAS, False, "replicas"),
    "min_replicas": Bound(True, 0, MAX_MIN_REPLICAS_PER_POOL, False, "replicas"),
    "sim_requests": Bound(True, 1, MAX_SIM_REQUESTS, False, "requests"),
    "replications": Bound(True, 1, MAX_REPLICATIONS, False, "replications"),
    "tensor_parallel": Bound(True, 1, MAX_TENSOR_PARALLEL, False, "GPUs"),
    "gamma": Bound(False, 1.0, MAX_GAMMA, False, ""),
    "fraction": Bound(False, 0.0, 1.0, True, ""),
    "share": Bound(False, 0.0, 1.0, False, ""),
    "rate_or_zero_per_s": Bound(False, 0.0, MAX_RATE_PER_S, False, "req/s"),
    "gpus_per_node": Bound(True, 1, MAX_TENSOR_PARALLEL, False, "GPUs"),
    "positive": Bound(False, 0.0, math.inf, True, ""),
    "non_negative": Bound(False, 0.0, math.inf, False, ""),
    "seed": Bound(True, 0, 2**63 - 1, False, ""),
    "count": Bound(True, 1, 2**31 - 1, False, ""),
}


def check(kind: str, name: str, value: Any) -> Any:
    """``value`` as a number of ``kind`` (int or float), or :class:`InputError` naming ``name``.

    Parameters
    ----------
    kind
        A key of :data:`BOUNDS`.
    name
        What the user called it (``"--rate"``, ``"rate_per_s"``): the error names it.
    value
        The number as given.
    """
    rule = BOUNDS[kind]
    unit = f" of {rule.unit}" if rule.integer and rule.unit else ""
    noun = f"a whole number{unit}" if rule.integer else "a number"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise InputError(f"{name} must be {noun}, not a boolean ({value})")
    if not isinstance(value, numbers.Real):
        try:
            value = float(value) if not rule.integer else _to_int(value)
        except (TypeError, ValueError):
            raise InputError(f"{name} must be {noun}, got {value!r}") from None
    v = float(value)
    ok = math.isfinite(v) and (v > rule.low if rule.low_open else v >= rule.low) and (
        v <= rule.high
    )
    if ok and rule.integer and v != math.floor(v):
        ok = False
    if not ok:
        raise InputError(f"{name} must be {rule.describe()}, got {value!r}")
    return int(value) if rule.integer else v


def check_finite_positive(name: str, value: float, *, allow_zero: bool = False) -> float:
    """Raise :class:`InputError` unless ``value`` is a finite positive (or zero) number."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise InputError(f"{name} must be a number, not a boolean ({value})")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {value!r}") from None
    if math.isnan(v) or math.isinf(v) or v < 0 or (v == 0 and not allow_zero):
        raise InputError(
            f"{name} must be a finite {'non-negative' if allow_zero else 'positive'} number, "
            f"got {value!r}"
        )
    return v


def _to_int(value: Any) -> int:
    f = float(value)
    if not math.isfinite(f) or f != math.floor(f):
        raise ValueError(value)
    return int(f)


def _annotated(kind: str, py: type) -> Any:
    rule = BOUNDS[kind]
    kw: dict[str, Any] = {"gt" if rule.low_open else "ge": py(rule.low)}
    if not math.isinf(rule.high):
        kw["le"] = py(rule.high)
    if py is float:
        kw["allow_inf_nan"] = False
    return Annotated[py, Field(**kw), _NUM]


# Types for pydantic models: the same rules as :func:`check`.
PositiveFloat = _annotated("positive", float)
NonNegFloat = _annotated("non_negative", float)
Fraction01 = _annotated("fraction", float)
PositiveInt = Annotated[int, Field(gt=0), _NUM]
NonNegInt = Annotated[int, Field(ge=0), _NUM]
RatePerS = _annotated("rate_per_s", float)
Tokens = _annotated("tokens", int)
LatencyS = _annotated("latency_s", float)
Replicas = _annotated("replicas", int)
MinReplicas = _annotated("min_replicas", int)
PositiveReplicas = Annotated[int, Field(gt=0, le=MAX_REPLICAS), _NUM]
TensorParallel = _annotated("tensor_parallel", int)
Seed = _annotated("seed", int)
Gamma = _annotated("gamma", float)
Share01 = _annotated("share", float)
RateOrZeroPerS = _annotated("rate_or_zero_per_s", float)
GPUsPerNode = _annotated("gpus_per_node", int)
#: A model dimension or engine count (``max_num_seqs``): a whole number >= 1 (>= 0 for the
#: optional MoE/MLA fields), no boolean.
Dimension = Annotated[int, Field(gt=0, le=MAX_DIMENSION), _NUM]
NonNegDimension = Annotated[int, Field(ge=0, le=MAX_DIMENSION), _NUM]
#: Any finite number (its range checked where it is used, e.g. CDF knots), no boolean, no text.
Number = Annotated[float, Field(allow_inf_nan=False), _NUM]
#: A number in an open interval (``quantile``, ``prompt_fraction``) is declared with
#: :func:`open_interval`.


def open_interval(low: float, high: float) -> Any:
    """A finite float type strictly between ``low`` and ``high`` (no boolean, no text)."""
    return Annotated[float, Field(gt=low, lt=high, allow_inf_nan=False), _NUM]


def closed_open_interval(low: float, high: float) -> Any:
    """A finite float type in ``[low, high)`` (no boolean, no text)."""
    return Annotated[float, Field(ge=low, lt=high, allow_inf_nan=False), _NUM]


__all__ = [
    "BOUNDS",
    "DEFAULT_GPUS_PER_NODE",
    "MAX_DIMENSION",
    "MAX_GAMMA",
    "MAX_LATENCY_S",
    "MAX_MIN_REPLICAS_PER_POOL",
    "MAX_RATE_PER_S",
    "MAX_REPLICAS",
    "MAX_REPLICATIONS",
    "MAX_SIM_REQUESTS",
    "MAX_TENSOR_PARALLEL",
    "MAX_TOKENS",
    "Bound",
    "Dimension",
    "GPUsPerNode",
    "Gamma",
    "NonNegDimension",
    "Number",
    "RateOrZeroPerS",
    "Share01",
    "closed_open_interval",
    "open_interval",
    "Fraction01",
    "LatencyS",
    "MinReplicas",
    "NonNegFloat",
    "NonNegInt",
    "PositiveFloat",
    "PositiveInt",
    "PositiveReplicas",
    "RatePerS",
    "Replicas",
    "Seed",
    "TensorParallel",
    "Tokens",
    "check",
    "check_finite_positive",
]
