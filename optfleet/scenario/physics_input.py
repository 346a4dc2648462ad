"""Physics a scenario may state: GPU memory in the device's units and overrides of the roofline's
constants.

``GPUSpec`` (in :mod:`optfleet.scenario.schema`) reads its memory through
:func:`gpu_memory_input`; ``ServingConfig.efficiency`` is an :class:`EfficiencyOverrides`.  What
each constant means, its default and its source: ``docs/physics.md``, "Physics the planning
tables stand on".
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from optfleet.scenario.limits import Fraction01, NonNegFloat, Number

__all__ = ["GIB_BYTES", "MIB_BYTES", "EfficiencyOverrides", "gpu_memory_input"]

#: Bytes in one MiB and one GiB (nvidia-smi reports MiB; a "80 GB" card holds 80 GiB or less).
MIB_BYTES = 2**20
GIB_BYTES = 2**30
_MEMORY_KEYS = {"memory_bytes": 1, "memory_mib": MIB_BYTES, "memory_gib": GIB_BYTES}


def gpu_memory_input(data: Any) -> Any:
    """A GPU entry's memory as ``memory_bytes``, from exactly one of ``memory_bytes``,
    ``memory_mib`` (what ``nvidia-smi`` prints) or ``memory_gib``.

    ``memory_gb`` is refused: vendors' "80 GB" is neither 80e9 bytes nor always 80 GiB, so the
    device's own figure is asked for.  A ``memory_bytes`` below 1 GiB is refused as a value
    given in GB by mistake.

    Examples
    --------
    >>> gpu_memory_input({"name": "x", "memory_mib": 81920})["memory_bytes"]
    85899345920
    """
    if not isinstance(data, dict):
        return data
    if "memory_gb" in data:
        raise ValueError(
            "memory_gb is ambiguous (datasheet GB are decimal, the device's memory is binary): "
            "give memory_mib (nvidia-smi's total, e.g. 81920 for an 80 GB A100), memory_gib or "
            "memory_bytes"
        )
    given = [k for k in _MEMORY_KEYS if k in data]
    if len(given) > 1:
        raise ValueError(f"give the GPU memory once, not as {' and '.join(given)}")
    if not given:
        return data
    key = given[0]
    value = data[key]
    out = {k: v for k, v in data.items() if k != key}
    if isinstance(value, str):  # YAML reads 8.5e10 as text; the field's rule accepts it
        try:
            value = float(value)
        except ValueError:
            raise ValueError(f"{key} must be a number, got {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        out["memory_bytes"] = value  # the field's own validator names the bad value
        return out
    total = value * _MEMORY_KEYS[key]
    if 0 < total < GIB_BYTES:
        raise ValueError(
            f"{key} {value!r} is below 1 GiB of device memory: memory_bytes is in bytes "
            "(an 80 GiB card is 85899345920), memory_mib in MiB (81920)"
        )
    out["memory_bytes"] = total
    return out


class EfficiencyOverrides(BaseModel):
    """A scenario's overrides of the roofline constants (``optfleet.physics.Efficiency``).

    Every field left ``None`` keeps the default (or the GPU type's own figure); the meaning,
    default and source of each is in ``docs/physics.md`` ("Physics the planning tables stand
    on").  Given in a scenario as ``serving: {efficiency: {iteration_overhead_s: 0.001}}``.

    Examples
    --------
    >>> EfficiencyOverrides(iteration_overhead_s=0.0005).given()
    {'iteration_overhead_s': 0.0005}
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)  # as Frozen

    bandwidth_fraction: Fraction01 | None = Field(
        None, description="Achieved / peak HBM bandwidth, in (0, 1] (null: 0.76).")
    flop_fraction: Fraction01 | None = Field(
        None, description="Achieved / peak dense tensor FLOP/s, in (0, 1] (null: 0.73).")
    interconnect_fraction: Fraction01 | None = Field(
        None, description="Achieved all-reduce bandwidth / the link's figure, in (0, 1] "
        "(null: 0.5).")
    allreduce_latency_s: NonNegFloat | None = Field(
        None, description="Latency of one small all-reduce, s (null: the GPU type's, or 10 us).")
    iteration_overhead_s: NonNegFloat | None = Field(
        None, description="Fixed cost of every engine step, s (null: the GPU type's, or 1 ms).")
    attention_overlaps_weights: bool | None = Field(
        None, description="Reading the attended KV overlaps weight streaming (true/false; "
        "null: false).")
    idle_fraction: Fraction01 | None = Field(
        None, description="Idle power / TDP when the GPU type gives none, in (0, 1] (null: 0.3).")
    power_k: NonNegFloat | None = Field(
        None, description="Steepness of the logistic power curve, per log2(batch) (null: 1).")
    power_x0: Number | None = Field(
        None, description="log2 of the batch at which power is half-way from idle to TDP "
        "(null: 4, batch 16).")

    def given(self) -> dict[str, Any]:
        """The fields set (not ``None``)."""
        return {k: v for k, v in self.model_dump().items() if v is not None}
