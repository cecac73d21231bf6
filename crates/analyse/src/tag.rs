//! Penn Treebank part-of-speech tags, as GUM's XPOS column uses them.
//!
//! Invariant: `Tag::ALL[tag.index()] == tag` and `Tag::parse(tag.as_str()) == Some(tag)` for
//! every tag; the tagger stores tags by that index, so the order of `ALL` is part of the
//! model format and must only ever be appended to.

use std::fmt;

/// A Penn Treebank part-of-speech tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tag {
    /// Coordinating conjunction: and, but, or.
    CC,
    /// Cardinal number: 3, three, 1.2.
    CD,
    /// Determiner: the, a, every.
    DT,
    /// Existential there.
    EX,
    /// Foreign word.
    FW,
    /// Preposition or subordinating conjunction.
    IN,
    /// Adjective.
    JJ,
    /// Comparative adjective.
    JJR,
    /// Superlative adjective.
    JJS,
    /// List item marker.
    LS,
    /// Modal: can, will, would.
    MD,
    /// Singular or mass noun.
    NN,
    /// Plural noun.
    NNS,
    /// Singular proper noun.
    NNP,
    /// Plural proper noun.
    NNPS,
    /// Predeterminer: all, both (before a determiner).
    PDT,
    /// Possessive ending 's.
    POS,
    /// Personal pronoun.
    PRP,
    /// Possessive pronoun: his, their (PRP$).
    PRPS,
    /// Adverb.
    RB,
    /// Comparative adverb.
    RBR,
    /// Superlative adverb.
    RBS,
    /// Particle: up in "give up".
    RP,
    /// Symbol.
    SYM,
    /// Infinitival to.
    TO,
    /// Interjection.
    UH,
    /// Verb, base form.
    VB,
    /// Verb, past tense.
    VBD,
    /// Verb, gerund or present participle.
    VBG,
    /// Verb, past participle.
    VBN,
    /// Verb, non-3rd person singular present.
    VBP,
    /// Verb, 3rd person singular present.
    VBZ,
    /// Wh-determiner: which, that.
    WDT,
    /// Wh-pronoun: who, what.
    WP,
    /// Possessive wh-pronoun: whose (WP$).
    WPS,
    /// Wh-adverb: where, when, how.
    WRB,
    /// Hyphen split off a word.
    HYPH,
    /// Superfluous punctuation.
    NFP,
    /// Address: URL or e-mail.
    ADD,
    /// "Goes with": part of a word split in the text.
    GW,
    /// Unknown.
    XX,
    /// Affix split off a word.
    AFX,
    /// Left bracket (-LRB-).
    LRB,
    /// Right bracket (-RRB-).
    RRB,
    /// Opening quote (``).
    OpenQuote,
    /// Closing quote ('').
    CloseQuote,
    /// Comma.
    Comma,
    /// Sentence-final punctuation (.).
    Period,
    /// Colon, semicolon, dash, ellipsis (:).
    Colon,
    /// Currency sign ($).
    Dollar,
    /// Pound sign (#).
    Hash,
}

impl Tag {
    /// Every tag, in the order of [`Tag::index`].
    pub const ALL: [Tag; 51] = [
        Tag::CC,
        Tag::CD,
        Tag::DT,
        Tag::EX,
        Tag::FW,
        Tag::IN,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::LS,
        Tag::MD,
        Tag::NN,
        Tag::NNS,
        Tag::NNP,
        Tag::NNPS,
        Tag::PDT,
        Tag::POS,
        Tag::PRP,
        Tag::PRPS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
        Tag::RP,
        Tag::SYM,
        Tag::TO,
        Tag::UH,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::WDT,
        Tag::WP,
        Tag::WPS,
        Tag::WRB,
        Tag::HYPH,
        Tag::NFP,
        Tag::ADD,
        Tag::GW,
        Tag::XX,
        Tag::AFX,
        Tag::LRB,
        Tag::RRB,
        Tag::OpenQuote,
        Tag::CloseQuote,
        Tag::Comma,
        Tag::Period,
        Tag::Colon,
        Tag::Dollar,
        Tag::Hash,
    ];

    /// Number of tags.
    pub const COUNT: usize = Tag::ALL.len();

    /// Position of this tag in [`Tag::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag at `index` in [`Tag::ALL`], if any.
    pub fn from_index(index: usize) -> Option<Tag> {
        Tag::ALL.get(index).copied()
    }

