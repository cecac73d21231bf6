//! Matchers for single time expressions (points, and the periods "last week" and "the
//! 1990s"). Each starts exactly at the token it is given and returns the run it matched;
//! none of them looks further back than the one token that gives context ("in March").

use super::{DateParts, Match, Scanner};
use crate::calendar::{Direction, add_days, monday_of_week, shift_month, to_partial, valid_day, weekday_from};
use crate::lexicon::MonthForm;
use crate::lexicon::{
    DAY_PARTS, SEASONS, Unit, WEEKDAY_NAME_PREFIXES, WEEKDAY_NAME_SUFFIXES, unit_from_word, weekday_from_word,
};
use crate::{ExpressionKind, Tense, TimeValue};
use dyad_document::PartialDate;
use jiff::civil::{Date, Weekday};

/// "last", "this", "next" before a weekday, month or period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    Last,
    This,
    Next,
}

impl Relation {
    fn offset(self) -> i16 {
        match self {
            Relation::Last => -1,
            Relation::This => 0,
            Relation::Next => 1,
        }
    }
}

/// "early", "mid" or "late" before a decade, which narrows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartOfPeriod {
    Early,
    Mid,
    Late,
}

fn point(date: Option<PartialDate>) -> Option<TimeValue> {
    date.map(TimeValue::Point)
}

impl Scanner<'_, '_> {
    /// The first single-expression matcher that matches at `index`, in a fixed order.
    pub(super) fn point_at(&self, index: usize) -> Option<Match> {
        self.numeric_date_at(index)
            .or_else(|| self.year_span_at(index))
            .or_else(|| self.decade_at(index))
            .or_else(|| self.weekday_phrase_at(index))
            .or_else(|| self.day_word_at(index))
            .or_else(|| self.quantity_ago_at(index))
            .or_else(|| self.relative_period_at(index))
            .or_else(|| self.month_phrase_at(index))
            .or_else(|| self.day_month_at(index))
            .or_else(|| self.season_year_at(index))
            .or_else(|| self.year_phrase_at(index))
    }

    fn anchor_date(&self) -> Option<Date> {
        self.anchor.and_then(|anchor| anchor.date)
    }

    /// The anchor at whatever precision it has: what "today" means.
    fn anchor_point(&self) -> Option<PartialDate> {
        let anchor = self.anchor?;
        Some(match (anchor.date, anchor.month) {
            (Some(date), _) => to_partial(date),
            (None, Some(month)) => PartialDate::month(anchor.year, month),
            (None, None) => PartialDate::year(anchor.year),
        })
    }

    fn days_from_anchor(&self, days: i64) -> Option<PartialDate> {
        self.anchor_date().and_then(|date| add_days(date, days)).map(to_partial)
    }

    fn relation_at(&self, index: usize) -> Option<Relation> {
        let token = self.token(index)?;
        if token.is("last") {
            Some(Relation::Last)
        } else if token.is("this") {
            Some(Relation::This)
        } else if token.is("next") {
            Some(Relation::Next)
        } else {
            None
        }
    }

    /// The index after "early", "late", "mid" or "mid-", if one stands at `index`.
    fn after_modifier(&self, index: usize) -> Option<usize> {
        if !self.is_word_in(index, &["early", "late", "mid"]) {
            return None;
        }
        let dash_follows = self.token(index + 1).is_some_and(|dash| dash.glued && dash.is_punct("-"));
        Some(if dash_follows { index + 2 } else { index + 1 })
    }

    /// "2024-07-24", "24/07/2024", "07/24/2024", "24.07.2024". A slashed date whose day and
    /// month could be swapped ("05/07/2024") is consumed but left without a value.
    fn numeric_date_at(&self, index: usize) -> Option<Match> {
        let first = self.token(index).filter(|token| token.is_number())?;
        if self.glued_to_something_before(index) {
            return None;
        }
        let separator = self.token(index + 1).filter(|token| token.glued && matches!(token.text, "-" | "/" | "."))?;
        let glued_number = |at: usize| self.token(at).filter(|token| token.glued && token.is_number());
        let second = glued_number(index + 2)?;
        self.token(index + 3).filter(|token| token.glued && token.text == separator.text)?;
        let third = glued_number(index + 4)?;
        let last = index + 4;
        // "2024-07-24T10:00:00Z" goes on into a time of day; anything else glued on is not a date.
        let time_follows = self.token(last + 1).is_some_and(|next| next.glued && next.text == "T");
        if self.continues_after(last) && !time_follows {
            return None;
        }
        let number = |text: &str| text.parse::<u16>().ok();
        let (a, b, c) = (number(first.text)?, number(second.text)?, number(third.text)?);
        let value = if separator.text == "-" {
            if first.text.len() != 4 || second.text.len() != 2 || third.text.len() != 2 {
                return None;
            }
            self.numeric_day(a, b, c)
        } else {
            if first.text.len() > 2 || second.text.len() > 2 || third.text.len() != 4 {
                return None;
            }
            match (a, b) {
                (a, b) if a > 12 && b <= 12 => self.numeric_day(c, b, a),
                (a, b) if a <= 12 && b > 12 => self.numeric_day(c, a, b),
                (a, b) if a == b => self.numeric_day(c, a, b),
                _ => None,
            }
        };
        Some(Match { first: index, last, value: point(value), kind: ExpressionKind::Absolute })
    }

