"""Synthetic data for benchmarks, property tests and experiments.

Examples
--------
>>> frame = synthetic_frame(3, seed=1)
>>> list(frame.columns[:3])
['city', 'year', 'code']
>>> len(frame)
3
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from iso37122._typing import FloatArray
from iso37122.indicators import CATALOGUE, PartOfWhole
from iso37122.variables import VARIABLES, Kind, Variable

__all__ = ["REGENCIES", "partial_frame", "synthetic_frame"]

# Typical size of a variable that is not a part of another, relative to the population when
# the unit scales with people, else absolute: (low, high) of a uniform draw.
_PER_PERSON: dict[str, tuple[float, float]] = {
    "person": (0.2, 0.6),
    "household": (0.22, 0.33),
    "building": (0.1, 0.3),
    "vehicle": (0.3, 0.8),
    "GJ": (10.0, 40.0),
    "t": (0.2, 0.4),
    "m**3": (50.0, 100.0),
    "rupiah": (1.0e6, 5.0e6),
}
_ABSOLUTE: dict[str, tuple[float, float]] = {
    "device": (100.0, 50_000.0),
    "count": (10.0, 10_000.0),
    "km": (100.0, 5_000.0),
    "km**2": (20.0, 5_000.0),
    "m**2": (1.0e4, 1.0e6),
    "day": (1_000.0, 100_000.0),
    "hour": (10.0, 2_000.0),
}


# Variables whose typical size differs from the default for their unit: (scales with the
# population?, low, high).
_SPECIFIC: dict[str, tuple[bool, float, float]] = {
    "labour_force": (True, 0.45, 0.55),
    "students": (True, 0.15, 0.22),
    "public_buildings": (True, 0.001, 0.004),
    "buildings_recently_built_or_refurbished": (True, 0.005, 0.02),
    "electric_vehicles": (True, 0.001, 0.01),
    "buses": (True, 0.0002, 0.002),
    "stem_degree_holders": (True, 0.01, 0.05),
    "citizens_engaged_in_planning": (True, 0.001, 0.01),
    "sharing_transport_users": (True, 0.01, 0.1),
    "own_source_revenue": (True, 2.0e5, 1.0e6),
    "electricity_consumption": (True, 3.0, 10.0),
    "energy_storage_capacity": (True, 0.05, 0.5),
    "plastics_on_market": (True, 0.02, 0.05),
    "electronic_waste": (True, 0.005, 0.01),
    "biosolids": (True, 0.005, 0.02),
    "food_waste_composted": (True, 0.005, 0.05),
    "digital_learning_devices": (True, 0.01, 0.1),
    "shared_bicycles": (True, 0.0001, 0.002),
    "ev_charging_stations": (False, 10.0, 2_000.0),
    "air_quality_monitoring_stations": (False, 1.0, 50.0),
    "water_quality_monitoring_stations": (False, 1.0, 50.0),
    "open_data_portal_visits": (False, 1.0e4, 1.0e7),
    "remote_medical_appointments": (False, 1.0e3, 1.0e6),
    "cultural_facility_online_bookings": (False, 1.0e3, 1.0e6),
    "public_library_titles": (False, 1.0e4, 1.0e6),
    "it_downtime_incidents": (False, 5.0, 200.0),
    "non_emergency_inquiries": (False, 1.0e3, 1.0e5),
    "non_emergency_inquiry_response_time": (False, 1.0e3, 5.0e5),
    "building_permits_approved": (False, 100.0, 10_000.0),
    "building_permit_approval_time": (False, 1.0e3, 5.0e5),
    "new_businesses": (False, 100.0, 10_000.0),
}


# Parts that are a small share of their whole in real cities: (low, high) of the fraction.
_SMALL_PART: dict[str, tuple[float, float]] = {
    "ict_employed": (0.01, 0.06),
    "education_research_employed": (0.03, 0.10),
    "assistive_technology_expenditure": (0.0005, 0.005),
    "digital_divide_expenditure": (0.001, 0.01),
    "urban_agriculture_expenditure": (0.001, 0.01),
    "sharing_economy_revenue": (0.001, 0.02),
    "energy_from_wastewater": (0.001, 0.02),
    "energy_from_solid_and_liquid_waste": (0.001, 0.03),
    "energy_from_waste_heat": (0.001, 0.02),
    "decentralized_electricity_production": (0.01, 0.15),
    "area_without_connectivity": (0.01, 0.2),
    "autonomous_vehicles": (0.0001, 0.001),
    "road_length_autonomous_ready": (0.001, 0.02),
    "electric_buses": (0.01, 0.2),
    "low_emission_vehicles": (0.005, 0.05),
}


def _wholes_of() -> dict[str, list[tuple[str, int]]]:
    """Map each part variable to the (whole, number of parts) it is bounded by."""
    bounds: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for spec in CATALOGUE.values():
        for constraint in spec.constraints:
            if isinstance(constraint, PartOfWhole):
                for part in constraint.parts:
                    bounds[part].append((constraint.whole, len(constraint.parts)))
    return bounds


def _draw(variable: Variable, population: FloatArray, rng: np.random.Generator) -> FloatArray:
    n = len(population)
    if variable.id in _SPECIFIC:
        per_person, low, high = _SPECIFIC[variable.id]
        draw = rng.uniform(low, high, n)
        return np.round(population * draw) if per_person else np.round(draw)
    if variable.unit in _PER_PERSON:
        low, high = _PER_PERSON[variable.unit]
        return np.round(population * rng.uniform(low, high, n))
    low, high = _ABSOLUTE[variable.unit]
    value: FloatArray = np.round(rng.uniform(low, high, n), 0 if variable.kind is Kind.COUNT else 3)
    return value


def synthetic_frame(n_rows: int, *, seed: int = 0) -> pd.DataFrame:
    """Return a wide DataFrame of plausible, valid city-years covering every variable.

    Every variable is filled, every denominator is non-zero, every part is at most its whole
    (a sum of parts at most the whole), and each row has its own identity. The values are
    plausible in scale, not realistic: they are for benchmarks, property tests and
    experiments.

    Parameters
    ----------
    n_rows
        Number of city-years.
    seed
        Seed of the random generator: the same seed gives the same frame.

    Returns
    -------
    pandas.DataFrame
        Columns ``city``, ``year``, ``code``, then one column per variable in its canonical
        unit, in declaration order.
    """
    if n_rows < 0:
        raise ValueError(f"n_rows must be >= 0, not {n_rows}")
    rng = np.random.default_rng(seed)
    population = np.round(rng.lognormal(np.log(400_000.0), 0.8, n_rows)) + 1_000.0
    values: dict[str, FloatArray] = {"population": population}
    wholes_of = _wholes_of()
    pending = [v for v in VARIABLES.values() if v.id != "population"]
    # Wholes first, then parts whose wholes are known (a part may itself be a whole).
    while pending:
        progressed = False
        for variable in list(pending):
            bounds = wholes_of.get(variable.id, [])
            if any(whole not in values for whole, _ in bounds):
                continue
            if bounds:
                cap = np.min([values[whole] / parts for whole, parts in bounds], axis=0)
                low, high = _SMALL_PART.get(variable.id, (0.05, 0.95))
                fraction = rng.uniform(low, high, n_rows)
                # Counts are whole numbers; quantities keep three decimals.
                scale = 1.0 if variable.kind is Kind.COUNT else 1000.0
                part = np.floor(cap * fraction * scale) / scale
                # A small count part rounds down to 0: keep it at 1 where the whole allows.
                if variable.kind is Kind.COUNT:
                    part = np.maximum(part, np.minimum(1.0, np.floor(cap)))
                values[variable.id] = part
            else:
                values[variable.id] = _draw(variable, population, rng)
            pending.remove(variable)
            progressed = True
        if not progressed:
            raise RuntimeError("part-of-whole constraints form a cycle")
    width = max(5, len(str(n_rows)))
    frame = pd.DataFrame(
        {
            "city": [f"Kota Sintetis {i:0{width}d}" for i in range(n_rows)],
            "year": np.full(n_rows, 2024, dtype=np.int64),
            "code": [f"99.{i:0{width}d}" for i in range(n_rows)],
        }
    )
    columns = pd.DataFrame({v: values[v] for v in VARIABLES})
    return pd.concat([frame, columns], axis=1)


def _regencies() -> tuple[tuple[str, str], ...]:
    kab = "Kab."
    listed = {
        "73": (
            "Kepulauan_Selayar Bulukumba Bantaeng Jeneponto Takalar Gowa Sinjai Bone Maros "
            "Pangkajene_dan_Kepulauan Barru Soppeng Wajo Sidenreng_Rappang Pinrang Enrekang Luwu "
            "Tana_Toraja",
            "Makassar Parepare Palopo",
        ),
        "32": (
            "Bogor Sukabumi Cianjur Bandung Garut Tasikmalaya Ciamis Kuningan Cirebon Majalengka "
            "Sumedang Indramayu Subang Purwakarta Karawang Bekasi Bandung_Barat Pangandaran",
            "Bogor Sukabumi Bandung Cirebon Bekasi Depok Cimahi Tasikmalaya Banjar",
        ),
        "35": (
            "Pacitan Ponorogo Trenggalek Tulungagung Blitar Kediri Malang Lumajang Jember "
            "Banyuwangi",
            "Kediri Blitar Malang Probolinggo Pasuruan Mojokerto Madiun Surabaya Batu",
        ),
        "31": (
            "Kepulauan_Seribu",
            "Jakarta_Pusat Jakarta_Utara Jakarta_Barat Jakarta_Selatan Jakarta_Timur",
        ),
        "51": (
            "Jembrana Tabanan Badung Gianyar Klungkung Bangli Karangasem Buleleng",
            "Denpasar",
        ),
    }
    out = []
    for province, (kabupaten, kota) in listed.items():
        for k, name in enumerate(kabupaten.split(), 1):
            out.append((f"{province}.{k:02d}", f"{kab} {name.replace('_', ' ')}"))
        for k, name in enumerate(kota.split(), 71):
            prefix = "Kota Adm." if province == "31" else "Kota"
            out.append((f"{province}.{k:02d}", f"{prefix} {name.replace('_', ' ')}"))
    return tuple(out)


REGENCIES: tuple[tuple[str, str], ...] = _regencies()
"""Kemendagri code and name of the kab/kota :func:`partial_frame` draws from (five provinces:
Sulawesi Selatan, Jawa Barat, Jawa Timur, DKI Jakarta and Bali)."""

_PILOTS = ("73.71", "32.11", "35.10", "31.71", "31.72", "31.73", "31.74", "31.75")

_CORE = ("population", "land_area", "labour_force", "households", "municipal_expenditure")


def partial_frame(
    n_cities: int = 60,
    years: tuple[int, ...] = (2022, 2023, 2024),
    *,
    reporting: float = 0.45,
    seed: int = 0,
) -> pd.DataFrame:
    """Return realistic *partial* data: kab/kota over several years, many variables missing.

    Each kab/kota keeps its Kemendagri code and name (from :data:`REGENCIES`) over the years;
    the pilot areas (Kota Makassar, Kab. Sumedang, Kab. Banyuwangi, Jakarta's five kota) come
    first among those drawn.
    Whether a variable is reported follows what real collections show: a few core variables
    (population, land area, labour force, households, expenditure) almost always; every other
    variable with its own national rate (some common, some rare); more by kota and by
    kab/kota with more capacity; and persistently, a variable reported one year being mostly
    reported the next. Values drift smoothly from year to year and every reported row stays
    valid (parts at most their wholes).

    Parameters
    ----------
    n_cities
        Number of kab/kota (at most ``len(REGENCIES)``).
    years
        The years, one row per kab/kota and year.
    reporting
        Mean share of the non-core variables reported.
    seed
        Seed of the random generator.

    Returns
    -------
    pandas.DataFrame
        Columns ``city``, ``year``, ``code`` then one column per variable (NaN: not reported),
        rows by year then code.

    Examples
    --------
    >>> frame = partial_frame(50, seed=1)
    >>> len(frame), frame["code"].str[:2].nunique()
    (150, 5)
    >>> 0.3 < float(frame.iloc[:, 3:].notna().mean().mean()) < 0.6
    True
    """
    if not 0 < n_cities <= len(REGENCIES):
        raise ValueError(f"n_cities must be between 1 and {len(REGENCIES)}, not {n_cities}")
    if not 0.0 < reporting < 1.0:
        raise ValueError(f"reporting must be between 0 and 1, not {reporting}")
    rng = np.random.default_rng(seed)
    # The pilot areas first (Kota Makassar, Kab. Sumedang, Kab. Banyuwangi, Jakarta's kota),
    # then a random draw of the others.
    codes_known = [code for code, _ in REGENCIES]
    pilots = [codes_known.index(c) for c in _PILOTS][:n_cities]
    others = np.setdiff1d(np.arange(len(REGENCIES)), pilots)
    extra = rng.choice(others, n_cities - len(pilots), replace=False)
    chosen = np.sort(np.concatenate([pilots, extra]).astype(np.int64))
    codes = [REGENCIES[k][0] for k in chosen.tolist()]
    names = [REGENCIES[k][1] for k in chosen.tolist()]
    start = synthetic_frame(n_cities, seed=seed)
    end = synthetic_frame(n_cities, seed=seed + 1)
    variables = list(VARIABLES)
    counts = [v for v in variables if VARIABLES[v].kind is Kind.COUNT]
    # Rates per variable around `reporting` (logit scale), capacity per kab/kota.
    logit = np.log(reporting / (1.0 - reporting))
    rate = logit + rng.normal(0.0, 1.2, len(variables))
    core = np.isin(variables, _CORE)
    rate[core] = 4.0
    kota = np.array([int(code[3:]) >= 71 for code in codes])
    capacity = rng.normal(0.0, 0.8, n_cities) + 0.6 * kota
    chance = 1.0 / (1.0 + np.exp(-(rate[None, :] + capacity[:, None])))
    frames = []
    reported = rng.random(chance.shape) < chance
    for k, year in enumerate(years):
        if k:
            keep = rng.random(chance.shape) < np.where(core[None, :], 0.995, 0.92)
            start_now = rng.random(chance.shape) < 0.3 * chance
            reported = np.where(reported, keep, start_now)
        # A convex mix of two valid rows is valid (every constraint is linear), and the
        # floor of counts keeps parts at most their wholes.
        weight = 0.15 * k / max(1, len(years) - 1)
        values = (1.0 - weight) * start[variables] + weight * end[variables]
        values[counts] = np.floor(values[counts])
        values = values.where(reported)
        identity = pd.DataFrame({"city": names, "year": year, "code": codes})
        frames.append(pd.concat([identity, values.reset_index(drop=True)], axis=1))
    return pd.concat(frames, ignore_index=True)
