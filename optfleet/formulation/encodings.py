"""The piecewise encodings of a capacity table: the rows that tie ``z``, ``n`` and ``x`` together.

One option ``(layout, role, gpu)`` has count binaries ``z[k]`` for its candidate counts ``k``,
the replica count ``n`` and the traffic share ``x``; the capacity table is exact at every count.

* **incremental** (:func:`incremental_rows`): ``z[k_i] = [n >= k_i]``, ``z[k_1] <= y``,
  ``z[k_{i+1}] <= z[k_i]``; ``n`` and the capacity are sums of increments;
* **one-hot** (:func:`onehot_rows`): ``z[k] = [n = k]``, at most one is 1 and only if the layout
  is chosen.

:func:`nogood_cut` is the row that excludes exactly one plan in either encoding
(:func:`tail_mismatch` its part for an option whose count lies above its table).  An option
with a tail (:attr:`~optfleet.formulation.CapacityOption.has_tail`) adds one integer ``e >= 0``,
the replicas above the table's last count ``K``, tied to ``z[K]``.  Rows are
returned as ``(terms, sense, rhs, name)`` with ``terms`` a list of ``(variable, coefficient)``;
:class:`~optfleet.formulation.FleetModel` adds them to its PuLP model in the order given.  The
maths is in docs/formulation.md.

Examples
--------
>>> from optfleet.formulation import CapacityOption
>>> o = CapacityOption("one", "all", "H100", (0, 4, 9, 15), 4.0)
>>> rows = incremental_rows("0_0_0", o, 10.0, "y", {1: "z1", 3: "z3"}, "n", "x")
>>> [(name, sense) for _, sense, _, name in rows]
[('link_0_0_0', '<='), ('order_0_0_0_3', '<='), ('count_0_0_0', '=='), ('capacity_0_0_0', '<=')]
>>> rows[-1][0]
[('x', 10.0), ('z1', -4.0), ('z3', -11.0)]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from optfleet.errors import InputError
from optfleet.formulation.records import CapacityOption, OptionKey

Terms = list[tuple[Any, float]]
Row = tuple[Terms, str, float, str]  # (terms, sense, rhs, name)


def incremental_rows(
    tag: str,
    option: CapacityOption,
    rate: float,
    y: Any,
    zs: Mapping[int, Any],
    n: Any,
    x: Any,
    tail: tuple[Any, int] | None = None,
) -> list[Row]:
    """``link_<tag>``, ``order_<tag>_<k>``, ``count_<tag>`` and ``capacity_<tag>``.

    ``z[k_i] = 1`` means ``n >= k_i``: ``z[k_1] <= y``, ``z[k_{i+1}] <= z[k_i]``,
    ``n = sum_i (k_i - k_{i-1}) z[k_i]`` and ``rate x <= sum_i (Lambda(k_i) - Lambda(k_{i-1}))
    z[k_i]``.  ``tail = (e, M)``: the integer ``e`` counts the replicas above ``K`` (the last
    count, whose binary it hangs on: ``tail_<tag>``: ``e <= M z[K]``); ``n`` gains ``e`` and the
    capacity ``tail_per_replica_per_s * e``.
    """
    rows: list[Row] = []
    prev_k, prev_v = 0, y
    count_terms: Terms = [(n, 1.0)]
    cap_terms: Terms = [(x, rate)]
    for k, v in zs.items():
        name = f"link_{tag}" if prev_k == 0 else f"order_{tag}_{k}"
        rows.append(([(v, 1.0), (prev_v, -1.0)], "<=", 0.0, name))
        count_terms.append((v, -float(k - prev_k)))
        cap_terms.append((v, -(option.capacity(k) - option.capacity(prev_k))))
        prev_k, prev_v = k, v
    rows.extend(_tail_rows(tag, option, zs, tail, count_terms, cap_terms))
    rows.append((count_terms, "==", 0.0, f"count_{tag}"))
    rows.append((cap_terms, "<=", 0.0, f"capacity_{tag}"))
    return rows


def onehot_rows(
    tag: str,
    option: CapacityOption,
    rate: float,
    y: Any,
    zs: Mapping[int, Any],
    n: Any,
    x: Any,
    link: bool = True,
    tail: tuple[Any, int] | None = None,
) -> list[Row]:
    """``link_<tag>`` (``sum_k z[k] <= y``; left out with ``link=False``, as in ``"single"``
    mode where ``one_type_*`` ties the binaries to ``y``), ``count_<tag>`` (``n = sum_k k z[k]``)
    and ``capacity_<tag>`` (``rate x <= sum_k Lambda(k) z[k]``); with ``tail = (e, M)`` also
    ``tail_<tag>`` (``e <= M z[K]``: replicas above ``K`` only when the option chose ``K``),
    and ``e`` joins ``n`` and, times the tail rate, the capacity."""
    rows: list[Row] = []
    if link:
        rows.append(([(v, 1.0) for v in zs.values()] + [(y, -1.0)], "<=", 0.0, f"link_{tag}"))
    count_terms: Terms = [(n, 1.0)] + [(v, -float(k)) for k, v in zs.items()]
    cap_terms: Terms = [(x, rate)] + [(v, -option.capacity(k)) for k, v in zs.items()]
    rows.extend(_tail_rows(tag, option, zs, tail, count_terms, cap_terms))
    rows.append((count_terms, "==", 0.0, f"count_{tag}"))
    rows.append((cap_terms, "<=", 0.0, f"capacity_{tag}"))
    return rows


def _tail_rows(
    tag: str,
    option: CapacityOption,
    zs: Mapping[int, Any],
    tail: tuple[Any, int] | None,
    count_terms: Terms,
    cap_terms: Terms,
) -> list[Row]:
    """Append the tail variable to the count and capacity terms; the row ``e <= M z[K]``."""
    if tail is None:
        return []
    e, m = tail
    top = option.max_replicas
    count_terms.append((e, -1.0))
    cap_terms.append((e, -float(option.tail_per_replica_per_s or 0.0)))
    return [([(e, 1.0), (zs[top], -float(m))], "<=", 0.0, f"tail_{tag}")]


def tail_mismatch(
    tag: str, e: Any, m: int, extra: int, aux: tuple[Any, Any, Any] | None = None
) -> tuple[Terms, list[Row]]:
    """Terms of a ``t >= 0`` that is 0 exactly when the tail variable ``e`` equals ``extra``
    (else ``t >= 1`` at every integer point), and the rows that define it.

    ``extra = 0``: ``t = e``.  ``extra > 0``: with ``aux = (delta, p, q)`` (a binary and two
    continuous variables >= 0), ``p - q = e - extra``, ``p <= (M - extra) delta`` and ``q <=
    extra (1 - delta)``: one of ``p, q`` is 0, so ``t = p + q = |e - extra|``.

    Examples
    --------
    >>> tail_mismatch("0_0_0", "e", 10, 0)
    ([('e', 1.0)], [])
    >>> terms, rows = tail_mismatch("0_0_0", "e", 10, 3, ("d", "p", "q"))
    >>> terms, [name for *_, name in rows]
    ([('p', 1.0), ('q', 1.0)], ['dev_0_0_0', 'dev_up_0_0_0', 'dev_down_0_0_0'])
    """
    if extra == 0:
        return [(e, 1.0)], []
    if aux is None:
        raise InputError("tail_mismatch needs (delta, p, q) when extra > 0")
    delta, p, q = aux
    rows: list[Row] = [
        ([(p, 1.0), (q, -1.0), (e, -1.0)], "==", -float(extra), f"dev_{tag}"),
        ([(p, 1.0), (delta, -float(m - extra))], "<=", 0.0, f"dev_up_{tag}"),
        ([(q, 1.0), (delta, float(extra))], "<=", float(extra), f"dev_down_{tag}"),
    ]
    return [(p, 1.0), (q, 1.0)], rows


def nogood_cut(
    encoding: str,
    z: Mapping[OptionKey, Mapping[int, Any]],
    layout: str,
    want: Mapping[OptionKey, int],
    y: Any,
    extra_terms: Mapping[OptionKey, Terms] | None = None,
) -> tuple[Terms, float]:
    """``(terms, rhs)`` of ``sum_o t_o - y_l >= rhs``: the cut that excludes one plan.

    ``want`` maps the plan's options to their counts among the option's candidates (absent:
    0).  An option whose plan count is ``K + j`` (above its table, through the tail variable)
    is given count ``K`` here and ``extra_terms[o]`` (:func:`tail_mismatch`) is added to its
    ``t_o``.  See :meth:`~optfleet.formulation.FleetModel.exclude`.
    """
    terms: Terms = [(y, -1.0)]
    rhs = 0.0  # sum t_o - y >= 0, constants moved to the right
    extra_terms = extra_terms or {}
    for key, zs in z.items():
        if key[0] != layout:
            continue
        terms.extend(extra_terms.get(key, []))
        n = want.get(key, 0)
        ks = list(zs)
        if encoding == "onehot":
            if n > 0:
                terms.append((zs[n], -1.0))
                rhs -= 1.0
            else:
                terms.extend((v, 1.0) for v in zs.values())
            continue
        if n > 0:
            terms.append((zs[n], -1.0))
            rhs -= 1.0
            i = ks.index(n)
            if i + 1 < len(ks):
                terms.append((zs[ks[i + 1]], 1.0))
        else:
            terms.append((zs[ks[0]], 1.0))
    return terms, rhs