    fn numeric_day(&self, year: u16, month: u16, day: u16) -> Option<PartialDate> {
        let year = i16::try_from(year).ok().filter(|year| (1900..=2100).contains(year))?;
        valid_day(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// "in 2012-2013", "since 2010-11": a span of years written with a dash, after a
    /// temporal word (so "the 2015-16 budget" stays a name).
    fn year_span_at(&self, index: usize) -> Option<Match> {
        let first = self.token(index).filter(|token| token.is_number() && token.text.len() == 4)?;
        if !self.has_temporal_context(index) || self.glued_to_something_before(index) {
            return None;
        }
        self.token(index + 1).filter(|dash| dash.glued && matches!(dash.text, "-" | "\u{2013}"))?;
        let second = self.token(index + 2).filter(|token| token.glued && token.is_number())?;
        if self.continues_after(index + 2) {
            return None;
        }
        let start: i16 = first.text.parse().ok()?;
        let end: i16 = match second.text.len() {
            4 => second.text.parse().ok()?,
            // "2010-11": the century of the first year, or the next one for "1999-00".
            2 => {
                let within_century: i16 = second.text.parse().ok()?;
                let candidate = start - start % 100 + within_century;
                if candidate < start { candidate + 100 } else { candidate }
            }
            _ => return None,
        };
        if !(1900..=2100).contains(&start) || end <= start || end > 2100 {
            return None;
        }
        let value = TimeValue::Range(PartialDate::year(start), PartialDate::year(end));
        Some(Match { first: index, last: index + 2, value: Some(value), kind: ExpressionKind::Absolute })
    }

    /// "the 1990s", "the early 2000s", "mid-1990s": a range of years.
    fn decade_at(&self, index: usize) -> Option<Match> {
        let has_article = self.is_word(index, "the");
        let mut head = if has_article { index + 1 } else { index };
        let part = if self.is_word(head, "early") {
            Some(PartOfPeriod::Early)
        } else if self.is_word(head, "mid") {
            Some(PartOfPeriod::Mid)
        } else if self.is_word(head, "late") {
            Some(PartOfPeriod::Late)
        } else {
            None
        };
        if part.is_some() {
            head = self.after_modifier(head)?;
        }
        let token = self.token(head).filter(|token| token.is_number() && token.text.len() == 4)?;
        let start: i16 = token.text.parse().ok()?;
        if start % 10 != 0 || !(1900..=2090).contains(&start) || self.glued_to_something_before(head) {
            return None;
        }
        let plural_s = |at: usize| self.token(at).is_some_and(|s| s.glued && s.is("s"));
        let last = if plural_s(head + 1) {
            head + 1
        } else if self.token(head + 1).is_some_and(|mark| mark.glued && mark.is_apostrophe()) && plural_s(head + 2) {
            head + 2
        } else {
            return None;
        };
        if self.continues_after(last) || (!has_article && part.is_none() && !self.has_temporal_context(index)) {
            return None;
        }
        let (from, to) = match part {
            None => (0, 9),
            Some(PartOfPeriod::Early) => (0, 3),
            Some(PartOfPeriod::Mid) => (3, 6),
            Some(PartOfPeriod::Late) => (6, 9),
        };
        let value = TimeValue::Range(PartialDate::year(start + from), PartialDate::year(start + to));
        Some(Match { first: index, last, value: Some(value), kind: ExpressionKind::Absolute })
    }

    /// "Wednesday", "late Wednesday", "early on Monday", "last Friday", "Sunday night",
    /// "Wednesday, July 24" (then dated by the calendar date).
    fn weekday_phrase_at(&self, index: usize) -> Option<Match> {
        let mut head = index;
        let time_of_day_modifier = self.is_word_in(head, &["late", "early"]);
        if time_of_day_modifier {
            head += 1;
            if self.is_word(head, "on") {
                head += 1;
            }
        }
        let relation = self.relation_at(head);
        if relation.is_some() {
            head += 1;
        }
        let token = self.token(head).filter(|token| token.is_word() && token.is_capitalised())?;
        let weekday = weekday_from_word(token.text)?;
        if self.is_named_day(head) {
            return None;
        }
        let mut last = head;
        if self.is_word_in(last + 1, DAY_PARTS) {
            last += 1;
        }
        if relation.is_none() {
            let comma = self.token(last + 1).is_some_and(|token| token.is_punct(","));
            let date_index = if comma { last + 2 } else { last + 1 };
            if let Some((parts, date_last)) = self.calendar_date_at(date_index) {
                let resolved = self.resolve_parts(parts);
                let kind = resolved.map_or(ExpressionKind::Absolute, |(_, kind)| kind);
                return Some(Match {
                    first: index,
                    last: date_last,
                    value: point(resolved.map(|(date, _)| date)),
                    kind,
                });
            }
        }
        let date = self.anchor_date().and_then(|anchor| match relation {
            None | Some(Relation::This) => weekday_from(anchor, weekday, self.direction, false),
            Some(Relation::Last) => weekday_from(anchor, weekday, Direction::Backward, true),
            Some(Relation::Next) => weekday_from(anchor, weekday, Direction::Forward, true),
        });
        Some(Match { first: index, last, value: point(date.map(to_partial)), kind: ExpressionKind::Weekday })
    }

    /// "Good Friday", "Bloody Sunday", "the Sunday Times": names, not days to resolve.
    fn is_named_day(&self, weekday_index: usize) -> bool {
        let capitalised_in = |at: usize, words: &[&str]| {
            self.token(at).is_some_and(|token| token.is_capitalised() && token.is_any(words))
        };
        weekday_index.checked_sub(1).is_some_and(|previous| capitalised_in(previous, WEEKDAY_NAME_PREFIXES))
            || capitalised_in(weekday_index + 1, WEEKDAY_NAME_SUFFIXES)
    }

    /// "today", "tonight", "this morning", "yesterday (evening)", "tomorrow", "last night",
    /// "the day before", "the previous day", "the day before yesterday".
    fn day_word_at(&self, index: usize) -> Option<Match> {
        let relative = |last: usize, date: Option<PartialDate>| Match {
            first: index,
            last,
            value: point(date),
            kind: ExpressionKind::Relative,
        };
        let head = if self.is_word_in(index, &["earlier", "later"]) && self.is_word_in(index + 1, &["today", "tonight"])
        {
            index + 1
        } else {
            index
        };
        let token = self.token(head)?;
        let with_day_part = |at: usize| {
            if self.is_word_in(at + 1, DAY_PARTS) { at + 1 } else { at }
        };
        if token.is_any(&["today", "tonight"]) {
            return Some(relative(head, self.anchor_point()));
        }
        if token.is("yesterday") {
            return Some(relative(with_day_part(head), self.days_from_anchor(-1)));
        }
        if token.is("tomorrow") {
            return Some(relative(with_day_part(head), self.days_from_anchor(1)));
        }
        if token.is("this") && self.is_word_in(head + 1, &["morning", "afternoon", "evening"]) {
            return Some(relative(head + 1, self.anchor_point()));
        }
        if token.is("last") && self.is_word(head + 1, "night") {
            return Some(relative(head + 1, self.days_from_anchor(-1)));
        }
        if !token.is("the") {
            return None;
        }
        if self.is_word_in(head + 1, &["day", "night"]) && self.is_word(head + 2, "before") {
            if self.is_word(head + 3, "yesterday") {
                return Some(relative(head + 3, self.days_from_anchor(-2)));
            }
            return Some(relative(head + 2, self.days_from_anchor(-1)));
        }
        if self.is_word(head + 1, "day") && self.is_word(head + 2, "after") && self.is_word(head + 3, "tomorrow") {
            return Some(relative(head + 3, self.days_from_anchor(2)));
        }
        if self.is_word(head + 1, "previous") && self.is_word_in(head + 2, &["day", "night"]) {
            return Some(relative(head + 2, self.days_from_anchor(-1)));
        }
        None
    }

    /// "three days ago", "a decade ago", "two hours ago".
    fn quantity_ago_at(&self, index: usize) -> Option<Match> {
        let count = self.quantity_at(index)?;
        let unit =
            self.token(index + 1).filter(|token| token.is_word()).and_then(|token| unit_from_word(token.text))?;
        if !self.is_word(index + 2, "ago") {
            return None;
        }
        let value = self.count_back(count, unit);
        Some(Match { first: index, last: index + 2, value: point(value), kind: ExpressionKind::Relative })
    }

    fn count_back(&self, count: u32, unit: Unit) -> Option<PartialDate> {
        let anchor = self.anchor?;
        let years = |per_unit: u32| i16::try_from(count.checked_mul(per_unit)?).ok();
        match unit {
            Unit::PartOfDay => self.anchor_point(),
            Unit::Day => self.days_from_anchor(-i64::from(count)),
            Unit::Week => self.days_from_anchor(-7 * i64::from(count)),
            Unit::Month => {
                let (year, month) = shift_month(anchor.year_month()?, -i32::try_from(count).ok()?)?;
                Some(PartialDate::month(year, month))
            }
            Unit::Year => Some(PartialDate::year(anchor.year.checked_sub(years(1)?)?)),
            Unit::Decade => Some(PartialDate::year(anchor.year.checked_sub(years(10)?)?)),
        }
    }

    /// "this year", "last month", "earlier this month", "late last year", "next week",
    /// "the weekend".
    fn relative_period_at(&self, index: usize) -> Option<Match> {
        let position = if self.is_word_in(index, &["earlier", "early"]) {
            Some(PartOfPeriod::Early)
        } else if self.is_word_in(index, &["later", "late"]) {
            Some(PartOfPeriod::Late)
        } else {
            None
        };
        let relation_index = if position.is_some() { index + 1 } else { index };
        let relation = self.relation_at(relation_index);
        let unit_index = relation_index + 1;
        let unit = self.token(unit_index).filter(|token| token.is_word())?;
        let value = if unit.is("weekend") && position.is_none() {
            let the_weekend = self.is_word(relation_index, "the");
            if relation.is_none() && !the_weekend {
                return None;
            }
            self.weekend(relation)
        } else {
            let relation = relation?;
            if unit.is("year") {
                let year = self.anchor.and_then(|anchor| anchor.year.checked_add(relation.offset()));
                point(year.map(PartialDate::year))
            } else if unit.is("month") {
                let month = self.anchor.and_then(|anchor| shift_month(anchor.year_month()?, relation.offset().into()));
                point(month.map(|(year, month)| PartialDate::month(year, month)))
            } else if unit.is("week") {
                self.week(relation, position)
            } else {
                return None;
            }
        };
        Some(Match { first: index, last: unit_index, value, kind: ExpressionKind::Relative })
    }

    /// Monday to Sunday of the week named; "earlier this week" ends at the anchor, "later
    /// this week" starts there, and a past-tense "this week" never runs past the anchor.
    fn week(&self, relation: Relation, position: Option<PartOfPeriod>) -> Option<TimeValue> {
        let anchor = self.anchor_date()?;
        let monday = add_days(monday_of_week(anchor)?, 7 * i64::from(relation.offset()))?;
        let mut start = monday;
        let mut end = add_days(monday, 6)?;
        if relation == Relation::This {
            match position {
                Some(PartOfPeriod::Early) => end = anchor,
                Some(PartOfPeriod::Late) => start = anchor,
                _ if self.tense == Tense::Past => end = end.min(anchor),
                _ => {}
            }
        }
        Some(TimeValue::Range(to_partial(start), to_partial(end)))
    }

    /// Saturday and Sunday of the weekend named: "last weekend" and, in past or present
    /// tense, "the/this weekend" are the latest one beginning on or before the anchor;
    /// "next weekend" and, in future tense, "the/this weekend" the next one.
    fn weekend(&self, relation: Option<Relation>) -> Option<TimeValue> {
        let anchor = self.anchor_date()?;
        let direction = match relation {
            Some(Relation::Last) => Direction::Backward,
            Some(Relation::Next) => Direction::Forward,
            _ => self.direction,
        };
        let saturday = weekday_from(anchor, Weekday::Saturday, direction, false)?;
        let mut sunday = add_days(saturday, 1)?;
        if self.tense == Tense::Past {
            sunday = sunday.min(anchor.max(saturday));
        }
        Some(TimeValue::Range(to_partial(saturday), to_partial(sunday)))
    }

    /// "March", "in early March", "last March", "March 3", "Jan. 3, 2024", "July 2024",
    /// "March of last year". A bare month needs temporal context ("in", "since", a modifier)
    /// so that "Theresa May" and sentence-initial "March" stay names.
    fn month_phrase_at(&self, index: usize) -> Option<Match> {
        let modifier_end = self.after_modifier(index);
        let after_modifier = modifier_end.unwrap_or(index);
        let relation = self.relation_at(after_modifier);
        let month_index = if relation.is_some() { after_modifier + 1 } else { after_modifier };
        let (month, form, month_last) = self.month_at(month_index)?;
        let month_of_year = |year: Option<i16>| point(year.map(|year| PartialDate::month(year, month)));
        if let Some(relation) = relation {
            let year = self.anchor.and_then(|anchor| anchor.year.checked_add(relation.offset()));
            return Some(Match {
                first: index,
                last: month_last,
                value: month_of_year(year),
                kind: ExpressionKind::Relative,
            });
        }
        if let Some((parts, last)) = self.calendar_date_at(month_index) {
            return Some(self.parts_match(index, last, parts));
        }
        let joined = self.is_word(month_last + 1, "of") || self.token(month_last + 1).is_some_and(|t| t.is_punct(","));
        let year_index = if joined { month_last + 2 } else { month_last + 1 };
        if let Some(year) = self.year_at(year_index) {
            return Some(Match {
                first: index,
                last: year_index,
                value: month_of_year(Some(year)),
                kind: ExpressionKind::Absolute,
            });
        }
        let relation_index = if self.is_word(month_last + 1, "of") { month_last + 2 } else { month_last + 1 };
        if let Some(relation) = self.relation_at(relation_index)
            && self.is_word(relation_index + 1, "year")
        {
            let year = self.anchor.and_then(|anchor| anchor.year.checked_add(relation.offset()));
            return Some(Match {
                first: index,
                last: relation_index + 1,
                value: month_of_year(year),
                kind: ExpressionKind::Relative,
            });
        }
        if form == MonthForm::Abbreviated || (modifier_end.is_none() && !self.has_temporal_context(index)) {
            return None;
        }
        Some(self.parts_match(index, month_last, DateParts { month: Some(month), ..DateParts::default() }))
    }

    fn parts_match(&self, first: usize, last: usize, parts: DateParts) -> Match {
        let resolved = self.resolve_parts(parts);
        let kind = resolved.map_or(ExpressionKind::Inferred, |(_, kind)| kind);
        Match { first, last, value: point(resolved.map(|(date, _)| date)), kind }
    }

    /// "3 January", "3rd of January 2024".
    fn day_month_at(&self, index: usize) -> Option<Match> {
        if !self.token(index).is_some_and(|token| token.is_number()) {
            return None;
        }
        let (parts, last) = self.calendar_date_at(index)?;
        Some(self.parts_match(index, last, parts))
    }

    /// "the summer of 2015", "spring 2016": dated to the year.
    fn season_year_at(&self, index: usize) -> Option<Match> {
        let season_index = if self.is_word(index, "the") { index + 1 } else { index };
        if !self.is_word_in(season_index, SEASONS) {
            return None;
        }
        let year_index = if self.is_word(season_index + 1, "of") { season_index + 2 } else { season_index + 1 };
        let year = self.year_at(year_index)?;
        let value = Some(TimeValue::Point(PartialDate::year(year)));
        Some(Match { first: index, last: year_index, value, kind: ExpressionKind::Absolute })
    }

    /// "2015" after "in", "since", "by", "of" ...; "early 2015", "mid-2015"; the second
    /// year of "in 2015 and 2016". A year after any other word is taken for a number.
    fn year_phrase_at(&self, index: usize) -> Option<Match> {
        let modifier_end = self.after_modifier(index);
        let head = modifier_end.unwrap_or(index);
        let year = self.year_at(head)?;
        let listed_after_year = self.previous_is_in(index, &["and", "or"])
            || index.checked_sub(1).and_then(|previous| self.token(previous)).is_some_and(|t| t.is_punct(","));
        let listed_after_year =
            listed_after_year && index.checked_sub(2).is_some_and(|before| self.year_at(before).is_some());
        if modifier_end.is_none() && !self.has_temporal_context(index) && !listed_after_year {
            return None;
        }
        let value = Some(TimeValue::Point(PartialDate::year(year)));
        Some(Match { first: index, last: head, value, kind: ExpressionKind::Absolute })
    }
}
