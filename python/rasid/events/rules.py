"""Named extraction rules: loaded from ``rasid/data/rules/rules.toml``, interpreted, traced.

Every decision that makes or unmakes an event has a rule record in the data file: an ``id``,
the ``stage`` it belongs to, a one-line ``description``, an ``effect``, a ``when`` pattern and
example sentences written for it (``fires``: the rule must fire on each; ``quiet``: it must
not). The patterns are over gazetteer hits (kinds and roles of the event lexicon), word
windows and named predicates; the predicates are the decisions that are genuinely code
(registered with :func:`predicate` by the stage that owns them).

Pattern keys (all optional, all must hold):

``cue``        a cue hit of that role (or any of a list) in the rule's scope
``at``         ``"clause_start"``: the cue opens the clause
``trigger``    the trigger's role (or roles) for trigger rules
``outcome``    the outcome word's role (an anchor on an outcome: a drone shot down)
``definite``   the trigger carries the article
``number``     the trigger's written number (``"pl"``, ``"2"``)
``sense``      the trigger's sense (:data:`rasid.events.lexicon.SENSES`: ``"kidnap"`` …)
``headline``   whether the sentence is the headline
``cue_before`` ``{role, words}``: a cue of that role ends at most ``words`` words before the
               trigger
``after_cue``  a cue of that role stands earlier in the clause than the trigger
``followed_by`` ``{kind, role, words}``: a hit of that kind (and role) starts at most
               ``words`` words after the trigger («ألقت الشرطة القبض»: «ألقى» followed by a
               figurative object)
``without``    ``{kind, role, words}``: no hit of that kind (and role) within ``words`` words
               of the trigger
``with``       ``{kind, role, words}``: a hit of that kind (and role) within ``words`` words of
               the trigger, before or after it
``event_type`` the event type the trigger's lexicon row names («اشتبك»: ``armed_clash``)
``predicate``  a named predicate that decides (the rule is code behind a name)
``unless``     a named predicate that vetoes the rule

A :class:`Trace` records each rule that fires with the span it fired on; extraction without
a trace pays one ``is None`` test per decision.
"""

from __future__ import annotations

import enum
import functools
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable

from ..errors import RasidError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

__all__ = [
    "Stage",
    "Effect",
    "Rule",
    "RuleSet",
    "RuleError",
    "Firing",
    "Trace",
    "predicate",
    "predicates",
    "PREDICATE_MODULES",
    "decision",
    "rules",
    "load_rules",
    "read_toml",
    "rules_path",
]


class RuleError(RasidError, ValueError):
    """A rules file that does not follow the rule format (unknown key, stage, effect, role)."""


class Stage(str, enum.Enum):
    """The stages of extraction, in the order they run."""

    CLAUSE = "clause"  # cutting sentences into clauses
    ANCHOR = "anchor"  # which attack words anchor a mention, which clauses are voided
    SLOT = "slot"  # places, counts, actors and claims attached to a mention
    MERGE = "merge"  # mentions of one real event joined
    TYPE = "type"  # the event type and weapon
    FINALIZE = "finalize"  # background, dropped events, actor vs claimant


class Effect(str, enum.Enum):
    """What a rule does when it fires."""

    ANCHOR = "anchor"  # the hit anchors a mention
    VOID_CLAUSE = "void_clause"  # the clause states no event
    VOID_SENTENCE = "void_sentence"  # the sentence states no event
    VOID_AFTER = "void_after"  # no anchor after the cue in the sentence
    SKIP_TRIGGER = "skip_trigger"  # this attack word anchors nothing
    VOID_MENTION = "void_mention"  # an anchored clause is dropped after all
    DECIDE = "decide"  # a traced code decision (type, merge, background, actor)
    DROP = "drop"  # an event is not emitted


# the kinds and roles of the event lexicon a pattern may name (one place: lexicon.ROLES)
_PATTERN_KEYS = frozenset(
    {
        "cue",
        "at",
        "trigger",
        "outcome",
        "definite",
        "number",
        "sense",
        "headline",
        "cue_before",
        "after_cue",
        "followed_by",
        "without",
        "with",
        "event_type",
        "predicate",
        "unless",
    }
)
# the pattern keys of the type stage (interpreted by rasid.events.typing_stage)
TYPE_PATTERN_KEYS = frozenset(
    {
        "weapons",
        "any_weapon",
        "no_weapon",
        "hint",
        "no_hint",
        "anchor_hint",
        "no_anchor_hint",
        "actor",
        "not_actor",
        "claim",
        "anchor_sense",
        "no_anchor_sense",
        "cue",
        "predicate",
    }
)
_RULE_KEYS = frozenset(
    {"id", "stage", "effect", "description", "when", "then", "fires", "quiet", "published"}
)

