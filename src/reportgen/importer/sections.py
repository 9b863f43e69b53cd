"""The parts' trees as the profile's sections: achievements (areas, measures, sub-items),
shortcomings (with 成效 and 建议 sub-sections), plans (思路 / 目标 / 措施), and the
text-and-items blocks of leader_duties and other_matters.

Each level of the tree becomes the level the schema has for it; a level deeper than the
schema's keeps its text, numbering as written, in its parent (Node.flattened_text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen import messages
from reportgen.importer.ledger import FigureLedger
from reportgen.importer.roles import area_keys
from reportgen.importer.text import clean_title, split_heading
from reportgen.importer.tree import RUN_IN, Node
from reportgen.importer.yamlmap import after, before_item, prose, spaced


@dataclass
class Counts:
    areas: int = 0
    measures: int = 0
    items: int = 0
    stray: int = 0
    run_in_items: bool = False  # a part other than achievements lists "一是……"
    notes: list[str] = field(default_factory=list)


class SectionBuilder:
    def __init__(self, ledger: FigureLedger) -> None:
        self.ledger = ledger
        self.counts = Counts()

    # ------------------------------------------------------------ achievements

    def achievements(self, title: str, root: Node, levels: list[str], extra: list[tuple[str, Node]]) -> CommentedMap:
        """`extra`: parts that name none of the regulation's parts, taken in as areas."""
        section = CommentedMap(title=clean_title(title))
        if root.text:
            section["intro"] = prose(root.text)
        self.counts.stray += root.stray
        children = list(root.children)
        if levels and levels[0] == RUN_IN and not extra:
            if children:
                # No figures here for now: checks/figures_in_text.py (_owner_texts) takes a measure's parent
                # for an area and fails on achievements.measures with `in_text: true` figures.
                section["measures"] = self._measures(children, indent=4, with_figures=False)
            return section
        for heading, part_root in extra:
            children.append(Node("（{cn}）", title=heading, text=part_root.text, children=part_root.children,
                                 notes=[messages.part_merged_note(heading)]))  # fmt: skip
        if children:
            section["areas"] = self._areas(children)
        return section

    def _areas(self, nodes: list[Node]) -> CommentedSeq:
        keys = area_keys([node.title for node in nodes])
        areas = CommentedSeq()
        for node, key in zip(nodes, keys, strict=True):
            area = CommentedMap()
            if key is not None:
                area["area"] = key.value
                after(area, "area", messages.AUTO)
            area["title"] = clean_title(node.title) or _title_from(node)
            if node.text:
                area["text"] = prose(node.text)
                figures = self.ledger.block("\n".join(node.text))
                if figures is not None:
                    area["figures"] = figures
            if node.children:
                area["measures"] = self._measures(node.children, indent=8, with_figures=True)
            areas.append(area)
            self.counts.areas += 1
            self.counts.stray += node.stray
            if node.notes:
                before_item(areas, len(areas) - 1, messages.auto_note(*node.notes), 4)
        spaced(areas, 4)
        return areas

    def _measures(self, nodes: list[Node], *, indent: int, with_figures: bool, items: bool = True) -> CommentedSeq:
        measures = CommentedSeq()
        for node in nodes:
            measure = self._measure(node, with_figures=with_figures, items=items, indent=indent)
            if measure is None:
                continue
            measures.append(measure)
            if node.notes:
                before_item(measures, len(measures) - 1, messages.auto_note(*node.notes), indent)
        return measures

    def _measure(self, node: Node, *, with_figures: bool, items: bool, indent: int) -> CommentedMap | None:
        measure = CommentedMap()
        title = clean_title(node.title)
        if title:
            measure["title"] = title
        text = node.text if items else node.flattened_text()
        if text:
            measure["text"] = prose(text, untitled=not title)
        if items and node.children:
            measure["items"] = self._sub_items(node.children, indent + 4)
            if not all(child.inline for child in node.children):
                measure["items_as_paragraphs"] = True
        if with_figures:
            figures = self.ledger.block("\n".join([node.title, *node.flattened_text()]))
            if figures is not None:
                measure["figures"] = figures
        if not measure:
            return None
        self.counts.measures += 1
        self.counts.stray += node.stray
        return measure

    def _sub_items(self, nodes: list[Node], indent: int) -> CommentedSeq:
        items = _titled_items(nodes, indent)
        self.counts.items += len(items)
        return items

    # ------------------------------------------------------------ the other parts

    def shortcomings(self, title: str, root: Node, levels: list[str]) -> CommentedMap:
        section = CommentedMap(title=clean_title(title))
        intro = list(root.text)
        children = root.children
        self.counts.stray += root.stray
        if children and levels[0] != RUN_IN and _has_sub_sections(children):
            return self._shortcomings_in_sections(section, intro, children)
        if intro:
            section["intro"] = prose(intro)
        if children:
            self.counts.run_in_items = True
            section["items"] = self._problems(children)
            if all(child.inline for child in children) and children[0].follows_text:
                section["items_inline"] = True
        return section

    def _shortcomings_in_sections(self, section: CommentedMap, intro: list[str], children: list[Node]) -> CommentedMap:
        """(一)成效 (二)问题 (三)建议: each sub-section where the schema has a place for it."""
        problems: list[Node] = []
        for child in children:
            kind = _sub_section(child.title)
            if kind in ("effects", "suggestions") and kind not in section:
                section[kind] = self.block(child)
            elif not problems:
                section["items_title"] = clean_title(child.title)
                if child.children:
                    intro += child.text  # words before the items: the schema's place for them is the intro
                    problems += child.children
                else:
                    problems.append(Node(RUN_IN, text=child.text))
            else:
                problems.append(child)
        if intro:
            section.insert(1, "intro", prose(intro))
        if problems:
            section["items"] = self._problems(problems)
            self.counts.run_in_items = self.counts.run_in_items or any(p.format == RUN_IN for p in problems)
        return section

    def _problems(self, nodes: list[Node]) -> CommentedSeq:
        return _titled_items(nodes, 4)

    def plans(self, title: str, root: Node, levels: list[str]) -> CommentedMap:
        section = CommentedMap(title=clean_title(title))
        if root.text:
            section["intro"] = prose(root.text)
        self.counts.stray += root.stray
        children = list(root.children)
        staged = levels and levels[0] != RUN_IN and any(re.search("思路|目标", c.title) for c in children)
        if staged:
            children = self._approach_and_goals(section, children)
        if not children:
            return section
        if not staged and children[0].format != RUN_IN:
            section["item_headings"] = True
        else:
            self.counts.run_in_items = True
        section["items"] = self._measures(children, indent=4, with_figures=False, items=False)
        return section

    def _approach_and_goals(self, section: CommentedMap, children: list[Node]) -> list[Node]:
        """思路 and 目标 sub-sections as approach and goals; the 措施 sub-section's items as the items."""
        rest = []
        for child in children:
            if "思路" in child.title and "approach" not in section:
                section["approach"] = prose(child.flattened_text())
            elif "目标" in child.title and "goals" not in section:
                section["goals"] = prose(child.flattened_text())
            else:
                rest.append(child)
        if len(rest) == 1 and rest[0].children:
            section["items_title"] = clean_title(rest[0].title)
            if rest[0].text:  # words before its items: the schema has no place between heading and items
                section["goals" if "goals" in section else "approach"] = prose(
                    [str(section.get("goals") or section.get("approach") or ""), *rest[0].text]
                )
            return rest[0].children
        return rest

    def block(self, node: Node) -> CommentedMap:
        """leader_duties, other_matters, 成效, 建议: a title, its text and its items."""
        block = CommentedMap()
        if clean_title(node.title):
            block["title"] = clean_title(node.title)
        if node.text:
            block["text"] = prose(node.text)
        if node.children:
            self.counts.run_in_items = self.counts.run_in_items or node.children[0].format == RUN_IN
            block["measures"] = self._measures(node.children, indent=6, with_figures=False, items=False)
        self.counts.stray += node.stray
        return block


