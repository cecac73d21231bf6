//! How the text presents an event: asserted, negated, future or intended, hypothetical, or
//! historical background. Analysts filter on this: a threatened strike is not a strike.

use crate::clause::VerbGroup;
use crate::dating::is_well_before;
use dyad_actors::SentenceView;
use dyad_document::PartialDate;
use dyad_record::{EventRecord, Modality};

const FUTURE_MODALS: &[&str] = &["will", "shall", "'ll", "wo"];
const HYPOTHETICAL_MODALS: &[&str] = &["could", "might", "may", "would", "should", "must", "can", "ca"];
/// Verbs that put the following "to VERB" in the future: "plans to visit", "sought to topple".
const INTENT_VERBS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "aim",
    "aims",
    "aimed",
    "intend",
    "intends",
    "intended",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "prepare",
    "prepares",
    "prepared",
    "expect",
    "expects",
    "expected",
    "try",
    "tries",
    "tried",
    "trying",
    "set",
    "due",
    "going",
    "vow",
    "vows",
    "vowed",
    "swear",
    "swears",
    "swore",
    "sworn",
    "pledge",
    "pledged",
    "promise",
    "promised",
    "agree",
    "agreed",
    "agrees",
    "decide",
    "decided",
    "attempt",
    "attempted",
    "scheduled",
    "poised",
    "ready",
    "willing",
    "about",
];
/// Verbs that only frame the infinitive after them: "seeks to mediate" is a mediation (with
/// future modality), not an event of seeking.
const FRAMING_VERBS: &[&str] = &[
    "seek",
    "seeks",
    "sought",
    "seeking",
    "try",
    "tries",
    "tried",
    "trying",
    "attempt",
    "attempts",
    "attempted",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "planning",
    "aim",
    "aims",
    "aimed",
    "hope",
    "hopes",
    "hoped",
    "intend",
    "intends",
    "intended",
    "prepare",
    "prepares",
    "prepared",
    "work",
    "works",
    "worked",
    "working",
    "continue",
    "continues",
    "continued",
    "begin",
    "begins",
    "began",
    "start",
    "starts",
    "started",
    "need",
    "needs",
    "needed",
    "decide",
    "decided",
    "decides",
    "expect",
    "expects",
    "expected",
    "help",
    "helped",
];

/// True when the verb at `verb` frames an infinitive ("sought to topple") and so carries no
/// event of its own.
pub fn is_framing_verb(view: &SentenceView, verb: usize) -> bool {
    view.is_any_word(verb, FRAMING_VERBS)
        && view.is_word(verb + 1, "to")
        && verb + 2 < view.len()
        && view.tag(verb + 2) == "VB"
}

const REFUSAL_VERBS: &[&str] = &["refuse", "refused", "refuses", "fail", "failed", "fails", "declined", "decline"];
const CONDITIONAL_WORDS: &[&str] = &["if", "unless", "whether"];
const POSSIBILITY_NOUNS: &[&str] = &["possibility", "prospect", "idea", "proposal", "plan"];

pub fn modality_of(view: &SentenceView, group: &VerbGroup) -> Modality {
    let governing = governing_verb_before_to(view, group.first);
    let governing = governing.as_deref();
    if group.negated || governing.is_some_and(|word| REFUSAL_VERBS.contains(&word)) {
        return Modality::Negated;
    }
    if group.modal.as_deref().is_some_and(|modal| FUTURE_MODALS.contains(&modal)) {
        return Modality::Future;
    }
    if governing.is_some_and(|word| INTENT_VERBS.contains(&word)) {
        return Modality::Future;
    }
    if group.modal.as_deref().is_some_and(|modal| HYPOTHETICAL_MODALS.contains(&modal)) || is_conditional(view, group) {
        return Modality::Hypothetical;
    }
    Modality::Asserted
}

/// Verbs whose infinitive is refused: "refused to deploy", "declined to meet".
const REFUSING_VERBS: &[&str] = &["refuse", "refused", "refuses", "refusing", "declined", "decline", "declines"];
/// Modals that, negated, state an unwillingness rather than a fact: "will not accept".
const WILLINGNESS_MODALS: &[&str] = &["will", "would", "wo", "shall"];

/// A refusal to act: "refused to deploy peacekeepers", "will not accept more refugees",
/// "would not allow". PLOVER codes the refusal itself (REJECT) where the act would have been
/// cooperation; a plain "did not meet" is only a negated event.
pub fn is_refusal(view: &SentenceView, group: &VerbGroup) -> bool {
    let governing = governing_verb_before_to(view, group.first);
    let refused = governing.as_deref().is_some_and(|word| REFUSING_VERBS.contains(&word));
    let unwilling = group.negated && group.modal.as_deref().is_some_and(|modal| WILLINGNESS_MODALS.contains(&modal));
    refused || unwilling
}

