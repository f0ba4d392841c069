"""Declarations of every input variable: one line each, the single source of truth.

``CityData``'s fields, the columnar validator, the catalogue's ``inputs`` and the JSON Schema all
derive from :data:`VARIABLES`. A concept shared by several indicators (population, land area,
households, municipal expenditure, total energy consumption, number of buildings, registered
vehicles …) is declared once and used by all of them.

Every variable is a total for one city and one reporting year (a stock at the end of the year, or
a flow over the year), in its canonical unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from types import MappingProxyType

from iso37122._variable_labels import LABELS_ID as _LABELS_ID
from iso37122.themes import Theme

__all__ = ["VARIABLES", "Kind", "Variable", "variables"]


class Kind(StrEnum):
    """What kind of number a variable holds."""

    COUNT = "count"
    """A number of people or things (persons, buildings, contracts …)."""
    QUANTITY = "quantity"
    """A physical quantity: energy, area, length, volume, mass."""
    MONEY = "money"
    """An amount of money over the reporting year."""
    DURATION = "duration"
    """A total of time (days, hours) summed over events."""


@dataclass(frozen=True, slots=True)
class Variable:
    """One input variable.

    Attributes
    ----------
    id
        snake_case identifier; the column name in tables and the field name in ``CityData``.
    unit
        Canonical unit (pint-parsable). Values are converted into it at the boundary.
    kind
        What kind of number it is.
    description, description_id
        What to report, in English and in Bahasa Indonesia.
    label_id
        A short Indonesian name, as a column header of a BPS-style table
        (``"Jumlah Penduduk"``); :func:`iso37122.read_table` accepts it as a header.
    theme
        The theme whose indicators use it, or ``None`` for a variable shared across themes.
    minimum
        Inclusive lower bound of a valid value in the canonical unit. Every variable is a total
        for one city-year (a count, an amount, a length, a sum of durations), so it is 0 and
        there is no upper bound: a total has no natural maximum, and what a part may not exceed
        is its whole, checked by the indicators' ``PartOfWhole`` rules.
    """

    id: str
    unit: str
    kind: Kind
    description: str
    description_id: str
    theme: Theme | None = None
    minimum: float = 0.0
    label_id: str = ""


def _v(
    id: str,
    unit: str,
    kind: Kind,
    theme: Theme | None,
    description: str,
    description_id: str,
) -> Variable:
    return Variable(id, unit, kind, description, description_id, theme)


_C, _Q, _M, _D = Kind.COUNT, Kind.QUANTITY, Kind.MONEY, Kind.DURATION
_T = Theme

# fmt: off
_DECLARATIONS: tuple[Variable, ...] = (
    # --- shared across themes -------------------------------------------------------------
    _v("population", "person", _C, None,
       "Total population of the city.",
       "Jumlah penduduk kota."),
    _v("land_area", "km**2", _Q, None,
       "Total land area of the city.",
       "Luas wilayah daratan kota."),
    _v("households", "household", _C, None,
       "Total number of households in the city.",
       "Jumlah rumah tangga di kota."),
    _v("labour_force", "person", _C, None,
       "The city's total labour force (employed and unemployed persons of working age).",
       "Jumlah angkatan kerja kota (bekerja dan menganggur)."),
    _v("municipal_expenditure", "rupiah", _M, None,
       "Total municipal expenditure (budget spent) in the year.",
       "Total belanja pemerintah daerah (realisasi anggaran) dalam setahun."),
    _v("total_energy_consumption", "GJ", _Q, None,
       "Total energy consumed in the city in the year: the city's total energy demand (its "
       "energy mix, all carriers).",
       "Total konsumsi energi di kota dalam setahun: total kebutuhan energi kota (bauran "
       "energinya, semua pembawa energi)."),
    _v("buildings", "building", _C, None,
       "Total number of buildings in the city.",
       "Jumlah seluruh bangunan gedung di kota."),
    _v("public_buildings", "building", _C, None,
       "Total number of public (government-owned or -operated) buildings.",
       "Jumlah bangunan gedung publik (milik atau dikelola pemerintah)."),
    _v("registered_vehicles", "vehicle", _C, None,
       "Total number of vehicles registered in the city.",
       "Jumlah kendaraan bermotor yang terdaftar di kota."),
    _v("road_length", "km", _Q, None,
       "Total length of streets and roads in the city.",
       "Panjang total jalan di kota."),
    _v("energy_from_wastewater", "GJ", _Q, None,
       "Electrical and thermal energy produced from wastewater (treatment) in the year.",
       "Energi listrik dan panas yang dihasilkan dari (pengolahan) air limbah dalam setahun."),
    # --- 5 Economy --------------------------------------------------------------------------
    _v("service_contracts_with_open_data_policy", "count", _C, _T.ECONOMY,
       "Service contracts providing city services that contain an open data policy.",
       "Kontrak layanan penyediaan layanan kota yang memuat kebijakan data terbuka."),
    _v("service_contracts", "count", _C, _T.ECONOMY,
       "All service contracts providing city services entered into by the city.",
       "Seluruh kontrak layanan penyediaan layanan kota yang dibuat oleh kota."),
    _v("new_businesses_surviving", "count", _C, _T.ECONOMY,
       "New businesses created in the last two years, registered in the city and still "
       "operating during the last year.",
       "Usaha baru yang didirikan dalam dua tahun terakhir, terdaftar di kota, dan masih "
       "beroperasi pada tahun terakhir."),
    _v("new_businesses", "count", _C, _T.ECONOMY,
       "All new businesses created in the last two years and registered in the city.",
       "Seluruh usaha baru yang didirikan dalam dua tahun terakhir dan terdaftar di kota."),
    _v("ict_employed", "person", _C, _T.ECONOMY,
       "Persons in the labour force employed in information and communications technology "
       "(ICT) occupations.",
       "Angkatan kerja yang bekerja pada jabatan di sektor teknologi informasi dan "
       "komunikasi (TIK)."),
    _v("education_research_employed", "person", _C, _T.ECONOMY,
       "Persons in the labour force employed in occupations in the education and research "
       "and development sectors.",
       "Angkatan kerja yang bekerja pada jabatan di sektor pendidikan serta penelitian dan "
       "pengembangan."),
    # --- 6 Education ------------------------------------------------------------------------
    _v("multilingual_proficient_population", "person", _C, _T.EDUCATION,
       "Residents able to communicate in more than one language with professional "
       "proficiency.",
       "Penduduk yang mampu berkomunikasi dalam lebih dari satu bahasa dengan kecakapan "
       "profesional."),
    _v("digital_learning_devices", "device", _C, _T.EDUCATION,
       "School computers, laptops, tablets or other digital learning devices with Internet "
       "access available to primary and secondary students.",
       "Komputer, laptop, tablet atau perangkat belajar digital lain milik sekolah dengan "
       "akses Internet yang tersedia bagi siswa pendidikan dasar dan menengah."),
    _v("students", "person", _C, _T.EDUCATION,
       "Students enrolled in primary and secondary education.",
       "Siswa yang terdaftar di pendidikan dasar dan menengah."),
    _v("stem_degree_holders", "person", _C, _T.EDUCATION,
       "Residents holding a higher-education degree in science, technology, engineering or "
       "mathematics (STEM).",
       "Penduduk yang memiliki gelar pendidikan tinggi di bidang sains, teknologi, teknik, "
       "atau matematika (STEM)."),
    # --- 7 Energy ---------------------------------------------------------------------------
    _v("energy_from_solid_and_liquid_waste", "GJ", _Q, _T.ENERGY,
       "Electrical and thermal energy produced from solid waste and other liquid waste "
       "(fats, oil, grease) treatment in the year.",
       "Energi listrik dan panas yang dihasilkan dari pengolahan sampah padat dan limbah cair "
       "lain (lemak, minyak, gemuk) dalam setahun."),
    _v("energy_from_waste_heat", "GJ", _Q, _T.ENERGY,
       "Electrical and thermal energy recovered from other waste-heat resources in the year.",
       "Energi listrik dan panas yang diperoleh dari sumber panas buangan lain dalam setahun."),
    _v("decentralized_electricity_production", "GJ", _Q, _T.ENERGY,
       "Electricity produced by decentralized systems (at or near the point of use).",
       "Listrik yang dihasilkan oleh sistem pembangkitan terdesentralisasi (di atau dekat "
       "titik pemakaian)."),
    _v("electricity_consumption", "GJ", _Q, _T.ENERGY,
       "Total electricity used in the city (centrally and decentrally produced).",
       "Total listrik yang digunakan di kota (dari pembangkitan terpusat dan terdesentralisasi)."),
    _v("energy_storage_capacity", "GJ", _Q, _T.ENERGY,
       "Energy that can be stored annually on the city's electrical and thermal grids.",
       "Energi yang dapat disimpan per tahun pada jaringan listrik dan termal kota."),
    _v("street_lights", "device", _C, _T.ENERGY,
       "All street lights in the city.",
       "Seluruh lampu penerangan jalan umum di kota."),
    _v("street_lights_managed", "device", _C, _T.ENERGY,
       "Street lights managed by a light performance management system.",
       "Lampu penerangan jalan yang dikelola oleh sistem manajemen kinerja penerangan."),
    _v("street_lights_refurbished_or_new", "device", _C, _T.ENERGY,
       "Street lights refurbished or newly installed in the year.",
       "Lampu penerangan jalan yang diperbarui atau baru dipasang dalam setahun."),
    _v("public_building_floor_area", "m**2", _Q, _T.ENERGY,
       "Total floor area of public buildings.",
       "Total luas lantai bangunan gedung publik."),
    _v("public_building_floor_area_needing_renovation", "m**2", _Q, _T.ENERGY,
       "Floor area of public buildings requiring renovation or refurbishment.",
       "Luas lantai bangunan gedung publik yang memerlukan renovasi atau perbaikan."),
    _v("public_buildings_with_smart_energy_meters", "building", _C, _T.ENERGY,
       "Public buildings with smart energy meters.",
       "Bangunan gedung publik yang memiliki meter energi pintar."),
    _v("commercial_industrial_buildings_with_smart_energy_meters", "building", _C, _T.ENERGY,
       "Commercial and industrial buildings with smart energy meters.",
       "Bangunan gedung komersial dan industri yang memiliki meter energi pintar."),
    _v("non_household_buildings", "building", _C, _T.ENERGY,
       "Buildings in the city other than household (residential) buildings: public, "
       "commercial and industrial buildings.",
       "Bangunan gedung di kota selain bangunan rumah tangga (hunian): bangunan gedung publik, "
       "komersial, dan industri."),
    _v("ev_charging_stations", "device", _C, _T.ENERGY,
       "Publicly accessible electric-vehicle charging stations.",
       "Stasiun pengisian kendaraan listrik yang dapat diakses publik."),
    _v("electric_vehicles", "vehicle", _C, _T.ENERGY,
       "Registered electric vehicles (battery and hybrid).",
       "Kendaraan listrik terdaftar (baterai dan hibrida)."),
    # --- 8 Environment and climate change ---------------------------------------------------
    _v("buildings_recently_built_or_refurbished", "building", _C, _T.ENVIRONMENT,
       "Buildings built or refurbished within the last five years.",
       "Bangunan gedung yang dibangun atau direnovasi dalam lima tahun terakhir."),
    _v("green_buildings_recently_built_or_refurbished", "building", _C, _T.ENVIRONMENT,
       "Buildings built or refurbished within the last five years in conformity with green "
       "building principles (certification not required).",
       "Bangunan gedung yang dibangun atau direnovasi dalam lima tahun terakhir sesuai "
       "prinsip bangunan gedung hijau (tidak harus bersertifikat)."),
    _v("air_quality_monitoring_stations", "device", _C, _T.ENVIRONMENT,
       "Real-time remote air quality monitoring stations.",
       "Stasiun pemantauan kualitas udara jarak jauh secara waktu nyata."),
    _v("public_buildings_with_indoor_air_monitoring", "building", _C, _T.ENVIRONMENT,
       "Public buildings equipped to monitor indoor air quality.",
       "Bangunan gedung publik yang dilengkapi pemantauan kualitas udara dalam ruang."),
    # --- 9 Finance --------------------------------------------------------------------------
    _v("sharing_economy_revenue", "rupiah", _M, _T.FINANCE,
       "Revenue the city collected from the sharing economy in the year.",
       "Pendapatan yang dipungut kota dari ekonomi berbagi dalam setahun."),
    _v("own_source_revenue", "rupiah", _M, _T.FINANCE,
       "The city's own-source revenue in the year (Pendapatan Asli Daerah).",
       "Pendapatan Asli Daerah (PAD) kota dalam setahun."),
    _v("payments_to_city", "count", _C, _T.FINANCE,
       "All payments made to the city in the year.",
       "Seluruh pembayaran kepada pemerintah kota dalam setahun."),
    _v("electronic_invoice_payments", "count", _C, _T.FINANCE,
       "Payments to the city paid electronically on the basis of electronic invoices.",
       "Pembayaran kepada pemerintah kota yang dibayar secara elektronik berdasarkan tagihan "
       "elektronik."),
    # --- 10 Governance ----------------------------------------------------------------------
    _v("open_data_portal_visits", "count", _C, _T.GOVERNANCE,
       "Online visits to the municipal open data portal in the year.",
       "Kunjungan daring ke portal data terbuka pemerintah kota dalam setahun."),
    _v("city_services", "count", _C, _T.GOVERNANCE,
       "All services the city offers to people and businesses.",
       "Seluruh layanan yang ditawarkan kota kepada masyarakat dan pelaku usaha."),
    _v("city_services_online", "count", _C, _T.GOVERNANCE,
       "City services that can be accessed and requested online through a centralised "
       "Internet interface.",
       "Layanan kota yang dapat diakses dan diajukan secara daring melalui antarmuka Internet "
       "terpusat."),
    _v("non_emergency_inquiries", "count", _C, _T.GOVERNANCE,
       "Inquiries answered through the city's non-emergency inquiry system in the year.",
       "Pertanyaan/aduan yang dijawab melalui sistem layanan aduan non-darurat kota dalam "
       "setahun."),
    _v("non_emergency_inquiry_response_time", "day", _D, _T.GOVERNANCE,
       "Sum over answered non-emergency inquiries of the time each took to answer.",
       "Jumlah waktu tanggapan seluruh pertanyaan/aduan non-darurat yang dijawab."),
    _v("it_downtime", "hour", _D, _T.GOVERNANCE,
       "Total time the city's IT infrastructure was down (planned and unplanned outages).",
       "Total waktu infrastruktur TI kota tidak berfungsi (gangguan terencana dan tidak "
       "terencana)."),
    _v("it_downtime_incidents", "count", _C, _T.GOVERNANCE,
       "Number of downtime incidents of the city's IT infrastructure.",
       "Jumlah kejadian gangguan infrastruktur TI kota."),
    # --- 11 Health --------------------------------------------------------------------------
    _v("population_with_online_health_file", "person", _C, _T.HEALTH,
       "Residents with an online unified health file accessible to health care providers.",
       "Penduduk yang memiliki rekam kesehatan terpadu daring yang dapat diakses penyedia "
       "layanan kesehatan."),
    _v("remote_medical_appointments", "count", _C, _T.HEALTH,
       "Medical appointments conducted remotely (telemedicine) in the year.",
       "Konsultasi medis yang dilakukan jarak jauh (telemedisin) dalam setahun."),
    _v("population_with_environmental_alerts", "person", _C, _T.HEALTH,
       "Residents with access to real-time public alert systems for air and water quality "
       "advisories.",
       "Penduduk yang memiliki akses ke sistem peringatan publik waktu nyata untuk kualitas "
       "udara dan air."),
    # --- 12 Housing -------------------------------------------------------------------------
    _v("households_with_smart_energy_meters", "household", _C, _T.HOUSING,
       "Households with smart energy meters.",
       "Rumah tangga yang memiliki meter energi pintar."),
    _v("households_with_smart_water_meters", "household", _C, _T.HOUSING,
       "Households with smart water meters.",
       "Rumah tangga yang memiliki meter air pintar."),
    # --- 13 Population and social conditions ------------------------------------------------
    _v("accessible_public_buildings", "building", _C, _T.POPULATION,
       "Public buildings accessible to persons with special needs.",
       "Bangunan gedung publik yang aksesibel bagi penyandang disabilitas."),
    _v("assistive_technology_expenditure", "rupiah", _M, _T.POPULATION,
       "Municipal spending on mobility aids, devices and assistive technologies for citizens "
       "with special needs.",
       "Belanja pemerintah daerah untuk alat bantu mobilitas, perangkat, dan teknologi "
       "asistif bagi warga penyandang disabilitas."),
    _v("marked_pedestrian_crossings", "count", _C, _T.POPULATION,
       "All marked pedestrian crossings in the city.",
       "Seluruh penyeberangan pejalan kaki bermarka di kota."),
    _v("accessible_pedestrian_crossings", "count", _C, _T.POPULATION,
       "Marked pedestrian crossings with accessible (audible or vibrotactile) signals.",
       "Penyeberangan pejalan kaki bermarka yang dilengkapi sinyal aksesibel (suara atau "
       "getar)."),
    _v("digital_divide_expenditure", "rupiah", _M, _T.POPULATION,
       "Municipal spending on programmes designated for bridging the digital divide.",
       "Belanja pemerintah daerah untuk program yang ditujukan menjembatani kesenjangan "
       "digital."),
    # --- 14 Recreation ----------------------------------------------------------------------
    _v("public_recreation_services", "count", _C, _T.RECREATION,
       "All public recreation services offered in the city.",
       "Seluruh layanan rekreasi publik di kota."),
    _v("public_recreation_services_bookable_online", "count", _C, _T.RECREATION,
       "Public recreation services that can be booked online.",
       "Layanan rekreasi publik yang dapat dipesan secara daring."),
    # --- 15 Safety --------------------------------------------------------------------------
    _v("area_covered_by_surveillance_cameras", "km**2", _Q, _T.SAFETY,
       "Land area covered by digital surveillance cameras.",
       "Luas wilayah yang terpantau kamera pengawas digital (CCTV)."),
    # --- 16 Solid waste ---------------------------------------------------------------------
    _v("waste_drop_off_containers", "device", _C, _T.SOLID_WASTE,
       "All waste drop-off centres (containers) in the city.",
       "Seluruh tempat penampungan sampah (kontainer) di kota."),
    _v("waste_drop_off_containers_with_telemetering", "device", _C, _T.SOLID_WASTE,
       "Waste drop-off centres (containers) equipped with telemetering.",
       "Tempat penampungan sampah (kontainer) yang dilengkapi telemetri."),
    _v("population_with_metered_waste_collection", "person", _C, _T.SOLID_WASTE,
       "Residents with door-to-door garbage collection that individually monitors household "
       "waste quantities.",
       "Penduduk yang mendapat pengangkutan sampah dari rumah ke rumah dengan pemantauan "
       "jumlah sampah rumah tangga secara individual."),
    _v("municipal_solid_waste", "t", _Q, _T.SOLID_WASTE,
       "Total amount of solid waste in the city in the year.",
       "Total timbulan sampah padat di kota dalam setahun."),
    _v("solid_waste_used_for_energy", "t", _Q, _T.SOLID_WASTE,
       "Solid waste used to generate energy in the year.",
       "Sampah padat yang dimanfaatkan untuk menghasilkan energi dalam setahun."),
    _v("plastics_on_market", "t", _Q, _T.SOLID_WASTE,
       "Total plastics placed on the market within the city boundaries in the year.",
       "Total plastik yang beredar di pasar dalam batas wilayah kota dalam setahun."),
    _v("plastic_waste_recycled", "t", _Q, _T.SOLID_WASTE,
       "Plastics coming out of sorting plants and recycled in the year.",
       "Plastik yang keluar dari fasilitas pemilahan dan didaur ulang dalam setahun."),
    _v("public_garbage_bins", "device", _C, _T.SOLID_WASTE,
       "All public garbage bins in the city.",
       "Seluruh tempat sampah publik di kota."),
    _v("sensor_enabled_garbage_bins", "device", _C, _T.SOLID_WASTE,
       "Public garbage bins equipped with (fill-level) sensors.",
       "Tempat sampah publik yang dilengkapi sensor (tingkat isi)."),
    _v("electronic_waste", "t", _Q, _T.SOLID_WASTE,
       "Electrical and electronic waste generated in the city in the year.",
       "Limbah elektronik (sampah listrik dan elektronik) yang timbul di kota dalam setahun."),
    _v("electronic_waste_recycled", "t", _Q, _T.SOLID_WASTE,
       "Electrical and electronic waste recycled in the year.",
       "Limbah elektronik yang didaur ulang dalam setahun."),
    # --- 17 Sport and culture ---------------------------------------------------------------
    _v("cultural_facility_online_bookings", "count", _C, _T.SPORT_AND_CULTURE,
       "Online bookings for cultural facilities in the year.",
       "Pemesanan daring fasilitas budaya dalam setahun."),
    _v("cultural_records", "count", _C, _T.SPORT_AND_CULTURE,
       "All of the city's cultural records.",
       "Seluruh arsip/catatan budaya kota."),
    _v("cultural_records_digitized", "count", _C, _T.SPORT_AND_CULTURE,
       "The city's cultural records that have been digitized.",
       "Arsip/catatan budaya kota yang telah didigitalkan."),
    _v("public_library_titles", "count", _C, _T.SPORT_AND_CULTURE,
       "Book and e-book titles held by public libraries.",
       "Judul buku dan buku elektronik koleksi perpustakaan umum."),
    _v("active_library_users", "person", _C, _T.SPORT_AND_CULTURE,
       "Residents who are active public library users.",
       "Penduduk yang merupakan pengguna aktif perpustakaan umum."),
    # --- 18 Telecommunication ---------------------------------------------------------------
    _v("population_with_fast_broadband", "person", _C, _T.TELECOMMUNICATION,
       "Residents with access to sufficiently fast broadband.",
       "Penduduk yang memiliki akses pita lebar dengan kecepatan memadai."),
    _v("area_without_connectivity", "km**2", _Q, _T.TELECOMMUNICATION,
       "Land area in a white zone or dead spot, not covered by telecommunication "
       "connectivity.",
       "Luas wilayah blank spot (zona putih) yang tidak terjangkau konektivitas "
       "telekomunikasi."),
    _v("area_with_municipal_internet", "km**2", _Q, _T.TELECOMMUNICATION,
       "Land area covered by municipally provided Internet connectivity.",
       "Luas wilayah yang terjangkau konektivitas Internet yang disediakan pemerintah kota."),
    # --- 19 Transportation ------------------------------------------------------------------
    _v("road_length_with_realtime_traffic_information", "km", _Q, _T.TRANSPORTATION,
       "Length of streets and thoroughfares covered by real-time online traffic alerts and "
       "information.",
       "Panjang jalan yang tercakup informasi dan peringatan lalu lintas daring waktu nyata."),
    _v("sharing_transport_users", "person", _C, _T.TRANSPORTATION,
       "Users of sharing-economy transportation.",
       "Pengguna transportasi ekonomi berbagi."),
    _v("low_emission_vehicles", "vehicle", _C, _T.TRANSPORTATION,
       "Registered low-emission vehicles (electric, hybrid, hydrogen).",
       "Kendaraan rendah emisi terdaftar (listrik, hibrida, hidrogen)."),
    _v("shared_bicycles", "vehicle", _C, _T.TRANSPORTATION,
       "Bicycles available through municipally provided bicycle-sharing services.",
       "Sepeda yang tersedia melalui layanan sepeda berbagi yang disediakan pemerintah kota."),
    _v("public_transport_lines", "count", _C, _T.TRANSPORTATION,
       "All public transport lines in the city.",
       "Seluruh trayek angkutan umum di kota."),
    _v("public_transport_lines_with_realtime_information", "count", _C, _T.TRANSPORTATION,
       "Public transport lines with a publicly accessible real-time information system.",
       "Trayek angkutan umum yang memiliki sistem informasi waktu nyata yang dapat diakses "
       "publik."),
    _v("public_transport_services", "count", _C, _T.TRANSPORTATION,
       "All public transport services in the city.",
       "Seluruh layanan angkutan umum di kota."),
    _v("public_transport_services_with_unified_payment", "count", _C, _T.TRANSPORTATION,
       "Public transport services covered by a unified payment system.",
       "Layanan angkutan umum yang tercakup sistem pembayaran terpadu."),
    _v("public_parking_spaces", "count", _C, _T.TRANSPORTATION,
       "All public parking spaces in the city.",
       "Seluruh satuan ruang parkir umum di kota."),
    _v("public_parking_spaces_with_epayment", "count", _C, _T.TRANSPORTATION,
       "Public parking spaces equipped with e-payment systems.",
       "Satuan ruang parkir umum yang dilengkapi sistem pembayaran elektronik."),
    _v("public_parking_spaces_with_realtime_availability", "count", _C, _T.TRANSPORTATION,
       "Public parking spaces equipped with real-time availability systems.",
       "Satuan ruang parkir umum yang dilengkapi sistem informasi ketersediaan waktu nyata."),
    _v("traffic_lights", "device", _C, _T.TRANSPORTATION,
       "All traffic lights in the city.",
       "Seluruh alat pemberi isyarat lalu lintas (lampu lalu lintas) di kota."),
    _v("smart_traffic_lights", "device", _C, _T.TRANSPORTATION,
       "Traffic lights that are intelligent (adaptive, connected).",
       "Lampu lalu lintas cerdas (adaptif, terhubung)."),
    _v("area_with_realtime_street_maps", "km**2", _Q, _T.TRANSPORTATION,
       "Land area mapped by real-time interactive street maps.",
       "Luas wilayah yang terpetakan peta jalan interaktif waktu nyata."),
    _v("autonomous_vehicles", "vehicle", _C, _T.TRANSPORTATION,
       "Registered autonomous vehicles.",
       "Kendaraan otonom terdaftar."),
    _v("transit_route_length", "km", _Q, _T.TRANSPORTATION,
       "Total length of public transport routes.",
       "Panjang total rute angkutan umum."),
    _v("transit_route_length_with_internet", "km", _Q, _T.TRANSPORTATION,
       "Length of public transport routes with municipally provided or managed Internet "
       "connectivity for commuters.",
       "Panjang rute angkutan umum dengan konektivitas Internet bagi penumpang yang "
       "disediakan atau dikelola pemerintah kota."),
    _v("road_length_autonomous_ready", "km", _Q, _T.TRANSPORTATION,
       "Length of roads conforming to autonomous driving systems.",
       "Panjang jalan yang memenuhi ketentuan sistem kendaraan otonom."),
    _v("buses", "vehicle", _C, _T.TRANSPORTATION,
       "All buses in the city's bus fleet.",
       "Seluruh bus dalam armada bus kota."),
    _v("electric_buses", "vehicle", _C, _T.TRANSPORTATION,
       "Buses in the city fleet driven by electric motors (battery or fuel cell), not "
       "combustion engines.",
       "Bus dalam armada kota yang digerakkan motor listrik (baterai atau sel bahan bakar), "
       "bukan mesin pembakaran."),
    # --- 20 Urban/local agriculture and food security ---------------------------------------
    _v("urban_agriculture_expenditure", "rupiah", _M, _T.AGRICULTURE,
       "Municipal spending on urban agriculture initiatives in the year.",
       "Belanja pemerintah daerah untuk inisiatif pertanian perkotaan dalam setahun."),
    _v("food_waste_composted", "t", _Q, _T.AGRICULTURE,
       "Collected municipal food waste sent to a processing facility for composting in the "
       "year.",
       "Sampah makanan kota yang terkumpul dan dikirim ke fasilitas pengolahan untuk "
       "pengomposan dalam setahun."),
    _v("area_with_online_food_supplier_map", "km**2", _Q, _T.AGRICULTURE,
       "Land area covered by an online food-supplier mapping system.",
       "Luas wilayah yang tercakup sistem pemetaan pemasok pangan daring."),
    # --- 21 Urban planning ------------------------------------------------------------------
    _v("citizens_engaged_in_planning", "person", _C, _T.URBAN_PLANNING,
       "Citizens engaged in the planning process in the year.",
       "Warga yang terlibat dalam proses perencanaan dalam setahun."),
    _v("building_permit_applications", "count", _C, _T.URBAN_PLANNING,
       "Building permit applications submitted in the year.",
       "Permohonan izin bangunan (PBG) yang diajukan dalam setahun."),
    _v("building_permit_applications_electronic", "count", _C, _T.URBAN_PLANNING,
       "Building permit applications submitted through an electronic submission system.",
       "Permohonan izin bangunan yang diajukan melalui sistem pengajuan elektronik."),
    _v("building_permits_approved", "count", _C, _T.URBAN_PLANNING,
       "Building permits approved in the year.",
       "Izin bangunan yang disetujui dalam setahun."),
    _v("building_permit_approval_time", "day", _D, _T.URBAN_PLANNING,
       "Sum over approved building permits of the days each took to approve.",
       "Jumlah hari yang diperlukan untuk menyetujui seluruh izin bangunan yang disetujui."),
    _v("population_in_medium_high_density", "person", _C, _T.URBAN_PLANNING,
       "Residents living in areas of medium-to-high population density.",
       "Penduduk yang tinggal di kawasan berkepadatan penduduk sedang hingga tinggi."),
    # --- 22 Wastewater ----------------------------------------------------------------------
    _v("treated_wastewater", "m**3", _Q, _T.WASTEWATER,
       "Volume of wastewater treated in the year.",
       "Volume air limbah yang diolah dalam setahun."),
    _v("treated_wastewater_reused", "m**3", _Q, _T.WASTEWATER,
       "Volume of treated wastewater reused in the year.",
       "Volume air limbah terolah yang dimanfaatkan kembali dalam setahun."),
    _v("biosolids", "t", _Q, _T.WASTEWATER,
       "Biosolids produced in the year (dry matter mass).",
       "Biosolid yang dihasilkan dalam setahun (massa bahan kering)."),
    _v("biosolids_reused", "t", _Q, _T.WASTEWATER,
       "Biosolids reused in the year (dry matter mass).",
       "Biosolid yang dimanfaatkan kembali dalam setahun (massa bahan kering)."),
    _v("wastewater", "m**3", _Q, _T.WASTEWATER,
       "Total volume of wastewater in the city in the year.",
       "Total volume air limbah di kota dalam setahun."),
    _v("wastewater_used_for_energy", "m**3", _Q, _T.WASTEWATER,
       "Volume of wastewater used to generate energy in the year.",
       "Volume air limbah yang dimanfaatkan untuk menghasilkan energi dalam setahun."),
    _v("wastewater_pipeline_length", "km", _Q, _T.WASTEWATER,
       "Total length of the wastewater pipeline network.",
       "Panjang total jaringan perpipaan air limbah."),
    _v("wastewater_pipeline_length_monitored", "km", _Q, _T.WASTEWATER,
       "Length of wastewater pipeline monitored by a real-time data-tracking sensor system.",
       "Panjang pipa air limbah yang dipantau sistem sensor pelacakan data waktu nyata."),
    # --- 23 Water ---------------------------------------------------------------------------
    _v("drinking_water_distributed", "m**3", _Q, _T.WATER,
       "Total volume of drinking water distributed in the city in the year.",
       "Total volume air minum yang didistribusikan di kota dalam setahun."),
    _v("drinking_water_tracked_realtime", "m**3", _Q, _T.WATER,
       "Volume of drinking water tracked by a real-time water quality monitoring station.",
       "Volume air minum yang dipantau stasiun pemantauan kualitas air waktu nyata."),
    _v("water_quality_monitoring_stations", "device", _C, _T.WATER,
       "Real-time environmental water quality monitoring stations.",
       "Stasiun pemantauan kualitas air lingkungan secara waktu nyata."),
    _v("water_network_length", "km", _Q, _T.WATER,
       "Total length of the water distribution network.",
       "Panjang total jaringan distribusi air."),
    _v("water_network_length_smart", "km", _Q, _T.WATER,
       "Length of the water distribution network monitored by a smart water system.",
       "Panjang jaringan distribusi air yang dipantau sistem air pintar."),
    _v("buildings_with_smart_water_meters", "building", _C, _T.WATER,
       "Buildings with smart water meters.",
       "Bangunan gedung yang memiliki meter air pintar."),
)
# fmt: on


def _index(declarations: tuple[Variable, ...]) -> Mapping[str, Variable]:
    by_id: dict[str, Variable] = {}
    for variable in declarations:
        if variable.id in by_id:
            raise RuntimeError(f"variable {variable.id!r} is declared twice")
        by_id[variable.id] = variable
    return MappingProxyType(by_id)


def _labelled(declarations: tuple[Variable, ...]) -> tuple[Variable, ...]:
    unlabelled = [v.id for v in declarations if v.id not in _LABELS_ID]
    stray = sorted(set(_LABELS_ID) - {v.id for v in declarations})
    if unlabelled or stray:
        raise RuntimeError(f"Indonesian labels missing for {unlabelled}, stray for {stray}")
    return tuple(replace(v, label_id=_LABELS_ID[v.id]) for v in declarations)


VARIABLES: Mapping[str, Variable] = _index(_labelled(_DECLARATIONS))
"""Every input variable, keyed by id, in declaration order."""


def variables() -> Mapping[str, Variable]:
    """Return every input variable, keyed by its id, in declaration order.

    Examples
    --------
    >>> v = variables()["land_area"]
    >>> v.unit, v.kind.value
    ('km**2', 'quantity')
    """
    return VARIABLES
