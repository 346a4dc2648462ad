"""The optfleet exception tree.

Every error optfleet raises on purpose derives from :class:`OptfleetError`, so a caller can catch
one class.  The CLI maps :class:`InputError` to exit code 2 (bad input) and
:class:`InfeasibleError` to exit code 1 (a well-formed question with no answer).

Examples
--------
>>> from optfleet.errors import InputError, OptfleetError
>>> issubclass(InputError, OptfleetError) and issubclass(InputError, ValueError)
True
"""

from __future__ import annotations


class OptfleetError(Exception):
    """Base class of every error optfleet raises on purpose."""


class InputError(OptfleetError, ValueError):
    """Bad input: malformed file, unknown name, NaN/negative number, impossible option."""


class UnknownNameError(InputError, KeyError):
    """A GPU, model, workload, preset, router or backend name that optfleet does not know.

    The message lists the names it does know.
    """

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ModelDoesNotFitError(InputError):
    """A model's weights (plus workspace) do not fit in a replica's GPU memory."""


class InfeasibleError(OptfleetError):
    """The question is well formed but has no answer (e.g. an SLO no pool can meet)."""


class SolverError(OptfleetError):
    """A solver backend failed, is not installed, or returned no usable solution."""


class SimulationError(OptfleetError):
    """The simulator was asked for something it can not do (e.g. an unstable configuration)."""


class NumericalError(OptfleetError):
    """A computation produced a value outside its mathematical range (NaN, inf, a probability
    above 1): raised instead of masking the broken value by clipping or substitution."""


__all__ = [
    "InfeasibleError",
    "InputError",
    "ModelDoesNotFitError",
    "NumericalError",
    "OptfleetError",
    "SimulationError",
    "SolverError",
    "UnknownNameError",
]