/// "seeks to mediate": the verb governing an infinitive, lower-cased.
fn governing_verb_before_to(view: &SentenceView, first: usize) -> Option<String> {
    if first < 2 || !view.is_word(first - 1, "to") {
        return None;
    }
    let governor = first - 2;
    let is_verb_like = view.tag(governor).starts_with("VB") || view.tag(governor).starts_with("JJ");
    is_verb_like.then(|| view.word(governor).to_lowercase())
}

/// Words that offer the infinitive after them: "is willing to withdraw", "is prepared to lift
/// the ban", "offered to release".
const OFFERING_WORDS: &[&str] = &[
    "willing", "prepared", "ready", "offer", "offers", "offered", "offering", "promise", "promises", "promised",
    "pledge", "pledges", "pledged",
];

/// A concession or retreat offered rather than made or decided: "is willing to withdraw its
/// troops", "is prepared to lift the ban", "offered to release the prisoners". CAMEO codes
/// such an offer as an intent to yield (035), which PLOVER's crosswalk makes AGREE ("offer,
/// promise, or otherwise indicate willingness"); a concession announced as decided ("said it
/// would withdraw") stays CONCEDE.
pub fn is_offered(view: &SentenceView, group: &VerbGroup) -> bool {
    !group.negated
        && governing_verb_before_to(view, group.first).is_some_and(|word| OFFERING_WORDS.contains(&word.as_str()))
}

/// Modals that report a decision or intent when no condition governs them: "said they would
/// meet", "announced it will withdraw".
const ANNOUNCING_MODALS: &[&str] = &["would", "'d", "will", "'ll", "shall", "wo"];

/// Intents that hold an act over its recipient rather than decide it: "plans to impose", "is
/// prepared to impose", "vowed to retaliate". "agreed to impose sanctions" decides them.
const HOLDING_INTENTS: &[&str] = &[
    "plan", "plans", "planned", "planning", "prepare", "prepares", "prepared", "ready", "vow", "vows", "vowed",
    "poised", "swear", "swears", "swore", "sworn",
];

/// How an act not yet done is put forward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// Decided and stated outright: "will expel 23 diplomats", "will meet".
    Decided,
    /// Held over the recipient: made to depend on a condition ("will withdraw its force unless
    /// ..."), only planned or readied ("plans to impose", "is prepared to impose"), or put
    /// hypothetically ("said they would boycott the talks").
    Held,
}

/// Whether an event of the given modality is announced rather than speculated about, and how.
/// "could", "might" and an "if" before the verb are speculation, not an announcement.
pub fn announcement(view: &SentenceView, group: &VerbGroup, modality: Modality) -> Option<Announcement> {
    let by_modal = group.modal.as_deref().is_some_and(|modal| ANNOUNCING_MODALS.contains(&modal));
    let announced = match modality {
        Modality::Future => true,
        Modality::Hypothetical => by_modal && !is_conditional(view, group),
        _ => false,
    };
    if !announced {
        return None;
    }
    let governing = governing_verb_before_to(view, group.first);
    let intended = governing.as_deref().is_some_and(|word| HOLDING_INTENTS.contains(&word));
    let condition_follows = (group.end..view.len()).any(|index| view.is_any_word(index, &["if", "unless"]));
    // "said they would boycott": PLOVER reads a hostile act put hypothetically ("would") as a
    // threat (THREATEN is ASSAULT + hypothetical, manual 0.8 section 2), while "will expel"
    // states a decision.
    let hypothetical = modality == Modality::Hypothetical;
    Some(if intended || condition_follows || hypothetical { Announcement::Held } else { Announcement::Decided })
}

/// An "if" earlier in the clause, or "the possibility of" a meeting.
fn is_conditional(view: &SentenceView, group: &VerbGroup) -> bool {
    let start = group.first.saturating_sub(8);
    (start..group.first).any(|index| view.is_any_word(index, CONDITIONAL_WORDS))
        || (group.first >= 2
            && view.is_word(group.first - 1, "of")
            && view.is_any_word(group.first - 2, POSSIBILITY_NOUNS))
}

/// An asserted event dated well before publication is background history.
pub fn mark_historical_if_past(event: &mut EventRecord, anchor: PartialDate) {
    if event.modality == Modality::Asserted && is_well_before(event.date, anchor) {
        event.modality = Modality::Historical;
    }
}