    /// The tag as the treebank writes it: "NN", "PRP$", "-LRB-", "``", ",".
    pub fn as_str(&self) -> &'static str {
        match self {
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::DT => "DT",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::IN => "IN",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::LS => "LS",
            Tag::MD => "MD",
            Tag::NN => "NN",
            Tag::NNS => "NNS",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::PDT => "PDT",
            Tag::POS => "POS",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::RP => "RP",
            Tag::SYM => "SYM",
            Tag::TO => "TO",
            Tag::UH => "UH",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::WDT => "WDT",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WRB => "WRB",
            Tag::HYPH => "HYPH",
            Tag::NFP => "NFP",
            Tag::ADD => "ADD",
            Tag::GW => "GW",
            Tag::XX => "XX",
            Tag::AFX => "AFX",
            Tag::LRB => "-LRB-",
            Tag::RRB => "-RRB-",
            Tag::OpenQuote => "``",
            Tag::CloseQuote => "''",
            Tag::Comma => ",",
            Tag::Period => ".",
            Tag::Colon => ":",
            Tag::Dollar => "$",
            Tag::Hash => "#",
        }
    }

    /// Reads a tag as the treebank writes it; `None` for anything else.
    pub fn parse(text: &str) -> Option<Tag> {
        Tag::ALL.iter().copied().find(|tag| tag.as_str() == text)
    }

    /// Any verb form (VB, VBD, VBG, VBN, VBP, VBZ); modals are not included.
    pub fn is_verb(&self) -> bool {
        matches!(self, Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ)
    }

    /// A finite verb form: past (VBD) or present (VBP, VBZ).
    pub fn is_finite_verb(&self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ)
    }

    /// Modal verb (MD).
    pub fn is_modal(&self) -> bool {
        matches!(self, Tag::MD)
    }

    /// Common or proper noun, singular or plural.
    pub fn is_noun(&self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// Proper noun, singular or plural.
    pub fn is_proper_noun(&self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Adjective in any degree.
    pub fn is_adjective(&self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// Adverb in any degree, including wh-adverbs.
    pub fn is_adverb(&self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB)
    }

    /// Personal, possessive or wh-pronoun.
    pub fn is_pronoun(&self) -> bool {
        matches!(self, Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS)
    }

    /// Determiner, predeterminer or wh-determiner.
    pub fn is_determiner(&self) -> bool {
        matches!(self, Tag::DT | Tag::PDT | Tag::WDT)
    }

    /// Preposition or subordinating conjunction (IN), and infinitival "to".
    pub fn is_preposition(&self) -> bool {
        matches!(self, Tag::IN | Tag::TO)
    }

    /// Cardinal number.
    pub fn is_number(&self) -> bool {
        matches!(self, Tag::CD)
    }

    /// Coordinating conjunction.
    pub fn is_conjunction(&self) -> bool {
        matches!(self, Tag::CC)
    }

    /// Punctuation of any kind, including quotes, brackets and hyphens.
    pub fn is_punctuation(&self) -> bool {
        matches!(
            self,
            Tag::HYPH
                | Tag::NFP
                | Tag::LRB
                | Tag::RRB
                | Tag::OpenQuote
                | Tag::CloseQuote
                | Tag::Comma
                | Tag::Period
                | Tag::Colon
        )
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_text_round_trip_for_every_tag() {
        for (index, tag) in Tag::ALL.iter().enumerate() {
            assert_eq!(tag.index(), index);
            assert_eq!(Tag::from_index(index), Some(*tag));
            assert_eq!(Tag::parse(tag.as_str()), Some(*tag));
        }
        assert_eq!(Tag::from_index(Tag::COUNT), None);
    }

    #[test]
    fn parses_treebank_spellings() {
        assert_eq!(Tag::parse("PRP$"), Some(Tag::PRPS));
        assert_eq!(Tag::parse("-LRB-"), Some(Tag::LRB));
        assert_eq!(Tag::parse("``"), Some(Tag::OpenQuote));
        assert_eq!(Tag::parse("''"), Some(Tag::CloseQuote));
        assert_eq!(Tag::parse("NOUN"), None);
        assert_eq!(Tag::parse(""), None);
    }

    #[test]
    fn classes_group_tags() {
        assert!(Tag::VBD.is_verb() && Tag::VBD.is_finite_verb());
        assert!(!Tag::MD.is_verb() && Tag::MD.is_modal());
        assert!(Tag::NNPS.is_noun() && Tag::NNPS.is_proper_noun());
        assert!(!Tag::NN.is_proper_noun());
        assert!(Tag::JJS.is_adjective() && Tag::PRPS.is_pronoun());
        assert!(Tag::WDT.is_determiner() && Tag::IN.is_preposition());
        assert!(Tag::Comma.is_punctuation() && !Tag::CD.is_punctuation());
    }
}
