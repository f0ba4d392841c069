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
   indicators are scored (default one third); coverage is always reported beside the score.

**The defaults, and why.** Real data are partial for years: a first national collection
reports a fraction of the 80 indicators, unevenly. The defaults are chosen so that such data
get scores that mean something, and say how much they rest on:

- *Leave unreported indicators out, and show coverage.* The Handbook (Step 3, "Imputation of
  missing data") lists case deletion beside single and multiple imputation, and warns that
  imputed values add uncertainty that must be reported; U4SSC's assessments of
  cities against its KPIs likewise leave an unreported KPI out of a dimension's result rather
  than scoring it 0 or imputing it. An element score is therefore the mean of the indicators
  that are scored, never of zeros for the missing ones, and carries its coverage (``n_scored``
  of ``n_total``) everywhere it is shown.
- *A third, not a half.* A coverage threshold trades comparability for reach. At one half, a
  realistic first collection (about a third of the variables) left almost every element
  unscored; at one third, an element needs at least 6 of livable's 18 scorable indicators, 12
  of green's 35 and 8 of digital's 23 — several themes' worth, not one lucky indicator — and
  the coverage shown beside the score lets a reader weigh it. ``min_coverage=0.5`` restores
  the stricter rule.
- *Percentages keep natural goalposts.* 0 and 100 % are the ends of the scale for every city
  and year, so a percentage is scored without peers and a single city-year gets scores.
- *Open-ended indicators are scored against their peers.* A rate per 100 000 people, days or
  gigajoules per person has no natural bounds, and bounds made up by the library would decide
  the score. The Handbook's min-max normalisation over the observed values (Table 3) is the
  honest default: with at least ``min_peers`` (5) values in the peer group the indicator is
  scored on the peers' range, winsorised at the 5th and 95th percentiles (the Handbook notes
  that min-max is driven by extreme values, which can distort the transformed indicator; the
  JRC's practice is to winsorise outliers before normalising), its direction respected;
  ``open_ended="rank"`` uses percentile ranks instead. Where fewer than ``min_peers`` of the
  year's city-years report it, it is scored against every year's values (under the default
  ``peer_by="year"``; its explanation says so); with fewer still it is left out with that
  reason, and it still counts in coverage (peers could make it enter).
  ``open_ended="leave_out"`` or ``goalposts=`` per clause restore fixed references.
- *Peers are the same year's city-years* (``peer_by="year"``); ``"province"`` and ``"kind"``
  (kota or kabupaten, from the code) compare within a province or a kind of local government,
  ``"all"`` across every row, ``"city"`` with a city's own record, and ``roll_up(...,
  peers=labels)`` within groups the caller gives (each split by year). Peer scores depend on
  the set: a city-year scored alone and in a set differ for open-ended indicators, by design.

**Which indicators are scored.** Under the default ``goalposts`` method an indicator in percent
has the natural goalposts 0 and 100 % (reversed when lower is better), and an open-ended one is
scored against its peers as above unless given goalposts. Under ``target`` and ``bands`` a
higher-is-better percentage has the default target 100 %; a lower-is-better one, and any
open-ended one, needs a target (a share of a target of 0 % is undefined). Peer-group methods
score every indicator that has a direction. An indicator left out by the configuration is listed
in every element score with its reason, and does not count in coverage: no data could make it
enter. An indicator with no direction (*neutral*) enters no score unless given one.

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
