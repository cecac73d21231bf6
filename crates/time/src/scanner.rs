//! The scan: walk the tokens left to right; at each token try the matchers in a fixed order
//! (event-relative, range, "since", then single points) and jump past the first match.
//!
//! Invariants: matches never overlap (the walk resumes after a match's last token); a match
//! whose value cannot be resolved still consumes its tokens, so "last March" with a year-only
//! anchor is skipped as a whole rather than read again as a bare "March"; the past-tense rule
//! (nothing after the anchor) is applied once, in [`Scanner::finish`].

mod points;

use crate::calendar::{Anchor, Direction, infer_year_for_month, infer_year_for_month_day, valid_day};
use crate::lexicon::{
    COUNTED_NOUNS, DETERMINERS, MonthForm, NOUN_PHRASE_STOPS, TEMPORAL_PREPOSITIONS, can_start_expression,
    month_from_word, number_from_word, unit_from_word, weekday_from_word,
};
use crate::tokens::{Token, tokenize};
use crate::{ExpressionKind, Tense, TimeExpression, TimeValue};
use dyad_document::{PartialDate, Span};

pub(crate) fn scan(text: &str, region: Span, anchor: Option<Anchor>, tense: Tense) -> Vec<TimeExpression> {
    let tokens = tokenize(text, region);
    let direction = if tense == Tense::Future { Direction::Forward } else { Direction::Backward };
    let scanner = Scanner { tokens: &tokens, anchor, tense, direction };
    let mut found = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        let may_start = token.is_number() || (token.is_word() && can_start_expression(token.text));
        match if may_start { scanner.match_at(index) } else { None } {
            Some(matched) => {
                found.extend(scanner.finish(matched));
                index = matched.last + 1;
            }
            None => index += 1,
        }
    }
    found
}

/// A matched run of tokens `first..=last` and what it means.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match {
    pub first: usize,
    pub last: usize,
    pub value: Option<TimeValue>,
    pub kind: ExpressionKind,
}

/// A calendar date as written, before any year is inferred: "March" is month 3 alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct DateParts {
    pub year: Option<i16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Clone, Copy)]
pub(crate) struct Scanner<'a, 't> {
    pub tokens: &'a [Token<'t>],
    pub anchor: Option<Anchor>,
    pub tense: Tense,
    pub direction: Direction,
}

impl<'a, 't> Scanner<'a, 't> {
    fn match_at(&self, index: usize) -> Option<Match> {
        self.event_relative_at(index)
            .or_else(|| self.range_at(index))
            .or_else(|| self.since_at(index))
            .or_else(|| self.point_at(index))
    }

    /// Turns a match into an expression, or drops it: unresolved values (other than
    /// event-relative ones) and, in a past-tense sentence, values that begin after the anchor.
    fn finish(&self, matched: Match) -> Option<TimeExpression> {
        let span = Span::new(self.tokens[matched.first].start, self.tokens[matched.last].end);
        match matched.value {
            None if matched.kind != ExpressionKind::RelativeToEvent => None,
            Some(value)
                if self.tense == Tense::Past
                    && self.anchor.is_some_and(|anchor| anchor.precedes(value.representative())) =>
            {
                None
            }
            value => Some(TimeExpression { span, value, kind: matched.kind }),
        }
    }

    // ----- token helpers -----

    pub fn token(&self, index: usize) -> Option<&'a Token<'t>> {
        self.tokens.get(index)
    }

    pub fn is_word(&self, index: usize, lowercase_word: &str) -> bool {
        self.token(index).is_some_and(|token| token.is(lowercase_word))
    }

    pub fn is_word_in(&self, index: usize, lowercase_words: &[&str]) -> bool {
        self.token(index).is_some_and(|token| token.is_any(lowercase_words))
    }

    pub fn previous_is_in(&self, index: usize, lowercase_words: &[&str]) -> bool {
        index.checked_sub(1).is_some_and(|previous| self.is_word_in(previous, lowercase_words))
    }

