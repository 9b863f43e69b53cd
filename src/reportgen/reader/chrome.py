"""The web page around a report: its 政府信息公开 block kept as data, the rest set aside.

A page saved or copied from a government site carries the CMS's own lines: 索引号 / 发布机构 /
文号 / 发布时间 / 来源 (metadata: kept, by label), and 浏览次数, 字号 大中小, 打印 / 关闭, share
bars, breadcrumbs (chrome: set aside). DOMAIN_NOTES §3.2 lists the fields sites use. Only whole
lines that start with a label or consist of such controls are taken; report text never is.
"""

from __future__ import annotations

import re

from reportgen.reader.model import Sorted

_GAP = r"[\s\u3000]*"


def _spaced(word: str) -> str:
    """A label as pages print it, letter-spaced or not: 索 引 号, 文  号."""
    return _GAP.join(re.escape(char) for char in word)


# Labels a line of the metadata block starts with, and the key each is kept under.
_STRONG_LABELS = {
    "索引号": "索引号",
    "主题分类": "主题分类",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "发文机构": "发布机构",
    "制发机构": "发布机构",
    "发文字号": "文号",
    "文号": "文号",
    "有效性": "有效性",
    "公开日期": "发布日期",
    "公开日": "发布日期",
    "发布日期": "发布日期",
    "发布时间": "发布日期",
    "成文日期": "成文日期",
    "发文日期": "成文日期",
    "生成日期": "成文日期",
    "体裁分类": "体裁分类",
    "服务对象分类": "服务对象分类",
    "主题词": "主题词",
    "公开方式": "公开方式",
    "公开范围": "公开范围",
    "公开属性": "公开属性",
    "信息来源": "来源",
    "文章来源": "来源",
    "浏览次数": "浏览次数",
    "点击次数": "浏览次数",
    "阅读次数": "浏览次数",
    "访问次数": "浏览次数",
    "点击数": "浏览次数",
    "字号": "字号",
    "字体": "字号",
}
# Everyday words that are labels only when a colon follows: "时间:2024-03-04 16:37来源:紫阳县司法局".
_WEAK_LABELS = {"时间": "发布日期", "来源": "来源", "作者": "作者", "编辑": "编辑", "责任编辑": "编辑"}
_LABELS = {**_STRONG_LABELS, **_WEAK_LABELS}
_LABEL = re.compile(
    "[【\\[]?"
    + "(?:"
    + "|".join(
        f"(?P<s{index}>{_spaced(word)}){_GAP}[:：]?"
        if word in _STRONG_LABELS
        else f"(?P<s{index}>{_spaced(word)}){_GAP}[:：]"
        for index, word in enumerate(sorted(_LABELS, key=len, reverse=True))
    )
    + ")"
)
_LABEL_WORDS = sorted(_LABELS, key=len, reverse=True)

_CONTROL = (
    "打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|返回列表|返回|收藏本页|加入收藏|收藏|"
    "分享到|分享|纠错|我要纠错|大|中|小|默认|朗读|视力保护色|"
    "相关链接|相关文件|相关阅读|附件下载|政策解读|解读文件|"
    "政府信息公开|信息公开|政务公开|无障碍浏览|无障碍阅读|无障碍|简体|繁體|繁体|关怀版|长者模式|适老化|"
    "English|登录|注册|网站地图|智能问答|站内搜索|搜索|"
    "微信|微博|QQ空间|QQ好友|QQ|朋友圈|新浪微博|腾讯微博|人人网|豆瓣"
)
_CHROME_LINES = tuple(
    re.compile(pattern)
    for pattern in (
        # one or more controls: "【打印本页】【关闭窗口】", "大 中 小", "简体 | 繁体", "分享到：微信 微博"
        rf"(?:[【\[]?{_GAP}(?:{_CONTROL}){_GAP}[】\]]?{_GAP}[:：|｜/·]?{_GAP})+",
        r"(?:扫一扫|手机扫码|用手机扫描|扫描二维码)[^。]{0,30}",
        r"(?:上一篇|下一篇)[:：]?[^。]{0,60}",
        r"(?:您|你)?当前(?:的)?位置[:：]?.{0,80}",
        r"(?:网站)?首页[\s\u3000]*[>›»].{0,80}",
        r"[^。，]{1,20}(?:[\s\u3000]*[>›»][\s\u3000]*[^。，>›»]{1,20}){2,}",  # breadcrumbs
        r"【[^】]{0,10}】",
        # the site's footer
        r"(?:版权所有|主办单位|承办单位|网站标识码|[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新]ICP备"
        r"|ICP备|公网安备|技术支持|联系电话|联系我们|维护单位|建议使用)[^。]{0,100}",
    )
)


def sort_lines(lines: list[str]) -> Sorted:
    """Each non-blank line into kept text, metadata (label → first non-empty value) or chrome."""
    result = Sorted()
    for index, raw in enumerate(lines):
        line = raw.strip().strip("\ufeff\u200b").strip()  # str.strip() takes every Unicode blank
        if not line:
            continue
        fields = metadata_fields(line)
        if fields is not None:
            for label, value in fields:
                if value and not result.metadata.get(label):
                    result.metadata[label] = value
            result.chrome.append(line)
        elif is_chrome(line):
            result.chrome.append(line)
        else:
            result.kept.append((index, line))
    return result


def metadata_fields(line: str) -> list[tuple[str, str]] | None:
    """The (key, value) pairs of a metadata line ("发布时间: 2025-03-12  浏览次数: 12"), or None
    when the line does not start with a label (or is too long to be one)."""
    if len(line) > 200 or line.endswith("。"):
        return None
    matches = list(_LABEL.finditer(line))
    if not matches or matches[0].start() != 0:
        return None
    fields = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        word = re.sub(r"[\s\u3000]", "", next(group for group in match.groups() if group))
        end = following.start() if following else len(line)
        value = line[match.end() : end].strip(" \t\u3000\xa0【】[]:：")
        if len(value) > 60:  # a sentence that happens to start with a label word
            return None
        fields.append((_LABELS[word], value))
    return fields


def is_chrome(line: str) -> bool:
    return len(line) <= 120 and any(pattern.fullmatch(line) for pattern in _CHROME_LINES)
