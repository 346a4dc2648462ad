"""Calibration manifests (``runs.yaml``): which benchmark files belong to one replica, and the
traffic and serving options each ran with that the files themselves do not print.

A manifest lets ``optfleet calibrate runs.yaml`` take a whole sweep with one argument::

    source: https://example.org/where-the-files-come-from
    serving: {max_num_seqs: 256, chunked_prefill_tokens: 512}   # the engine's settings
    files:
      - file: serving_80.txt          # relative to the manifest
        gpu: MI300X
        model: llama-3.1-405b
        tp: 8
        dtype: bf16
        request_rate_per_s: inf
        max_concurrency: null
        input_len: 80

Every file of one manifest must name the same GPU type, model, ``tp`` and dtype (one replica);
``blocks``, ``dataset``, ``vllm_version``, ``gpu_count`` and ``notes`` are provenance, kept but
not used.

Examples
--------
>>> m = Manifest(files=[{"file": "a.json", "gpu": "H100-SXM", "model": "llama-3.1-8b"}])
>>> m.replica_keys()
('H100-SXM', 'llama-3.1-8b', 1, 'bf16')
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import ConfigDict, Field, field_validator

from optfleet.errors import InputError
from optfleet.scenario import ServingConfig
from optfleet.scenario.hardware import DType, Frozen, described
from optfleet.scenario.limits import TensorParallel

__all__ = ["Manifest", "ManifestFile", "is_manifest", "load_manifest"]


class ManifestFile(Frozen):
    """One benchmark file of a manifest and what it ran with."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=True)  # rate: inf

    file: Path = described("The benchmark file, relative to the manifest.")
    kind: str | None = described("Its format (null: detected).", None)
    gpu: str = described("GPU type (catalog name).")
    model: str = described("Model (catalog name or config.json path).")
    tp: TensorParallel = described("GPUs per replica (tensor parallelism).", 1)
    dtype: DType = described("Weight precision.", "bf16")
    request_rate_per_s: float | None = described(
        "Configured request rate, requests/s (inf: all at once; null: from the file).", None
    )
    max_concurrency: Annotated[int, Field(ge=1)] | None = described(
        "Closed-loop users (--max-concurrency; null: none or from the file).", None
    )
    batch_size: Annotated[int, Field(ge=1)] | None = described("Latency runs: batch size.", None)
    input_len: Annotated[int, Field(ge=1)] | None = described(
        "Fixed prompt length, tokens (latency runs; documentation for serving runs).", None
    )
    output_len: Annotated[int, Field(ge=1)] | None = described(
        "Fixed output length, tokens (latency runs; documentation for serving runs).", None
    )
    dataset: str | None = described("Benchmark dataset (provenance).", None)
    vllm_version: str | None = described("vLLM version (provenance).", None)
    gpu_count: Annotated[int, Field(ge=1)] | None = described("GPUs of the server (provenance).",
                                                              None)
    blocks: tuple[dict[str, Any], ...] = described(
        "What each result block of the file is (provenance).", ()
    )
    notes: str | None = described("Anything else worth knowing.", None)

    @field_validator("request_rate_per_s", mode="before")
    @classmethod
    def _rate(cls, v: Any) -> Any:
        v = float("inf") if isinstance(v, str) and v.strip().lower() == "inf" else v
        if isinstance(v, int | float) and not isinstance(v, bool) and not (v > 0):
            raise ValueError(f"request_rate_per_s must be positive or inf, got {v!r}")
        return v


class Manifest(Frozen):
    """A sweep of benchmark files of one replica."""

    source: str | None = described("Where the files come from (provenance).", None)
    serving: ServingConfig | None = described(
        "The engine's serving settings (max_num_seqs, chunked_prefill_tokens, ...); "
        "tensor_parallel_size and dtype come from the files.",
        None,
    )
    files: tuple[ManifestFile, ...] = Field(min_length=1, description="The benchmark files.")

    def replica_keys(self) -> tuple[str, str, int, str]:
        """(GPU type, model, tp, dtype) every file shares; InputError if they differ."""
        keys = {(f.gpu, f.model, f.tp, f.dtype) for f in self.files}
        if len(keys) > 1:
            raise InputError(
                f"a manifest describes one replica; its files name several: {sorted(keys)}"
            )
        return next(iter(keys))


def is_manifest(path: str | Path) -> bool:
    """Whether ``path`` is a manifest: a ``.yaml``/``.yml`` file (which must then be a mapping
    with a ``files`` list: InputError otherwise, since no benchmark format is YAML)."""
    p = Path(path)
    if p.suffix.lower() not in (".yaml", ".yml") or not p.is_file():
        return False
    from optfleet.scenario.files import read_mapping

    data = read_mapping(p)  # a .yaml is no benchmark format: its YAML error is the answer
    if not isinstance(data.get("files"), list):
        raise InputError(f"{p}: a calibration manifest needs a files: list")
    return True


def load_manifest(path: str | Path) -> Manifest:
    """Read a manifest; its file paths made relative to its folder.

    Raises
    ------
    InputError
        A malformed manifest (one line naming it and the field).
    """
    from optfleet._data import input_path
    from optfleet.scenario.files import read_mapping, validate_model

    p = input_path(path)
    m = validate_model(Manifest, read_mapping(p), f"calibration manifest {p}")
    base = p.resolve().parent
    files = tuple(f.model_copy(update={"file": base / f.file}) if not f.file.is_absolute() else f
                  for f in m.files)
    return m.model_copy(update={"files": files})