def _has_sub_sections(children: list[Node]) -> bool:
    """(一)成效 (二)问题 (三)建议 are sub-sections; (一)执法监督不够 (二)宣传单一 are the problems themselves."""
    return any(child.children for child in children) or any(
        _sub_section(child.title) != "problems" for child in children
    )


def _sub_section(title: str) -> str:
    if "建议" in title:
        return "suggestions"
    if re.search("成效|经验|做法|成绩|亮点", title) and not re.search("问题|不足|短板", title):
        return "effects"
    return "problems"


def _title_from(node: Node) -> str:
    """A title for an area whose heading had none: the first words of its text."""
    title = clean_title(split_heading(node.text[0]).title) if node.text else ""
    return title or messages.UNTITLED


def _titled_items(nodes: list[Node], indent: int) -> CommentedSeq:
    """Sub-items or problems: each node's title and text (none empty), with its notes as a comment above it."""
    items = CommentedSeq()
    for node in nodes:
        item = CommentedMap()
        if clean_title(node.title):
            item["title"] = clean_title(node.title)
        if node.flattened_text():
            item["text"] = prose(node.flattened_text(), untitled="title" not in item)
        if item:
            items.append(item)
            if node.notes:
                before_item(items, len(items) - 1, messages.auto_note(*node.notes), indent)
    return items
