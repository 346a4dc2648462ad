"""Scenario models: the validated, frozen description of a planning question.

Every model is a pydantic v2 model with ``frozen=True`` and ``extra="forbid"``: a typo in a YAML
file is an error, not a silently ignored key.  Units are in the field names (``_s``, ``_per_s``,
``_bytes``, ``_usd_per_hour``, ``_w``).

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
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from optfleet.scenario.checks import check_scenario_names
from optfleet.scenario.limits import (
    DEFAULT_GPUS_PER_NODE,
    Dimension,
    Fraction01,
    Gamma,
    GPUsPerNode,
    LatencyS,
    MinReplicas,
    NonNegDimension,
    NonNegFloat,
    NonNegInt,
    Number,
    PositiveFloat,
    RateOrZeroPerS,
    RatePerS,
    Seed,
    TensorParallel,
    Tokens,
    closed_open_interval,
    open_interval,
)
from optfleet.scenario.physics_input import EfficiencyOverrides, gpu_memory_input

#: Types of this module's bounded shares (the rules of every other number: :mod:`limits`).
OpenFraction = open_interval(0.0, 1.0)
Quantile = open_interval(0.5, 1.0)
RejectShare = closed_open_interval(0.0, 1.0)

HOURS_PER_YEAR = 8760.0


class Frozen(BaseModel):
    """Base of every scenario model: immutable, unknown keys rejected, no NaN/inf."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


# --------------------------------------------------------------------------------------------
# Hardware and models
# --------------------------------------------------------------------------------------------


class GPUSpec(Frozen):
    """One GPU type: datasheet figures, default price and power.

    ``memory_bytes`` is the device's memory as its driver reports it (``nvidia-smi``'s MiB x
    2**20: 81 920 MiB for an "80 GB" A100), not decimal GB; files may give ``memory_mib`` or
    ``memory_gib`` (:func:`gpu_memory_input`).  Throughput in FLOP/s and bytes/s.  The optional
    ``iteration_overhead_s`` / ``allreduce_latency_s`` replace ``Efficiency``'s for this type.
    """

    name: str
    memory_bytes: PositiveFloat
    memory_bandwidth_bytes_per_s: PositiveFloat
    bf16_flop_per_s: PositiveFloat
    fp8_flop_per_s: PositiveFloat | None = None
    tdp_w: PositiveFloat
    idle_power_w: PositiveFloat | None = None
    interconnect: str = "PCIe"
    interconnect_bandwidth_bytes_per_s: PositiveFloat = 32e9
    price_usd_per_hour: NonNegFloat
    gpus_per_node: GPUsPerNode = DEFAULT_GPUS_PER_NODE
    """GPUs in one node: the largest tensor-parallel replica of this type."""
    iteration_overhead_s: NonNegFloat | None = None
    """Fixed cost of one engine step on this GPU type's hosts (None: the Efficiency default)."""
    allreduce_latency_s: NonNegFloat | None = None
    """Latency of one small all-reduce over this type's interconnect (None: the default)."""
    aliases: tuple[str, ...] = ()
    source: str

    @model_validator(mode="before")
    @classmethod
    def _memory_units(cls, data: Any) -> Any:
        return gpu_memory_input(data)


class ModelSpec(Frozen):
    """A transformer LLM's architecture, as in its Hugging Face ``config.json``.

    Dense models leave the MoE fields at 0; MLA models (DeepSeek-V2/V3) set ``kv_lora_rank`` and
    ``qk_rope_head_dim`` and cache ``kv_lora_rank + qk_rope_head_dim`` elements per token per layer.
    """

    name: str
    num_layers: Dimension
    hidden_size: Dimension
    num_attention_heads: Dimension
    num_kv_heads: Dimension
    head_dim: Dimension
    intermediate_size: Dimension
    vocab_size: Dimension
    tie_word_embeddings: bool = False
    # Mixture of experts
    num_experts: NonNegDimension = 0
    experts_per_token: NonNegDimension = 0
    moe_intermediate_size: NonNegDimension = 0
    num_shared_experts: NonNegDimension = 0
    first_dense_layers: NonNegDimension = 0
    # Multi-head latent attention
    kv_lora_rank: NonNegDimension = 0
    qk_rope_head_dim: NonNegDimension = 0
    q_lora_rank: NonNegDimension = 0
    qk_nope_head_dim: NonNegDimension = 0
    v_head_dim: NonNegDimension = 0
    # Optional published parameter count (overrides the computed one when given)
    total_params: PositiveFloat | None = None
    max_position_embeddings: Tokens | None = None
    aliases: tuple[str, ...] = ()
    source: str = "user"

    @property
    def is_moe(self) -> bool:
        return self.num_experts > 0

    @property
    def is_mla(self) -> bool:
        return self.kv_lora_rank > 0

    @model_validator(mode="after")
    def _check(self) -> ModelSpec:
        if self.num_attention_heads % self.num_kv_heads:
            raise ValueError(
                f"num_attention_heads ({self.num_attention_heads}) must be a multiple of "
                f"num_kv_heads ({self.num_kv_heads})"
            )
        if self.num_experts and not (0 < self.experts_per_token <= self.num_experts):
            raise ValueError("experts_per_token must be in 1..num_experts for an MoE model")
        return self


