"""Quick start: one city-year, then the four pilot areas, their key elements and a report.

Run it from anywhere: ``.venv/bin/python examples/quickstart.py``. It writes
``quickstart_report.html`` in the current directory.
"""

from __future__ import annotations

import iso37122 as iso
from iso37122.datasets import pilot_areas
from iso37122.i18n import localise_frame
from iso37122.report import write_report


def main() -> None:
    """Compute, explain and report."""
    # One city-year: values in canonical units, or strings with their unit.
    city = iso.CityData(
        city="Kota Makassar",
        code="73.71",
        year=2024,
        population=1_482_354,
        land_area="17 717.4 ha",
        population_with_fast_broadband=1_200_000,
    )
    profile = iso.compute_profile(city)
    print(profile)
    print("18.1:", profile["18.1"].value, profile["18.1"].unit, profile["18.1"].status)
    print("5.3 :", profile["5.3"].status, "-", profile["5.3"].reason)

    # Many city-years at once: one row each (here the four pilot areas, 2024).
    profiles = iso.compute_profile(pilot_areas())
    scores = profiles.to_frame("wide")[["city", "livable_score", "green_score", "digital_score"]]
    print(scores.round(1).to_string(index=False))

    # How one element score was made: what entered, with what weight, and what was left out.
    jakarta = profiles.get("31", 2024)
    print(jakarta.explain("digital"))

    # What to collect next to compute more indicators.
    print(iso.readiness(pilot_areas())[1])

    # The same results in Bahasa Indonesia, and a report to forward.
    print(localise_frame(jakarta.to_frame(), "id").head(3).to_string())
    path = write_report(profiles, "quickstart_report.html", lang="id")
    print("Laporan:", path)


if __name__ == "__main__":
    main()
