"""A read report → the profile's data (ruamel round-trip, with comments): jurisdiction and year,
publication metadata, the preamble, the five parts mapped by their wording, the numbering
found, and a summary of what was and was not found."""

from __future__ import annotations

import datetime as dt
import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen import messages
from reportgen.document.numbering import NumberingScheme
from reportgen.errors import FileProblem
from reportgen.importer.jurisdiction import guess_jurisdiction
from reportgen.importer.ledger import FigureLedger
from reportgen.importer.outline import Outline, Part, outline_of, parse_date
from reportgen.importer.sections import SectionBuilder
from reportgen.importer.summary import ImportSummary
from reportgen.importer.text import full_width
from reportgen.importer.tree import RUN_IN, Node, parse_part
from reportgen.importer.yamlmap import after, before_key, flow, prose
from reportgen.reader import ReadReport
from reportgen.schema.jurisdiction import Level

SCHEMA_LINE = "yaml-language-server: $schema=reportgen.schema.json"
_DOCUMENT_NUMBER = re.compile(r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d+\s*号")
_ISO_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_REQUIRED = ("achievements", "shortcomings", "leader_duties", "plans")


def profile_from(read: ReadReport) -> tuple[CommentedMap, ImportSummary]:
    outline = outline_of(read)
    text = read.title + read.text
    if not text.strip() or (not outline.parts and "法治" not in text):
        raise FileProblem(messages.import_not_a_report(read.source))
    return _Builder(read, outline).build()


class _Builder:
    def __init__(self, read: ReadReport, outline: Outline) -> None:
        self.read = read
        self.outline = outline
        self.summary = ImportSummary(source=read.source, title=read.title)
        self.ledger = FigureLedger()
        self.sections = SectionBuilder(self.ledger)
        self.data = CommentedMap()

    def build(self) -> tuple[CommentedMap, ImportSummary]:
        self.data.yaml_set_start_comment(f"{SCHEMA_LINE}\n{messages.import_header(self.read.source.name)}")
        self._jurisdiction()
        self._year()
        self._publication()
        if self.outline.preamble:
            self.data["preamble"] = prose(self.outline.preamble)
        else:
            self.summary.not_found.append(messages.NOT_FOUND["preamble"])
        levels = self._parts()
        last_year = self.ledger.last_year_block()
        if last_year is not None:
            self.data["last_year"] = CommentedMap(figures=last_year)
            before_key(self.data, "last_year", "\n" + messages.last_year_figures_note(), 0)
        self._layout(levels)
        for key in list(self.data)[1:]:
            comments = self.data.ca.items.get(key)
            if not (comments and comments[1]):  # a blank line between the parts, as the example profiles have
                before_key(self.data, key, "\n", 0)
        counts = self.sections.counts
        self.summary.areas, self.summary.measures, self.summary.items = counts.areas, counts.measures, counts.items
        self.summary.stray_paragraphs = counts.stray
        self.summary.figures = self.ledger.count
        return self.data, self.summary

    # ------------------------------------------------------------ who, when, published how

    def _jurisdiction(self) -> None:
        publisher = self.read.metadata.get("发布机构") or ""
        who = guess_jurisdiction(self.read.title, self.outline.signatories, publisher, self.read.text)
        jurisdiction = CommentedMap()
        if who is None:
            jurisdiction["name"] = messages.UNKNOWN_NAME
            jurisdiction["level"] = Level.COUNTY.value
            self.summary.not_found.append(messages.NOT_FOUND["jurisdiction"])
            after(jurisdiction, "name", messages.AUTO)
        else:
            jurisdiction["name"] = who.name
            jurisdiction["level"] = who.level.value
            after(jurisdiction, "name", messages.jurisdiction_note(who.source))
            after(jurisdiction, "level", messages.AUTO)
            for key, value in (("government", who.government), ("party_committee", who.party_committee)):
                if value and not (key == "government" and value == f"{who.name}人民政府"):
                    jurisdiction[key] = value
                    after(jurisdiction, key, messages.AUTO)
            self.summary.name, self.summary.level = who.name, messages.LEVEL_WORDS[who.level.value]
        self.data["jurisdiction"] = jurisdiction

    def _year(self) -> None:
        year = self.outline.year
        self.data["year"] = year if year is not None else dt.date.today().year - 1
        after(self.data, "year", messages.AUTO if year is not None else messages.year_missing_note())
        if year is None:
            self.summary.not_found.append(messages.NOT_FOUND["year"])
        self.summary.year = self.data["year"]

    def _publication(self) -> None:
        publication = CommentedMap()
        metadata = self.read.metadata
        if self.read.title:
            publication["title"] = full_width(self.read.title)
        else:
            self.summary.not_found.append(messages.NOT_FOUND["title"])
        if self.outline.addressee:
            publication["addressee"] = full_width(self.outline.addressee)
            after(publication, "addressee", messages.AUTO)
        if metadata.get("索引号"):
            publication["index_number"] = metadata["索引号"]
        if _DOCUMENT_NUMBER.search(metadata.get("文号", "")):
            publication["document_number"] = metadata["文号"]
        publisher = metadata.get("发布机构") or metadata.get("来源")
        if publisher:
            publication["publisher"] = publisher
        if metadata.get("主题分类"):
            publication["topic"] = metadata["主题分类"]
        signed_on = self.outline.signed_on or _metadata_date(metadata.get("成文日期", ""))
        if signed_on is not None:
            publication["signed_on"] = signed_on
        else:
            self.summary.not_found.append(messages.NOT_FOUND["signed_on"])
        published_on = _metadata_date(metadata.get("发布日期", ""))
        if published_on is not None:
            publication["published_on"] = published_on
        else:
            self.summary.not_found.append(messages.NOT_FOUND["published_on"])
        if self.outline.signatories:
            publication["signatories"] = CommentedSeq(self.outline.signatories)
            after(publication, "signatories", messages.AUTO)
        else:
            publication["signatories"] = flow([])
            after(publication, "signatories", messages.no_signature_note())
            self.summary.not_found.append(messages.NOT_FOUND["signatories"])
        for key in ("index_number", "document_number", "publisher", "topic", "signed_on", "published_on"):
            if key in publication:
                after(publication, key, messages.AUTO)
        self.data["publication"] = publication

    # ------------------------------------------------------------ the five parts

    def _parts(self) -> list[str]:
        """Each part into its section; returns the levels of the achievements part."""
        roles = self._roles()
        trees = {id(part): parse_part(part.paragraphs) for part in self.outline.parts}
        extra = [(part.title, trees[id(part)][0]) for part in self.outline.parts if roles[id(part)] == "extra"]
        levels: list[str] = []
        for part in self.outline.parts:
            role = roles[id(part)]
            root, part_levels = trees[id(part)]
            if role == "extra":
                self.summary.parts.append((part.number + part.title, messages.EXTRA_AREA))
                continue
            if role == "achievements":
                levels = part_levels
                section = self.sections.achievements(part.title, root, part_levels, extra)
            elif role == "shortcomings":
                section = self.sections.shortcomings(part.title, root, part_levels)
            elif role == "plans":
                section = self.sections.plans(part.title, root, part_levels)
            else:
                section = self.sections.block(Node(title=part.title, text=root.text, children=root.children))
            if "title" in section:
                after(section, "title", messages.part_note(part.number + part.title, messages.PART_TITLES[role]))
            self.data[role] = section
            self.summary.parts.append((part.number + part.title, messages.PART_TITLES[role]))
        for role in _REQUIRED:
            if role not in self.data:
                self.summary.not_found.append(messages.PART_TITLES[role])
        order = ["achievements", "shortcomings", "leader_duties", "plans", "other_matters"]
        for role in sorted((r for r in order if r in self.data), key=order.index):
            self.data.move_to_end(role)
        return levels

    def _roles(self) -> dict[int, str]:
        """The part each heading fills: the one its wording names; a heading naming none, or one already
        taken, is the achievements while there are none, an area of them until the problems or plans
        begin, and 其他需要报告的情况 after."""
        roles: dict[int, str] = {}
        taken: set[str] = set()
        for part in self.outline.parts:
            role = part.role
            if role is None or role in taken:
                if "achievements" not in taken:
                    role = "achievements"
                elif not taken & {"shortcomings", "plans", "leader_duties", "other_matters"}:
                    role = "extra"
                else:
                    role = "other_matters" if "other_matters" not in taken else "extra"
            roles[id(part)] = role
            taken.add(role)
        return roles

    # ------------------------------------------------------------ layout

    def _layout(self, levels: list[str]) -> None:
        layout = CommentedMap()
        tokens = _numbering(self.outline.part_format, levels, self.sections.counts.run_in_items,
                            has_areas=bool(self.data.get("achievements", {}).get("areas")))  # fmt: skip
        layout["numbering"] = flow(tokens)
        found = [NumberingScheme.number(fmt, 1) for fmt in [self.outline.part_format or "{cn}、", *levels]]
        after(layout, "numbering", messages.numbering_note(" ".join(dict.fromkeys(found))))
        if len(self.outline.title_lines) > 1:
            layout["title_lines"] = CommentedSeq(self.outline.title_lines)
            after(layout, "title_lines", messages.AUTO)
        self.data["layout"] = layout
        self.summary.numbering = tokens


def _numbering(part_format: str, levels: list[str], run_in_elsewhere: bool, *, has_areas: bool) -> list[str]:
    """layout.numbering from the formats found: the parts', then the achievements' levels (at most
    three); "一是" added for the problems and plans when they use it and the achievements do not."""
    formats = [part_format or "{cn}、", *levels[:3]]
    if has_areas and (len(formats) < 2 or formats[1] == RUN_IN):
        formats.insert(1, "（{cn}）")
    if RUN_IN not in formats and run_in_elsewhere:
        formats.append(RUN_IN)
    formats = list(dict.fromkeys(formats))[:4]
    while len(formats) > 1 and RUN_IN in formats[:-2]:
        formats.pop()
    return [NumberingScheme.number(fmt, 1) for fmt in formats]


def _metadata_date(text: str) -> dt.date | None:
    match = _ISO_DATE.search(text)
    if match is None:
        return parse_date(text)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


__all__ = ["Part", "profile_from"]
