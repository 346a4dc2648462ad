"""Calibrated profile files (``NAME.profile.yaml``): the constants ``optfleet calibrate`` fitted
for one GPU type, model and tensor-parallel degree, with the record of the fit.

A profile file is an input like a scenario: scenarios and fleet files name it per GPU type
(``profiles: {H100-SXM: h100.profile.yaml}``), every command takes ``--profile FILE``, and the
plan records which file (its SHA-256, fit date and fit error) each pool used.  It replaces the
roofline's free constants (:class:`~optfleet.scenario.physics_input.EfficiencyOverrides`) for the
replica it was fitted on, and only for that replica: a pool on another GPU type, model, tensor
parallelism or weight precision does not take it (an error names the difference).

Examples
--------
>>> pf = ProfileFile(name="h100-8b", gpu="H100-SXM", model="llama-3.1-8b",
...                  efficiency={"bandwidth_fraction": 0.7})
>>> pf.efficiency.given(), pf.tensor_parallel_size
({'bandwidth_fraction': 0.7}, 1)
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from optfleet.errors import InputError
from optfleet.scenario.hardware import DType, Frozen, ServingConfig, described
from optfleet.scenario.limits import NonNegFloat, NonNegInt, TensorParallel
from optfleet.scenario.physics_input import EfficiencyOverrides

__all__ = [
    "FitRecord",
    "ParameterFit",
    "ProfileFile",
    "ProfileSource",
    "load_profile_file",
    "profile_file_sha256",
]


class ProfileSource(Frozen):
    """One measurement file a profile was fitted to."""

    file: str = described("The file's name as given to optfleet calibrate.")
    sha256: str = described("SHA-256 of the file's bytes (hex).")
    kind: str = described("Its format (serving-json, serving-text, latency-json, steps-csv, "
                          "prefill-csv).")
    points: NonNegInt = described("Measured values taken from it.")


class ParameterFit(Frozen):
    """A fitted constant, its standard error and bounds."""

    value: float = described("Fitted value (the constant's unit).")
    std_error: float | None = described(
        "Standard error from the fit's Jacobian (null: not estimable, e.g. too few points).", None
    )
    lower: float = described("Lower bound of the search.")
    upper: float = described("Upper bound of the search.")
    at_bound: bool = described("Whether the value sits on a bound (the data pushed it there).",
                               False)


class FitRecord(Frozen):
    """How a profile was fitted and how well it reproduces its measurements."""

    date: str = described("When the fit ran (ISO 8601, UTC).")
    optfleet_version: str = described("The optfleet that fitted it.")
    sources: tuple[ProfileSource, ...] = described("The measurement files.", ())
    parameters: dict[str, ParameterFit] = described("The fitted constants.", {})
    points: NonNegInt = described("Measured values the fit used.", 0)
    rms_relative_error: NonNegFloat = described(
        "Root-mean-square relative error of the fitted values on the fit set (no unit)."
    )
    max_relative_error: NonNegFloat = described(
        "Largest relative error on the fit set (no unit)."
    )
    holdout_fraction: NonNegFloat = described("Share of the runs held out of the fit.", 0.0)
    holdout_points: NonNegInt = described("Measured values held out.", 0)
    holdout_rms_relative_error: NonNegFloat | None = described(
        "Root-mean-square relative error on the held-out values (null: no holdout).", None
    )
    seed: NonNegInt = described("Seed of the simulations inside the fit and of the holdout.", 0)
    request_latency_s: NonNegFloat | None = described(
        "Fixed latency outside the engine that the serving benchmarks' TTFT carried (API "
        "server, tokenisation, network), s; plans do not add it (null: not fitted).",
        None,
    )
    warnings: tuple[str, ...] = described("What the reader of the fit should know.", ())


class ProfileFile(Frozen):
    """A calibrated replica profile: fitted constants for one GPU type, model, ``tp`` and dtype.

    Attributes
    ----------
    efficiency
        The fitted (and any fixed) constants; they replace the roofline defaults and the GPU
        type's own figures for this replica.
    fit
        The fit's record (None for a hand-written profile).
    """

    kind: Literal["optfleet-profile"] = described("File type marker.", "optfleet-profile")
    version: Literal[1] = described("Profile file format version.", 1)
    name: str = Field(min_length=1, description="Label of the profile.")
    gpu: str = described("GPU type (catalog name) the measurements were taken on.")
    model: str = described("Model (catalog name or config.json path) that was measured.")
    tensor_parallel_size: TensorParallel = described("GPUs per replica when measured.", 1)
    dtype: DType = described("Weight precision when measured.", "bf16")
    efficiency: EfficiencyOverrides = described("The fitted constants.", EfficiencyOverrides())
    measured_serving: ServingConfig | None = described(
        "The engine settings the benchmarks ran with (provenance: a plan serves with its own).",
        None,
    )
    fit: FitRecord | None = described("The record of the fit.", None)


def profile_file_sha256(path: str | Path) -> str:
    """SHA-256 (hex) of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_profile_file(path: str | Path) -> ProfileFile:
    """Read and validate a profile file (YAML or JSON).

    Raises
    ------
    InputError
        A missing or malformed file (one line naming it and the field).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "p.profile.yaml").write_text(
    ...     "name: p\\ngpu: H100-SXM\\nmodel: llama-3.1-8b\\n"
    ...     "efficiency: {iteration_overhead_s: 0.002}\\n")
    >>> load_profile_file(d / "p.profile.yaml").efficiency.iteration_overhead_s
    0.002
    """
    from optfleet._data import input_path
    from optfleet.scenario.files import read_mapping, validate_model

    p = input_path(path)
    data: Any = read_mapping(p)
    if data.get("kind", "optfleet-profile") != "optfleet-profile":
        raise InputError(f"{p}: not an optfleet profile file (kind {data.get('kind')!r})")
    return validate_model(ProfileFile, data, f"profile file {p}")
