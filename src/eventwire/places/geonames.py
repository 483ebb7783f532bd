"""Read GeoNames dump files as users download them, one line at a time.

Accepted: the geoname table (allCountries.zip, per-country SY.zip or SY.txt, cities500.zip
...), alternate names (alternateNamesV2.zip, or a per-country file from the
alternatenames/ folder), admin1CodesASCII.txt and admin2Codes.txt; plain or zipped. What a
file holds is read from its first data line (the geoname table has 19 tab-separated
columns, alternate names 10 (8 in the old format), code files 4 with a code "SY.07" or
"SY.07.1234" first), not from its name: per-country geoname and alternate-name files are
both called SY.txt.

Nothing is loaded whole: `dump_files` opens each file (or zip member) and yields a
`DumpFile` whose `lines()` streams decoded, split lines with their byte counts, so a build
can report progress and never holds more than a line.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from eventwire.errors import UsageError

DumpKind = Literal["geonames", "alternate_names", "admin1_codes", "admin2_codes"]
GEONAME_COLUMNS = 19
_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[^.\s]+$")
_ADMIN2_CODE = re.compile(r"^[A-Z]{2}\.[^.\s]+\.[^.\s]+$")


@dataclass(frozen=True)
class GeoRow:
    """One line of the geoname table (the columns a gazetteer needs)."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int


@dataclass(frozen=True)
class DumpFile:
    """One GeoNames table inside a file given by the user (a zip member or the file)."""

    path: Path
    member: str | None  # the zip member, or None for a plain file
    kind: DumpKind
    size: int  # uncompressed bytes, for progress

    @property
    def label(self) -> str:
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    def lines(self) -> Iterator[tuple[int, list[str], int]]:
        """(line number, tab-separated fields, bytes of the line) for each data line."""
        with self._open() as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.startswith(b"#") or not raw.strip():
                    continue
                yield number, raw.decode("utf-8", "replace").rstrip("\r\n").split("\t"), len(raw)

    def _open(self) -> IO[bytes]:
        if self.member is None:
            return open(self.path, "rb")
        archive = zipfile.ZipFile(self.path)
        return _ClosingMember(archive, archive.open(self.member))


class _ClosingMember:
    """A zip member whose archive closes with it."""

    def __init__(self, archive: zipfile.ZipFile, member: IO[bytes]):
        self._archive, self._member = archive, member

    def __enter__(self) -> IO[bytes]:
        return self._member

    def __exit__(self, *exc) -> None:
        self._member.close()
        self._archive.close()


def dump_files(paths: Sequence[Path]) -> list[DumpFile]:
    """The GeoNames tables in `paths`, code files first, then geoname tables, then alternate
    names (the order a build needs). Raises UsageError naming a file that is none of them."""
    found: list[DumpFile] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [
                    m for m in archive.infolist()
                    if not m.is_dir() and m.filename.lower().endswith(".txt")
                    and Path(m.filename).name.lower() != "readme.txt"
                ]
                tables = [(m, _kind(_first_line(archive.open(m)))) for m in members]
            found += [DumpFile(path, m.filename, kind, m.file_size) for m, kind in tables if kind]
            if not any(kind for _, kind in tables):
                raise UsageError(f"{path}: no GeoNames table in this zip file")
        else:
            with open(path, "rb") as handle:
                kind = _kind(_first_line(handle))
            if kind is None:
                raise UsageError(
                    f"{path}: not a GeoNames file (expected the geoname table, alternate names, "
                    "admin1CodesASCII.txt or admin2Codes.txt)"
                )
            found.append(DumpFile(path, None, kind, path.stat().st_size))
    order = ("admin1_codes", "admin2_codes", "geonames", "alternate_names")
    return sorted(found, key=lambda f: order.index(f.kind))


def _first_line(handle: IO[bytes]) -> list[str]:
    with handle:
        for raw in handle:
            if raw.strip() and not raw.startswith(b"#"):
                return raw.decode("utf-8", "replace").rstrip("\r\n").split("\t")
    return []


def _kind(fields: list[str]) -> DumpKind | None:
    if len(fields) == GEONAME_COLUMNS and fields[0].isdigit():
        return "geonames"
    if len(fields) in (8, 10) and fields[0].isdigit() and fields[1].isdigit():
        return "alternate_names"
    if len(fields) == 4 and fields[3].strip().isdigit():
        if _ADMIN1_CODE.match(fields[0]):
            return "admin1_codes"
        if _ADMIN2_CODE.match(fields[0]):
            return "admin2_codes"
    return None


def geo_row(fields: list[str]) -> GeoRow:
    """Parse one line of the geoname table (raises ValueError saying what is wrong)."""
    if len(fields) != GEONAME_COLUMNS:
        raise ValueError(f"{len(fields)} columns, not {GEONAME_COLUMNS}")
    lat, lon = float(fields[4]), float(fields[5])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    return GeoRow(
        geonameid=int(fields[0]),
        name=fields[1].strip(),
        asciiname=fields[2].strip(),
        alternatenames=tuple(n.strip() for n in fields[3].split(",") if n.strip()),
        lat=lat,
        lon=lon,
        feature_class=fields[6].strip(),
        feature_code=fields[7].strip(),
        country_code=fields[8].strip().upper(),
        admin1_code=fields[10].strip(),
        admin2_code=fields[11].strip(),
        population=int(fields[14] or 0),
    )