DType = Literal["fp32", "fp16", "bf16", "fp8", "int8", "int4"]

BYTES_PER_ELEMENT: dict[str, float] = {
    "fp32": 4.0,
    "fp16": 2.0,
    "bf16": 2.0,
    "fp8": 1.0,
    "int8": 1.0,
    "int4": 0.5,
}


class ServingConfig(Frozen):
    """How one replica serves a model (vLLM-style engine arguments).

    A replica is ``tensor_parallel_size`` GPUs serving one copy of the model; it is priced as
    ``tensor_parallel_size`` x the GPU's hourly price.  ``efficiency`` overrides the roofline's
    constants (engine step overhead, all-reduce latency, attention overlap, achieved fractions).
    """

    tensor_parallel_size: TensorParallel = 1
    dtype: DType = "bf16"
    kv_cache_dtype: DType | Literal["auto"] = "auto"
    max_num_seqs: Dimension = 256
    max_model_len: Tokens | None = None
    chunked_prefill_tokens: Tokens = 2048
    gpu_memory_utilization: Fraction01 = 0.9
    kv_policy: Literal["paged", "reserve"] = "paged"
    efficiency: EfficiencyOverrides = EfficiencyOverrides()

    @property
    def kv_dtype(self) -> str:
        return self.dtype if self.kv_cache_dtype == "auto" else self.kv_cache_dtype


# --------------------------------------------------------------------------------------------
# Workloads and arrivals
# --------------------------------------------------------------------------------------------


class RatioSplit(Frozen):
    """Prompt/output split of a total length L.

    ``l_in = max(1, int(f L))``, ``l_out = max(1, L - l_in)``.

    ``prompt_fraction=0.8`` is the reference system's 80/20 rule.
    """

    kind: Literal["ratio"] = "ratio"
    prompt_fraction: OpenFraction = 0.8


class CDFWorkload(Frozen):
    """Request lengths from a total-token CDF: a built-in name, a file, or inline knots."""

    kind: Literal["cdf"] = "cdf"
    name: str | None = None
    path: Path | None = None
    knots: tuple[tuple[Number, Number], ...] | None = None
    split: RatioSplit = RatioSplit()

    @model_validator(mode="after")
    def _one_source(self) -> CDFWorkload:
        given = sum(x is not None for x in (self.name, self.path, self.knots))
        if given != 1:
            raise ValueError("a cdf workload needs exactly one of name, path or knots")
        return self


class SeparateCDFWorkload(Frozen):
    """Prompt and output lengths drawn independently from two CDFs (files or built-in names)."""

    kind: Literal["separate"] = "separate"
    prompt: CDFWorkload
    output: CDFWorkload


class TraceWorkload(Frozen):
    """Request lengths (and optionally arrival times) from a real trace.

    ``format``: ``azure2023`` (TIMESTAMP datetime, ContextTokens, GeneratedTokens),
    ``splitwise`` (numeric seconds timestamps) or ``jsonl`` with configurable field names.
    """

    kind: Literal["trace"] = "trace"
    name: str | None = None
    path: Path | None = None
    format: Literal["azure2023", "splitwise", "jsonl"] = "azure2023"
    time_field: str = "timestamp"
    prompt_field: str = "prompt_tokens"
    output_field: str = "output_tokens"
    time_unit_s: PositiveFloat = 1.0
    on_bad_row: Literal["raise", "skip"] = "raise"
    """``skip`` drops malformed rows and counts them in the workload's ``dropped_rows``."""

    @model_validator(mode="after")
    def _one_source(self) -> TraceWorkload:
        if (self.name is None) == (self.path is None):
            raise ValueError("a trace workload needs exactly one of name or path")
        return self


WorkloadSpec = Annotated[
    CDFWorkload | SeparateCDFWorkload | TraceWorkload, Field(discriminator="kind")
]


class PoissonArrivals(Frozen):
    kind: Literal["poisson"] = "poisson"
    rate_per_s: RatePerS


class GammaArrivals(Frozen):
    """Bursty renewal arrivals: gamma inter-arrival times with coefficient of variation ``cv``."""

    kind: Literal["gamma"] = "gamma"
    rate_per_s: RatePerS
    cv: PositiveFloat


class PiecewiseArrivals(Frozen):
    """Non-homogeneous Poisson arrivals with a piecewise-constant rate.

    ``rates_per_s[i]`` holds on ``[start_s[i], start_s[i+1])``; the last rate holds onwards.
    """

    kind: Literal["piecewise"] = "piecewise"
    start_s: tuple[NonNegFloat, ...]
    rates_per_s: tuple[RateOrZeroPerS, ...]

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

    kind: Literal["trace"] = "trace"
    trace: TraceWorkload
    rate_scale: PositiveFloat = 1.0


