"""Export the reference system's published scenarios as MPS.

Each scenario is tabulated with optfleet (fleet-sim preset, its published assumptions), turned
into the planning problem and written unpruned to ``instances/<name>.mps``.  Its optimum is
found by brute-force enumeration (independent of any solver) and appended to
``instances/index.json``.  Run from the repository root:

    python solvers/export_published.py
"""

from __future__ import annotations

import json
from pathlib import Path

from optfleet.formulation.model import write_mps
from optfleet.formulation.synthetic import brute_force
from optfleet.planning import build_problem, tabulate
from optfleet.scenario import CDFWorkload, Scenario

HERE = Path(__file__).resolve().parent / "instances"

PUBLISHED = {
    "fleetsim_lmsys_a100_lam100": Scenario(
        name="lmsys pareto", preset="fleet-sim", workload=CDFWorkload(name="lmsys"),
        rate_per_s=100, slo={"ttft_p99_s": 0.5}, gpus=("A100-80GB",), gammas=(1.0,),
        thresholds_tokens=(512, 1024, 2048, 4096, 8192),
    ),
    "fleetsim_agent_heavy_h100_lam20": Scenario(
        name="agent heavy", preset="fleet-sim", workload=CDFWorkload(name="agent_heavy"),
        rate_per_s=20, slo={"ttft_p99_s": 1.0}, gpus=("H100-SXM",), gammas=(1.0,),
        thresholds_tokens=(4096,),
    ),
    "fleetsim_azure_one_pool_lam100": Scenario(
        name="azure one pool", preset="fleet-sim", workload=CDFWorkload(name="azure"),
        rate_per_s=100, slo={"ttft_p99_s": 0.5}, gpus=("A100-80GB", "H100-SXM"),
        long_max_ctx_tokens=8192, thresholds_tokens=(), gammas=(1.0,),
    ),
}


def main() -> None:
    index_path = HERE / "index.json"
    index = [e for e in json.loads(index_path.read_text()) if not e["file"].startswith("fleetsim_")]
    for name, scenario in PUBLISHED.items():
        problem = build_problem(scenario, tabulate(scenario))
        best = brute_force(problem)
        assert best is not None, name
        model = write_mps(problem, HERE / f"{name}.mps", prune=False)
        tb = model.tie_break
        index.append({
            "file": f"{name}.mps",
            "objective": best.cost_usd_per_hour + tb.gpu_weight * best.gpus
            + tb.power_weight * best.power_w,
            "cost_usd_per_hour": best.cost_usd_per_hour,
            "gpus": best.gpus,
            "source": f"optfleet fleet-sim preset, scenario {scenario.name!r} (published figures)",
            "verified_by": "brute force (optfleet.formulation.synthetic.brute_force)",
        })
        print(f"{name}: {best.gpus} GPUs, ${best.cost_usd_per_hour:.2f}/h")
    index_path.write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
