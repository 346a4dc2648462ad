"""The library entry point :func:`calibrate`: benchmark files in, a fitted profile file out.

check (the files, the replica, the options) -> read (every file into measurement records,
counted) -> fit (:func:`~optfleet.calibration.fit.fit_profile`) -> write-back (a
:class:`~optfleet.scenario.profile_file.ProfileFile` with the fit's record).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from optfleet.physics import computed_profile
>>> truth = computed_profile("H100", "llama-3.1-8b", ServingConfig(
...     efficiency={"iteration_overhead_s": 0.002}))
>>> rows = ["prefill_tokens,batch,context_tokens,step_s"] + [
...     f"{p},{d},{d * 1000},{float(truth.iteration.time_s(p, d, d * 1000))}"
...     for p, d in [(0, 1), (0, 32), (0, 128), (1024, 0), (2048, 16)]]
>>> f = Path(tempfile.mkdtemp()) / "steps.csv"
>>> _ = f.write_text("\\n".join(rows) + "\\n")
>>> cal = calibrate([f], gpu="H100", model="llama-3.1-8b", parameters=["iteration_overhead_s"])
>>> round(cal.fit.parameters["iteration_overhead_s"].value, 6), cal.profile.gpu
(0.002, 'H100-SXM')
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optfleet.calibration.fit import fit_profile
from optfleet.calibration.manifest import is_manifest, load_manifest
from optfleet.calibration.measurements import Measurement
from optfleet.calibration.model import OUTSIDE_REPLICA, FitResult, Replica
from optfleet.errors import InputError
from optfleet.scenario import ServingConfig
from optfleet.scenario.profile_file import (
    FitRecord,
    ParameterFit,
    ProfileFile,
    ProfileSource,
    profile_file_sha256,
)

__all__ = ["Calibration", "calibrate", "profile_file_text"]

#: Reader options a command line (or a manifest entry) may give for files that do not say.
READER_OPTIONS = ("kind", "batch_size", "input_len", "output_len", "request_rate_per_s",
                  "max_concurrency")


@dataclass(frozen=True)
class Calibration:
    """A calibration: the replica, the measurements, the fit and the profile file to write."""

    replica: Replica
    measurements: tuple[Measurement, ...]
    fit: FitResult
    profile: ProfileFile
    failed_requests: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the profile file's content and every point of the fit."""
        return {
            "profile": self.profile.model_dump(mode="json"),
            "failed_requests_dropped": self.failed_requests,
            "evaluations": self.fit.evaluations,
            "points": [
                {"source": p.source, "metric": p.metric, "measured": p.measured,
                 "start": p.start, "fitted": p.fitted_value,
                 "relative_error": p.relative_error, "used_in_fit": p.fitted,
                 "held_out": p.held_out}
                for p in self.fit.points
            ],
        }


@dataclass(frozen=True)
class _File:
    path: Path
    options: dict[str, Any]
    keys: tuple[str, str, int, str] | None  # the manifest's (gpu, model, tp, dtype)
    serving: ServingConfig | None


#: How the command line spells each option (for messages).
FLAGS = {"kind": "--kind", "batch_size": "--batch-size", "input_len": "--input-len",
         "output_len": "--output-len", "request_rate_per_s": "--request-rate",
         "max_concurrency": "--max-concurrency", "tensor_parallel_size": "--tp",
         "dtype": "--dtype", "max_num_seqs": "--max-num-seqs",
         "chunked_prefill_tokens": "--max-num-batched-tokens",
         "gpu_memory_utilization": "--gpu-memory-utilization"}


def _agree(name: str, given: Any, recorded: Any, where: str) -> None:
    if given is not None and recorded is not None and given != recorded:
        raise InputError(f"{FLAGS.get(name, name)} {given} contradicts {where}'s {recorded}")


def _expand(files: Sequence[str | Path], options: dict[str, Any]) -> list[_File]:
    out: list[_File] = []
    seen: set[Path] = set()
    for f in files:
        if is_manifest(f):
            m = load_manifest(f)
            keys = m.replica_keys()
            for e in m.files:
                given = {k: getattr(e, k) for k in READER_OPTIONS if getattr(e, k) is not None}
                for k, v in options.items():
                    _agree(k, v, given.get(k), f"the manifest entry of {e.file.name}")
                out.append(_File(e.file, {**given, **options}, keys, m.serving))
        else:
            out.append(_File(Path(f), dict(options), None, None))
    for x in out:
        real = x.path.resolve()
        if real in seen:
            raise InputError(f"{x.path} is given twice: its measurements would weigh double")
        seen.add(real)
    if not out:
        raise InputError("no benchmark files given")
    return out


def _replica(files: list[_File], gpu: str | None, model: str | None,
             serving: dict[str, Any]) -> Replica:
    """The measured replica: the command line's GPU type, model and serving options, else the
    manifests'; a contradiction is an InputError."""
    from optfleet.scenario import validate_model
    from optfleet.scenario.catalog import resolve_gpu, resolve_model

    keys = {f.keys for f in files if f.keys is not None}
    if len(keys) > 1:
        raise InputError(f"the manifests describe different replicas: {sorted(keys)}")
    mk = next(iter(keys)) if keys else None
    g = gpu or (mk[0] if mk else None)
    m = model or (mk[1] if mk else None)
    if g is None or m is None:
        raise InputError("name the measured replica: --gpu and --model (or a runs.yaml manifest)")
    base = next((f.serving for f in files if f.serving is not None), None) or ServingConfig()
    update = dict(serving)
    if mk:
        for k, v in (("tensor_parallel_size", mk[2]), ("dtype", mk[3])):
            _agree(k, update.get(k), v, "the manifest")
            if k in base.model_fields_set and getattr(base, k) != v:
                raise InputError(f"the manifest's serving.{k} {getattr(base, k)} contradicts "
                                 f"its files' {v}")
            update[k] = v
        for k in base.model_fields_set:
            _agree(k, serving.get(k), getattr(base, k), "the manifest")
        for what, given, manifest in (("GPU type", gpu, mk[0]), ("model", model, mk[1])):
            if given is not None and given != manifest and (
                (resolve_gpu(given).name != resolve_gpu(manifest).name) if what == "GPU type"
                else (resolve_model(given).name != resolve_model(manifest).name)
            ):
                raise InputError(f"the {what} {given} contradicts the manifest's {manifest}")
    sv = validate_model(ServingConfig, {**base.model_dump(), **update}, "serving options")
    return Replica.of(g, m, sv)


