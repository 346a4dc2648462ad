"""Names of layouts: how a plan's layout is keyed in the planning tables.

Examples
--------
>>> layout_name(None, 1.0), layout_name(4096, 1.0), layout_name(4096, 1.5)
('one pool', 'split 4096', 'split 4096 gamma 1.5')
>>> pd_layout_name("H100-SXM", "A100-80GB")
'disagg H100-SXM/A100-80GB'
"""

from __future__ import annotations

from typing import Any


def layout_name(threshold: int | None, gamma: float) -> str:
    """The key of an aggregated layout: one pool, or a split at ``threshold`` (and ``gamma``)."""
    if threshold is None:
        return "one pool"
    return f"split {threshold}" + (f" gamma {gamma:g}" if gamma != 1.0 else "")


def pd_layout_name(prefill_gpu: str, decode_gpu: str) -> str:
    """The key of a disaggregated layout: prefill on one GPU type, decode on another."""
    return f"disagg {prefill_gpu}/{decode_gpu}"


def layout_key(plan: Any) -> str:
    """The planning-table key of a :class:`~optfleet.planning.results.Plan`'s layout."""
    if plan.layout.startswith("disagg "):
        return plan.layout
    return layout_name(plan.threshold_tokens, plan.gamma)
