"""Stage 4: profile + derived figures + templates → the document model.

Templates read view objects built here (areas, measures, figure groups), never the raw
YAML. Their output (see document/markup.py) is parsed into blocks and numbered once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.derive import Change, DerivedGroup, Figure, Report
from reportgen.document import Document, FontNames, Metadata, PageLayout
from reportgen.document.markup import parse_markup
from reportgen.document.numbering import NumberingScheme, number_blocks
from reportgen.errors import ProfilePath
from reportgen.references import expand_profile
from reportgen.render.environment import make_environment, render_template
from reportgen.render.filters import figure_text, yoy
from reportgen.schema import AREAS, Profile
from reportgen.schema.indicators import INDICATOR_GROUPS


@dataclass(frozen=True)
class FigureValue:
    """A figure as templates print it: "14件", "80%", "3000余份".

    False when it is a 0 the clerk never typed (inferred from sums), so a template's
    `{% if g.revoked %}` never prints "撤销0件" for a figure nobody stated.
    """

    figure: Figure

    def __str__(self) -> str:
        return figure_text(self.figure)

    def __bool__(self) -> bool:
        return not (self.figure.computed and self.figure.value == 0)

    @property
    def value(self) -> Any:
        return self.figure.value

    @property
    def computed(self) -> bool:
        return self.figure.computed


class GroupView:
    """One figure group for its template: `g.say("received", "accepted")`, `g.received`,
    `g.kind`, `g.change("received")`."""

    def __init__(self, group: DerivedGroup, changes: dict[str, Change], scope: str = ""):
        self.key = group.key
        self.kind = group.kind or ""
        self.title = group.title
        self._figures = group.figures
        self._changes = changes
        self._scope = scope
        self._class = INDICATOR_GROUPS[group.key]
        self._fields = set(self._class.model_fields)

    def __getattr__(self, name: str) -> FigureValue | None:
        if name.startswith("_") or name not in self._fields:
            raise AttributeError(name)
        figure = self._figures.get(name)
        return FigureValue(figure) if figure is not None else None

    def change(self, name: str) -> Change | None:
        return self._changes.get(name)

    def say(self, *names: str, lead: str = "") -> str:
        """The stated figures among `names` as clauses joined by "，", each worded by its
        field's phrase (schema/indicators.py) and followed by 同比 when last year is known.
        The first says what it counts; the rest, on the same subject, may say it shorter
        ("收到行政复议申请14件，受理10件"); a `lead` ("审结的案件中，") gives the subject for
        all and comes first. "" when none is stated (or only as a 0 nobody typed)."""
        clauses: list[str] = []
        for name in names:
            clause = self._clause(name, short=bool(clauses or lead))
            if clause:
                clauses.append(clause)
        return lead + "，".join(clauses) if clauses else ""

    def _clause(self, name: str, short: bool) -> str:
        phrase = self._class.phrase(name) if name in self._fields else None
        if phrase is None:
            raise ValueError(f"{self.key} has no figure named {name!r}")
        value = getattr(self, name)
        if not value:
            return ""
        clause = phrase.fill(str(value), self._scope, short)
        change = self.change(name)
        return f"{clause}，{yoy(change)}" if change else clause


@dataclass
class MeasureView:
    title: str
    text: str
    items: list[Any]
    groups: list[GroupView] = field(default_factory=list)
    items_as_paragraphs: bool = False


@dataclass
class AreaView:
    key: str
    heading: str
    text: str
    measures: list[MeasureView]
    groups: list[GroupView] = field(default_factory=list)

    @property
    def has_content(self) -> bool:
        return bool(self.text or self.measures or self.groups)


def render_document(report: Report, template_dirs: Sequence[Path] = ()) -> Document:
    """Render the report through the templates into a numbered document."""
    env = make_environment(template_dirs)
    report = expand_profile(report)  # {字段} and {同比:字段} in the prose, filled in from the figures
    profile = report.profile
    markup = render_template(env, entry_template(profile), build_context(report))
    return Document(
        title=profile.title,
        blocks=number_blocks(parse_markup(markup), numbering_scheme(profile)),
        metadata=_metadata(profile),
        title_lines=tuple(profile.layout.title_lines),
        layout=_page_layout(profile),
        addressee=_addressee(profile),
    )


def numbering_scheme(profile: Profile) -> NumberingScheme:
    """The profile's `layout.numbering`; measures sit one level higher when there are no areas."""
    return NumberingScheme.from_tokens(profile.layout.numbering, has_areas=not profile.achievements.measures)


def _addressee(profile: Profile) -> str:
    """主送机关 ending in a full-width colon (GB/T 9704 7.2.4), whatever the clerk ended it with."""
    addressee = (profile.publication.addressee or "").strip().rstrip(":：")
    return f"{addressee}：" if addressee else ""


