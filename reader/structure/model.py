"""Plain records for what the structure layer finds: documents and their clause trees."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Clause:
    """A heading-led part of a document; ``text`` covers its own paragraphs and its children."""

    label: str  # "一、" "（一）" "1." "1" "（1）" "第十条" "第一章" "第一分编" "专栏 1"
    heading: str
    kind: str  # "part" "subpart" "chapter" "section" "article" "h1" "h2" "h3" "h4" "box"
    start_page: int
    end_page: int
    start_offset: int
    end_offset: int
    text: str = ""
    children: list["Clause"] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["children"] = [c.to_dict() for c in self.children]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Clause":
        children = [cls.from_dict(c) for c in data.get("children", ())]
        fields = {k: v for k, v in data.items() if k != "children"}
        return cls(**fields, children=children)


@dataclass
class DocumentInfo:
    """One document bundled in the compilation."""

    title: str
    doc_number: str | None
    issuers: list[str]
    date: str | None  # "YYYY-MM-DD"
    kind: str  # 通知/方案/指南/解读/法律/意见/公告/新闻/其他
    start_page: int
    end_page: int
    start_label: str
    start_offset: int
    end_offset: int
    clauses: list[Clause] = field(default_factory=list)
    end_label: str = ""
    # Attachments (附件) issued with this document: each its own title, range and clause tree, inside
    # this document's range. ``label`` is what the attachment prints above its title ("附件2").
    attachments: list["DocumentInfo"] = field(default_factory=list)
    label: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["clauses"] = [c.to_dict() for c in self.clauses]
        data["attachments"] = [a.to_dict() for a in self.attachments]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "DocumentInfo":
        clauses = [Clause.from_dict(c) for c in data.get("clauses", ())]
        attachments = [cls.from_dict(a) for a in data.get("attachments", ())]
        fields = {k: v for k, v in data.items() if k not in ("clauses", "attachments")}
        return cls(**fields, clauses=clauses, attachments=attachments)
