"""The canonical model description: the import/export format other tools are written against.

Field names are fixed; labels follow Innokylä's headings (fi) with sv/en translations so the UI and
Markdown export can show them in the user's language.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

MAX_TEXT = 20_000
MAX_ITEMS = 100
MAX_ITEM = 2_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$")


class Stage(StrEnum):
    """Life-cycle stage; drives the reuse advice (adopt, co-develop, learn, publish)."""

    idea = "idea"
    developing = "developing"
    ready = "ready"
    established = "established"
    ended = "ended"


STAGE_SYNONYMS: dict[str, Stage] = {
    "idea": Stage.idea, "idea-vaihe": Stage.idea, "ide": Stage.idea, "idé": Stage.idea,
    "developing": Stage.developing, "kehitteillä": Stage.developing, "kehittämisvaihe": Stage.developing,
    "pilot": Stage.developing, "piloting": Stage.developing, "under utveckling": Stage.developing,
    "ready": Stage.ready, "valmis": Stage.ready, "färdig": Stage.ready,
    "established": Stage.established, "vakiintunut": Stage.established, "etablerad": Stage.established,
    "juurtunut": Stage.established,
    "ended": Stage.ended, "päättynyt": Stage.ended, "avslutad": Stage.ended,
}

Lang = Literal["fi", "sv", "en"]


def clean_text(value: str) -> str:
    """Normalise user text: NFC, no control characters, trimmed. HTML stays as text (escaped on display)."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", value)).strip()


def _to_text(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        text = clean_text(value)
        if len(text) > MAX_TEXT:
            raise ValueError(f"text is {len(text)} characters, at most {MAX_TEXT} allowed")
        return text or None
    return value


def _to_list(value: Any) -> Any:
    """Lists accept a single string, a `;`-separated string (CSV) or a real list; empty items are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(";") if ";" in value else [value]
    if isinstance(value, (list, tuple)):
        items: list[str] = []
        for item in value:
            if not isinstance(item, (str, int, float)) or isinstance(item, bool):
                raise ValueError("list items must be text")
            text = clean_text(str(item))
            if len(text) > MAX_ITEM:
                raise ValueError(f"a list item is {len(text)} characters, at most {MAX_ITEM} allowed")
            if text and text not in items:
                items.append(text)
        if len(items) > MAX_ITEMS:
            raise ValueError(f"{len(items)} items, at most {MAX_ITEMS} allowed")
        return items
    return value


Text = Annotated[str | None, BeforeValidator(_to_text)]
TextList = Annotated[list[str], BeforeValidator(_to_list)]


def _f(fi: str, sv: str, en: str, **kw: Any) -> Any:
    return Field(json_schema_extra={"labels": {"fi": fi, "sv": sv, "en": en}}, **kw)


class Implementation(BaseModel):
    """Where a model is in use beyond its owner: one organisation's or region's local implementation."""

    model_config = ConfigDict(extra="forbid")

    organisation: Text = _f("Organisaatio", "Organisation", "Organisation", default=None)
    region: Text = _f("Alue", "Område", "Region", default=None)
    since: Text = _f("Käytössä alkaen", "I bruk sedan", "In use since", default=None)
    contact: Text = _f("Yhteystiedot", "Kontakt", "Contact", default=None)
    adaptations: TextList = _f("Paikalliset sovellukset", "Lokala anpassningar", "Local adaptations",
                               default_factory=list)

    @model_validator(mode="after")
    def _someone(self) -> Implementation:
        if not (self.organisation or self.region):
            raise ValueError("an implementation needs an organisation or a region")
        return self


def _to_impls(value: Any) -> Any:
    """A list of implementations; CSV cells carry it as JSON."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise ValueError("implementations must be a JSON list of objects") from exc
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list) and len(value) > MAX_ITEMS:
        raise ValueError(f"{len(value)} implementations, at most {MAX_ITEMS} allowed")
    return value


