r"""Roll indicator values up into the three key elements: normalise, weight, aggregate, cover.

The method follows the OECD/JRC *Handbook on Constructing Composite Indicators: Methodology
and User Guide* (Nardo, Saisana, Saltelli, Tarantola, Hoffmann and Giovannini; OECD
Publishing, Paris, 2008; ISBN 978-92-64-04345-9), cited below as "the Handbook":

1. **Direction** — every indicator declares whether more is better; a score always grows in the
   good direction. An indicator whose direction is *neutral* (ISO 37122 does not say whether more
   is better) enters no score unless ``RollupConfig(directions=...)`` gives it one.
2. **Normalisation** (Handbook §1.5, Step 5 "Normalisation", Table 3) turns each value into a
   *progress* :math:`u \in [0, 1]`, then into a score :math:`s = a + (b - a) u` on the
   configured ``score_range`` :math:`[a, b]` (default 0–100):

   ============  ===================================================  ======================
   method        progress :math:`u` (higher is better; mirrored for    Handbook method
                 lower is better)
   ============  ===================================================  ======================
   goalposts     :math:`(x - L) / (H - L)`, clipped to [0, 1]          min-max on fixed
                                                                      bounds (goalposts)
   minmax        :math:`(x - \min_p) / (\max_p - \min_p)` over peers   min-max
   zscore        :math:`1/2 + z / 6`, clipped; :math:`z = (x -         standardisation
                 \bar x_p) / \sigma_p` over peers                      (z-scores)
   rank          percentile rank among peers (ties share the mean)     ranking
   target        :math:`\min(x / T, 1)`; lower is better:              distance to a
                 :math:`\min(T / x, 1)`                                reference
   bands         U4SSC bands of the target progress: band 1–4 at 33,   categorical scale
                 66 and 95 %, :math:`u = (\text{band} - 1) / 3`
   ============  ===================================================  ======================

   *Fixed-reference* methods (goalposts, target, bands) score each city-year alone, so a single
   profile gets scores. *Peer-group* methods (minmax, zscore, rank) compare each city-year with
   its peers (the other rows of the same year, unless ``peer_by`` says otherwise) and need a set
   of rows: on one row they raise :class:`~iso37122.errors.ConfigError`.
3. **Weighting and aggregation** (Handbook §1.6, Step 6 "Weighting and aggregation") —
   weights are equal unless configured; an element's score is the weighted arithmetic mean of
   its scored indicators (compensatory, the default) or their weighted geometric mean
   (partly compensatory, which a zero score would collapse: it needs ``score_range`` above 0).
4. **Coverage** — an element is scored only when at least ``min_coverage`` of its scorable
   indicators are scored (default one half); coverage is always reported.

**Which indicators are scored by default.** Under the default ``goalposts`` method an indicator
in percent has the natural goalposts 0 and 100 % (reversed when lower is better). An indicator
whose unit is open-ended (a rate per 100 000 people, gigajoules per person, days …) has no
natural bounds, and any the library made up would decide its score: it is therefore scored only
when the configuration supplies its reference (``goalposts`` for the goalposts method,
``targets`` for target and bands). Under ``target`` and ``bands`` a higher-is-better percentage
has the default target 100 %; a lower-is-better one needs a target (a share of a target of 0 %
is undefined). Peer-group methods score every indicator that has a direction. An indicator left
out by the configuration is listed in every element score with its reason, and does not count
in coverage: no data could make it enter.

**Membership** of each indicator in an element is the library's documented default (see
:mod:`iso37122.elements`: no official mapping exists) and can be replaced, in full or in part,
with ``RollupConfig(element_of=...)``.

**The package.** :mod:`~iso37122.rollup.config` holds the configuration and the per-indicator
plan, :mod:`~iso37122.rollup.normalisers` one class per normalisation method behind one
interface, :mod:`~iso37122.rollup.aggregation` the weighted means,
:mod:`~iso37122.rollup.results` the result objects, and :mod:`~iso37122.rollup.compute` the
roll-up that joins them.
"""

from __future__ import annotations

from iso37122.rollup.aggregation import Aggregation
from iso37122.rollup.compute import roll_up
from iso37122.rollup.config import IndicatorPlan, PeerBy, RollupConfig
from iso37122.rollup.normalisers import Normalisation, Normaliser
from iso37122.rollup.results import Contribution, ElementResults, ElementScore

__all__ = [
    "Aggregation",
    "Contribution",
    "ElementResults",
    "ElementScore",
    "IndicatorPlan",
    "Normalisation",
    "Normaliser",
    "PeerBy",
    "RollupConfig",
    "roll_up",
]
