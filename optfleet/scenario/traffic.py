"""Traffic models of a scenario: request lengths (workloads) and arrival processes.

Re-exported by :mod:`optfleet.scenario.schema` and :mod:`optfleet.scenario`.
:class:`ClosedLoopClients` (N users, each sending its next request when its last one ends) is a
simulation input only (fleet files, ``optfleet simulate``, calibration); planning sizes for a
rate.

Examples
--------
>>> from optfleet.scenario import ClosedLoopClients
>>> ClosedLoopClients(users=8).think_time_s
0.0
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from optfleet.scenario.hardware import Frozen, described
from optfleet.scenario.limits import (
    NonNegFloat,
    Number,
    PositiveFloat,
    RateOrZeroPerS,
    RatePerS,
    open_interval,
)

OpenFraction = open_interval(0.0, 1.0)


_KIND = "Discriminator of the {} variants (no unit)."


class RatioSplit(Frozen):
    """Prompt/output split of a total length L.

    ``l_in = max(1, int(f L))``, ``l_out = max(1, L - l_in)``.

    ``prompt_fraction=0.8`` is the reference system's 80/20 rule.
    """

    kind: Literal["ratio"] = described(_KIND.format("split"), "ratio")
    prompt_fraction: OpenFraction = described(
        "Share of a request's total tokens that is prompt, in (0, 1).", 0.8
    )


class CDFWorkload(Frozen):
    """Request lengths from a total-token CDF: a built-in name, a file, or inline knots."""

    kind: Literal["cdf"] = described(_KIND.format("workload"), "cdf")
    name: str | None = described("Built-in CDF: azure, lmsys or agent_heavy.", None)
    path: Path | None = described(
        "CDF file (JSON/YAML list of [tokens, cumulative fraction]); relative to the scenario "
        "file.",
        None,
    )
    knots: tuple[tuple[Number, Number], ...] | None = described(
        "Inline CDF: [total tokens, cumulative fraction] pairs, increasing, last fraction 1.", None
    )
    split: RatioSplit = described("How a total length splits into prompt and output tokens.",
                                  RatioSplit())

    @model_validator(mode="after")
    def _one_source(self) -> CDFWorkload:
        given = sum(x is not None for x in (self.name, self.path, self.knots))
        if given != 1:
            raise ValueError("a cdf workload needs exactly one of name, path or knots")
        return self


class SeparateCDFWorkload(Frozen):
    """Prompt and output lengths drawn independently from two CDFs (files or built-in names)."""

    kind: Literal["separate"] = described(_KIND.format("workload"), "separate")
    prompt: CDFWorkload = described("CDF of prompt lengths, tokens.")
    output: CDFWorkload = described("CDF of output lengths, tokens.")


class TraceWorkload(Frozen):
    """Request lengths (and optionally arrival times) from a real trace.

    ``format``: ``azure2023`` (TIMESTAMP datetime, ContextTokens, GeneratedTokens),
    ``splitwise`` (numeric seconds timestamps), ``jsonl`` with configurable field names or
    ``mooncake`` (the Mooncake JSON lines: ``timestamp`` ms, ``input_length``, ``output_length``,
    ``hash_ids``; built-in ``mooncake_conversation``), the format prefix caching reads.
    """

    kind: Literal["trace"] = described(_KIND.format("workload"), "trace")
    name: str | None = described("Built-in trace: azure_code or azure_conv (format mooncake: "
                                 "mooncake_conversation).", None)
    path: Path | None = described("Trace file; relative to the scenario file.", None)
    format: Literal["azure2023", "splitwise", "jsonl", "mooncake"] = described(
        "Trace format: azure2023 (CSV, datetimes), splitwise (CSV, seconds), jsonl or mooncake "
        "(JSON lines with hash_ids).",
        "azure2023",
    )
    time_field: str = described("jsonl: field holding the arrival time (in time_unit_s units).",
                                "timestamp")
    prompt_field: str = described("jsonl: field holding the prompt length, tokens.",
                                  "prompt_tokens")
    output_field: str = described("jsonl: field holding the output length, tokens.",
                                  "output_tokens")
    time_unit_s: PositiveFloat = described(
        "jsonl: seconds per unit of time_field, s (0.001: milliseconds).", 1.0
    )
    on_bad_row: Literal["raise", "skip"] = described(
        "A malformed row: raise an error, or skip it and count it in dropped_rows.", "raise"
    )

    @model_validator(mode="after")
    def _one_source(self) -> TraceWorkload:
        if (self.name is None) == (self.path is None):
            raise ValueError("a trace workload needs exactly one of name or path")
        return self


WorkloadSpec = Annotated[
    CDFWorkload | SeparateCDFWorkload | TraceWorkload, Field(discriminator="kind")
]


class PoissonArrivals(Frozen):
    """Poisson arrivals at a constant rate."""

    kind: Literal["poisson"] = described(_KIND.format("arrival"), "poisson")
    rate_per_s: RatePerS = described("Arrival rate, requests/s.")


class GammaArrivals(Frozen):
    """Bursty renewal arrivals: gamma inter-arrival times with coefficient of variation ``cv``."""

    kind: Literal["gamma"] = described(_KIND.format("arrival"), "gamma")
    rate_per_s: RatePerS = described("Mean arrival rate, requests/s.")
    cv: PositiveFloat = described(
        "Coefficient of variation of the inter-arrival times (1: Poisson; no unit)."
    )


class PiecewiseArrivals(Frozen):
    """Non-homogeneous Poisson arrivals with a piecewise-constant rate.

    ``rates_per_s[i]`` holds on ``[start_s[i], start_s[i+1])``; the last rate holds onwards.
    """

    kind: Literal["piecewise"] = described(_KIND.format("arrival"), "piecewise")
    start_s: tuple[NonNegFloat, ...] = described(
        "Start of each segment, s: 0 first, strictly increasing."
    )
    rates_per_s: tuple[RateOrZeroPerS, ...] = described(
        "Arrival rate of each segment, requests/s (one per start_s)."
    )

    @model_validator(mode="after")
    def _check(self) -> PiecewiseArrivals:
        if len(self.start_s) != len(self.rates_per_s) or not self.start_s:
            raise ValueError("start_s and rates_per_s must be non-empty and of equal length")
        if self.start_s[0] != 0 or any(
            b <= a for a, b in zip(self.start_s, self.start_s[1:], strict=False)
        ):
            raise ValueError("start_s must start at 0 and increase strictly")
        if not any(r > 0 for r in self.rates_per_s):
            raise ValueError("at least one rate must be positive")
        return self

    @property
    def rate_per_s(self) -> float:
        """Time-average rate over the breakpoints (last segment weighted like the mean segment)."""
        if len(self.start_s) == 1:
            return self.rates_per_s[0]
        widths = [b - a for a, b in zip(self.start_s, self.start_s[1:], strict=False)]
        widths.append(sum(widths) / len(widths))
        return sum(w * r for w, r in zip(widths, self.rates_per_s, strict=False)) / sum(widths)


class TraceReplayArrivals(Frozen):
    """Replay a trace's timestamps, compressed in time by ``rate_scale`` (2 = twice the rate)."""

    kind: Literal["trace"] = described(_KIND.format("arrival"), "trace")
    trace: TraceWorkload = described("The trace whose arrival times are replayed.")
    rate_scale: PositiveFloat = described(
        "Time compression of the trace (2: twice its rate; no unit).", 1.0
    )


