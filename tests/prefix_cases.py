"""Engine-level simulations whose results prefix caching must leave bit for bit unchanged.

Used by ``tests/test_prefix_cache.py``.  The cases use only the simulator's API from before
prefix caching, so that their reference results (``tests/golden/prefix_off_engine.json``) can be
recorded on a checkout without it: ``PYTHONPATH=<old checkout> python tests/prefix_cases.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from optfleet.physics import IterationModel, ReplicaProfile, calibrated_profile
from optfleet.scenario import ClosedLoopClients, PoissonArrivals
from optfleet.sim import FailureSpec, PoolSpec, Requests, RouterSpec, simulate
from optfleet.workloads import builtin_cdf, mix_from_cdf

GOLDEN = Path(__file__).parent / "golden" / "prefix_off_engine.json"


def paged_profile(kv_tokens: int = 200_000, max_seqs: int = 64, chunk: int = 512,
                  max_len: int = 131_072) -> ReplicaProfile:
    """A toy paged-KV replica (the iteration model of ``tests/test_sim_engine.py``)."""
    it = IterationModel(c0_s=0.003, per_token_s=1e-6, per_prefill_token_s=2e-6, mem_base_s=0.005,
                        mem_per_ctx_token_s=4e-8, compute_per_token_s=2e-5)
    return ReplicaProfile(
        name="toy-paged", gpu="toy", model="toy", gpus_per_replica=2, price_usd_per_hour=3.0,
        kv_policy="paged", kv_capacity_tokens=kv_tokens, max_num_seqs=max_seqs,
        max_model_len=max_len, chunk_tokens=chunk, iteration=it, idle_w=100.0, nominal_w=400.0,
        power_k=1.0, power_x0=3.0,
    )


def fixed_requests(n: int = 1500, seed: int = 3) -> Requests:
    """Poisson arrivals at 12/s with azure lengths, drawn once (a fixed request set)."""
    rng = np.random.default_rng(seed)
    p, o, _ = mix_from_cdf(builtin_cdf("azure")).sample(n, seed=rng)
    t = np.cumsum(rng.exponential(1 / 12.0, n))
    return Requests(t, p, o)


def cases(pools: Any = None) -> dict[str, dict[str, Any]]:
    """``name -> {"fleet", "workload", "kwargs"}``; ``pools(profile, replicas, max_ctx, name)``
    builds each pool (default :class:`PoolSpec`), so that a caller can switch an option on."""
    mk = pools or (lambda prof, k, ctx, name: PoolSpec(prof, k, ctx, name))
    mix = mix_from_cdf(builtin_cdf("azure"))
    tight = paged_profile(kv_tokens=40_000, max_seqs=64, chunk=512, max_len=16_384)
    return {
        "paged_jsq_preempting": {
            "fleet": [mk(tight, 3, 8192, "p")],
            "workload": fixed_requests(),
            "kwargs": {"balancer": "jsq", "replications": 1},
        },
        "paged_mix_p2c_failures": {
            "fleet": [mk(paged_profile(), 3, 8192, "p")],
            "workload": mix,
            "kwargs": {"arrivals": PoissonArrivals(rate_per_s=14.0), "n_requests": 1200,
                       "balancer": "power_of_two", "replications": 2,
                       "failures": FailureSpec(mttf_s=40.0, mttr_s=5.0)},
        },
        "paged_closed_loop_rr": {
            "fleet": [mk(tight, 2, 8192, "p")],
            "workload": mix,
            "kwargs": {"arrivals": ClosedLoopClients(users=24, think_time_s=0.2),
                       "n_requests": 1000, "balancer": "round_robin"},
        },
        "two_pools_least_loaded_drain": {
            "fleet": [mk(tight, 2, 8192, "a"), mk(calibrated_profile("H100"), 2, 8192, "b")],
            "workload": fixed_requests(1200, seed=5),
            "kwargs": {"router": RouterSpec("least_loaded"), "balancer": "random",
                       "failures": FailureSpec(schedule=(("a", 0, 20.0, 40.0, "drain"),
                                                         ("a", 1, 25.0, 28.0),
                                                         ("b", 1, 30.0, 35.0)))},
        },
    }


def run_case(case: dict[str, Any]) -> dict[str, Any]:
    """``SimResult.to_dict()`` of one case (engine level, seed 7)."""
    kw = dict(case["kwargs"])
    arrivals = kw.pop("arrivals", None)
    res = simulate(case["fleet"], case["workload"], arrivals, level="engine", seed=7,
                   executor="sequential", **kw)
    return res.to_dict()


def main() -> None:
    out = {name: run_case(c) for name, c in cases().items()}
    GOLDEN.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    sys.stdout.write(f"wrote {GOLDEN}\n")


if __name__ == "__main__":
    main()
