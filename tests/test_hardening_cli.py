"""Issue #11, CLI and files: outputs written atomically, unwritable paths refused before the
work, SIGINT/SIGTERM ending with 130/143 and no partial file, no traceback ever.

Tests run as root, so "unwritable" is tested with a path under a file and with ``os.access``
monkeypatched (``chmod`` does not stop root).  A full disk is ENOSPC raised by a monkeypatched
``os.fsync``, which every atomic write calls before renaming.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from optfleet.errors import InputError

PLAN_ARGS = ("plan", "--no-verify", "--format", "json")


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def small_plan():
    from optfleet.planning.results import Plan, PlanPool, SolverStatus

    pool = PlanPool(role="all", gpu="H100-SXM", replicas=2, gpus_per_replica=1,
                    price_usd_per_replica_hour=4.02, share=1.0, rate_per_s=10.0,
                    max_ctx_tokens=8192, analytic_p99_ttft_s=0.1, utilisation=0.5)
    return Plan(scenario_name="x", preset="default", layout="one pool", threshold_tokens=None,
                gamma=1.0, pools=(pool,),
                solver=SolverStatus(backend="cbc", termination="optimal", solution="optimal",
                                    objective=8.04, gap=0.0, solve_time_s=0.01))


@pytest.fixture()
def no_planning(monkeypatch):
    """Planning that fails the test if it runs (the path must be refused before the work)."""
    import optfleet.planning

    def refuse(*args, **kwargs):
        raise AssertionError("the work started before the output path was checked")

    monkeypatch.setattr(optfleet.planning, "plan", refuse)


@pytest.fixture()
def quick_planning(monkeypatch):
    """Planning that returns a small plan at once."""
    import optfleet.planning

    monkeypatch.setattr(optfleet.planning, "plan", lambda *a, **k: small_plan())


def full_disk(monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------------------------------
# output paths that can not be written: exit 2, one line, before the work
# ------------------------------------------------------------------------------------------


def test_out_to_a_missing_directory_is_exit_2_before_planning(cli, tmp_path, no_planning):
    r = cli(*PLAN_ARGS, "-o", str(tmp_path / "nowhere" / "plan.json"))
    assert r.code == 2
    assert "folder" in one_line(r.err) and "does not exist" in r.err


def test_out_under_a_file_is_exit_2_before_planning(cli, tmp_path, no_planning):
    (tmp_path / "afile").write_text("x")
    r = cli(*PLAN_ARGS, "--out", str(tmp_path / "afile" / "plan.json"))
    assert r.code == 2 and "is not a folder" in one_line(r.err)


def test_out_to_a_directory_is_exit_2_before_planning(cli, tmp_path, no_planning):
    r = cli(*PLAN_ARGS, "-o", str(tmp_path))
    assert r.code == 2 and "is a directory" in one_line(r.err)


def test_out_to_an_unwritable_folder_is_exit_2_before_planning(
    cli, tmp_path, no_planning, monkeypatch
):
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if Path(p) == tmp_path else real_access(p, mode)
    )
    r = cli(*PLAN_ARGS, "-o", str(tmp_path / "plan.json"))
    assert r.code == 2 and "not writable" in one_line(r.err)


def test_out_on_a_full_disk_is_exit_2_and_keeps_the_old_file(
    cli, tmp_path, quick_planning, monkeypatch
):
    target = tmp_path / "plan.json"
    target.write_text("old plan\n")
    full_disk(monkeypatch)
    r = cli(*PLAN_ARGS, "-o", str(target))
    assert r.code == 2 and "No space left on device" in one_line(r.err)
    assert target.read_text() == "old plan\n"
    assert leftovers(tmp_path) == ["plan.json"]


def test_out_is_written_whole_and_nothing_else_is_left(cli, tmp_path, quick_planning):
    target = tmp_path / "plan.json"
    r = cli(*PLAN_ARGS, "-o", str(target))
    assert r.code == 0, r.err
    from optfleet.planning.results import Plan

    assert Plan.load(target) == small_plan()
    assert leftovers(tmp_path) == ["plan.json"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_records_to_a_missing_directory_is_exit_2_before_simulating(cli, tmp_path, monkeypatch):
    import optfleet.sim.fleetfile

    def refuse(*args, **kwargs):
        raise AssertionError("simulated before checking --records")

    monkeypatch.setattr(optfleet.sim.fleetfile, "simulate_fleet", refuse)
    r = cli("simulate", "--records", str(tmp_path / "no" / "r.csv"))
    assert r.code == 2 and "--records" in one_line(r.err)
    (tmp_path / "d.csv").mkdir()
    r = cli("simulate", "--records", str(tmp_path / "d.csv"))
    assert r.code == 2 and "is a directory" in one_line(r.err)


def test_records_on_a_full_disk_is_exit_2_and_leaves_no_file(cli, tmp_path, monkeypatch):
    full_disk(monkeypatch)
    for name in ("r.csv", "r.jsonl"):
        r = cli("simulate", "--requests", "200", "--replications", "1", "--records",
                str(tmp_path / name))
        assert r.code == 2 and "No space left on device" in one_line(r.err)
        assert r.out == ""  # refused before the table is printed
    assert leftovers(tmp_path) == []


def test_records_are_written_whole(cli, tmp_path):
    csv_path, jsonl_path = tmp_path / "r.csv", tmp_path / "r.jsonl"
    for p in (csv_path, jsonl_path):
        r = cli("simulate", "--requests", "200", "--replications", "1", "--seed", "3",
                "--records", str(p))
        assert r.code == 0, r.err
    assert len(csv_path.read_text().splitlines()) == 201
    rows = [json.loads(line) for line in jsonl_path.read_text().splitlines()]
    assert len(rows) == 200 and rows[-1]["request_id"] == 199
    assert leftovers(tmp_path) == ["r.csv", "r.jsonl"]


def test_plot_to_a_missing_directory_is_exit_2_before_the_sweep(cli, tmp_path, monkeypatch):
    import optfleet.analysis.pareto

    def refuse(*args, **kwargs):
        raise AssertionError("swept before checking --plot")

    monkeypatch.setattr(optfleet.analysis.pareto, "pareto", refuse)
    r = cli("pareto", "--plot", str(tmp_path / "no" / "p.png"))
    assert r.code == 2 and "--plot" in one_line(r.err)


def test_plot_is_written_atomically(tmp_path):
    from optfleet.cli.options import write_plot

    def draw(result, path):
        Path(path).write_bytes(b"PNG" + result)

    write_plot(draw, b"-data", tmp_path / "p.png")
    assert (tmp_path / "p.png").read_bytes() == b"PNG-data" and leftovers(tmp_path) == ["p.png"]

    def broken(result, path):
        Path(path).write_bytes(b"half")
        raise RuntimeError("matplotlib failed")

    with pytest.raises(RuntimeError):
        write_plot(broken, b"", tmp_path / "p.png")
    assert (tmp_path / "p.png").read_bytes() == b"PNG-data" and leftovers(tmp_path) == ["p.png"]


# ------------------------------------------------------------------------------------------
# the library's writers
# ------------------------------------------------------------------------------------------


def test_plan_save_on_a_full_disk_raises_input_error_and_leaves_nothing(tmp_path, monkeypatch):
    full_disk(monkeypatch)
    with pytest.raises(InputError, match="can not write plan .*No space left"):
        small_plan().save(tmp_path / "p.json")
    assert leftovers(tmp_path) == []


def test_plan_save_to_a_missing_directory_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        small_plan().save(tmp_path / "no" / "p.json")


def test_interrupted_write_leaves_no_partial_file(tmp_path):
    from optfleet._files import atomic_open

    target = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt), atomic_open(target) as fh:
        fh.write("half a line")
        raise KeyboardInterrupt
    assert leftovers(tmp_path) == []


def test_records_writers_on_a_full_disk_raise_input_error(tmp_path, monkeypatch):
    import numpy as np

    from optfleet.sim.results import RequestRecords

    rec = RequestRecords.from_arrays(
        replication=0, arrival_s=np.array([0.0]), prompt_tokens=np.array([5]),
        output_tokens=np.array([2]), pool=np.array([0]), replica=np.array([0]),
        status=np.array([1]), admit_s=np.array([0.0]), first_token_s=np.array([0.1]),
        finish_s=np.array([0.2]), preemptions=np.array([0]), retries=np.array([0]),
        measured=np.array([True]))
    full_disk(monkeypatch)
    with pytest.raises(InputError, match="records"):
        rec.to_csv(tmp_path / "r.csv")
    with pytest.raises(InputError, match="records"):
        rec.to_jsonl(tmp_path / "r.jsonl")
    assert leftovers(tmp_path) == []


# ------------------------------------------------------------------------------------------
# no traceback: unreadable inputs are exit 2, bugs are exit 70
# ------------------------------------------------------------------------------------------


def test_non_utf8_scenario_file_is_exit_2(cli, tmp_path):
    bad = tmp_path / "s.yaml"
    bad.write_bytes(b"rate_per_s: 5\nname: \xff\xfe\n")
    r = cli(*PLAN_ARGS, str(bad))
    assert r.code == 2 and "UTF-8" in one_line(r.err)


def test_oserror_reading_an_input_is_exit_2(cli, monkeypatch):
    import optfleet.scenario

    def unreadable(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(optfleet.scenario, "load_scenario", unreadable)
    r = cli(*PLAN_ARGS, "s.yaml")
    assert r.code == 2 and one_line(r.err) == "optfleet: error: can not access s.yaml: " \
        "Permission denied"


def test_unicode_error_reading_an_input_is_exit_2(cli, monkeypatch):
    import optfleet.scenario

    def undecodable(path):
        b"\xff".decode("utf-8")

    monkeypatch.setattr(optfleet.scenario, "load_scenario", undecodable)
    r = cli(*PLAN_ARGS, "s.yaml")
    assert r.code == 2 and "not UTF-8 text" in one_line(r.err)


def test_unexpected_exception_is_one_line_and_exit_70(cli, monkeypatch):
    import optfleet.planning

    def bug(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(optfleet.planning, "plan", bug)
    monkeypatch.delenv("OPTFLEET_DEBUG", raising=False)
    r = cli(*PLAN_ARGS)
    assert r.code == 70
    assert one_line(r.err) == (
        "optfleet: internal error: RuntimeError: boom second line "
        "(run with OPTFLEET_DEBUG=1 for the traceback)"
    )
    monkeypatch.setenv("OPTFLEET_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli(*PLAN_ARGS)


def test_backends_lists_an_uninstalled_highs_and_exits_0(cli, monkeypatch):
    from optfleet.backends.highs import HighsBackend

    monkeypatch.setattr(HighsBackend, "available", lambda self: False)
    r = cli("backends", "--format", "json")
    assert r.code == 0, r.err
    rows = {row["name"]: row for row in r.json()}
    assert rows["highs"]["installed"] is False and rows["cbc"]["installed"] is True
    r = cli("backends")
    assert r.code == 0 and "highs" in r.out and "False" in r.out


# ------------------------------------------------------------------------------------------
# SIGINT / SIGTERM: 130 / 143, one line, no partial file, workers ended
# ------------------------------------------------------------------------------------------

RUN_CLI = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from optfleet.cli import run
    Path(sys.argv[1]).write_text("ready")
    sys.exit(run(sys.argv[2:]))
    """
)


