"""Scenario models: the validated, frozen description of a planning question.

Every model is a pydantic v2 model with ``frozen=True`` and ``extra="forbid"``: a typo in a YAML
file is an error, not a silently ignored key.  Units are in the field names (``_s``, ``_per_s``,
``_bytes``, ``_usd_per_hour``, ``_w``) and in every field's description (``optfleet schema``
shows them).  The hardware models (GPU types, model architectures, serving configuration) are
in :mod:`optfleet.scenario.hardware`, re-exported here.

Examples
--------
>>> from optfleet.scenario import SLO
>>> SLO(ttft_p99_s=0.5).ttft_p99_s
0.5
>>> SLO(ttft_p99_s=0)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for SLO
...
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from optfleet.scenario.checks import check_scenario_names
from optfleet.scenario.config_search import ConfigSearch
from optfleet.scenario.hardware import (
    BYTES_PER_ELEMENT,
    DType,
    Frozen,
    GPUSpec,
    ModelSpec,
    ServingConfig,
    described,
)
from optfleet.scenario.horizon import Horizon
from optfleet.scenario.limits import (
    Fraction01,
    Gamma,
    LatencyS,
    MinReplicas,
    NonNegFloat,
    NonNegInt,
    PositiveFloat,
    RatePerS,
    Seed,
    TensorParallel,
    Tokens,
    closed_open_interval,
    open_interval,
)
from optfleet.scenario.prefix import PrefixCaching, check_prefix_caching
from optfleet.scenario.traffic import (
    ArrivalSpec,
    CDFWorkload,
    ClosedLoopClients,
    GammaArrivals,
    PiecewiseArrivals,
    PoissonArrivals,
    RatioSplit,
    SeparateCDFWorkload,
    SimArrivalSpec,
    TraceReplayArrivals,
    TraceWorkload,
    WorkloadSpec,
)

#: Types of this module's bounded shares (the rules of every other number: :mod:`limits`).
OpenFraction = open_interval(0.0, 1.0)
Quantile = open_interval(0.5, 1.0)
RejectShare = closed_open_interval(0.0, 1.0)

HOURS_PER_YEAR = 8760.0

# --------------------------------------------------------------------------------------------
# SLOs, availability, constraints
# --------------------------------------------------------------------------------------------


class SLO(Frozen):
    """Latency objectives: the ``quantile`` (default P99) of TTFT, and optionally of TPOT."""

    ttft_p99_s: LatencyS = described("Time to first token at the quantile, s (SLO).")
    tpot_p99_s: LatencyS | None = described(
        "Time per output token at the quantile, s (null: no TPOT SLO; disaggregated decode "
        "pools default to 0.1 s).",
        None,
    )
    quantile: Quantile = described("The quantile the SLO holds at, in (0.5, 1) (0.99: P99).",
                                   0.99)


class Availability(Frozen):
    """Per-replica availability: given directly, or from failure rate and repair time."""

    availability: Fraction01 | None = described(
        "Share of time a replica is up, in (0, 1] (null: from failures and repair time).", None
    )
    failures_per_node_day: NonNegFloat | None = described("Failure rate, failures/node/day.", None)
    mttr_hours: NonNegFloat | None = described("Mean time to repair, hours.", None)
    target: OpenFraction = described(
        "Probability every pool keeps enough healthy replicas, in (0, 1) (spares rule).", 0.999
    )

    @model_validator(mode="after")
    def _check(self) -> Availability:
        if self.availability is None and (
            self.failures_per_node_day is None or self.mttr_hours is None
        ):
            raise ValueError("give availability, or failures_per_node_day and mttr_hours")
        return self

    @property
    def replica_availability(self) -> float:
        """``A = 1 / (1 + r_f MTTR_h / 24)`` unless given directly."""
        if self.availability is not None:
            return self.availability
        assert self.failures_per_node_day is not None and self.mttr_hours is not None
        return 1.0 / (1.0 + self.failures_per_node_day * self.mttr_hours / 24.0)


class Constraints(Frozen):
    """User constraints the planner enforces."""

    max_gpus: dict[str, NonNegInt] = described("Most GPUs of each type (GPU type -> GPUs).", {})
    budget_usd_per_hour: PositiveFloat | None = described(
        "Most the fleet may cost, USD/hour (null: no budget).", None
    )
    power_budget_w: PositiveFloat | None = described(
        "Most power the fleet may draw, W (null: no power budget).", None
    )
    min_replicas_per_pool: MinReplicas = described(
        "Fewest replicas of any pool the plan uses, replicas.", 0
    )
    eligible: dict[str, tuple[str, ...]] = described(
        "GPU types each pool role (all, short, long, prefill, decode) or model may use "
        "(name -> GPU types; absent: any).",
        {},
    )


# --------------------------------------------------------------------------------------------
# The scenario
# --------------------------------------------------------------------------------------------

_FROM_SCENARIO = " (null: the scenario's)."


class ModelLoad(Frozen):
    """One model of a multi-model scenario (:attr:`Scenario.models`) and its traffic.

    Every field left out is taken from the scenario; ``rate_per_s`` or ``arrivals`` given here
    replaces the scenario's arrival process.  ``name`` labels the model's pools
    (``name/role``) and may be used as a key of ``constraints.eligible``.
    """

    name: str = Field(min_length=1, pattern=r"^[^/]+$", description=(
        "Label of this model's traffic and pools (name/role); no '/'."))
    model: str | ModelSpec | None = described("Model: catalog name, config.json path or an "
                                              "architecture" + _FROM_SCENARIO, None)
    workload: WorkloadSpec | None = described("Request lengths" + _FROM_SCENARIO, None)
    arrivals: ArrivalSpec | None = described("Arrival process" + _FROM_SCENARIO, None)
    rate_per_s: RatePerS | None = described("Poisson arrival rate, requests/s" + _FROM_SCENARIO,
                                            None)
    slo: SLO | None = described("Latency SLO" + _FROM_SCENARIO, None)
    serving: ServingConfig | None = described("Serving configuration" + _FROM_SCENARIO, None)
    profiles: dict[str, Path] | None = described(
        "Calibrated profile file per GPU type for this model" + _FROM_SCENARIO, None)
    tensor_parallel: dict[str, TensorParallel] | None = described(
        "GPUs per replica by GPU type (GPU type -> GPUs)" + _FROM_SCENARIO, None
    )
    long_max_ctx_tokens: Tokens | None = described(
        "Longest request served, tokens" + _FROM_SCENARIO, None
    )
    thresholds_tokens: tuple[Tokens, ...] | None = described(
        "Split thresholds considered, tokens" + _FROM_SCENARIO, None
    )
    gammas: tuple[Gamma, ...] | None = described(
        "Compress-and-route factors considered (>= 1; no unit)" + _FROM_SCENARIO, None
    )
    disaggregation: Literal["off", "also", "only"] | None = described(
        "Prefill/decode disaggregated layouts: off, also or only" + _FROM_SCENARIO, None
    )


class Scenario(Frozen):
    """A whole planning question: workload, arrivals, SLO, GPU menu, model, assumptions.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> s = Scenario()
    >>> s.rate_per_s, s.slo.ttft_p99_s, s.gpus
    (100.0, 0.5, ('A10G', 'A100-80GB', 'H100-SXM'))
    """

    name: str = described("Label of the scenario (plans and reports name it).", "default")
    preset: str = described("Assumptions preset: default or fleet-sim (docs/presets.md).",
                            "default")
    workload: WorkloadSpec = described("Request lengths: a CDF (kind cdf), two CDFs (separate) "
                                       "or a trace (trace).", CDFWorkload(name="azure"))
    arrivals: ArrivalSpec | None = described(
        "Arrival process (null: Poisson at rate_per_s).", None
    )
    rate_per_s: RatePerS = described("Arrival rate, requests/s (Poisson unless arrivals says "
                                     "otherwise).", 100.0)
    slo: SLO = described("Latency SLO every pool is held to.", SLO(ttft_p99_s=0.5))
    gpus: tuple[str, ...] = described("GPU menu: the GPU types the plan may use.",
                                      ("A10G", "A100-80GB", "H100-SXM"))
    gpu_overrides: tuple[GPUSpec, ...] = described(
        "GPU types defined or redefined here (replace catalog entries of the same name).", ()
    )
    prices_usd_per_hour: dict[str, NonNegFloat] = described(
        "Price of one GPU by type, USD/hour (GPU type -> USD/hour; absent: the catalog's).", {}
    )
    model: str | ModelSpec = described(
        "Model served: catalog name, config.json path or an architecture.", "llama-3.1-8b"
    )
    serving: ServingConfig = described("How one replica serves the model (engine arguments).",
                                       ServingConfig())
    profiles: dict[str, Path] = described(
        "Calibrated profile file per GPU type (optfleet calibrate; GPU type -> file, relative to "
        "the scenario file); its constants replace the roofline's for that GPU type.", {}
    )
    tensor_parallel: dict[str, TensorParallel] = described(
        "GPUs per replica by GPU type (GPU type -> GPUs; absent: "
        "serving.tensor_parallel_size).",
        {},
    )
    long_max_ctx_tokens: Tokens = described(
        "Longest request served (prompt + output), tokens; longer ones are rejected.", 65536
    )
    max_rejected_share: RejectShare = described(
        "Largest share of requests longer than long_max_ctx_tokens (rejected and counted), in "
        "[0, 1); more is an error.",
        0.001,
    )
    thresholds_tokens: tuple[Tokens, ...] | None = described(
        "Short/long split thresholds considered, tokens (null: the CDF's breakpoints; []: one "
        "pool only).",
        None,
    )
    gammas: tuple[Gamma, ...] | None = described(
        "Compress-and-route factors considered, >= 1 (no unit; null: the preset's).", None
    )
    disaggregation: Literal["off", "also", "only"] = described(
        "Prefill/decode disaggregated layouts: off; also (one per prefill x decode GPU pair, "
        "beside the aggregated ones); only. Decode is held to slo.tpot_p99_s (default 0.1 s).",
        "off",
    )
    availability: Availability | None = described(
        "Per-replica availability for the spares pass (null: no spares). Default: 6.5 failures "
        "per 1000 node-days (Meta RSC-1, arXiv 2410.21680), 24 h repair, target 99.9 %.",
        Availability(failures_per_node_day=0.0065, mttr_hours=24.0),
    )
    constraints: Constraints = described("Caps and budgets the plan must respect.",
                                         Constraints())
    seed: Seed = described("Random seed of simulations and sampled moments (no unit).", 0)
    horizon: Horizon | None = described(
        "Plan over time (docs/formulation.md, 'Planning over time'): a demand profile, batch "
        "work with deadlines, and reserved / on-demand / spot tiers; null: one rate.", None
    )
    models: tuple[ModelLoad, ...] = described(
        "Several models on one GPU menu, planned in one program (shared caps, budget, power); "
        "each entry overrides the scenario's fields for its pools. Empty: one model.",
        (),
    )
    config_search: ConfigSearch | None = described(
        "Serving configurations as decisions (docs/formulation.md, 'The configuration index'): "
        "each GPU type of the menu offers every fitting combination of these tensor-parallel "
        "sizes, batch caps, chunk sizes and precisions as its own options; null: the serving "
        "config is fixed.",
        None,
    )
    prefix_caching: PrefixCaching | None = described(
        "Automatic prefix caching on every replica: the reuse source, block size and balancer "
        "(docs/physics.md, 'Prefix caching'); null: no caching.", None
    )

    @field_validator("gpus")
    @classmethod
    def _nonempty(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v:
            raise ValueError("the GPU menu is empty")
        marked = [g for g in v if "@" in g]
        if marked:
            raise ValueError(f"the GPU menu names GPU types, not configurations: {marked} ('@' "
                             "marks a configuration-search option; use config_search)")
        return v

    @field_validator("models")
    @classmethod
    def _unique_models(cls, v: tuple[ModelLoad, ...]) -> tuple[ModelLoad, ...]:
        names = [m.name for m in v]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"model names must be unique, repeated: {dup}")
        return v

    @model_validator(mode="after")
    def _names_and_thresholds(self) -> Scenario:
        check_scenario_names(self)
        check_prefix_caching(self)
        return self

    def for_model(self, entry: ModelLoad) -> Scenario:
        """The single-model scenario of one :attr:`models` entry.

        Examples
        --------
        >>> s = Scenario(models=(ModelLoad(name="chat", rate_per_s=5.0),))
        >>> sub = s.for_model(s.models[0])
        >>> sub.rate_per_s, sub.name, sub.models
        (5.0, 'default/chat', ())
        """
        update: dict[str, Any] = {
            k: getattr(entry, k)
            for k in type(entry).model_fields
            if k != "name" and getattr(entry, k) is not None
        }
        if "rate_per_s" in update or "arrivals" in update:
            update.setdefault("arrivals", None)
        update.update(name=f"{self.name}/{entry.name}", models=())
        return self.model_copy(update=update)

    @property
    def workload_label(self) -> str:
        """A short human label of the workload (built-in name or file stem)."""
        w = self.workload
        if isinstance(w, SeparateCDFWorkload):
            return "separate prompt/output CDFs"
        if w.name is not None:
            return w.name
        if getattr(w, "path", None) is not None:
            return Path(w.path).stem
        return "inline CDF"

    @property
    def arrival_spec(
        self,
    ) -> PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals:
        """The arrival process: the given one, else Poisson at ``rate_per_s``."""
        return self.arrivals or PoissonArrivals(rate_per_s=self.rate_per_s)


__all__ = [
    "BYTES_PER_ELEMENT",
    "HOURS_PER_YEAR",
    "SLO",
    "ArrivalSpec",
    "Availability",
    "CDFWorkload",
    "ClosedLoopClients",
    "Constraints",
    "DType",
    "Fraction01",
    "Frozen",
    "GPUSpec",
    "GammaArrivals",
    "ModelLoad",
    "ModelSpec",
    "NonNegFloat",
    "NonNegInt",
    "PiecewiseArrivals",
    "PoissonArrivals",
    "PositiveFloat",
    "PrefixCaching",
    "RatioSplit",
    "Scenario",
    "SeparateCDFWorkload",
    "ServingConfig",
    "SimArrivalSpec",
    "TraceReplayArrivals",
    "TraceWorkload",
    "WorkloadSpec",
]
