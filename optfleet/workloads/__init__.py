"""Workloads: request-length distributions, request mixes, traces and arrival processes.

- :mod:`optfleet.workloads.cdf`: :class:`LengthCDF` (piecewise uniform on the integers between
  knots).
- :mod:`optfleet.workloads.cdf_sources`: loaders, the built-in CDFs ``azure``, ``lmsys``,
  ``agent_heavy`` and the CDFs of samples.
- :mod:`optfleet.workloads.mix`: :class:`RequestMix`, the exact discrete distribution of
  (routing, prompt, output) lengths used by physics and queueing, and :func:`load_workload`.
- :mod:`optfleet.workloads.traces`: :class:`Trace` and the Azure 2023 / Splitwise / JSONL loaders,
  built-ins ``azure_code`` and ``azure_conv``.
- :mod:`optfleet.workloads.arrivals`: :func:`arrival_times` and :func:`trace_requests`.
- :mod:`optfleet.workloads.prefix`: prompt reuse - :class:`PrefixBlocks` (each request's prefix
  block ids), the Mooncake trace reader :func:`load_mooncake` (built-in
  ``mooncake_conversation``) and the multi-turn model :func:`multi_turn_workload`.

See ``docs/workloads.md``.

Examples
--------
>>> from optfleet.workloads import builtin_cdf, mix_from_cdf
>>> mix = mix_from_cdf(builtin_cdf("azure"))
>>> round(mix.mean_total_tokens, 1) > 0
True
"""

from __future__ import annotations

from optfleet.workloads.arrivals import arrival_times, trace_requests
from optfleet.workloads.cdf import LengthCDF
from optfleet.workloads.cdf_sources import BUILTIN_CDFS, builtin_cdf, cdf_from_samples, load_cdf
from optfleet.workloads.mix import (
    RequestMix,
    Workload,
    load_workload,
    mix_from_cdf,
    mix_from_separate,
    mix_from_trace,
)
from optfleet.workloads.prefix import (
    BUILTIN_PREFIX_TRACES,
    MultiTurnWorkload,
    PrefixBlocks,
    PrefixTrace,
    builtin_prefix_trace,
    load_mooncake,
    multi_turn_workload,
)
from optfleet.workloads.traces import (
    BUILTIN_TRACES,
    Trace,
    builtin_trace,
    load_azure2023,
    load_jsonl,
    load_splitwise_csv,
)

__all__ = [
    "BUILTIN_CDFS",
    "BUILTIN_PREFIX_TRACES",
    "BUILTIN_TRACES",
    "LengthCDF",
    "MultiTurnWorkload",
    "PrefixBlocks",
    "PrefixTrace",
    "RequestMix",
    "Trace",
    "Workload",
    "arrival_times",
    "builtin_cdf",
    "builtin_prefix_trace",
    "builtin_trace",
    "cdf_from_samples",
    "load_azure2023",
    "load_cdf",
    "load_jsonl",
    "load_mooncake",
    "load_splitwise_csv",
    "load_workload",
    "mix_from_cdf",
    "mix_from_separate",
    "mix_from_trace",
    "multi_turn_workload",
    "trace_requests",
]
