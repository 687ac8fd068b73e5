"""Template profiles: one per template family, as validated data (``model.TemplateProfile``).

Every family lives in its own module of ``kg.extract.profiles.families`` and is listed here;
adding a province is adding a module with its ``PROFILE`` (and its tests), nothing else. The
document's family is recognised from its content (``recognise.recognise``) and recorded on the
record (``Record.template``); the shared vocabulary (``vocabulary``) reads every family's tables.
"""
from __future__ import annotations

from kg.extract.profiles.families import (beijing, central, changchun, changsha, chongqing, final_account,
                                          fujian, guangdong, jiangsu, shanghai, shenzhen, suzhou_wuxi, xian,
                                          xinjiang, yantai, zhejiang)
from kg.extract.profiles.model import (HeaderRule, LabelRule, TableSettings, TableSpec, TemplateProfile,
                                       TABLE_KINDS)
from kg.extract.profiles.recognise import ProfileMatch, TitleMatch, classify_title, recognise

__all__ = ["PROFILES", "register_profile", "profile_named", "recognise_document", "classify_title",
           "TemplateProfile", "TableSpec", "TableSettings", "LabelRule", "HeaderRule", "ProfileMatch",
           "TitleMatch", "TABLE_KINDS"]

# Order breaks ties: the more specific families first, Xinjiang (the corpus's) last.
PROFILES: tuple[TemplateProfile, ...] = tuple(module.PROFILE for module in (
    final_account, beijing, central, shanghai, jiangsu, suzhou_wuxi, guangdong, shenzhen, zhejiang, changsha,
    fujian, yantai, changchun, chongqing, xian, xinjiang))


def register_profile(profile: TemplateProfile) -> None:
    """Add a family (a test's or a plug-in's); its name must be new."""
    global PROFILES
    if any(p.name == profile.name for p in PROFILES):
        raise ValueError(f"a profile named {profile.name!r} exists")
    PROFILES = (*PROFILES, profile)


def profile_named(name: str) -> TemplateProfile:
    for profile in PROFILES:
        if profile.name == name:
            return profile
    raise KeyError(name)


def recognise_document(texts: list[str]) -> ProfileMatch:
    """The family whose profile fits the document's lines best."""
    return recognise(texts, PROFILES)
