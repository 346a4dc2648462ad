"""Cost against latency over the short/long split threshold (``optfleet pareto``).

For one GPU type, every CDF breakpoint below the long pool's max_ctx is tried as the split
threshold ``B_short`` (gamma 1, no compression); each layout is sized analytically
(:func:`optfleet.planning.size_layout`).  A row reports the short share ``alpha``, replicas and GPUs
per pool, the cost, the analytic P99 TTFT per pool, the saving against the one-pool layout, and
whether it is on the Pareto front of (cost, worst-pool P99 TTFT).  A threshold that can not meet
the SLO is kept as an infeasible row with its reason (counted, not dropped).

Examples
--------
>>> from optfleet.analysis.pareto import pareto
>>> from optfleet.scenario import CDFWorkload, Scenario
>>> s = Scenario(workload=CDFWorkload(name="lmsys"), preset="fleet-sim", gpus=("A100",))
>>> r = pareto(s)
>>> r.row(None).gpus, r.row(4096).gpus_by_role
(14, {'short': 3, 'long': 5})
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from optfleet.analysis.plotting import annotate_points, pyplot
from optfleet.errors import InfeasibleError, InputError, ModelDoesNotFitError
from optfleet.planning import PoolContext, PoolSizing, size_layout
from optfleet.scenario import HOURS_PER_YEAR, Scenario

__all__ = ["ParetoResult", "ParetoRow", "pareto", "pareto_figure", "plot_pareto"]


def _finite(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else float(x)


@dataclass(frozen=True)
class ParetoRow:
    """One split threshold (``threshold_tokens=None``: the one-pool layout)."""

    threshold_tokens: int | None
    feasible: bool
    reason: str | None = None
    alpha: float | None = None
    pools: tuple[PoolSizing, ...] = ()
    saving_vs_one_pool: float | None = None
    pareto: bool = False
    recommended: bool = False

    @property
    def layout(self) -> str:
        return "one pool" if self.threshold_tokens is None else f"split {self.threshold_tokens}"

    @property
    def gpus(self) -> int | None:
        return sum(p.gpus for p in self.pools) if self.feasible else None

    @property
    def replicas_by_role(self) -> dict[str, int]:
        return {p.role: p.replicas for p in self.pools}

    @property
    def gpus_by_role(self) -> dict[str, int]:
        return {p.role: p.gpus for p in self.pools}

    @property
    def cost_usd_per_hour(self) -> float | None:
        return sum(p.cost_usd_per_hour for p in self.pools) if self.feasible else None

    @property
    def cost_usd_per_year(self) -> float | None:
        c = self.cost_usd_per_hour
        return None if c is None else c * HOURS_PER_YEAR

    @property
    def worst_p99_ttft_s(self) -> float | None:
        return max(p.p99_ttft_s for p in self.pools) if self.feasible and self.pools else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold_tokens": self.threshold_tokens,
            "layout": self.layout,
            "feasible": self.feasible,
            "reason": self.reason,
            "alpha": self.alpha,
            "replicas_by_role": self.replicas_by_role,
            "gpus_by_role": self.gpus_by_role,
            "gpus": self.gpus,
            "cost_usd_per_hour": self.cost_usd_per_hour,
            "cost_usd_per_year": self.cost_usd_per_year,
            "worst_p99_ttft_s": _finite(self.worst_p99_ttft_s),
            "saving_vs_one_pool": self.saving_vs_one_pool,
            "pareto": self.pareto,
            "recommended": self.recommended,
            "pools": [
                {
                    "role": p.role,
                    "max_ctx_tokens": p.max_ctx_tokens,
                    "share": p.share,
                    "rate_per_s": p.rate_per_s,
                    "replicas": p.replicas,
                    "gpus": p.gpus,
                    "utilisation": p.utilisation,
                    "p99_ttft_s": _finite(p.p99_ttft_s),
                    "cost_usd_per_hour": p.cost_usd_per_hour,
                }
                for p in self.pools
            ],
        }


@dataclass(frozen=True)
class ParetoResult:
    """All thresholds of one GPU type; ``rows[0]`` is the one-pool layout."""

    scenario_name: str
    preset: str
    gpu: str
    rate_per_s: float
    slo_ttft_s: float
    rows: tuple[ParetoRow, ...]

    def row(self, threshold_tokens: int | None) -> ParetoRow:
        """The row of one threshold (``None``: one pool)."""
        for r in self.rows:
            if r.threshold_tokens == threshold_tokens:
                return r
        raise InputError(
            f"no row for threshold {threshold_tokens!r}; rows: "
            + ", ".join(str(r.threshold_tokens) for r in self.rows)
        )

    @property
    def recommended(self) -> ParetoRow | None:
        return next((r for r in self.rows if r.recommended), None)

    @property
    def infeasible(self) -> int:
        return sum(not r.feasible for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        rec = self.recommended
        return {
            "scenario_name": self.scenario_name,
            "preset": self.preset,
            "gpu": self.gpu,
            "rate_per_s": self.rate_per_s,
            "slo_ttft_s": self.slo_ttft_s,
            "recommended_threshold_tokens": None if rec is None else rec.threshold_tokens,
            "recommended_layout": None if rec is None else rec.layout,
            "infeasible_rows": self.infeasible,
            "rows": [r.to_dict() for r in self.rows],
        }


def _size_row(ctx: PoolContext, gpu: str, threshold: int | None) -> ParetoRow:
    try:
        lay = size_layout(ctx, gpu, threshold, 1.0)
    except (InfeasibleError, ModelDoesNotFitError) as exc:
        return ParetoRow(threshold, False, reason=str(exc))
    short = sum(p.share for p in lay.pools if p.role == "short")
    alpha = 1.0 if threshold is None else short
    return ParetoRow(threshold, True, alpha=alpha, pools=lay.pools)


def _mark(rows: list[ParetoRow]) -> list[ParetoRow]:
    from dataclasses import replace

    feas = [r for r in rows if r.feasible]
    base = rows[0].cost_usd_per_hour if rows and rows[0].feasible else None
    eps = 1e-9

    def key(r: ParetoRow) -> tuple[float, float]:
        return (float(r.cost_usd_per_hour or 0.0), float(r.worst_p99_ttft_s or 0.0))

    best = min(feas, key=key) if feas else None
    out = []
    for r in rows:
        if not r.feasible:
            out.append(r)
            continue
        c, t = key(r)
        dominated = any(
            (key(s)[0] <= c + eps and key(s)[1] <= t + eps)
            and (key(s)[0] < c - eps or key(s)[1] < t - eps)
            for s in feas
        )
        saving = None if not base else 1.0 - c / base
        out.append(replace(r, pareto=not dominated, saving_vs_one_pool=saving,
                           recommended=r is best))
    return out


def pareto(scenario: Scenario, gpu: str | None = None) -> ParetoResult:
    """Size the one-pool layout and a split at every CDF breakpoint on one GPU type.

    Parameters
    ----------
    scenario
        Workload, rate, SLO, preset, model; its ``thresholds_tokens`` (if given) replace the CDF
        breakpoints.  Gamma is always 1 here.
    gpu
        The GPU type (default: the menu's type with the cheapest feasible row).

    Returns
    -------
    ParetoResult
        One row per threshold, the one-pool layout first; infeasible thresholds are rows with
        ``feasible=False`` and a reason.

    Examples
    --------
    >>> from optfleet.scenario import CDFWorkload, Scenario
    >>> s = Scenario(workload=CDFWorkload(name="lmsys"), preset="fleet-sim", gpus=("A100",))
    >>> pareto(s).recommended.cost_usd_per_hour
    17.68
    """
    if gpu is None:
        candidates = [
            _pareto_on(scenario, g) for g in scenario.gpus
        ]  # default: the menu's GPU type whose best row is cheapest
        best = [r for r in candidates if r.recommended is not None]
        if best:
            return min(best, key=lambda r: r.recommended.cost_usd_per_hour)  # type: ignore[union-attr]
        return candidates[0]
    return _pareto_on(scenario, gpu)


def _pareto_on(scenario: Scenario, gpu: str) -> ParetoResult:
    if gpu not in scenario.gpus:
        scenario = scenario.model_copy(update={"gpus": (gpu,)})
    ctx = PoolContext.from_scenario(scenario)
    ctx.profile(gpu)  # unknown GPU / model that does not fit: fail once, up front
    long_ctx = ctx.long_ctx_tokens
    thresholds = [t for t, _ in ctx.layouts(include_gammas=False) if t is None or t < long_ctx]
    rows = _mark([_size_row(ctx, gpu, t) for t in thresholds])
    return ParetoResult(
        scenario_name=scenario.name,
        preset=ctx.preset.name,
        gpu=gpu,
        rate_per_s=float(scenario.rate_per_s),
        slo_ttft_s=float(scenario.slo.ttft_p99_s),
        rows=tuple(rows),
    )


def pareto_figure(result: ParetoResult) -> Any:
    """The matplotlib figure of :func:`plot_pareto` (callers close it): cost against worst-pool
    P99 TTFT, the Pareto points highlighted, every point labelled by its threshold where there
    is room and by a number keyed in the legend where there is not (no label overprints)."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    feas = [r for r in result.rows if r.feasible]
    for on_front, style in ((False, {"c": "0.6", "s": 25}), (True, {"c": "C3", "s": 45})):
        pts = [r for r in feas if r.pareto == on_front]
        ax.scatter(
            [r.worst_p99_ttft_s * 1000 for r in pts],
            [r.cost_usd_per_hour for r in pts],
            label="Pareto front" if on_front else "dominated",
            zorder=3,
            **style,
        )
    slo_ms = result.slo_ttft_s * 1000
    ax.axvline(slo_ms, color="k", ls="--", lw=0.8, label=f"SLO {slo_ms:g} ms")
    xs = [r.worst_p99_ttft_s * 1000 for r in feas] + [slo_ms]
    ys = [r.cost_usd_per_hour for r in feas] or [0.0, 1.0]
    ax.set_xlim(0, max(xs) * 1.15)
    lo, hi = min(ys), max(ys)
    pad = (hi - lo) * 0.15 or hi * 0.1 or 1.0
    ax.set_ylim(max(0.0, lo - pad), hi + pad)
    ax.set_xlabel("worst-pool P99 TTFT (ms)")
    ax.set_ylabel("cost ($/h)")
    ax.set_title(f"{result.scenario_name}: split threshold on {result.gpu}")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    # the recommended point first: it keeps the best spot for its label
    order = sorted(feas, key=lambda r: (not r.recommended, not r.pareto))
    keys = annotate_points(
        ax,
        [(r.worst_p99_ttft_s * 1000, r.cost_usd_per_hour) for r in order],
        ["one pool" if r.threshold_tokens is None else str(r.threshold_tokens) for r in order],
    )
    if keys:
        handles, labels = ax.get_legend_handles_labels()
        blank = [plt.Line2D([], [], ls="none")] * len(keys)
        ax.legend(handles + blank, labels + keys, fontsize=8, loc="upper left",
                  bbox_to_anchor=(1.01, 1.0))
    return fig


def plot_pareto(result: ParetoResult, path: Any) -> None:
    """Write the figure of :func:`pareto_figure` (PNG or SVG, by the file's suffix)."""
    plt = pyplot()
    fig = pareto_figure(result)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)