ArrivalSpec = Annotated[
    PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals,
    Field(discriminator="kind"),
]


class ClosedLoopClients(Frozen):
    """A closed loop of ``users`` clients (``vllm bench serve --max-concurrency``).

    Each user sends a request, waits for its last token (or its rejection), thinks for
    ``think_time_s`` (fixed, or exponential with that mean) and sends the next; all users send
    their first request at time 0.  The offered rate follows from the fleet's speed, so
    planning (which sizes for a rate) does not take it; simulations and calibration do.  The
    simulator sends requests in index order (a fixed request set's arrival times are ignored)
    and draws exponential think times up front per request (docs/simulation.md, "Closed-loop
    clients").
    """

    kind: Literal["closed"] = described(_KIND.format("arrival"), "closed")
    users: Annotated[int, Field(ge=1, le=1_000_000)] = described(
        "Concurrent users (the benchmark's max concurrency), requests in flight."
    )
    think_time_s: NonNegFloat = described(
        "Time a user waits between a response's end and its next request, s.", 0.0
    )
    think: Literal["fixed", "exponential"] = described(
        "Think-time distribution: fixed, or exponential with mean think_time_s.", "fixed"
    )


#: What a simulation accepts: an open arrival process or a closed loop of users.
SimArrivalSpec = Annotated[
    PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals | ClosedLoopClients,
    Field(discriminator="kind"),
]

__all__ = [
    "ArrivalSpec",
    "CDFWorkload",
    "ClosedLoopClients",
    "GammaArrivals",
    "PiecewiseArrivals",
    "PoissonArrivals",
    "RatioSplit",
    "SeparateCDFWorkload",
    "SimArrivalSpec",
    "TraceReplayArrivals",
    "TraceWorkload",
    "WorkloadSpec",
]
