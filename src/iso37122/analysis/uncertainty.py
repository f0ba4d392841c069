r"""How far element scores and ranks move under other plausible roll-up choices.

An element score rests on choices no data can settle: how values are normalised, how
indicators are weighted, how they are aggregated, how much coverage a score needs, and which
reference a value is scored against. Following the OECD/JRC *Handbook on Constructing
Composite Indicators* (2008, Step 7 "Uncertainty and sensitivity analysis") and the practice of
COINr, :func:`uncertainty` re-scores every city-year under ``n`` random draws of these choices
and reports, per city-year and element, the percentiles of the score and of the rank, and
*variance-based sensitivity indices* saying which choice moves the scores most.

**The choices** (``vary``), each drawn independently and uniformly:

``normalisation``
    One of :data:`NORMALISATIONS` (the roll-up's own method is the first).
``goalposts``
    One of :data:`GOALPOSTS` (the roll-up's own reference is the first).
``weights``
    Dirichlet weights around the roll-up's weights: within an element with weights
    :math:`w` (summing to 1 over :math:`m` indicators), :math:`\mathrm{Dir}(c\, m\, w)` with
    concentration :math:`c` (``concentration``; mean :math:`w`, and a larger :math:`c` keeps
    the draws closer to it).
``aggregation``
    Arithmetic or geometric mean. A geometric mean of scores that can be 0 would collapse, so
    it is taken over the scores mapped linearly onto [1, 100] and mapped back.
``coverage``
    The coverage threshold, uniform within ``coverage`` (default one quarter to one half).

**Ranks** are within each year, 1 the best, among the city-years that have a score in that
draw (ties keep input order, so each draw's ranks are a permutation).

**Sensitivity indices.** With :math:`k` choices, the Saltelli design evaluates two
independent samples :math:`A`, :math:`B` of ``n`` draws and, for each choice :math:`i`, the
sample :math:`AB_i` (:math:`A` with column :math:`i` from :math:`B`): :math:`n (k + 2)` runs.
For one output :math:`Y`, the first-order index (Saltelli et al. 2010, eq. (b) of Table 2)
and the total index (Jansen 1999) are

.. math::

    S_i = \frac{\frac1n \sum_j f(B)_j (f(AB_i)_j - f(A)_j)}{V(Y)}, \qquad
    S_{Ti} = \frac{\frac1{2n} \sum_j (f(A)_j - f(AB_i)_j)^2}{V(Y)}.

Each city-year's score is one output; the indices reported per element are those of all of
them together (the numerators and variances summed over city-years, Gamboa et al. 2013), over
the city-years scored in every run. :math:`S_i` is the share of the variance the choice
explains alone, :math:`S_{Ti}` including its interactions; a choice that cannot change a
score has both at 0.

References
----------
Saltelli A., Annoni P., Azzini I., Campolongo F., Ratto M., Tarantola S. (2010). Variance based
sensitivity analysis of model output. Computer Physics Communications 181, 259–270.
Jansen M.J.W. (1999). Analysis of variance designs for model output. Computer Physics
Communications 117, 35–43. Gamboa F., Janon A., Klein T., Lagnoux A. (2013). Sensitivity
indices for multivariate outputs. Comptes Rendus Mathématique 351, 307–310.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from iso37122._typing import BoolArray, FloatArray, IntArray
from iso37122.analysis.sensitivity import SobolIndex, sobol_indices
from iso37122.errors import ConfigError
from iso37122.profile import ProfileSet
from iso37122.rollup import Aggregation, ElementResults, RollupConfig, roll_up

__all__ = [
    "FACTORS",
    "GOALPOSTS",
    "NORMALISATIONS",
    "SobolIndex",
    "Uncertainty",
    "sobol_indices",
    "uncertainty",
]


FACTORS = ("normalisation", "goalposts", "weights", "aggregation", "coverage")
"""The choices :func:`uncertainty` can vary, in the order of its sensitivity indices."""

_PEERS_ONLY = {
    "goalposts": {},
    "targets": {},
    "open_ended": "minmax",
    "winsorise": 0.05,
    "min_peers": 5,
}

NORMALISATIONS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "open-ended by percentile rank": {"open_ended": "rank"},
        "all by min-max over peers": {"normalisation": "minmax", **_PEERS_ONLY},
        "all by percentile rank among peers": {"normalisation": "rank", **_PEERS_ONLY},
    }
)
"""Alternative normalisations: label -> settings replaced in the roll-up configuration."""

GOALPOSTS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "peer range not winsorised": {"winsorise": 0.0},
        "peer range winsorised at 10-90 %": {"winsorise": 0.10},
    }
)
"""Alternative references of peer-scored indicators: label -> settings replaced."""

_PERCENTILES = (5.0, 50.0, 95.0)


@dataclass(frozen=True, eq=False)
class Uncertainty:
    """Scores and ranks under random plausible choices, and which choice matters most.

    Attributes
    ----------
    elements
        The roll-up whose choices were varied (its scores are the *default* scores).
    vary
        The choices varied.
    alternatives
        Per choice, the labels of the alternatives drawn from (the roll-up's own first).
    n
        Number of draws.
    score, rank
        float64 (3, rows): the default score and its rank within the year (NaN: not scored).
    score_percentiles, rank_percentiles
        float64 (3, 3, rows): the 5th, 50th and 95th percentiles over the draws in which the
        element was scored (NaN when it never was).
    scored_share
        float64 (3, rows): share of draws in which the element got a score.
    sensitivity
        One row per element, output and choice: ``element``, ``output`` (``"score"``: the
        score, over the city-years scored in every run; ``"scored"``: whether there is a
        score, 1 or 0, over every city-year), ``factor``, ``first_order``, ``total``,
        ``n_outputs`` (city-years used), ``first_order_conf`` and ``total_conf`` (half-widths
        of 95 % bootstrap confidence intervals). Empty when not computed.
    score_draws, rank_draws
        float64 (n, 3, rows): every draw's scores and ranks, when asked for
        (``keep_draws=True``), else ``None``.
    """

    elements: ElementResults
    vary: tuple[str, ...]
    alternatives: Mapping[str, tuple[str, ...]]
    n: int
    score: FloatArray
    rank: FloatArray
    score_percentiles: FloatArray
    rank_percentiles: FloatArray
    scored_share: FloatArray
    sensitivity: pd.DataFrame
    score_draws: FloatArray | None = None
    rank_draws: FloatArray | None = None

    def to_frame(self) -> pd.DataFrame:
        """Return one row per city-year and element with the score, rank and percentiles.

        Columns: ``city``, ``year``, ``code``, ``element``, ``score``, ``score_p5``,
        ``score_p50``, ``score_p95``, ``rank``, ``rank_p5``, ``rank_p50``, ``rank_p95``,
        ``scored_share``.
        """
        table = self.elements.results.table
        n_el, n_rows = self.score.shape
        data: dict[str, Any] = {
            "city": np.tile(table.city, n_el),
            "year": np.tile(table.year, n_el),
            "code": np.tile(table.code, n_el),
            "element": np.repeat([e.value for e in self.elements.elements], n_rows),
            "score": self.score.reshape(-1),
        }
        for q, p in enumerate(_PERCENTILES):
            data[f"score_p{p:g}"] = self.score_percentiles[:, q].reshape(-1)
        data["rank"] = self.rank.reshape(-1)
        for q, p in enumerate(_PERCENTILES):
            data[f"rank_p{p:g}"] = self.rank_percentiles[:, q].reshape(-1)
        data["scored_share"] = self.scored_share.reshape(-1)
        return pd.DataFrame(data)

    def __str__(self) -> str:
        """Summarise the sensitivity indices per element."""
        lines = [f"Uncertainty over {self.n} draws of: {', '.join(self.vary)}"]
        if self.sensitivity.empty:
            return lines[0]
        lines.append(
            "  sensitivity indices, first-order/total (± 95 % confidence of the total), "
            "largest total first:"
        )
        for (element, output), rows in self.sensitivity.groupby(["element", "output"], sort=False):
            order = rows.sort_values("total", ascending=False)
            shown = ", ".join(
                f"{factor} {first:.2f}/{total:.2f}"
                + (f" (±{conf:.2f})" if np.isfinite(conf) else "")
                for factor, first, total, conf in zip(
                    order["factor"].tolist(),
                    order["first_order"].to_numpy(float),
                    order["total"].to_numpy(float),
                    order["total_conf"].to_numpy(float),
                    strict=True,
                )
            )
            what = "score" if output == "score" else "whether scored"
            lines.append(f"  {element:<8} {what}: {shown}")
        return "\n".join(lines)


@dataclass(frozen=True, eq=False)
class _Alternative:
    """One normalised (indicators, rows) matrix, from one roll-up configuration."""

    normalised: FloatArray
    scorable: BoolArray


@dataclass(frozen=True, eq=False)
class _Design:
    """The draws of every choice: alternative indices, weights, aggregation, coverage."""

    config: IntArray
    weights: IntArray
    geometric: BoolArray
    coverage: FloatArray


def _alternatives(
    elements: ElementResults, vary: Sequence[str]
) -> tuple[list[_Alternative], IntArray, dict[str, tuple[str, ...]]]:
    """Roll up under every combination of normalisation and goalposts alternatives."""
    base = elements.config
    options: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for factor, table in (("normalisation", NORMALISATIONS), ("goalposts", GOALPOSTS)):
        own: list[tuple[str, Mapping[str, Any]]] = [("as configured", {})]
        options[factor] = own + (list(table.items()) if factor in vary else [])
    matrices: list[_Alternative] = []
    index = np.full((len(options["normalisation"]), len(options["goalposts"])), -1)
    for a, (_, first) in enumerate(options["normalisation"]):
        for b, (_, second) in enumerate(options["goalposts"]):
            if a == 0 and b == 0:
                scored = elements
            else:
                settings = {**base.model_dump(), **first, **second}
                try:
                    scored = roll_up(
                        elements.results,
                        RollupConfig.model_validate(settings),
                        keep_normalised=True,
                    )
                except ConfigError:
                    continue  # not possible on these data (e.g. peers of a single row)
            index[a, b] = len(matrices)
            scorable = np.array([plan.scorable for plan in scored.plans], dtype=bool)
            matrices.append(_Alternative(scored.normalised, scorable))
    keep_a = np.flatnonzero((index >= 0).any(axis=1))
    keep_b = np.flatnonzero((index >= 0).any(axis=0))
    index = index[np.ix_(keep_a, keep_b)]
    # A combination impossible on these data falls back to the first possible one of its row.
    for a in range(index.shape[0]):
        possible = index[a][index[a] >= 0]
        index[a][index[a] < 0] = possible[0]
    labels = {
        "normalisation": tuple(options["normalisation"][a][0] for a in keep_a.tolist()),
        "goalposts": tuple(options["goalposts"][b][0] for b in keep_b.tolist()),
    }
    return matrices, index, labels


def _draw_design(
    u: FloatArray,
    vary: Sequence[str],
    index: IntArray,
    n_weights: int,
    base: RollupConfig,
    coverage: tuple[float, float],
) -> _Design:
    """Map uniform draws (runs, choices) onto the alternatives of every choice."""
    column = {factor: k for k, factor in enumerate(vary)}
    runs = u.shape[0]

    def pick(factor: str, count: int) -> IntArray:
        if factor not in column or count <= 1:
            return np.zeros(runs, dtype=np.int64)
        picked: IntArray = np.minimum((u[:, column[factor]] * count).astype(np.int64), count - 1)
        return picked

    a = pick("normalisation", index.shape[0])
    b = pick("goalposts", index.shape[1])
    weights = pick("weights", n_weights) + (1 if "weights" in column else 0)
    base_geometric = base.aggregation is Aggregation.GEOMETRIC
    geometric = (
        u[:, column["aggregation"]] >= 0.5
        if "aggregation" in column
        else np.full(runs, base_geometric)
    )
    threshold = (
        coverage[0] + (coverage[1] - coverage[0]) * u[:, column["coverage"]]
        if "coverage" in column
        else np.full(runs, base.min_coverage)
    )
    return _Design(index[a, b], weights, np.asarray(geometric, dtype=bool), threshold)


def _element_scores(
    design: _Design,
    alternatives: Sequence[_Alternative],
    members: IntArray,
    weight_table: FloatArray,
    score_range: tuple[float, float],
) -> FloatArray:
    """Element scores (runs, rows) of one element under every run of the design."""
    n_rows = alternatives[0].normalised.shape[1]
    out = np.full((design.config.size, n_rows), np.nan)
    low, high = score_range
    for c, alternative in enumerate(alternatives):
        runs = np.flatnonzero(design.config == c)
        if runs.size == 0:
            continue
        block = alternative.normalised[members]
        scored = ~np.isnan(block)
        mask = scored.astype(float)
        values = np.where(scored, block, 0.0)
        # Geometric means over scores mapped onto [1, 100], so that a 0 does not collapse them.
        logs = np.where(scored, np.log(1.0 + 99.0 * (values - low) / (high - low)), 0.0)
        total = int(alternative.scorable[members].sum())
        count = scored.sum(axis=0)
        w = weight_table[design.weights[runs]]
        # One product for the three weighted sums: of scores, of their logs and of weights.
        sums = w @ np.hstack([values, logs, mask])
        weighted, weighted_logs, mass = np.split(sums, 3, axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            arithmetic = weighted / mass
            geometric_scale = np.exp(weighted_logs / mass)
        geometric = low + (high - low) * (geometric_scale - 1.0) / 99.0
        mean = np.where(design.geometric[runs, None], geometric, arithmetic)
        enough = (count[None, :] >= 1) & (
            count[None, :] >= design.coverage[runs, None] * total - 1e-9
        )
        out[runs] = np.where(enough & (total > 0), np.clip(mean, low, high), np.nan)
    return out


def _ranks(scores: FloatArray, years: IntArray) -> FloatArray:
    """Rank (1 best) within each year along the last axis; NaN where not scored."""
    ranks = np.full(scores.shape, np.nan)
    for year in np.unique(years).tolist():
        cols = np.flatnonzero(years == year)
        block = scores[..., cols]
        key = np.where(np.isnan(block), np.inf, -block)
        order = np.argsort(key, axis=-1, kind="stable")
        position = np.empty_like(order)
        np.put_along_axis(
            position, order, np.broadcast_to(np.arange(cols.size), order.shape), axis=-1
        )
        ranks[..., cols] = np.where(np.isnan(block), np.nan, position + 1.0)
    return ranks


def _percentiles(draws: FloatArray) -> FloatArray:
    """5th, 50th and 95th percentiles over the first axis, ignoring NaN: (3, rows).

    Linear interpolation between order statistics (numpy's default), computed for every
    column at once: NaN sort last, so each column's valid values are its first ``k``.
    """
    ordered = np.sort(draws, axis=0)
    valid = (~np.isnan(draws)).sum(axis=0)
    out = np.full((len(_PERCENTILES), draws.shape[1]), np.nan)
    some = valid > 0
    columns = np.flatnonzero(some)
    last = valid[some] - 1
    for q, p in enumerate(_PERCENTILES):
        position = p / 100.0 * last
        below = np.floor(position).astype(np.int64)
        above = np.minimum(below + 1, last)
        fraction = position - below
        low, high = ordered[below, columns], ordered[above, columns]
        out[q, some] = low + fraction * (high - low)
    return out


def _has(scores: FloatArray) -> FloatArray:
    """1 where a score exists, else 0."""
    has: FloatArray = (~np.isnan(scores)).astype(float)
    return has


def uncertainty(
    profiles: ProfileSet | ElementResults,
    *,
    n: int = 1000,
    seed: int | None = None,
    vary: Iterable[str] = FACTORS,
    concentration: float = 20.0,
    coverage: tuple[float, float] = (0.25, 0.5),
    sensitivity: bool = True,
    resamples: int = 100,
    keep_draws: bool = False,
) -> Uncertainty:
    """Re-score under ``n`` random plausible roll-up choices; report spread and sensitivity.

    Parameters
    ----------
    profiles
        Scored city-years (a ProfileSet or its ``elements``); their configuration is the
        default every choice varies around.
    n
        Number of draws (the sensitivity indices take ``n * (len(vary) + 2)`` runs).
    seed
        Seed of the random generator: the same seed gives the same result.
    vary
        The choices to vary, among :data:`FACTORS`.
    concentration
        Dirichlet concentration per indicator of the weights (larger: closer to the default).
    coverage
        Range of the coverage threshold, within 0–1.
    sensitivity
        Whether to compute the sensitivity indices.
    resamples
        Bootstrap resamples of the runs for the confidence of each sensitivity index (0: no
        confidence).
    keep_draws
        Whether to keep every draw's scores and ranks (``n * 3 * rows`` numbers each).

    Returns
    -------
    Uncertainty
        Default scores and ranks, their percentiles, and the sensitivity indices.

    Raises
    ------
    ConfigError
        On an unknown choice, ``n`` below 2, a concentration not above 0 or a coverage range
        outside 0–1.
    """
    elements = profiles.elements if isinstance(profiles, ProfileSet) else profiles
    vary = tuple(dict.fromkeys(vary))
    problems = [
        f"vary: unknown choice {v!r} (choose among {', '.join(FACTORS)})"
        for v in vary
        if v not in FACTORS
    ]
    if n < 2:
        problems.append(f"n = {n}: need at least 2 draws")
    if not concentration > 0:
        problems.append(f"concentration = {concentration}: must be above 0")
    if not 0.0 <= coverage[0] <= coverage[1] <= 1.0:
        problems.append(f"coverage = {coverage}: need 0 <= low <= high <= 1")
    if resamples < 0:
        problems.append(f"resamples = {resamples}: must be 0 or more")
    if problems:
        raise ConfigError("invalid uncertainty analysis: " + "; ".join(problems))
    rng = np.random.default_rng(seed)
    # The bootstrap draws from its own stream, so the scores do not depend on ``resamples``.
    bootstrap = rng.spawn(1)[0]
    alternatives, index, labels = _alternatives(elements, vary)
    base = elements.config
    table = elements.results.table
    n_el = len(elements.elements)
    n_rows = table.n_rows
    k = len(vary)
    u_a = rng.random((n, k))
    u_b = rng.random((n, k)) if sensitivity else u_a
    designs = [_draw_design(u, vary, index, n, base, coverage) for u in (u_a, u_b)]
    mixed = []
    if sensitivity:
        for j in range(k):
            u = u_a.copy()
            u[:, j] = u_b[:, j]
            mixed.append(_draw_design(u, vary, index, n, base, coverage))
    score_p = np.full((n_el, len(_PERCENTILES), n_rows), np.nan)
    rank_p = np.full_like(score_p, np.nan)
    share = np.zeros((n_el, n_rows))
    score_draws = np.full((n, n_el, n_rows), np.nan) if keep_draws else None
    rank_draws = np.full((n, n_el, n_rows), np.nan) if keep_draws else None
    rows = []
    for e, element in enumerate(elements.elements):
        members = np.flatnonzero([m is element for m in elements.membership])
        if members.size == 0:
            continue
        own: FloatArray = elements.weights[members] / elements.weights[members].sum()
        weight_table = np.vstack(
            [own[None, :], rng.dirichlet(concentration * members.size * own, size=n)]
        )

        def run(
            design: _Design, members: IntArray = members, weight_table: FloatArray = weight_table
        ) -> FloatArray:
            return _element_scores(design, alternatives, members, weight_table, base.score_range)

        y_a = run(designs[0])
        ranks = _ranks(y_a, table.year)
        score_p[e] = _percentiles(y_a)
        rank_p[e] = _percentiles(ranks)
        if score_draws is not None and rank_draws is not None:
            score_draws[:, e] = y_a
            rank_draws[:, e] = ranks
        share[e] = (~np.isnan(y_a)).mean(axis=0)
        if sensitivity:
            y_b = run(designs[1])
            y_ab = [run(design) for design in mixed]
            # The score where it exists in every run, and whether there is one (0 or 1).
            outputs = {
                "score": sobol_indices(y_a, y_b, y_ab, resamples=resamples, rng=bootstrap),
                "scored": sobol_indices(
                    _has(y_a),
                    _has(y_b),
                    [_has(y) for y in y_ab],
                    resamples=resamples,
                    rng=bootstrap,
                ),
            }
            for output, found in outputs.items():
                for factor, sobol in zip(vary, found, strict=True):
                    rows.append(
                        {"element": element.value, "output": output, "factor": factor}
                        | sobol._asdict()
                    )
    alternatives_of = {
        "normalisation": labels["normalisation"],
        "goalposts": labels["goalposts"],
        "weights": ("as configured",)
        + ((f"Dirichlet, concentration {concentration:g}",) if "weights" in vary else ()),
        "aggregation": tuple(a.value for a in Aggregation)
        if "aggregation" in vary
        else (base.aggregation.value,),
        "coverage": (f"uniform {coverage[0]:g}–{coverage[1]:g}",)
        if "coverage" in vary
        else (f"{base.min_coverage:g}",),
    }
    return Uncertainty(
        elements=elements,
        vary=vary,
        alternatives=MappingProxyType(alternatives_of),
        n=n,
        score=elements.score.copy(),
        rank=_ranks(elements.score, table.year),
        score_percentiles=score_p,
        rank_percentiles=rank_p,
        scored_share=share,
        sensitivity=pd.DataFrame(
            rows,
            columns=["element", "output", "factor", *SobolIndex._fields],
        ),
        score_draws=score_draws,
        rank_draws=rank_draws,
    )