def _default_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupt_plan(tmp_path: Path, sig: int) -> tuple[subprocess.CompletedProcess, Path]:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_CLI, str(ready), "plan", "-o", str(out_dir / "plan.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_default_signals,  # a background job's children start ignoring SIGINT
    )
    deadline = time.monotonic() + 60
    while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # into the planning (the plan takes several seconds)
    proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), out_dir


def test_sigint_during_plan_exits_130_with_one_line_and_no_file(tmp_path):
    done, out_dir = _interrupt_plan(tmp_path, signal.SIGINT)
    assert done.returncode == 130, done.stderr
    assert one_line(done.stderr) == "optfleet: interrupted"
    assert leftovers(out_dir) == []


def test_sigterm_during_plan_exits_143_with_one_line_and_no_file(tmp_path):
    done, out_dir = _interrupt_plan(tmp_path, signal.SIGTERM)
    assert done.returncode == 143, done.stderr
    assert one_line(done.stderr) == "optfleet: terminated (SIGTERM)"
    assert leftovers(out_dir) == []


def test_interrupted_process_executor_ends_its_workers():
    script = textwrap.dedent(
        """
        import multiprocessing, os, signal, threading
        from optfleet.physics import calibrated_profile
        from optfleet.scenario import PoissonArrivals
        from optfleet.sim import PoolSpec, simulate
        from optfleet.workloads import builtin_cdf, mix_from_cdf
        mix = mix_from_cdf(builtin_cdf("azure"))
        threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT)).start()
        try:
            simulate(PoolSpec(calibrated_profile("H100"), 2, 8192), mix,
                     PoissonArrivals(rate_per_s=5.0), n_requests=4_000_000, replications=2,
                     executor="process")
            print("finished")
        except KeyboardInterrupt:
            print("workers left:", len(multiprocessing.active_children()))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, preexec_fn=_default_signals)
    assert done.stdout.strip() == "workers left: 0", done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_end_children_ends_a_solver_like_child():
    script = textwrap.dedent(
        """
        import subprocess, time
        from optfleet.cli.signals import end_children
        child = subprocess.Popen(["sleep", "60"])
        t0 = time.monotonic()
        end_children()
        print(child.poll() is not None, time.monotonic() - t0 < 5)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "True True", done.stdout + done.stderr
