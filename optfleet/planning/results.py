"""The result of planning: an immutable, JSON-serialisable fleet plan.

A :class:`Plan` lists its pools (GPU type, replicas, GPUs, traffic share, analytic and simulated
P99 TTFT, utilisation, spares, cost), the layout it chose, which constraints bind, the solver's
status (termination, solution, gap) and what the verification loop did.  It also describes
itself (:mod:`optfleet.planning.record`): the resolved question (``question``, the scenario's JSON
dump), its ``provenance`` (preset, profiles, call options, versions, seed, timestamp) and the
``alternatives`` it beat, each with why it lost.

Examples
--------
>>> from optfleet.planning.results import Plan, PlanPool, SolverStatus
>>> pool = PlanPool(role="all", gpu="H100-SXM", replicas=2, gpus_per_replica=1,
...                 price_usd_per_replica_hour=4.02, share=1.0, rate_per_s=10.0,
...                 max_ctx_tokens=8192, analytic_p99_ttft_s=0.1, utilisation=0.5)
>>> p = Plan(scenario_name="x", preset="default", layout="one pool", threshold_tokens=None,
...          gamma=1.0, pools=(pool,), solver=SolverStatus(backend="cbc", termination="optimal",
...          solution="optimal", objective=8.04, gap=0.0, solve_time_s=0.01))
>>> Plan.from_json(p.to_json()) == p
True
>>> p.cost_usd_per_hour
8.04
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import computed_field, model_serializer

from optfleet.errors import InputError
from optfleet.planning.record import Alternative, Provenance
from optfleet.scenario import HOURS_PER_YEAR, Frozen, validate_model


class Interval(Frozen):
    """A point estimate over ``n`` simulation runs with its confidence interval.

    ``low``/``high`` are ``None`` when there is no interval: one run (``n = 1``) gives a point
    value only.  Positive quantities have their interval on the log scale
    (:meth:`optfleet.sim.results.Estimate.from_samples`), so no end is negative.
    """

    value: float
    low: float | None
    high: float | None
    level: float = 0.95
    n: int | None = None
    """Replications behind the estimate (``None`` in plans written before it was recorded)."""


class PoolServing(Frozen):
    """How each replica of a pool runs: its serving configuration and the ``vllm serve`` command
    (flag names: https://docs.vllm.ai/en/latest/models/engine_args.html), with the replica's
    expected load at the planned rate.  ``gpu_type`` is the GPU of a configuration-search option
    (``H100-SXM@tp2-fp8-s128-c2048`` runs on ``H100-SXM``)."""

    gpu_type: str
    config: str
    """Short label: ``tp2 fp8 seqs128 chunk2048``."""
    tensor_parallel_size: int
    dtype: str
    kv_cache_dtype: str
    max_num_seqs: int
    max_num_batched_tokens: int
    gpu_memory_utilization: float
    max_model_len_tokens: int
    vllm_flags: tuple[str, ...]
    vllm_command: str
    per_replica_rate_per_s: float
    """The planned load of one replica (the pool's rate / its replicas)."""


#: PlanPool fields written only when set: prefix caching (plans without caching are unchanged)
#: and the serving record (None under the fleet-sim preset's fixed profiles).
_PREFIX_FIELDS = ("analytic_prefix_hit_rate", "simulated_prefix_hit_rate", "serving")


class PlanPool(Frozen):
    """One pool of a plan."""

    role: str
    gpu: str
    replicas: int
    gpus_per_replica: int
    price_usd_per_replica_hour: float
    share: float
    rate_per_s: float
    max_ctx_tokens: int
    analytic_p99_ttft_s: float | None
    """P99 TTFT of the pool's requests (None for a decode pool: its SLO is the TPOT)."""
    utilisation: float
    slots_per_replica: int = 0
    simulated_p99_ttft_s: Interval | None = None
    simulated_slo_attainment: float | None = None
    analytic_p99_tpot_s: float | None = None
    """P99 time per output token: decode pools of disaggregated plans, and every pool planned
    with the engine-level tables."""
    binding_slo: str | None = None
    """What limits the pool under the engine-level tables: ``"TTFT"``, ``"TPOT"`` or
    ``"throughput"`` (the replica's saturation rate)."""
    simulated_p99_tpot_s: Interval | None = None
    kv_link: str | None = None
    """Disaggregated plans: the link KV caches cross from prefill to decode replicas."""
    model: str | None = None
    """Multi-model plans: the model (its ``Scenario.models`` name) this pool serves."""
    spares: int = 0
    prob_enough_healthy: float | None = None
    serving: PoolServing | None = None
    """How to run each replica (vLLM flags); None under a preset of fixed reference profiles."""


    analytic_prefix_hit_rate: float | None = None
    """Scenarios with ``prefix_caching``: the expected cached share of the pool's prompt tokens
    the tables use (left out of the JSON when None, as without caching)."""
    simulated_prefix_hit_rate: float | None = None
    """Scenarios with ``prefix_caching``: the share the verifying simulation measured (mean over
    its replications; left out of the JSON when None)."""

    @model_serializer(mode="wrap")
    def _without_unset_prefix(self, handler: Any) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for k in _PREFIX_FIELDS:
                if k in data and data[k] is None:
                    del data[k]
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def gpus(self) -> int:
        return self.replicas * self.gpus_per_replica

    @computed_field  # type: ignore[prop-decorator]
    @property
    def spare_gpus(self) -> int:
        return self.spares * self.gpus_per_replica

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cost_usd_per_hour(self) -> float:
        """Cost of the SLO-sized replicas (spares excluded)."""
        return round(self.replicas * self.price_usd_per_replica_hour, 9)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cost_with_spares_usd_per_hour(self) -> float:
        return round((self.replicas + self.spares) * self.price_usd_per_replica_hour, 9)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cost_usd_per_year(self) -> float:
        return self.cost_usd_per_hour * HOURS_PER_YEAR


class SolverStatus(Frozen):
    """What the solver said: termination and solution status (two axes) plus the gap."""

    backend: str
    termination: str
    solution: str
    objective: float | None
    best_bound: float | None = None
    gap: float | None = None
    solve_time_s: float


class VerificationStep(Frozen):
    """One round of the verification loop."""

    iteration: int
    candidate: int
    candidate_cost_usd_per_hour: float
    accepted: bool
    detail: str


class Plan(Frozen):
    """A fleet plan (see the module docstring)."""

    scenario_name: str
    preset: str
    layout: str
    rate_per_s: float = 0.0
    """The arrival rate the plan was sized for (the peak of a piecewise-constant process)."""
    threshold_tokens: int | None
    gamma: float
    pools: tuple[PlanPool, ...]
    solver: SolverStatus
    binding_constraints: tuple[str, ...] = ()
    verification: tuple[VerificationStep, ...] = ()
    verified: bool = False
    verification_level: str | None = None
    reliability_rule: str | None = None
    reliability_target: float | None = None
    fleet_prob_enough_healthy: float | None = None
    one_pool_cost_usd_per_hour: float | None = None
    rejected_share: float = 0.0
    """Share of requests longer than every pool's max_ctx: rejected, and counted here."""
    notes: tuple[str, ...] = ()
    power_w: float | None = None
    """Power of the SLO-sized replicas at full batch (the integer program's power model), W."""
    alternatives: tuple[Alternative, ...] = ()
    """Distinct plans the planner saw and did not choose, cheapest first, each with why it lost
    (:class:`~optfleet.planning.record.Alternative`)."""
    question: dict[str, Any] | None = None
    """The scenario with every default filled (its JSON dump): the question this plan answers
    (None in plans written before it was recorded)."""
    provenance: Provenance | None = None
    """Preset, profiles, call options, versions, seed and timestamp
    (:class:`~optfleet.planning.record.Provenance`)."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def gpus(self) -> int:
        return sum(p.gpus for p in self.pools)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def gpus_with_spares(self) -> int:
        return sum(p.gpus + p.spare_gpus for p in self.pools)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cost_usd_per_hour(self) -> float:
        return round(sum(p.cost_usd_per_hour for p in self.pools), 10)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cost_usd_per_year(self) -> float:
        return self.cost_usd_per_hour * HOURS_PER_YEAR

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cost_with_spares_usd_per_hour(self) -> float:
        return round(sum(p.cost_with_spares_usd_per_hour for p in self.pools), 10)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    def save(self, path: str | Path) -> None:
        """Write the plan as JSON to ``path`` atomically (temporary file, then rename).

        Raises InputError (one line) when ``path`` can not be written; nothing partial is left.
        """
        from optfleet._files import write_text_atomic

        write_text_atomic(path, self.to_json() + "\n", "plan")

    @classmethod
    def from_dict(cls, data: Any) -> Plan:
        """Rebuild a plan from :meth:`to_dict` output (computed fields are recomputed)."""
        return validate_model(cls, _strip_computed(data), "plan")

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Rebuild a plan from :meth:`to_json` output."""
        import json

        try:
            return cls.from_dict(json.loads(text))
        except json.JSONDecodeError as exc:
            raise InputError(f"can not parse plan JSON: {exc.msg}") from None

    @classmethod
    def load(cls, path: str | Path) -> Plan:
        """Load a plan written by :meth:`save` (computed fields are recomputed)."""
        p = Path(path)
        if not p.is_file():
            raise InputError(f"file not found: {p}")
        import json

        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"can not parse {p}: {exc.msg}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{p} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except OSError as exc:
            raise InputError(f"can not read {p}: {exc.strerror or exc}") from None
        if isinstance(data, dict) and "periods" in data and "reserved_gpus" in data:
            raise InputError(f"{p} is a plan over time (horizon:): re-plan its scenario with "
                             "optfleet plan; --from, explain and compare take one-period plans")
        return validate_model(cls, _strip_computed(data), f"plan {p}")


#: The computed fields of a plan and of its pools (recomputed on loading; nested dicts such as
#: ``question`` keep every key).
_COMPUTED = {"gpus", "gpus_with_spares", "cost_usd_per_hour", "cost_usd_per_year",
             "cost_with_spares_usd_per_hour"}
_POOL_COMPUTED = {"gpus", "spare_gpus", "cost_usd_per_hour", "cost_with_spares_usd_per_hour",
                  "cost_usd_per_year"}


def _strip_computed(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    out = {k: v for k, v in data.items() if k not in _COMPUTED}
    if isinstance(out.get("pools"), list):
        out["pools"] = [
            {k: v for k, v in pp.items() if k not in _POOL_COMPUTED} if isinstance(pp, dict)
            else pp
            for pp in out["pools"]
        ]
    return out
