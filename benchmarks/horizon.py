"""Planning over time on the bundled diurnal example: cost, saving against peak sizing and the
time of each phase.

Prints, for ``data/examples/diurnal.scenario.yaml`` (24 periods, 3 GPU types, 3 tiers):

* answered from the tables (``verify=False``) with HiGHS and with CBC: the program's solve time,
  its termination and gap, the cost;
* verified (small-pool calibration, every period simulated, the whole-horizon replay) with the
  default solver: the time of each phase, the reserved commitment, the saving, whether the
  replay met the SLO in every period and served the batch on time.

Usage::

    python benchmarks/horizon.py
"""

from __future__ import annotations

import time
from pathlib import Path

import optfleet
from optfleet.planning.horizon import plan_horizon

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "diurnal.scenario.yaml"


def main() -> None:
    scenario = optfleet.load_scenario(EXAMPLE)
    for backend in ("highs", "cbc"):
        t = time.perf_counter()
        p = plan_horizon(scenario, verify=False, backend=backend)
        print(f"tables only, {backend:5}: {time.perf_counter() - t:6.1f} s  solve "
              f"{p.solver['solve_time_s']:5.1f} s  {p.solver['termination']:10} gap "
              f"{p.solver['gap']:.4f}  cost ${p.cost_usd:,.2f}  saving {p.saving_share:.1%}")
    t = time.perf_counter()
    p = plan_horizon(scenario)
    phases = ", ".join(f"{k} {v:.1f} s" for k, v in p.timings_s.items())
    r = p.replay or {}
    print(f"verified:           {time.perf_counter() - t:6.1f} s  ({phases})")
    print(f"  reserve {p.reserved_gpus}; cost ${p.cost_usd:,.2f} vs peak ${p.peak.cost_usd:,.2f}"
          f" (saving {p.saving_share:.1%}, {p.peak.gpu_hours - p.gpu_hours:.0f} GPU-hours);"
          f" verified {p.verified}; replay SLO every period {r.get('slo_met_every_period')},"
          f" batch on time {r.get('batch_on_time')}")


if __name__ == "__main__":
    main()
