"""Input checks shared by the formulation's records (no optfleet imports but the errors)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from optfleet.errors import InputError


def finite_nonneg(value: float, what: str) -> float:
    """``value`` as a float, finite and ``>= 0`` (:class:`~optfleet.errors.InputError` if not)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be a number, got {value!r}") from None
    if not math.isfinite(v) or v < 0:
        raise InputError(f"{what} must be finite and >= 0, got {value!r}")
    return v


def nonneg_int(value: Any, what: str) -> int:
    """``value`` as an int ``>= 0`` (bools and non-integers are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise InputError(f"{what} must be an integer >= 0, got {value!r}")
    return int(value)