# named predicates: ``name -> callable``; registered by the stage modules on import
_PREDICATES: dict[str, Callable[..., bool]] = {}

#: The stage modules (of ``rasid.events``) that register predicates: imported before the
#: rules' predicates are looked up or checked, so that no check depends on what happened to
#: be imported first (``tests/test_rules.py`` checks that the list is complete).
PREDICATE_MODULES = ("anchor_predicates", "typing_stage", "finalize")


@functools.lru_cache(maxsize=1)
def _registered() -> dict[str, Callable[..., bool]]:
    """The predicate registry, once every module of :data:`PREDICATE_MODULES` is imported."""
    import importlib

    for name in PREDICATE_MODULES:
        importlib.import_module(f"{__package__}.{name}")
    return _PREDICATES


def predicate(name: str) -> Callable[[Callable[..., bool]], Callable[..., bool]]:
    """Register ``fn`` as the named predicate ``name`` that rules may call."""

    def register(fn: Callable[..., bool]) -> Callable[..., bool]:
        if name in _PREDICATES and _PREDICATES[name] is not fn:
            raise RuleError(f"predicate {name!r} registered twice")
        _PREDICATES[name] = fn
        return fn

    return register


def predicates() -> dict[str, Callable[..., bool]]:
    """The registered predicates (every module of :data:`PREDICATE_MODULES` imported)."""
    return dict(_registered())


def decision(rule_id: str) -> Callable[..., bool]:
    """The predicate a rule of the shipped file decides by (its ``when.predicate``)."""
    name = rules()[rule_id].when.get("predicate")
    registered = _registered()
    if name not in registered:
        raise RuleError(f"rule {rule_id!r} names no registered predicate ({name!r})")
    return registered[name]


@dataclass(frozen=True)
class Rule:
    """One named rule of the rules file."""

    id: str
    stage: Stage
    effect: Effect
    description: str
    when: dict[str, Any] = field(default_factory=dict)
    fires: tuple[str, ...] = ()
    quiet: tuple[str, ...] = ()
    published: str | None = None
    #: what a deciding rule decides (the type stage: ``{type, weapon}``)
    then: dict[str, Any] | None = None

    @functools.cached_property
    def cue_roles(self) -> frozenset[str]:
        """The cue roles the pattern names (empty when it names none)."""
        cue = self.when.get("cue")
        if cue is None:
            return frozenset()
        return frozenset([cue] if isinstance(cue, str) else cue)

    @functools.cached_property
    def trigger_roles(self) -> frozenset[str]:
        role = self.when.get("trigger")
        if role is None:
            return frozenset()
        return frozenset([role] if isinstance(role, str) else role)


