"""The records of MUC-4 output: one document, its templates, and the five role slots.

`--format muc4` prints one `Muc4Document` per line:
    {"docid": "TST1-MUC3-0001", "templates": [{"incident_type": "attack", "PerpInd": [...],
     "PerpOrg": [...], "Target": [...], "Victim": [...], "Weapon": [...]}]}
Strings are as they appear in the text; a document with no relevant incident has no template.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_TYPES = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")


class Template(BaseModel):
    """One incident: its type and the strings that fill each role."""

    model_config = ConfigDict(populate_by_name=True)

    incident_type: str
    PerpInd: list[str] = Field(default_factory=list)
    PerpOrg: list[str] = Field(default_factory=list)
    Target: list[str] = Field(default_factory=list)
    Victim: list[str] = Field(default_factory=list)
    Weapon: list[str] = Field(default_factory=list)
    confidence: dict[str, str] = Field(default_factory=dict)  # PerpOrg string -> slot-11 label

    def fillers(self, role: str) -> list[str]:
        return getattr(self, role)


class Muc4Document(BaseModel):
    """What the system says about one MUC document."""

    docid: str
    templates: list[Template] = Field(default_factory=list)

    def role_fillers(self, role: str) -> list[str]:
        """Every string filling `role` in any template, first occurrence first, no repeats."""
        seen: dict[str, None] = {}
        for template in self.templates:
            for text in template.fillers(role):
                seen.setdefault(text, None)
        return list(seen)

    def incident_types(self) -> set[str]:
        return {t.incident_type for t in self.templates}