ArrivalSpec = Annotated[
    PoissonArrivals | GammaArrivals | PiecewiseArrivals | TraceReplayArrivals,
    Field(discriminator="kind"),
]


# --------------------------------------------------------------------------------------------
# SLOs, availability, constraints
# --------------------------------------------------------------------------------------------


class SLO(Frozen):
    """Latency objectives: the ``quantile`` (default P99) of TTFT, and optionally of TPOT."""

    ttft_p99_s: LatencyS
    tpot_p99_s: LatencyS | None = None
    quantile: Quantile = 0.99


class Availability(Frozen):
    """Per-replica availability: given directly, or from failure rate and repair time."""

    availability: Fraction01 | None = None
    failures_per_node_day: NonNegFloat | None = None
    mttr_hours: NonNegFloat | None = None
    target: OpenFraction = 0.999

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

    max_gpus: dict[str, NonNegInt] = {}
    budget_usd_per_hour: PositiveFloat | None = None
    power_budget_w: PositiveFloat | None = None
    min_replicas_per_pool: MinReplicas = 0
    eligible: dict[str, tuple[str, ...]] = {}


# --------------------------------------------------------------------------------------------
# The scenario
# --------------------------------------------------------------------------------------------


class ModelLoad(Frozen):
    """One model of a multi-model scenario (:attr:`Scenario.models`) and its traffic.

    Every field left out is taken from the scenario; ``rate_per_s`` or ``arrivals`` given here
    replaces the scenario's arrival process.  ``name`` labels the model's pools
    (``name/role``) and may be used as a key of ``constraints.eligible``.
    """

    name: str = Field(min_length=1, pattern=r"^[^/]+$")
    model: str | ModelSpec | None = None
    workload: WorkloadSpec | None = None
    arrivals: ArrivalSpec | None = None
    rate_per_s: RatePerS | None = None
    slo: SLO | None = None
    serving: ServingConfig | None = None
    tensor_parallel: dict[str, TensorParallel] | None = None
    long_max_ctx_tokens: Tokens | None = None
    thresholds_tokens: tuple[Tokens, ...] | None = None
    gammas: tuple[Gamma, ...] | None = None
    disaggregation: Literal["off", "also", "only"] | None = None


class Scenario(Frozen):
    """A whole planning question: workload, arrivals, SLO, GPU menu, model, assumptions.

    Examples
    --------
    >>> from optfleet.scenario import Scenario
    >>> s = Scenario()
    >>> s.rate_per_s, s.slo.ttft_p99_s, s.gpus
    (100.0, 0.5, ('A10G', 'A100-80GB', 'H100-SXM'))
    """

    name: str = "default"
    preset: str = "default"
    workload: WorkloadSpec = CDFWorkload(name="azure")
    arrivals: ArrivalSpec | None = None
    rate_per_s: RatePerS = 100.0
    slo: SLO = SLO(ttft_p99_s=0.5)
    gpus: tuple[str, ...] = ("A10G", "A100-80GB", "H100-SXM")
    gpu_overrides: tuple[GPUSpec, ...] = ()
    prices_usd_per_hour: dict[str, NonNegFloat] = {}
    model: str | ModelSpec = "llama-3.1-8b"
    serving: ServingConfig = ServingConfig()
    tensor_parallel: dict[str, TensorParallel] = {}
    long_max_ctx_tokens: Tokens = 65536
    max_rejected_share: RejectShare = 0.001
    """Requests longer than ``long_max_ctx_tokens`` are rejected and counted; more than this
    share of them is an error."""
    thresholds_tokens: tuple[Tokens, ...] | None = None
    gammas: tuple[Gamma, ...] | None = None
    disaggregation: Literal["off", "also", "only"] = "off"
    """Disaggregated prefill/decode layouts in the plan: ``off``; ``also`` (one layout per
    prefill GPU x decode GPU pair, next to the aggregated ones); ``only`` (just those).  The
    decode side is held to ``slo.tpot_p99_s`` (default 0.1 s)."""
    availability: Availability | None = Availability(failures_per_node_day=0.0065, mttr_hours=24.0)
    """Per-replica availability for the spares pass (None: no spares).  Default: 6.5 failures
    per 1 000 node-days (Meta RSC-1, arXiv 2410.21680) and a 24 h repair time, target 99.9 %."""
    constraints: Constraints = Constraints()
    seed: Seed = 0
    models: tuple[ModelLoad, ...] = ()
    """Several models on one GPU menu, planned together in one integer program (shared GPU
    caps, budget and power); each entry overrides the scenario's fields for its own pools.
    Empty: one model, the scenario's own."""

    @field_validator("gpus")
    @classmethod
    def _nonempty(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v:
            raise ValueError("the GPU menu is empty")
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
