"""Replica profiles from calibrated profile files: the roofline with the fitted constants.

A profile file (:class:`~optfleet.scenario.profile_file.ProfileFile`, written by ``optfleet
calibrate``) holds constants fitted for one GPU type, model, tensor-parallel degree and weight
precision.  :func:`profile_from_file` builds that replica's :class:`ReplicaProfile` with them; the
memory plan (KV capacity, slots) stays the roofline's, computed from the scenario's serving
configuration.  A replica that differs from the measured one in any of the four is refused: the
fitted fractions describe the measured kernels, not another configuration's.

Examples
--------
>>> from optfleet.scenario import ServingConfig
>>> from optfleet.scenario.profile_file import ProfileFile
>>> pf = ProfileFile(name="p", gpu="H100-SXM", model="llama-3.1-8b",
...                  efficiency={"iteration_overhead_s": 0.003})
>>> p = profile_from_file(pf, "H100", "llama-3.1-8b", ServingConfig())
>>> p.iteration.c0_s
0.003
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from optfleet.errors import InputError
from optfleet.physics.profiles import ReplicaProfile
from optfleet.physics.roofline import computed_profile
from optfleet.scenario import GPUSpec, ModelSpec, ServingConfig
from optfleet.scenario.catalog import resolve_gpu, resolve_model
from optfleet.scenario.physics_input import EfficiencyOverrides
from optfleet.scenario.profile_file import ProfileFile, load_profile_file, profile_file_sha256

__all__ = ["ProfileUse", "check_profile_matches", "load_profile_use", "profile_from_file",
           "serving_differences"]


@dataclass(frozen=True)
class ProfileUse:
    """Which calibrated profile a GPU type used: what a plan records.

    Examples
    --------
    >>> ProfileUse("H100-SXM", "h.profile.yaml", "ab", "h100", "2026-12-01", 0.05, None).gpu
    'H100-SXM'
    """

    gpu: str
    file: str
    sha256: str
    name: str
    fit_date: str | None
    rms_relative_error: float | None
    holdout_rms_relative_error: float | None

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def load_profile_use(gpu: str, path: str | Path) -> tuple[ProfileFile, ProfileUse]:
    """Read the profile file named for ``gpu`` and what a plan records of it.

    Raises
    ------
    InputError
        A missing or malformed file, or one measured on another GPU type.
    """
    pf = load_profile_file(path)
    measured = resolve_gpu(pf.gpu).name
    if measured != resolve_gpu(gpu).name:
        raise InputError(
            f"profile file {path} was fitted on {measured}, but is named for GPU type {gpu}"
        )
    fit = pf.fit
    use = ProfileUse(
        gpu=gpu,
        file=str(path),
        sha256=profile_file_sha256(path),
        name=pf.name,
        fit_date=None if fit is None else fit.date,
        rms_relative_error=None if fit is None else fit.rms_relative_error,
        holdout_rms_relative_error=None if fit is None else fit.holdout_rms_relative_error,
    )
    return pf, use


def check_profile_matches(
    pf: ProfileFile, gpu: GPUSpec, model: ModelSpec, serving: ServingConfig
) -> None:
    """Raise :class:`InputError` unless ``pf`` was measured on this replica (GPU type, model,
    tensor-parallel degree, weight precision)."""
    want = {
        "GPU type": (resolve_gpu(pf.gpu).name, gpu.name),
        "model": (resolve_model(pf.model).name, model.name),
        "tensor parallelism": (pf.tensor_parallel_size, serving.tensor_parallel_size),
        "dtype": (pf.dtype, serving.dtype),
    }
    for what, (measured, used) in want.items():
        if measured != used:
            raise InputError(
                f"profile {pf.name!r} was measured with {what} {measured}, but this replica "
                f"uses {used}; calibrate that configuration, or drop the profile for it"
            )


def profile_from_file(
    pf: ProfileFile,
    gpu: GPUSpec | str,
    model: ModelSpec | str,
    serving: ServingConfig = ServingConfig(),
    use: ProfileUse | None = None,
) -> ReplicaProfile:
    """The replica profile of ``model`` on ``gpu`` under ``serving`` with ``pf``'s constants.

    The profile's constants replace the defaults and the GPU type's own figures; a constant the
    scenario's ``serving.efficiency`` also sets is an error (which one was meant is unclear).

    Raises
    ------
    InputError
        The replica is not the one ``pf`` was measured on, or a constant is set twice.
    """
    gpu = resolve_gpu(gpu)
    model = resolve_model(model)
    check_profile_matches(pf, gpu, model, serving)
    fitted = pf.efficiency.given()
    both = sorted(set(fitted) & set(serving.efficiency.given()))
    if both:
        raise InputError(
            f"serving.efficiency sets {both}, which profile {pf.name!r} also sets; "
            "drop one of the two"
        )
    merged = EfficiencyOverrides(**{**serving.efficiency.given(), **fitted})
    prof = computed_profile(gpu, model, serving.model_copy(update={"efficiency": merged}))
    fit = pf.fit
    quality = "hand-written constants" if fit is None else (
        f"fitted {fit.date}, rms error {fit.rms_relative_error:.1%} on {fit.points} values"
    )
    where = f" ({use.file})" if use is not None else ""
    return replace(
        prof,
        name=f"{prof.name}+calibrated",
        source=f"calibrated profile {pf.name!r}{where}: {quality}; memory plan: {prof.source}",
        notes="; ".join(x for x in (prof.notes, serving_differences(pf, serving,
                                                                     prof.max_model_len)) if x),
    )


#: Engine settings a fit depends on: serving with others extrapolates the fitted constants.
_SETTINGS = ("max_num_seqs", "chunked_prefill_tokens", "gpu_memory_utilization",
             "kv_cache_dtype", "max_model_len")


def serving_differences(pf: ProfileFile, serving: ServingConfig,
                        max_model_len: int | None = None) -> str:
    """What the replica's engine settings change from the benchmarks' (empty: none), e.g.
    ``"served with chunked_prefill_tokens 2048, measured with 512 (extrapolated)"``.

    Examples
    --------
    >>> pf = ProfileFile(name="p", gpu="H100-SXM", model="llama-3.1-8b",
    ...                  measured_serving=ServingConfig(chunked_prefill_tokens=512))
    >>> serving_differences(pf, ServingConfig())
    'served with chunked_prefill_tokens 2048, measured with 512 (extrapolated)'
    """
    measured = pf.measured_serving
    if measured is None:
        return ""
    used = {k: getattr(serving, k) for k in _SETTINGS}
    if used["max_model_len"] is None and max_model_len is not None:
        used["max_model_len"] = max_model_len  # the replica's own (model's, capped by its KV)
    diffs = [f"{k} {used[k]}, measured with {getattr(measured, k)}"
             for k in _SETTINGS
             if used[k] != getattr(measured, k) and getattr(measured, k) is not None]
    return ("served with " + "; ".join(diffs) + " (extrapolated)") if diffs else ""