    /// A month or year standing after "in", "since", "early" and the like is temporal.
    pub fn has_temporal_context(&self, index: usize) -> bool {
        self.previous_is_in(index, TEMPORAL_PREPOSITIONS)
    }

    /// True when the token at `index` is glued to a number-like token before it: the "000"
    /// of "4,000", the "2015" of "$2015" or "FY2015". "mid-2015" is allowed.
    fn glued_to_something_before(&self, index: usize) -> bool {
        let (Some(token), Some(previous)) = (self.token(index), index.checked_sub(1).and_then(|i| self.token(i)))
        else {
            return false;
        };
        if !token.glued {
            return false;
        }
        if previous.is_punct("-") {
            let before_dash = index.checked_sub(2).and_then(|i| self.token(i));
            return !before_dash.is_some_and(|word| word.is_any(&["mid", "early", "late"]));
        }
        previous.is_number() || previous.is_word() || [",", ".", "/", ":", "$", "#", "£", "€"].contains(&previous.text)
    }

    /// True when the token at `index` continues into something glued after it, so it is
    /// not a number on its own: "2015-strong", "2015th", "3.5", "3,000".
    fn continues_after(&self, index: usize) -> bool {
        let Some(next) = self.token(index + 1).filter(|next| next.glued) else {
            return false;
        };
        if next.is_word() || next.is_number() {
            return true;
        }
        let joiner = ["-", "/", ".", ",", ":"].contains(&next.text);
        joiner && self.token(index + 2).is_some_and(|after| after.glued && (after.is_word() || after.is_number()))
    }

    /// A year 1900–2100 written as four digits standing on its own. Whether the context is
    /// temporal is the caller's question.
    pub fn year_at(&self, index: usize) -> Option<i16> {
        let token = self.token(index).filter(|token| token.is_number() && token.text.len() == 4)?;
        let year: i16 = token.text.parse().ok()?;
        if !(1900..=2100).contains(&year) || self.glued_to_something_before(index) || self.continues_after(index) {
            return None;
        }
        // "until 2100 GMT" is a clock time; "in 2000 years" and "of 2015 people" are counts.
        if self.is_word_in(index + 1, &["gmt", "utc", "hrs", "local", "cet", "est", "bst"])
            || self.is_word_in(index + 1, COUNTED_NOUNS)
            || self.token(index + 1).is_some_and(|next| next.is_word() && unit_from_word(next.text).is_some())
        {
            return None;
        }
        Some(year)
    }

    /// A day of the month, with an optional ordinal suffix: "3", "3rd". Returns the day and
    /// the last token used.
    pub fn day_at(&self, index: usize) -> Option<(u8, usize)> {
        let token = self.token(index).filter(|token| token.is_number() && token.text.len() <= 2)?;
        let day: u8 = token.text.parse().ok()?;
        if !(1..=31).contains(&day) || (token.glued && self.glued_to_something_before(index)) {
            return None;
        }
        let mut last = index;
        if self.token(index + 1).is_some_and(|suffix| suffix.glued && suffix.is_any(&["st", "nd", "rd", "th"])) {
            last += 1;
        }
        if self.continues_after(last) {
            return None;
        }
        Some((day, last))
    }

    /// A capitalised month name, with the full stop of an abbreviation ("Sept.") taken in.
    /// A possessive ("May's") is a name, not a month.
    pub fn month_at(&self, index: usize) -> Option<(u8, MonthForm, usize)> {
        let token = self.token(index).filter(|token| token.is_word() && token.is_capitalised())?;
        let (month, form) = month_from_word(token.text)?;
        let mut last = index;
        if form == MonthForm::Abbreviated && self.token(index + 1).is_some_and(|dot| dot.glued && dot.is_punct(".")) {
            last += 1;
        }
        if self.is_possessive_at(last + 1) {
            return None;
        }
        Some((month, form, last))
    }

    pub fn is_possessive_at(&self, index: usize) -> bool {
        self.token(index).is_some_and(|mark| mark.glued && mark.is_apostrophe())
            && self.token(index + 1).is_some_and(|s| s.glued && s.is("s"))
    }