def _page_layout(profile: Profile) -> PageLayout:
    layout = profile.layout
    return PageLayout(
        page_numbers=layout.page_numbers.value,
        bold_level3=layout.bold_level3,
        fonts=FontNames(**layout.fonts.model_dump()),
    )


def entry_template(profile: Profile) -> str:
    """The variant for the jurisdiction's level, e.g. levels/township.j2."""
    return f"levels/{profile.jurisdiction.level.value}.j2"


# What each name in a template's context means, for the maintainer's reference
# (docs/template-reference.md); a test keeps it equal to what build_context provides.
CONTEXT_DOC = {
    "profile": "整份资料（一般用下面的简便名称）",
    "jurisdiction": "单位：name 名称、level 层级、government_name 政府全称、party_committee 党委全称",
    "level": "层级键：township、county、prefecture、province、department",
    "scope": "单位在句子中对本级的称谓，如 全县、全乡、全地区、本局（jurisdiction.scope，不填时由名称推断）",
    "year": "报告年度，如 2024",
    "next_year": "下一年度，如 2025",
    "title": "报告标题",
    "preamble": "开头段落（资料原文；没有时为空）",
    "achievements": "主要举措和成效部分：title 部分标题、intro 导语",
    "areas": "各工作领域（见下表“领域”）；是否有内容由 has_content 给出",
    "measures": "不分领域、直接列在主要举措和成效之下的各项举措（与 areas 二选一；见下表“举措”）",
    "shortcomings": "存在的不足和原因：title、intro、effects、items_title、items（title、text、cause）、suggestions",
    "leader_duties": "第一责任人职责履行情况：title、text、measures",
    "plans": "下一年度工作安排：title、intro、approach、goals、items_title、items、item_headings",
    "other_matters": "其他需要报告的情况：title、text、measures",
    "signatories": "署名机关列表（党委在前）；资料没有填写时为 none（落款处显示占位），写了 [] 时为空列表（不落款）",
    "signed_on": "成文日期（日期；没有时为空）",
    "subordinates": "下属单位的说法，如“各乡（镇）、县直各部门”；levels/ 下各文件用 {% set %} 改写",
}


def build_context(report: Report) -> dict[str, Any]:
    profile = report.profile
    groups = _groups_by_owner(report)
    return {
        "profile": profile,
        "jurisdiction": profile.jurisdiction,
        "level": profile.jurisdiction.level.value,
        "scope": profile.jurisdiction.scope_word,
        "year": profile.year,
        "next_year": profile.year + 1,
        "title": profile.title,
        "preamble": profile.preamble or "",
        "achievements": profile.achievements,
        "areas": [_area_view(profile, index, groups) for index in range(len(profile.achievements.areas))],
        "measures": _measure_views(profile.achievements.measures, ("achievements",), groups),
        "shortcomings": profile.shortcomings,
        "leader_duties": profile.leader_duties,
        "plans": profile.plans,
        "other_matters": profile.other_matters,
        "signatories": profile.signatories,
        "signed_on": profile.publication.signed_on,
        # A default that levels/*.j2 override with {% set %}.
        "subordinates": "各部门",
    }


def _groups_by_owner(report: Report) -> dict[ProfilePath, list[GroupView]]:
    """Each group's sentence goes where the group is first stated (an area or a measure),
    unless that figures block says its numbers are already in the text."""
    owners: dict[ProfilePath, list[GroupView]] = {}
    scope = report.profile.jurisdiction.scope_word
    for group in report.figures:
        if not group.in_text:
            owners.setdefault(group.owner, []).append(GroupView(group.derived, group.changes, scope))
    return owners


def _area_view(profile: Profile, index: int, groups: dict[ProfilePath, list[GroupView]]) -> AreaView:
    area = profile.achievements.areas[index]
    path: ProfilePath = ("achievements", "areas", index)
    measures = _measure_views(area.measures, path, groups)
    key = area.area.value if area.area else ""
    heading = area.title or (AREAS[area.area].title if area.area else "")
    return AreaView(key, heading, area.text or "", measures, groups.get(path, []))


def _measure_views(
    measures: list[Any], owner: ProfilePath, groups: dict[ProfilePath, list[GroupView]]
) -> list[MeasureView]:
    return [
        MeasureView(
            m.title or "", m.text or "", list(m.items), groups.get((*owner, "measures", i), []), m.items_as_paragraphs
        )
        for i, m in enumerate(measures)
    ]


def _metadata(profile: Profile) -> Metadata:
    publication = profile.publication
    return Metadata(
        index_number=publication.index_number or "",
        topic=publication.topic or "",
        publisher=profile.publisher,
        document_number=publication.document_number or "",
        signed_on=publication.signed_on,
        published_on=publication.published_on,
        keywords=("法治政府建设", "年度报告", profile.jurisdiction.name),
        description=f"{profile.jurisdiction.name}{profile.year}年法治政府建设年度报告",
    )
