"""Built-in catalog of GPUs and LLM architectures, and a Hugging Face ``config.json`` reader.

The data live in ``data/catalog/gpus.json`` and ``data/catalog/models.json``; every entry carries
a ``source`` string saying where its numbers come from.  Names are matched case-insensitively,
against the canonical name and the aliases (``"A100"`` is ``"A100-80GB"``, ``"H100"`` is
``"H100-SXM"``, ``"meta-llama/Llama-3.1-70B-Instruct"`` is ``"llama-3.1-70b"``).

Examples
--------
>>> from optfleet.scenario.catalog import get_gpu, get_model
>>> get_gpu("h100").name, get_gpu("H100", price_usd_per_hour=2.5).price_usd_per_hour
('H100-SXM', 2.5)
>>> get_model("meta-llama/Llama-3.1-70B-Instruct").num_layers
80
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from optfleet._data import data_path
from optfleet.errors import InputError, UnknownNameError
from optfleet.scenario import GPUSpec, ModelSpec, validate_model

__all__ = [
    "get_gpu",
    "get_model",
    "gpu_names",
    "list_gpus",
    "list_models",
    "load_hf_config",
    "model_names",
    "resolve_gpu",
    "resolve_model",
]


def _key(name: str) -> str:
    return name.strip().lower()


def _read_entries(file: str, key: str) -> list[dict[str, Any]]:
    path = data_path("catalog", file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"built-in catalog {file} is not valid JSON: {exc.msg}") from None
    return list(data[key])


@lru_cache(maxsize=1)
def _gpus() -> tuple[dict[str, GPUSpec], dict[str, str]]:
    specs: dict[str, GPUSpec] = {}
    index: dict[str, str] = {}
    for entry in _read_entries("gpus.json", "gpus"):
        entry = dict(entry)
        entry["aliases"] = tuple(entry.get("aliases", ()))
        spec: GPUSpec = validate_model(GPUSpec, entry, f"catalog GPU {entry.get('name')!r}")
        specs[spec.name] = spec
        for n in (spec.name, *spec.aliases):
            index[_key(n)] = spec.name
    return specs, index


@lru_cache(maxsize=1)
def _models() -> tuple[dict[str, ModelSpec], dict[str, str]]:
    specs: dict[str, ModelSpec] = {}
    index: dict[str, str] = {}
    for entry in _read_entries("models.json", "models"):
        entry = dict(entry)
        entry["aliases"] = tuple(entry.get("aliases", ()))
        spec: ModelSpec = validate_model(ModelSpec, entry, f"catalog model {entry.get('name')!r}")
        specs[spec.name] = spec
        for n in (spec.name, *spec.aliases):
            index[_key(n)] = spec.name
    return specs, index


def list_gpus() -> list[GPUSpec]:
    """The catalog's GPUs (:class:`GPUSpec`, default prices), in catalog order.

    Examples
    --------
    >>> "H100-SXM" in [g.name for g in list_gpus()]
    True
    """
    return list(_gpus()[0].values())


def gpu_names() -> list[str]:
    """Canonical names of the catalog's GPUs, in catalog order.

    Examples
    --------
    >>> gpu_names()[:3]
    ['A10G', 'L4', 'L40S']
    """
    return list(_gpus()[0])


def get_gpu(name: str, price_usd_per_hour: float | None = None) -> GPUSpec:
    """The catalog :class:`GPUSpec` named ``name`` (case-insensitive, aliases allowed).

    ``price_usd_per_hour`` (per GPU) overrides the catalog's default price.

    Examples
    --------
    >>> get_gpu("a100").memory_bytes  # 81 920 MiB, as nvidia-smi reports it
    85899345920.0
    """
    from optfleet.scenario.config_search import gpu_type

    specs, index = _gpus()
    name = gpu_type(str(name))  # an option of the configuration search: its GPU type
    canonical = index.get(_key(name))
    if canonical is None:
        raise UnknownNameError(f"unknown GPU {name!r}; known GPUs: {', '.join(specs)}")
    spec = specs[canonical]
    if price_usd_per_hour is not None:
        p = float(price_usd_per_hour)
        if not math.isfinite(p) or p < 0:
            raise InputError(
                "price_usd_per_hour must be a finite non-negative number, "
                f"got {price_usd_per_hour!r}"
            )
        spec = spec.model_copy(update={"price_usd_per_hour": p})
    return spec


def resolve_gpu(gpu: str | GPUSpec, price_usd_per_hour: float | None = None) -> GPUSpec:
    """A :class:`GPUSpec` from a catalog name or a spec (returned as is, price optionally replaced).

    Examples
    --------
    >>> resolve_gpu("L4").name
    'L4'
    """
    if isinstance(gpu, GPUSpec):
        if price_usd_per_hour is None:
            return gpu
        return gpu.model_copy(update={"price_usd_per_hour": float(price_usd_per_hour)})
    return get_gpu(gpu, price_usd_per_hour)


def list_models() -> list[ModelSpec]:
    """The catalog's models (:class:`ModelSpec`), in catalog order.

    Examples
    --------
    >>> "deepseek-v3" in [m.name for m in list_models()]
    True
    """
    return list(_models()[0].values())


def model_names() -> list[str]:
    """Canonical (lower-case) names of the catalog's models.

    Examples
    --------
    >>> "deepseek-v3" in model_names()
    True
    """
    return list(_models()[0])


def get_model(name: str) -> ModelSpec:
    """The catalog :class:`ModelSpec` named ``name`` (case-insensitive; HF repo ids allowed).

    Examples
    --------
    >>> get_model("Qwen/Qwen3-32B").head_dim
    128
    """
    specs, index = _models()
    canonical = index.get(_key(str(name)))
    if canonical is None:
        raise UnknownNameError(f"unknown model {name!r}; known models: {', '.join(specs)}")
    return specs[canonical]


# ---------------------------------------------------------------------------------------------
# Hugging Face config.json
# ---------------------------------------------------------------------------------------------


def _int(cfg: dict[str, Any], key: str, where: Path, default: int | None = None) -> int:
    value = cfg.get(key)
    if value is None:
        if default is not None:
            return default
        raise InputError(f"{where}: missing required key {key!r}")
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise InputError(f"{where}: key {key!r} must be an integer, got {value!r}")
    if value < 0:
        raise InputError(f"{where}: key {key!r} must be non-negative, got {value!r}")
    return int(value)


def _first(cfg: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if cfg.get(k) is not None:
            return k
    return None


def load_hf_config(path: str | Path, name: str | None = None) -> ModelSpec:
    """Build a :class:`ModelSpec` from a local Hugging Face ``config.json`` (no network).

    ``path`` is the file or the folder holding it.  Understood keys: ``num_hidden_layers``,
    ``hidden_size``, ``num_attention_heads``, ``num_key_value_heads`` (default: the number of
    heads), ``head_dim`` (default ``hidden_size // num_attention_heads``; MLA models default to
    ``qk_nope_head_dim + qk_rope_head_dim``), ``intermediate_size``, ``vocab_size``,
    ``tie_word_embeddings``, ``max_position_embeddings``; MoE: ``num_local_experts`` /
    ``num_experts`` / ``n_routed_experts``, ``num_experts_per_tok``, ``moe_intermediate_size``
    (default ``intermediate_size``, as in Mixtral), ``n_shared_experts``,
    ``first_k_dense_replace``; MLA: ``kv_lora_rank``, ``qk_rope_head_dim``, ``q_lora_rank``,
    ``qk_nope_head_dim``, ``v_head_dim``.  Multimodal configs with a ``text_config`` use it.
    The name defaults to ``_name_or_path`` or the folder name.

    Raises
    ------
    InputError
        The file is missing or not JSON, or a required key is missing or malformed.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> cfg = dict(num_hidden_layers=2, hidden_size=64, num_attention_heads=4,
    ...            intermediate_size=128, vocab_size=1000)
    >>> _ = (d / "config.json").write_text(json.dumps(cfg))
    >>> load_hf_config(d).head_dim
    16
    """
    p = Path(path)
    if p.is_dir():
        p = p / "config.json"
    if not p.is_file():
        raise InputError(f"model config file not found: {p}")
    try:
        cfg = json.loads(p.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"can not parse {p}: {exc}") from None
    if not isinstance(cfg, dict):
        raise InputError(f"{p} must hold a JSON object")
    if "num_hidden_layers" not in cfg and isinstance(cfg.get("text_config"), dict):
        outer = cfg
        cfg = dict(cfg["text_config"])
        cfg.setdefault("_name_or_path", outer.get("_name_or_path"))

    layers = _int(cfg, "num_hidden_layers", p)
    hidden = _int(cfg, "hidden_size", p)
    heads = _int(cfg, "num_attention_heads", p)
    kv_heads = _int(cfg, "num_key_value_heads", p, default=heads)
    vocab = _int(cfg, "vocab_size", p)

    experts_key = _first(cfg, ("num_local_experts", "n_routed_experts", "num_experts"))
    num_experts = _int(cfg, experts_key, p) if experts_key else 0
    experts_per_token = _int(cfg, "num_experts_per_tok", p) if num_experts else 0
    if num_experts and "intermediate_size" not in cfg and "moe_intermediate_size" not in cfg:
        raise InputError(
            f"{p}: missing required key 'intermediate_size' (or 'moe_intermediate_size')"
        )
    if num_experts:
        moe_ffn = _int(
            cfg, "moe_intermediate_size", p, default=_int(cfg, "intermediate_size", p, default=0)
        )
        ffn = _int(cfg, "intermediate_size", p, default=moe_ffn)
    else:
        moe_ffn = 0
        ffn = _int(cfg, "intermediate_size", p)

    kv_lora = _int(cfg, "kv_lora_rank", p, default=0)
    rope = _int(cfg, "qk_rope_head_dim", p, default=0)
    nope = _int(cfg, "qk_nope_head_dim", p, default=0)
    if cfg.get("head_dim") is not None:
        head_dim = _int(cfg, "head_dim", p)
    elif kv_lora and nope + rope:
        head_dim = nope + rope
    else:
        if heads == 0:
            raise InputError(f"{p}: num_attention_heads must be positive")
        head_dim = hidden // heads

    spec_name = name or cfg.get("_name_or_path") or p.parent.name or p.stem
    data: dict[str, Any] = {
        "name": str(spec_name),
        "num_layers": layers,
        "hidden_size": hidden,
        "num_attention_heads": heads,
        "num_kv_heads": kv_heads,
        "head_dim": head_dim,
        "intermediate_size": ffn,
        "vocab_size": vocab,
        "tie_word_embeddings": bool(cfg.get("tie_word_embeddings", False)),
        "num_experts": num_experts,
        "experts_per_token": experts_per_token,
        "moe_intermediate_size": moe_ffn,
        "num_shared_experts": _int(cfg, "n_shared_experts", p, default=0) if num_experts else 0,
        "first_dense_layers": _int(cfg, "first_k_dense_replace", p, default=0)
        if num_experts
        else 0,
        "kv_lora_rank": kv_lora,
        "qk_rope_head_dim": rope,
        "q_lora_rank": _int(cfg, "q_lora_rank", p, default=0),
        "qk_nope_head_dim": nope,
        "v_head_dim": _int(cfg, "v_head_dim", p, default=0),
        "max_position_embeddings": cfg.get("max_position_embeddings"),
        "source": f"Hugging Face config {p}",
    }
    return validate_model(ModelSpec, data, f"model config {p}")


def resolve_model(model: str | Path | ModelSpec) -> ModelSpec:
    """A :class:`ModelSpec` from a catalog name, a ``config.json`` path (or its folder), or a spec.

    Examples
    --------
    >>> resolve_model("llama-3.1-8b").hidden_size
    4096
    >>> resolve_model(get_model("mixtral-8x7b")).num_experts
    8
    """
    if isinstance(model, ModelSpec):
        return model
    if isinstance(model, Path):
        return load_hf_config(model)
    if not isinstance(model, str):
        raise InputError(f"model must be a name, a path or a ModelSpec, got {type(model).__name__}")
    try:
        return get_model(model)
    except UnknownNameError:
        p = Path(model).expanduser()
        if p.is_file() or (p.is_dir() and (p / "config.json").is_file()):
            return load_hf_config(p)
        if model.endswith(".json"):
            return load_hf_config(p)  # a missing file: say so rather than "unknown model"
        raise