    /// A count written as digits or words: "3", "three", "a".
    pub fn quantity_at(&self, index: usize) -> Option<u32> {
        let token = self.token(index)?;
        if token.is_number() {
            if token.text.len() > 3 || self.glued_to_something_before(index) || self.continues_after(index) {
                return None;
            }
            return token.number_value();
        }
        if token.is_word() { number_from_word(token.text) } else { None }
    }

    /// "March 3[, 2024]" or "3[rd] [of] March [2024]": a month with its day, and a year if written.
    pub fn calendar_date_at(&self, index: usize) -> Option<(DateParts, usize)> {
        if let Some((month, _, month_last)) = self.month_at(index)
            && let Some((day, day_last)) = self.day_at(month_last + 1)
        {
            let (year, last) = self.trailing_year(day_last);
            return Some((DateParts { year, month: Some(month), day: Some(day) }, last));
        }
        let (day, day_last) = self.day_at(index)?;
        let month_index = if self.is_word(day_last + 1, "of") { day_last + 2 } else { day_last + 1 };
        let (month, _, month_last) = self.month_at(month_index)?;
        let (year, last) = self.trailing_year(month_last);
        Some((DateParts { year, month: Some(month), day: Some(day) }, last))
    }

    /// A year right after `last`, optionally after a comma: ", 2001" in "Sept. 11, 2001".
    fn trailing_year(&self, last: usize) -> (Option<i16>, usize) {
        if let Some(year) = self.year_at(last + 1) {
            return (Some(year), last + 1);
        }
        if self.token(last + 1).is_some_and(|comma| comma.is_punct(","))
            && let Some(year) = self.year_at(last + 2)
        {
            return (Some(year), last + 2);
        }
        (None, last)
    }

    /// Resolves written date parts to a date, inferring a missing year from the anchor.
    pub fn resolve_parts(&self, parts: DateParts) -> Option<(PartialDate, ExpressionKind)> {
        match parts {
            DateParts { year: Some(year), month: Some(month), day: Some(day) } => {
                Some((valid_day(year, month, day)?, ExpressionKind::Absolute))
            }
            DateParts { year: Some(year), month: Some(month), day: None } => {
                Some((PartialDate::month(year, month), ExpressionKind::Absolute))
            }
            DateParts { year: Some(year), month: None, .. } => {
                Some((PartialDate::year(year), ExpressionKind::Absolute))
            }
            DateParts { year: None, month: Some(month), day } => {
                let anchor = self.anchor.as_ref()?;
                let date = match day {
                    Some(day) => {
                        let year = infer_year_for_month_day(month, day, anchor, self.direction)?;
                        valid_day(year, month, day)?
                    }
                    None => PartialDate::month(infer_year_for_month(month, anchor, self.direction)?, month),
                };
                Some((date, ExpressionKind::Inferred))
            }
            DateParts { year: None, month: None, .. } => None,
        }
    }

    // ----- "since", ranges, event-relative -----

    /// "since 2016", "since March", "since last year": the point after "since", read as past.
    fn since_at(&self, index: usize) -> Option<Match> {
        if !self.is_word(index, "since") {
            return None;
        }
        let as_past = Scanner { direction: Direction::Backward, ..*self };
        let point = as_past.point_at(index + 1)?;
        if point.kind == ExpressionKind::RelativeToEvent {
            return None;
        }
        let value = point.value.map(|value| TimeValue::Since(value.representative()));
        Some(Match { first: index, last: point.last, value, kind: point.kind })
    }

