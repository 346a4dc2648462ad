"""How to run a plan: one ``vllm serve`` script per pool (``optfleet plan --emit vllm``).

Each pool's :class:`~optfleet.planning.results.PoolServing` (its serving configuration and vLLM
flags, written into every plan) becomes ``<role>-<option>.sh``: a comment header with the pool's
GPU type, replicas, GPUs per replica and the expected per-replica load, P99 TTFT and TPOT at the
planned rate, then the command each replica runs.  Flag names:
https://docs.vllm.ai/en/latest/models/engine_args.html.

Examples
--------
>>> import tempfile, optfleet
>>> p = optfleet.plan(optfleet.Scenario(rate_per_s=10), verify=False)
>>> with tempfile.TemporaryDirectory() as d:
...     files = write_vllm_scripts(p, d)
...     text = files[0].read_text()
>>> [f.name for f in files], "vllm serve" in text
(['all-H100-SXM.sh'], True)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from optfleet.errors import InputError

__all__ = ["vllm_script", "write_vllm_scripts"]

#: The formats ``optfleet plan --emit`` writes.
EMIT_FORMATS = ("vllm",)


def _ms(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 1000:.1f} ms"


def vllm_script(pool: Any) -> str:
    """The shell script of one pool (a :class:`~optfleet.planning.results.PlanPool`).

    Raises
    ------
    InputError
        The pool carries no serving record (a plan under a preset of fixed reference profiles).
    """
    s = pool.serving
    if s is None:
        raise InputError(f"pool {pool.role}/{pool.gpu} has no serving configuration to emit "
                         "(plans under the fleet-sim preset use the reference's fixed profiles)")
    sim_ttft = pool.simulated_p99_ttft_s.value if pool.simulated_p99_ttft_s else None
    sim_tpot = pool.simulated_p99_tpot_s.value if pool.simulated_p99_tpot_s else None
    lines = [
        "#!/bin/sh",
        f"# optfleet plan: pool {pool.role!r} on {s.gpu_type} ({s.config})",
        f"# replicas: {pool.replicas} x {pool.gpus_per_replica} GPU(s) = {pool.gpus} GPUs"
        + (f" (+{pool.spares} spare replicas)" if pool.spares else ""),
        f"# expected per replica at the planned load: {s.per_replica_rate_per_s:.3f} req/s, "
        f"P99 TTFT {_ms(pool.analytic_p99_ttft_s)} (simulated {_ms(sim_ttft)}), "
        f"P99 TPOT {_ms(pool.analytic_p99_tpot_s)} (simulated {_ms(sim_tpot)})",
        f"# requests up to {pool.max_ctx_tokens} tokens; run this on each replica's "
        f"{s.tensor_parallel_size} GPU(s)",
        s.vllm_command,
        "",
    ]
    return "\n".join(lines)


def write_vllm_scripts(plan: Any, directory: str | Path) -> list[Path]:
    """Write one :func:`vllm_script` per pool of ``plan`` into ``directory`` (created if
    missing); returns the files, in pool order.

    Raises
    ------
    InputError
        ``directory`` can not be created or written, or a pool has no serving record.
    """
    from optfleet._files import write_text_atomic

    d = Path(directory)
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"can not create the --emit directory {str(d)!r}: "
                         f"{exc.strerror or exc}") from None
    scripts = [(pool, vllm_script(pool)) for pool in plan.pools]
    out = []
    for pool, text in scripts:
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{pool.role}-{pool.gpu}")
        path = d / f"{stem}.sh"
        write_text_atomic(path, text, "vLLM script")
        out.append(path)
    return out