def _read(files: list[_File]) -> tuple[list[Measurement], list[ProfileSource], int]:
    from optfleet.calibration.readers import detect_kind, read_measurements

    ms: list[Measurement] = []
    sources = []
    failed = 0
    for f in files:
        opts = dict(f.options)
        kind = opts.pop("kind", None)
        got = read_measurements(f.path, kind=kind, **opts)
        ms.extend(got)
        failed += sum(int(getattr(m, "failed", 0)) + int(getattr(m, "empty", 0)) for m in got)
        sources.append(ProfileSource(file=f.path.name, sha256=profile_file_sha256(f.path),
                                     kind=kind or detect_kind(f.path), points=len(got)))
    return ms, sources, failed


def calibrate(
    files: Sequence[str | Path],
    *,
    gpu: str | None = None,
    model: str | None = None,
    serving: dict[str, Any] | None = None,
    parameters: Sequence[str] | None = None,
    holdout: float = 0.0,
    seed: int = 0,
    name: str | None = None,
    **reader_options: Any,
) -> Calibration:
    """Fit a replica profile to benchmark files (or ``runs.yaml`` manifests of them).

    Parameters
    ----------
    files
        vLLM serving JSON or text, latency JSON, step/prefill CSVs, or manifests.
    gpu, model
        The measured replica's GPU type and model (default: the manifest's).
    serving
        ``ServingConfig`` fields the benchmarks ran with (``tensor_parallel_size``, ``dtype``,
        ``max_num_seqs``, ``chunked_prefill_tokens``, ...).
    parameters, holdout, seed
        See :func:`~optfleet.calibration.fit.fit_profile`.
    name
        The profile's label (default ``model@tp x gpu``).
    reader_options
        ``kind``, ``batch_size``, ``input_len``, ``output_len``, ``request_rate_per_s``,
        ``max_concurrency`` for files that do not record them.

    Raises
    ------
    InputError
        Bad files or options (one line).
    """
    from optfleet.scenario.limits import check

    check("seed", "--seed", seed)
    unknown = sorted(set(reader_options) - set(READER_OPTIONS))
    if unknown:
        raise InputError(f"unknown reader options {unknown}; known: {', '.join(READER_OPTIONS)}")
    opts = {k: v for k, v in reader_options.items() if v is not None}
    expanded = _expand(files, opts)
    replica = _replica(expanded, gpu, model, serving or {})
    ms, sources, failed = _read(expanded)
    fit = fit_profile(ms, replica, parameters=parameters, holdout=holdout, seed=seed)
    profile = _profile_file(replica, fit, sources, name, holdout)
    return Calibration(replica, tuple(ms), fit, profile, failed)


def _profile_file(replica: Replica, fit: FitResult, sources: list[ProfileSource],
                  name: str | None, holdout: float) -> ProfileFile:
    from optfleet._version import __version__

    sv = replica.serving
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    params = {
        k: ParameterFit(value=p.value, std_error=p.std_error, lower=p.lower, upper=p.upper,
                        at_bound=p.at_bound)
        for k, p in fit.parameters.items()
    }
    record = FitRecord(
        date=now.isoformat().replace("+00:00", "Z"),
        optfleet_version=__version__,
        sources=tuple(sources),
        parameters=params,
        points=sum(p.fitted and not p.held_out for p in fit.points),
        rms_relative_error=fit.rms_relative_error,
        max_relative_error=fit.max_relative_error,
        holdout_fraction=holdout,
        holdout_points=sum(p.fitted and p.held_out for p in fit.points),
        holdout_rms_relative_error=fit.holdout_rms_relative_error,
        seed=fit.seed,
        warnings=fit.warnings,
        request_latency_s=fit.constants.get("request_latency_s"),
    )
    label = name or f"{replica.model.name}@{sv.tensor_parallel_size}x{replica.gpu.name}"
    return ProfileFile(
        name=label, gpu=replica.gpu.name, model=replica.model.name,
        tensor_parallel_size=sv.tensor_parallel_size, dtype=sv.dtype,
        efficiency={**sv.efficiency.given(),
                    **{k: v for k, v in fit.constants.items() if k not in OUTSIDE_REPLICA}},
        measured_serving=sv, fit=record,
    )


def profile_file_text(profile: ProfileFile) -> str:
    """The YAML text of a profile file (what ``optfleet calibrate -o`` writes)."""
    import yaml

    data = profile.model_dump(mode="json", exclude_none=True)
    head = (f"# optfleet calibrated profile: {profile.name}\n"
            "# Name it in a scenario (profiles: {GPU type: this file}) or pass --profile.\n")

    def finite(x: Any) -> Any:
        if isinstance(x, float) and not math.isfinite(x):
            return str(x)
        if isinstance(x, dict):
            return {k: finite(v) for k, v in x.items()}
        if isinstance(x, list):
            return [finite(v) for v in x]
        return x

    return head + yaml.safe_dump(finite(data), sort_keys=False, allow_unicode=True)