class ModelDescription(BaseModel):
    """One practice model (toimintamalli). Only ``id`` and ``name`` are required."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)

    id: str = _f("Tunniste", "Identifierare", "Identifier", min_length=1, max_length=120)
    name: str = _f("Toimintamallin nimi", "Verksamhetsmodellens namn", "Model name", min_length=1, max_length=300)
    summary: Text = _f("Lyhyt kuvaus", "Kort beskrivning", "Short description", default=None)
    basic_idea: Text = _f("Ratkaisun perusidea", "Lösningens grundidé", "Basic idea of the solution", default=None)
    core: TextList = _f("Ydin", "Kärna", "Core", default_factory=list)
    adaptable: TextList = _f("Sovellettavat osat", "Anpassningsbara delar", "Adaptable parts",
                             default_factory=list)
    problem: Text = _f("Kehitystyön lähtökohtana olevat tarpeet", "Behov som utvecklingen utgår från",
                       "Needs behind the development", default=None)
    target_groups: TextList = _f("Kohderyhmä", "Målgrupp", "Target groups", default_factory=list)
    goals: TextList = _f("Tavoiteltu muutos", "Eftersträvad förändring", "Intended change", default_factory=list)
    measurement: Text = _f("Muutoksen mittaaminen", "Mätning av förändringen", "Measuring the change",
                           default=None)
    actors: TextList = _f("Toimijat ja kehittäjäjoukko", "Aktörer och utvecklare", "Actors and co-developers",
                          default_factory=list)
    environment: Text = _f("Toimintaympäristö", "Verksamhetsmiljö", "Operating environment", default=None)
    conditions: Text = _f("Toimivuuden ja käyttöönoton ehdot", "Förutsättningar för funktion och införande",
                          "Conditions for working and adoption", default=None)
    stage: Stage | None = _f("Vaihe", "Skede", "Stage", default=None)
    evidence: Text = _f("Arviointi- ja vaikuttavuustieto", "Utvärdering och evidens", "Evaluation and evidence",
                        default=None)
    themes: TextList = _f("Teemat", "Teman", "Themes", default_factory=list)
    regions: TextList = _f("Paikkakunta, maakunta tai hyvinvointialue", "Ort eller välfärdsområde",
                           "Municipality or region", default_factory=list)
    organisation: Text = _f("Organisaatio", "Organisation", "Organisation", default=None)
    funders: TextList = _f("Toimintamallin rahoittaja", "Finansiär", "Funders", default_factory=list)
    contact: Text = _f("Yhteystiedot", "Kontakt", "Contact", default=None)
    language: Lang | None = _f("Kieli", "Språk", "Language", default=None)
    source_url: Text = _f("Lähde", "Källa", "Source", default=None)
    created: date | None = _f("Luotu", "Skapad", "Created", default=None)
    updated: date | None = _f("Viimeksi muokattu", "Senast ändrad", "Last modified", default=None)
    implementations: Annotated[list[Implementation], BeforeValidator(_to_impls)] = _f(
        "Toteutukset", "Tillämpningar", "Implementations", default_factory=list)

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            value = clean_text(value)
            if not SLUG_RE.match(value):
                raise ValueError("must be a slug: lowercase a-z, 0-9 and hyphens, e.g. 'lapset-puheeksi'")
        return value

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value

    @field_validator("stage", mode="before")
    @classmethod
    def _stage(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = clean_text(value).lower()
            if not key:
                return None
            if key not in STAGE_SYNONYMS:
                raise ValueError(f"must be one of {', '.join(s.value for s in Stage)}")
            return STAGE_SYNONYMS[key]
        return value

    @field_validator("language", mode="before")
    @classmethod
    def _lang(cls, value: Any) -> Any:
        if isinstance(value, str):
            return clean_text(value).lower() or None
        return value

    @field_validator("source_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value and not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
            raise ValueError("must be an http(s) URL")
        return value

    def to_record(self) -> dict[str, Any]:
        """Canonical JSON-ready dict: empty fields left out so exports stay small and diffable."""
        data = self.model_dump(mode="json", exclude_none=True)
        return {k: v for k, v in data.items() if v != []}


FIELDS: tuple[str, ...] = tuple(ModelDescription.model_fields)
LIST_FIELDS: frozenset[str] = frozenset(
    name for name, info in ModelDescription.model_fields.items()
    if info.default_factory is list and name != "implementations"
)


def label(field: str, lang: str = "fi") -> str:
    """The Innokylä-style heading of a field in the given language."""
    extra = ModelDescription.model_fields[field].json_schema_extra
    labels = extra.get("labels", {}) if isinstance(extra, dict) else {}
    return str(labels.get(lang) or labels.get("fi") or field)  # type: ignore[union-attr]


def describe_errors(exc: ValidationError) -> list[tuple[str, str]]:
    """Turn pydantic errors into (field, reason) pairs a person can act on."""
    out: list[tuple[str, str]] = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "record"
        if err["type"] == "extra_forbidden":
            out.append((loc, f"unknown field; allowed fields are: {', '.join(FIELDS)}"))
        elif err["type"] == "missing":
            out.append((loc, "required field is missing"))
        else:
            msg = err["msg"].removeprefix("Value error, ")
            out.append((loc, msg))
    return out


def json_schema() -> dict[str, Any]:
    """JSON Schema of the import format (written to knowledge/schema.json)."""
    schema = ModelDescription.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/parastelu/parastelu/knowledge/schema.json"
    return schema