    /// "between 2011 and 2013", "from March to May 2024", "from 3 to 5 January",
    /// "from Monday to Wednesday".
    fn range_at(&self, index: usize) -> Option<Match> {
        let connectors: &[&str] = if self.is_word(index, "between") {
            &["and"]
        } else if self.is_word(index, "from") {
            &["to", "until", "till", "through", "thru", "-", "\u{2013}", "\u{2014}"]
        } else {
            return None;
        };
        let is_connector = |at: usize| {
            self.token(at).is_some_and(|token| connectors.iter().any(|c| token.text.eq_ignore_ascii_case(c)))
        };
        if let Some((start, start_last)) = self.range_endpoint_at(index + 1, true)
            && is_connector(start_last + 1)
            && let Some((end, end_last)) = self.range_endpoint_at(start_last + 2, false)
        {
            let (value, kind) = self
                .resolve_range(start, end)
                .map_or((None, ExpressionKind::Absolute), |(value, kind)| (Some(value), kind));
            return Some(Match { first: index, last: end_last, value, kind });
        }
        let start = self.point_at(index + 1).filter(|point| point.kind != ExpressionKind::RelativeToEvent)?;
        if !is_connector(start.last + 1) {
            return None;
        }
        let end = self.point_at(start.last + 2).filter(|point| point.kind != ExpressionKind::RelativeToEvent)?;
        let value = match (start.value, end.value) {
            (Some(first), Some(second)) => {
                let closing = match second {
                    TimeValue::Range(_, closing) => closing,
                    other => other.representative(),
                };
                Some(TimeValue::Range(first.representative(), closing))
            }
            _ => None,
        };
        Some(Match { first: index, last: end.last, value, kind: start.kind })
    }

    /// One end of a range, as written parts: a calendar date, a month with or without a
    /// year, a year, or (first end only) a bare day as in "from 3 to 5 January".
    fn range_endpoint_at(&self, index: usize, first_end: bool) -> Option<(DateParts, usize)> {
        if let Some(found) = self.calendar_date_at(index) {
            return Some(found);
        }
        if let Some((month, _, month_last)) = self.month_at(index) {
            let after_of = if self.is_word(month_last + 1, "of") { month_last + 2 } else { month_last + 1 };
            if let Some(year) = self.year_at(after_of) {
                return Some((DateParts { year: Some(year), month: Some(month), day: None }, after_of));
            }
            return Some((DateParts { year: None, month: Some(month), day: None }, month_last));
        }
        if let Some(year) = self.year_at(index) {
            return Some((DateParts { year: Some(year), ..DateParts::default() }, index));
        }
        if first_end && let Some((day, last)) = self.day_at(index) {
            return Some((DateParts { day: Some(day), ..DateParts::default() }, last));
        }
        None
    }

    /// Fills each end's missing parts from the other and the anchor, then checks order.
    fn resolve_range(&self, mut start: DateParts, mut end: DateParts) -> Option<(TimeValue, ExpressionKind)> {
        if start.month.is_none() && start.year.is_none() {
            // "from 3 to 5 January": the bare day borrows the month.
            end.day?;
            start.month = end.month;
        }
        let kind = if end.year.is_some() || start.year.is_some() {
            ExpressionKind::Absolute
        } else {
            ExpressionKind::Inferred
        };
        if start.year.is_none() && end.year.is_none() {
            end.year = Some(self.resolve_parts(end)?.0.year);
        }
        if start.year.is_none() {
            let year = end.year?;
            let start_is_later = (start.month, start.day) > (end.month, end.day);
            start.year = Some(if start_is_later { year.checked_sub(1)? } else { year });
        }
        if end.year.is_none() {
            let year = start.year?;
            let end_is_earlier = (end.month, end.day) < (start.month, start.day);
            end.year = Some(if end_is_earlier { year.checked_add(1)? } else { year });
        }
        let (first, _) = self.resolve_parts(start)?;
        let (last, _) = self.resolve_parts(end)?;
        if first.first_day() > last.first_day() {
            return None;
        }
        Some((TimeValue::Range(first, last), kind))
    }

