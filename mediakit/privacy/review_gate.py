"""The review gate: nothing leaves (export, montage, infographic, review pack, publication)
before a person reviewed it, unless an explicit, reasoned and logged override says so.

An item passes when detection ran on it, every suspect ("à vérifier") was decided and the
officer marked it reviewed. A deliverable (``"kind": "montage"`` or ``"infographic"``)
passes when every item listed in its ``"sources"`` passes. Messages name the item and the
action that unblocks it, in plain words (the window shows them as they are; the CLI adds
its own command hint from :attr:`Blocker.code`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mediakit.errors import MediakitError
from mediakit.library import audit
from mediakit.library.project import Operation, now_iso
from mediakit.media.kinds import VIDEO

NOT_DETECTED, SUSPECTS, NOT_REVIEWED = "not_detected", "suspects", "not_reviewed"
SUSPECT = "suspect"
DERIVED_KINDS = ("montage", "infographic")


@dataclass
class Blocker:
    """Why one item may not go out yet, and what unblocks it."""

    sha: str
    name: str
    code: str  # NOT_DETECTED, SUSPECTS or NOT_REVIEWED
    reason: str
    action: str

    def __str__(self) -> str:
        return f"«{self.name}» : {self.reason} — {self.action}"


class UnreviewedError(MediakitError):
    """Some items are not reviewed; ``blockers`` says which and what to do."""

    def __init__(self, blockers: list[Blocker], action: str | None = None) -> None:
        self.blockers = blockers
        self.action = action
        head = f"{action} refusé : " if action else ""
        super().__init__(head + " ; ".join(str(b) for b in blockers))


def _regions(item: dict[str, Any]) -> list[dict[str, Any]]:
    return list(item.get("tracks" if item.get("kind") == VIDEO else "masks") or [])


def detection_ran(item: dict[str, Any]) -> bool:
    """True once automatic detection stored its result on the item."""
    return bool(item.get("detection"))


def undecided(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The item's masks (photo) or tracks (video) still waiting for a decision."""
    return [r for r in _regions(item) if r.get("state") == SUSPECT]


def _reviewed_flag(item: dict[str, Any]) -> bool:
    return bool(item.get("tracks_reviewed" if item.get("kind") == VIDEO else "masks_reviewed"))


def item_blockers(sha: str, item: dict[str, Any], *, flag: bool = True) -> list[Blocker]:
    """Blockers of one photo or video; ``flag=False`` leaves out "not marked reviewed"
    (what :func:`mediakit.privacy.review.mark_reviewed` checks before setting it)."""
    name = item.get("name", sha[:12])
    video = item.get("kind") == VIDEO
    what = "les pistes" if video else "les masques"
    mark = "marquez la vidéo revue" if video else "marquez la photo revue"
    if not detection_ran(item):
        return [Blocker(sha, name, NOT_DETECTED, "la détection n'a jamais été lancée",
                        f"lancez la détection, revoyez {what} puis {mark}")]
    pending = undecided(item)
    if pending:
        ids = ", ".join(str(r.get("id")) for r in pending)
        return [Blocker(sha, name, SUSPECTS,
                        f"{len(pending)} région(s) à vérifier non tranchée(s) ({ids})",
                        f"masquez ou écartez chaque région à vérifier puis {mark}")]
    if flag and not _reviewed_flag(item):
        return [Blocker(sha, name, NOT_REVIEWED,
                        "pistes non revues" if video else "masques non revus",
                        f"revoyez {what} puis {mark}")]
    return []


def blockers_of(items: dict[str, dict[str, Any]], sha: str) -> list[Blocker]:
    """Blockers of one item of ``items`` (deliverables answer for their sources)."""
    item = items.get(sha)
    if item is None:
        return [Blocker(sha, sha[:12], NOT_REVIEWED, "élément absent de l'opération",
                        "réimportez-le ou retirez-le")]
    if item.get("kind") not in DERIVED_KINDS:
        return item_blockers(sha, item)
    name = item.get("name", sha[:12])
    sources = item.get("sources")
    if not sources:
        return [Blocker(sha, name, NOT_REVIEWED, "ses sources sont inconnues",
                        "refaites-le à partir d'éléments de l'opération")]
    out: list[Blocker] = []
    for src in dict.fromkeys(sources):
        for b in blockers_of(items, src) if src != sha else []:
            b.reason += f" (source de «{name}»)"
            out.append(b)
    return out


def unreviewed(op: Operation, shas: Iterable[str]) -> list[Blocker]:
    """Every blocker of the given items (empty when all of them may go out)."""
    items = op.items
    out: list[Blocker] = []
    for sha in dict.fromkeys(shas):
        out += blockers_of(items, sha)
    return out


def is_cleared(items: dict[str, dict[str, Any]], sha: str) -> bool:
    """True when the item (or every source of a deliverable) passes the gate."""
    return not blockers_of(items, sha)


def check_reason(force: bool, reason: str | None) -> str | None:
    """The stripped reason; MediakitError when forcing without one."""
    text = (reason or "").strip()
    if force and not text:
        raise MediakitError("passer outre la relecture demande une raison écrite")
    return text or None


def require_reviewed(op: Operation, shas: Iterable[str], action: str, *, force: bool = False,
                     reason: str | None = None) -> list[str]:
    """Refuse ``action`` on items that are not reviewed, or override the refusal.

    Returns the shas that went through by override (their outputs must be marked
    NON-VALIDÉ). Without ``force`` raises :class:`UnreviewedError`; with it, a written
    ``reason`` is required and ONE audit entry ``override`` records who, why and what.
    """
    shas = list(dict.fromkeys(shas))
    text = check_reason(force, reason)
    blockers = unreviewed(op, shas)
    if not blockers:
        return []
    if not force:
        raise UnreviewedError(blockers, action)
    blocked = {b.sha for b in blockers}
    forced = [s for s in shas if s in blocked or set(_sources(op, s)) & blocked]
    who = audit.current_user()
    entry = {"action": action, "reason": text, "who": who, "date": now_iso()}
    with op.doc.transaction(f"passer outre la relecture : {action}"):
        for sha in forced:
            if sha in op.items:
                op.doc.append(("items", sha, "overrides"), dict(entry))
        audit.record(op.root, "override", who=who, what=action, items=forced,
                     names=[op.items[s]["name"] for s in forced if s in op.items],
                     reason=text, blockers=[str(b) for b in blockers])
    return forced


def _sources(op: Operation, sha: str) -> list[str]:
    item = op.items.get(sha) or {}
    return list(item.get("sources") or []) if item.get("kind") in DERIVED_KINDS else []


def sort_out(op: Operation, shas: Iterable[str], action: str, *, force: bool = False,
             reason: str | None = None) -> tuple[list[str], list[str], list[Blocker]]:
    """Split a batch into ``(cleared, overridden, refused)``: without ``force`` the items
    that are not reviewed are refused (their blockers returned) and the rest go on; with
    it they go through by one logged override (see :func:`require_reviewed`)."""
    shas = list(dict.fromkeys(shas))
    check_reason(force, reason)
    blockers = unreviewed(op, shas)
    blocked = {b.sha for b in blockers}
    stuck = [s for s in shas if s in blocked or set(_sources(op, s)) & blocked]
    cleared = [s for s in shas if s not in stuck]
    if not stuck:
        return cleared, [], []
    if force:
        return cleared, require_reviewed(op, stuck, action, force=True, reason=reason), []
    return cleared, [], blockers