class RuleSet:
    """The loaded rules, indexed for the stages that interpret them."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.by_id: dict[str, Rule] = {}
        for r in self.rules:
            if r.id in self.by_id:
                raise RuleError(f"rule {r.id!r} defined twice")
            self.by_id[r.id] = r

    def __getitem__(self, rule_id: str) -> Rule:
        try:
            return self.by_id[rule_id]
        except KeyError:
            raise RuleError(f"no rule {rule_id!r} in the rules file") from None

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def with_effect(self, *effects: Effect) -> tuple[Rule, ...]:
        """The rules of these effects, in file order."""
        return tuple(r for r in self.rules if r.effect in effects)

    def check_predicates(self) -> None:
        """Raise :class:`RuleError` when a rule names a predicate no stage registered."""
        registered = _registered()
        for r in self.rules:
            for key in ("predicate", "unless"):
                name = r.when.get(key)
                if name is not None and name not in registered:
                    raise RuleError(f"rule {r.id!r}: unknown {key} {name!r}")


@dataclass(frozen=True)
class Firing:
    """One rule that fired on ``text[start:end]`` (``note`` says on what, when useful)."""

    rule: str
    stage: str
    effect: str
    start: int
    end: int
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "stage": self.stage,
            "effect": self.effect,
            "start": self.start,
            "end": self.end,
            "note": self.note,
        }


class Trace:
    """The rules that fired while one document was read, in order."""

    def __init__(self) -> None:
        self.firings: list[Firing] = []
        # event_id -> the firings that made the event (filled when records are built)
        self.by_event: dict[str, list[Firing]] = {}

    def fire(self, rule_id: str, start: int, end: int, note: str = "") -> Firing:
        r = rules()[rule_id]
        f = Firing(rule_id, r.stage.value, r.effect.value, start, end, note)
        self.firings.append(f)
        return f

    def rule_ids(self) -> list[str]:
        return [f.rule for f in self.firings]


def rules_path() -> str:
    """Path of the shipped rules file."""
    return str(resources.files("rasid") / "data" / "rules" / "rules.toml")


def _tuple_of_str(rule_id: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"rule {rule_id!r}: {key} must be a list of sentences")
    return tuple(value)


def _check_when(rule_id: str, stage: Stage, when: Any) -> dict[str, Any]:
    from .lexicon import ROLES, SENSES

    if not isinstance(when, dict):
        raise RuleError(f"rule {rule_id!r}: when must be a table")
    if stage is Stage.TYPE:
        unknown = set(when) - TYPE_PATTERN_KEYS
        if unknown:
            raise RuleError(f"rule {rule_id!r}: unknown type pattern key(s) {sorted(unknown)}")
        return dict(when)  # values are checked against the vocabularies by the type stage
    unknown = set(when) - _PATTERN_KEYS
    if unknown:
        raise RuleError(f"rule {rule_id!r}: unknown pattern key(s) {sorted(unknown)}")
    roles = []
    if isinstance(when.get("after_cue"), str):
        roles.append(("cue", when["after_cue"]))
    for key, kind in (("cue", "cue"), ("trigger", "trigger"), ("outcome", "outcome")):
        v = when.get(key)
        if v is not None:
            roles += [(kind, x) for x in ([v] if isinstance(v, str) else v)]
    for key in ("cue_before", "followed_by", "without", "with"):
        v = when.get(key)
        if v is None:
            continue
        if not isinstance(v, dict) or not isinstance(v.get("words"), int):
            raise RuleError(f"rule {rule_id!r}: {key} needs a table with whole-number words")
        window_kind = "cue" if key == "cue_before" else v.get("kind")
        if window_kind not in ROLES:
            raise RuleError(f"rule {rule_id!r}: {key} names unknown kind {window_kind!r}")
        if v.get("role") is not None:
            roles.append((window_kind, v["role"]))
    for kind, role in roles:
        if role not in ROLES[kind]:
            raise RuleError(f"rule {rule_id!r}: {kind} role {role!r} is not in the lexicon roles")
    if when.get("sense") is not None and when["sense"] not in SENSES:
        raise RuleError(f"rule {rule_id!r}: sense {when['sense']!r} is not a lexicon sense")
    if when.get("at") not in (None, "clause_start"):
        raise RuleError(f"rule {rule_id!r}: at must be 'clause_start'")
    return dict(when)


def read_toml(path: str) -> dict[str, Any]:
    """A TOML data file of the rule engine, parsed (:class:`RuleError` when it is not TOML)."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{path}: not TOML: {e}") from None


def load_rules(path: str | None = None) -> RuleSet:
    """Read and check a rules file (default: the shipped one).

    Raises:
        RuleError: a rule with an unknown key, stage, effect, lexicon role or pattern key,
            without description, or without at least one ``fires`` and one ``quiet`` example.
    """
    p = path or rules_path()
    data = read_toml(p)
    out = []
    for i, raw in enumerate(data.get("rule", [])):
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid:
            raise RuleError(f"{p}: rule #{i + 1} has no id")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise RuleError(f"rule {rid!r}: unknown key(s) {sorted(unknown)}")
        try:
            stage = Stage(raw.get("stage"))
            effect = Effect(raw.get("effect"))
        except ValueError as e:
            raise RuleError(f"rule {rid!r}: {e}") from None
        desc = raw.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise RuleError(f"rule {rid!r}: no description")
        fires = _tuple_of_str(rid, "fires", raw.get("fires", []))
        quiet = _tuple_of_str(rid, "quiet", raw.get("quiet", []))
        if not fires or not quiet:
            raise RuleError(f"rule {rid!r}: needs at least one 'fires' and one 'quiet' example")
        out.append(
            Rule(
                id=rid,
                stage=stage,
                effect=effect,
                description=desc.strip(),
                when=_check_when(rid, stage, raw.get("when", {})),
                fires=fires,
                quiet=quiet,
                published=raw.get("published"),
                then=raw.get("then"),
            )
        )
    extra = set(data) - {"rule"}
    if extra:
        raise RuleError(f"{p}: unknown top-level key(s) {sorted(extra)}")
    return RuleSet(out)


@functools.lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The shipped rules, loaded once."""
    return load_rules()