    /// Expressions counted from another event: "two days after the election", "three years
    /// later", "the day after the vote", "the following week", "later that day". They get
    /// no value: the text does not say when the other event was.
    fn event_relative_at(&self, index: usize) -> Option<Match> {
        let event =
            |last: usize| Some(Match { first: index, last, value: None, kind: ExpressionKind::RelativeToEvent });
        // "two days after the election", "days later", "a week before Christmas".
        let (unit_index, counted) = match self.quantity_at(index) {
            Some(_) => (index + 1, true),
            None => (index, false),
        };
        if let Some(unit_token) = self.token(unit_index)
            && unit_token.is_word()
            && unit_from_word(unit_token.text).is_some()
            && (counted || unit_token.text.ends_with('s'))
        {
            if self.is_word_in(unit_index + 1, &["later", "earlier"]) {
                return event(unit_index + 1);
            }
            if self.is_word_in(unit_index + 1, &["after", "before"]) {
                return event(self.event_phrase_end(unit_index + 1));
            }
        }
        const DAY_UNITS: &[&str] = &["day", "week", "month", "year", "night", "morning", "evening", "afternoon"];
        if self.is_word(index, "the") && self.is_word_in(index + 1, DAY_UNITS) {
            // "the day after the vote"; a bare "the day after" is narrative time too. A bare
            // "the day before" is left to the day words, which read it as the anchor's eve.
            if self.is_word(index + 2, "after") {
                return event(self.event_phrase_end(index + 2));
            }
            if self.is_word(index + 2, "before") {
                let standalone_eve =
                    self.is_word_in(index + 1, &["day", "night"]) && !self.starts_noun_phrase(index + 3);
                return if standalone_eve { None } else { event(self.event_phrase_end(index + 2)) };
            }
        }
        // "the following week", "the next day", "the same day", "the previous year". "The
        // previous day" is left to the day words, which read it as the anchor's eve.
        if self.is_word(index, "the")
            && self.is_word_in(index + 2, DAY_UNITS)
            && (self.is_word_in(index + 1, &["following", "next", "same"])
                || (self.is_word(index + 1, "previous") && !self.is_word_in(index + 2, &["day", "night"])))
        {
            return event(index + 2);
        }
        // "that day", "later that night".
        let that_index = if self.is_word_in(index, &["later", "earlier"]) { index + 1 } else { index };
        if self.is_word(that_index, "that")
            && self.is_word_in(that_index + 1, &["day", "night", "morning", "evening", "afternoon"])
        {
            return event(that_index + 1);
        }
        None
    }

    fn starts_noun_phrase(&self, index: usize) -> bool {
        self.token(index).is_some_and(|token| {
            token.is_any(DETERMINERS) || (token.is_word() && token.is_capitalised() && !self.is_calendar_name(index))
        })
    }

    fn is_calendar_name(&self, index: usize) -> bool {
        self.token(index).is_some_and(|token| {
            token.is_word() && (month_from_word(token.text).is_some() || weekday_from_word(token.text).is_some())
        })
    }

    /// The last token of the event named after "after"/"before" at `preposition`: a
    /// determiner and up to three words, or up to three capitalised words, stopping at
    /// punctuation, verbs and function words, and at month or weekday names (which are
    /// found as expressions of their own).
    fn event_phrase_end(&self, preposition: usize) -> usize {
        let mut last = preposition;
        let mut index = preposition + 1;
        let mut proper_nouns_only = true;
        if self.is_word_in(index, DETERMINERS) {
            last = index;
            index += 1;
            proper_nouns_only = false;
        }
        let mut words_taken = 0;
        let mut took_lowercase = false;
        while words_taken < 3 {
            let Some(token) = self.token(index).filter(|token| token.is_word()) else {
                break;
            };
            let capitalised = token.is_capitalised();
            // A lowercase "-ed" word after the head noun is a verb: "the truce collapsed".
            let past_verb = words_taken > 0 && !capitalised && token.text.ends_with("ed");
            let stops = past_verb
                || token.is_any(NOUN_PHRASE_STOPS)
                || token.is_any(&["he", "she", "it", "they", "we", "i", "you"])
                || self.is_calendar_name(index)
                || (proper_nouns_only && !capitalised)
                || (capitalised && took_lowercase);
            if stops {
                break;
            }
            took_lowercase |= !capitalised;
            last = index;
            words_taken += 1;
            index += 1;
            if self.is_possessive_at(index) {
                last = index + 1;
                index += 2;
                proper_nouns_only = false;
            }
        }
        last
    }
}
