//! Quotes: quotation marks paired per paragraph, scare quotes dropped, each statement attributed.
//!
//! Attribution follows wire style, in this order:
//! 1. after the closing mark: `"...," Ruiz said`, `"...," said Ana Ruiz`, `"...," the minister
//!    told reporters`, `"...," she said`;
//! 2. before the opening mark, in the same sentence: `Ruiz said: "..."`, `Ruiz said the talks
//!    were "constructive"`; after a participle (`..., adding that "..."`) the speaker is the
//!    subject of the main clause, otherwise the last subject before the quote;
//! 3. the speaker of the previous quote in the paragraph (`"...," he said. "..."`);
//! 4. the speaker of a quote that ran on from the previous paragraph without a closing mark.

use super::lexicon::{COUNTRY, Gender, SPEECH_VERBS, WordSet};
use super::people::{People, TRADE_NOUNS};
use super::places::{Countries, Orgs};
use super::tokens::{Kind, Tok, is_dquote};
use super::{Doc, Ent, Mention, Seg, speech_verb_at};
use crate::record::{Quote, QuoteKind};
use std::sync::LazyLock;

/// A pair of quotation marks (or an opening mark left open at the paragraph's end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The words between the marks.
    pub start: usize,
    pub end: usize,
    /// Byte offset of the closing mark, if there is one.
    pub close: Option<usize>,
}

/// Whether mention `m` is the subject that opens its sentence, with a verb in the past tense
/// or a form of `have` right after it: `The United Nations welcomed the truce and urged ...`.
fn opens_with_verb(seg: &Seg, m: &Mention) -> bool {
    if !seg.opens_sentence(m.np_start) {
        return false;
    }
    let mut end = m.end;
    // `India, Nepal's southern neighbour, has`, `Kesh, which borders both, has`: an aside set
    // off by commas, in the same sentence and outside quotation marks
    if seg.is_punct(end, ",") {
        let sent = seg.toks[end].sent;
        let close = (end + 1..(end + 16).min(seg.toks.len()))
            .take_while(|&i| seg.toks[i].sent == sent && !seg.toks[i].quoted)
            .find(|&i| seg.is_punct(i, ","));
        if let Some(c) = close {
            end = c + 1;
        }
    }
    end = super::time_phrase_end(seg, end).unwrap_or(end);
    // `Colombia warmly congratulated`
    if seg.is_lower(end) && seg.w(end).ends_with("ly") && seg.w(end).len() > 4 {
        end += 1;
    }
    verb_at(seg, end)
}

/// Whether token `i` is a verb in the past tense or a form of `have`.
fn verb_at(seg: &Seg, i: usize) -> bool {
    let w = seg.w(i);
    seg.is_lower(i) && (w.ends_with("ed") || matches!(w, "has" | "have" | "had"))
}

/// `made the remarks`, `delivered the line`, `was speaking`: words at token `i` that say that
/// the subject before them had spoken.
fn remarks_at(seg: &Seg, i: usize) -> bool {
    match seg.w(i) {
        "made" | "delivered" => {
            matches!(
                seg.w(i + 1),
                "the" | "his" | "her" | "their" | "these" | "those"
            ) && matches!(
                seg.w(i + 2),
                "remarks"
                    | "remark"
                    | "comments"
                    | "comment"
                    | "accusation"
                    | "claim"
                    | "point"
                    | "line"
                    | "appeal"
                    | "pledge"
                    | "warning"
            )
        }
        "was" | "were" => seg.w(i + 1) == "speaking",
        "spoke" => true,
        _ => false,
    }
}

/// Whether token `i` ends `came from` or `the words of` (`verdict`, `view`, `message`),
/// after which the speaker of the words before is named.
fn words_from(seg: &Seg, i: usize) -> bool {
    i >= 1
        && match seg.w(i) {
            "from" => matches!(seg.w(i - 1), "came" | "come"),
            "of" => matches!(
                seg.w(i - 1),
                "words" | "verdict" | "view" | "message" | "assessment" | "warning"
            ),
            _ => false,
        }
}

/// The text after the quotation mark at byte `at`.
fn after_mark(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    rest.char_indices().nth(1).map_or("", |(i, _)| &rest[i..])
}

fn is_open_double(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_close_double(c: char) -> bool {
    matches!(c, '”' | '»' | '‟')
}

/// Pairs the quotation marks of a paragraph. Double marks are used; single marks only where a
/// paragraph has no double marks (some papers quote with single marks). Nested marks stay
/// inside the outer quote.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Only quotation marks matter, and each starts with one of these bytes: `"`, `'`, the lead
    // byte of `«`/`»`, or that of the typographic marks.
    const LEAD: [bool; 256] = {
        let mut t = [false; 256];
        t[b'"' as usize] = true;
        t[b'\'' as usize] = true;
        t[0xC2] = true;
        t[0xE2] = true;
        t
    };
    let lead = |b: &u8| LEAD[usize::from(*b)];
    // One pass over the bytes; characters are decoded only at the lead bytes.
    let bytes = text.as_bytes();
    let mut marks: Vec<(usize, char)> = Vec::new();
    let mut from = 0;
    while let Some(off) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(lead))
    {
        let i = from + off;
        from = i + 1;
        if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next())
            && (is_dquote(c) || matches!(c, '‘' | '’' | '\''))
        {
            marks.push((i, c));
        }
    }
    let has_double = marks.iter().any(|&(_, c)| is_dquote(c));
    let mut open: Option<(usize, usize)> = None;
    let mut depth = 0usize;
    for (i, c) in marks {
        let after = i + c.len_utf8();
        let prev = text[..i].chars().next_back();
        let next = text[after..].chars().next();
        if has_double {
            // A mark of the wrong shape still opens at a word's start and closes at its end
            // (`”Yes”`, `“Yes“`).
            let starts_word = !prev
                .is_some_and(|p| p.is_alphanumeric() || p.is_ascii_punctuation())
                && next.is_some_and(char::is_alphanumeric);
            let ends_word = prev
                .is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'))
                && !next.is_some_and(char::is_alphanumeric);
            let c = if is_close_double(c) && open.is_none() && starts_word {
                '“'
            } else if is_open_double(c) && open.is_some() && depth == 0 && ends_word {
                '”'
            } else {
                c
            };
            if is_open_double(c) {
                if open.is_none() {
                    open = Some((i, after));
                } else {
                    depth += 1;
                }
            } else if is_close_double(c) {
                if let Some((o, s)) = open {
                    if depth > 0 {
                        depth -= 1;
                    } else {
                        out.push(Span {
                            open: o,
                            start: s,
                            end: i,
                            close: Some(i),
                        });
                        open = None;
                    }
                }
            } else if c == '"' {
                match open {
                    None => open = Some((i, after)),
                    Some((o, s)) => {
                        if depth > 0 {
                            depth -= 1;
                        } else {
                            out.push(Span {
                                open: o,
                                start: s,
                                end: i,
                                close: Some(i),
                            });
                            open = None;
                        }
                    }
                }
            }
        } else if matches!(c, '‘' | '’' | '\'') {
            let word_before =
                prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'));
            let word_after = next.is_some_and(char::is_alphanumeric);
            if open.is_none() && !word_before && word_after && c != '’' {
                open = Some((i, after));
            } else if let Some((o, s)) = open
                && word_before
                && !word_after
                && c != '‘'
            {
                out.push(Span {
                    open: o,
                    start: s,
                    end: i,
                    close: Some(i),
                });
                open = None;
            }
        }
    }
    if let Some((o, s)) = open {
        out.push(Span {
            open: o,
            start: s,
            end: text.len(),
            close: None,
        });
    }
    out
}

/// Marks the tokens that stand between quotation marks.
pub fn mark_quoted(sp: &[Span], toks: &mut [Tok]) {
    let mut k = 0;
    for t in toks.iter_mut() {
        while k < sp.len() && sp[k].end <= t.start {
            k += 1;
        }
        t.quoted = k < sp.len() && sp[k].start <= t.start && t.start < sp[k].end;
    }
}

/// Words before a quote that make it a name or title, not a statement.
const NAMING: &[&str] = &[
    "known as",
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "nicknamed",
    "named",
    "called the",
    "hashtag",
];

/// A quoted phrase that is a scare quote, a name or a title rather than a statement.
/// `"They failed."`, `"We won,"`: two words that make a sentence of their own (a capital,
/// then a word in lower case, then the sentence's end or a comma inside the marks) are a
/// statement, not a name or a term in quotation marks.
fn two_word_sentence(raw: &str) -> bool {
    let t = raw.trim();
    let mut words = t.split_whitespace();
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    a.chars().next().is_some_and(char::is_uppercase)
        && b.chars().next().is_some_and(char::is_lowercase)
        && t.ends_with(['.', '!', '?', ','])
}

fn is_scare(text: &str, before: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "and", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with", "from", "or",
        "de",
    ];
    let (mut words, mut content, mut all_capitalised) = (0, 0, true);
    for w in text.split_whitespace() {
        words += 1;
        if !SMALL.contains(&w) {
            content += 1;
            all_capitalised &= w
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        }
    }
    if words < 3 || (content >= 2 && words <= 10 && all_capitalised) {
        return true;
    }
    let b = before.trim_end();
    NAMING.iter().any(|n| ends_with_lower(b, n))
}

/// Whether `s` in lower case ends with `suffix` (lower-case ASCII), without lowering all of `s`:
/// only the characters the suffix covers are compared, and a character whose lower case is not
/// ASCII never matches, as it would not in the lowered string.
fn ends_with_lower(s: &str, suffix: &str) -> bool {
    let mut rest = s.chars().rev().flat_map(char::to_lowercase);
    suffix.chars().rev().all(|want| rest.next() == Some(want))
}

/// The statement's text: between the marks, trimmed, without trailing punctuation.
fn clean(text: &str) -> &str {
    text.trim()
        .trim_end_matches([',', '.', ';', ':', ' '])
        .trim()
}

struct Ctx<'a, 'b> {
    doc: &'b Doc<'a>,
    mentions: &'b [Mention],
    people: &'b People,
    orgs: &'b Orgs,
    countries: &'b Countries,
    /// Resolution steps left for the current quote (pronouns chain; this bounds the work).
    budget: std::cell::Cell<u32>,
}

fn person_type(m: &Mention) -> bool {
    matches!(m.ent, Ent::Person(_) | Ent::Role { .. } | Ent::Pronoun(_))
}

impl Ctx<'_, '_> {
    /// Mentions of segment `si` that start in tokens `[a, b)`.
    fn in_range(&self, si: usize, a: usize, b: usize) -> std::ops::Range<usize> {
        let lo = self
            .mentions
            .partition_point(|m| (m.seg, m.start) < (si, a));
        let hi = self
            .mentions
            .partition_point(|m| (m.seg, m.start) < (si, b));
        lo..hi.max(lo)
    }

    fn quoted(&self, m: &Mention) -> bool {
        self.doc.segs[m.seg]
            .toks
            .get(m.start)
            .is_some_and(|t| t.quoted)
    }

    fn gender_ok(&self, m: &Mention, g: Option<Gender>) -> bool {
        let Some(g) = g else { return true };
        match m.ent {
            Ent::Person(id) => self.people.list[id].gender.is_none_or(|pg| pg == g),
            Ent::Pronoun(pg) => pg.is_none_or(|pg| pg == g),
            _ => true,
        }
    }

    /// The speaker named before token `open` in its sentence: after a participle
    /// (`..., adding`) the main clause's subject, else the last subject before the quote.
    /// With the speech verb; and whether an unnamed group speaks (no speaker, and no other is
    /// to be looked for).
    fn before(&self, si: usize, open: usize) -> (Option<String>, Option<String>, bool) {
        let seg = &self.doc.segs[si];
        let mentions = self.mentions;
        let sent = if open < seg.toks.len() {
            seg.toks[open].sent
        } else {
            seg.toks.last().map_or(usize::MAX, |t| t.sent)
        };
        let mut lo = open.min(seg.toks.len());
        while lo > 0 && open - lo < 80 && seg.toks[lo - 1].sent == sent {
            lo -= 1;
        }
        let mut participle = false;
        let mut cue = None;
        let mut cue_at = None;
        for t in (lo..open.min(seg.toks.len())).rev() {
            if seg.toks[t].quoted || !seg.is_word(t) {
                continue;
            }
            let w = seg.w(t);
            if is_finite(w) {
                cue = Some(w.to_string());
                cue_at = Some(t);
                break;
            }
            if is_participle(w) {
                cue = Some(w.to_string());
                participle = t > 0 && seg.is_punct(t - 1, ",");
                break;
            }
        }
        // `a plan opponents called "too little, too late"`, `where crowds chanted "..."`: an
        // unnamed group speaks, and the quote has no speaker
        if let Some(c) = cue_at.filter(|&c| c > lo && seg.is_lower(c - 1))
            && UNNAMED_GROUPS.has(seg.w(c - 1))
        {
            return (None, cue, true);
        }
        // `in what has been called "..."`, `was described as "..."`: a passive with no agent
        // names no speaker
        if let Some(c) = cue_at.filter(|&c| c > lo)
            && matches!(
                seg.w(c - 1),
                "been" | "being" | "is" | "was" | "are" | "were"
            )
            && seg.w(c).ends_with("ed")
            && !(c + 1..open.min(seg.toks.len())).any(|t| seg.w(t) == "by")
        {
            return (None, cue, true);
        }
        // `attended by Ana Ruiz, who called it "a turning point"`: the person the relative
        // pronoun stands for speaks, even as the object of a preposition.
        if let Some(c) = cue_at {
            let who = (c.saturating_sub(2)..c).rev().find(|&t| seg.w(t) == "who");
            if let Some(who) = who.filter(|&w| w > lo) {
                let named = if seg.is_punct(who - 1, ",") {
                    who - 1
                } else {
                    who
                };
                let person = self
                    .in_range(si, lo, who)
                    .filter(|&i| matches!(mentions[i].ent, Ent::Person(_)))
                    .rfind(|&i| mentions[i].end == named);
                if let Some(speaker) = person.and_then(|mi| self.resolve(mi, 0)) {
                    return (Some(speaker), cue, false);
                }
            }
        }
        let cands: Vec<usize> = self
            .in_range(si, lo, open)
            .filter(|&i| !self.quoted(&mentions[i]))
            .filter(|&i| !in_relative_clause(seg, &mentions[i]))
            .filter(|&i| !reported_subject(seg, &mentions[i]))
            .filter(|&i| match mentions[i].ent {
                // `..., with Finance Minister Ana Ruiz calling it "a clear message"`
                Ent::Person(_) if with_then_participle(seg, &mentions[i]) => true,
                _ if clause_subject(seg, &mentions[i]) => true,
                Ent::Person(_) => !mentions[i].prep && !mentions[i].poss,
                Ent::Role { .. } => !mentions[i].prep,
                Ent::Pronoun(_) => true,
                Ent::Org(_) | Ent::OrgRef(_) | Ent::It | Ent::Country(_) | Ent::Name(_) => {
                    let m = &mentions[i];
                    let with = m.np_start > 0 && seg.w(m.np_start - 1) == "with";
                    // `A spokesperson for the World Food Programme said`
                    // `Observers from the OSCE said`, `analysts at Kesh Bank said`
                    let det = m.np_start >= 1 && matches!(seg.w(m.np_start - 1), "the" | "The");
                    let prep_at = m.np_start - usize::from(det);
                    let spokes = prep_at >= 2
                        && matches!(seg.w(prep_at - 1), "for" | "of" | "from" | "at")
                        && [
                            "spokesperson",
                            "spokesman",
                            "spokeswoman",
                            "official",
                            "officials",
                            "representative",
                            "representatives",
                            "observers",
                            "analysts",
                            "economists",
                            "researchers",
                        ]
                        .iter()
                        .any(|n| seg.w(prep_at - 2).eq_ignore_ascii_case(n));
                    // `A statement from the Foreign Ministry said`, `... welcomed the deal and
                    // urged`: the body the statement is from speaks
                    let statement = prep_at >= 2
                        && matches!(seg.w(prep_at - 1), "from" | "by" | "of")
                        && matches!(
                            seg.w(prep_at - 2),
                            "statement" | "communique" | "communiqué" | "declaration"
                        );
                    // ... or `According to a statement from the ministry, ...`
                    let statement_opens = statement && {
                        let head = prep_at - 2;
                        let np = head.saturating_sub(usize::from(matches!(
                            seg.w(head.saturating_sub(1)),
                            "A" | "The" | "a" | "the"
                        )));
                        (seg.opens_sentence(np) && verb_at(seg, m.end))
                            || (np >= 2
                                && seg.w(np - 1) == "to"
                                && matches!(seg.w(np - 2), "according" | "According"))
                    };
                    (m.speech_after || opens_with_verb(seg, m) || statement_opens)
                        && !m.poss
                        && (!m.prep || with || spokes || statement)
                }
            })
            .collect();
        // the preferred candidate first; one that names nobody gives way to the next
        let speaker = if participle {
            cands.iter().take(4).find_map(|&mi| self.resolve(mi, 0))
        } else {
            cands
                .iter()
                .rev()
                .take(4)
                .find_map(|&mi| self.resolve(mi, 0))
        };
        (speaker, cue, false)
    }

    /// The speaker of a paragraph that opens with its subject and a speech verb (`Ana Ruiz
    /// said ...`, `She told reporters ...`).
    fn reporter(&self, si: usize) -> Option<String> {
        let mi = self
            .in_range(si, 0, 8)
            .find(|&i| self.mentions[i].np_start == 0)?;
        let m = &self.mentions[mi];
        if !person_type(m) || !m.speech_after || m.poss {
            return None;
        }
        self.budget.set(RESOLVE_BUDGET);
        self.resolve(mi, 0)
    }

    /// The person a paragraph opens with as its subject, whatever the verb (`Ana Ruiz was
    /// sceptical`), or named after an opening noun (`That fisherman, Ana Ruiz, said`).
    fn opening_subject(&self, si: usize) -> Option<String> {
        let seg = &self.doc.segs[si];
        let mi = self
            .in_range(si, 0, 8)
            .find(|&i| person_type(&self.mentions[i]))?;
        let m = &self.mentions[mi];
        let set_off = (3..=5).contains(&m.np_start)
            && seg.is_punct(m.np_start - 1, ",")
            && matches!(seg.w(0), "That" | "This" | "The" | "A" | "One" | "Another")
            && (1..m.np_start - 1).all(|t| seg.is_lower(t));
        let opens = m.np_start == 0 || set_off;
        if !opens
            || m.poss
            || m.prep
            || self.quoted(m)
            || seg.toks[m.start].sent != seg.toks[0].sent
        {
            return None;
        }
        self.resolve(mi, 0)
    }

    /// The speaker of a sentence that ends (its full stop at token `n - 1`) in an attribution:
    /// `Crews saved 300 homes, the sheriff said.`, `..., said Ana Ruiz.`
    fn tail_speaker(&self, si: usize, n: usize) -> Option<String> {
        let seg = &self.doc.segs[si];
        if n < 4 || n > seg.toks.len() || !seg.is_punct(n - 1, ".") {
            return None;
        }
        let verb = (n.saturating_sub(8)..n - 1)
            .rev()
            .find(|&t| seg.is_word(t) && is_finite(seg.w(t)))?;
        let mi = self.in_range(si, verb.saturating_sub(8), n).find(|&i| {
            let m = &self.mentions[i];
            person_type(m)
                && !m.poss
                && ((m.end == verb && seg.is_punct(m.np_start.wrapping_sub(1), ","))
                    || (m.np_start == verb + 1 && m.end == n - 1 && seg.is_punct(verb - 1, ",")))
        })?;
        self.budget.set(RESOLVE_BUDGET);
        self.resolve(mi, 0)
    }

    /// The one organisation whose full name `short` is the opening words of (`Kesh-Zam` for
    /// `Kesh-Zam Copper Mines`), if exactly one is.
    fn full_name_of(&self, short: &str) -> Option<&str> {
        let mut full = self.orgs.list.iter().filter(|o| {
            o.0.strip_prefix(short)
                .is_some_and(|rest| rest.starts_with(' '))
        });
        let first = full.next()?;
        full.next().is_none().then_some(first.0.as_str())
    }

    /// Who a mention stands for, as a speaker name.
    fn resolve(&self, mi: usize, depth: u8) -> Option<String> {
        let left = self.budget.get();
        if left == 0 {
            return None;
        }
        self.budget.set(left - 1);
        let m = &self.mentions[mi];
        match &m.ent {
            Ent::Person(id) => Some(self.people.list[*id].name.clone()),
            Ent::Org(i) => self.orgs.list.get(*i).map(|o| o.0.clone()),
            Ent::Country(i) => self.countries.name(*i).map(str::to_string),
            Ent::Name(n) => Some(self.full_name_of(n).unwrap_or(n).to_string()),
            Ent::It => {
                // the organisation, country or other name that last stood as a subject, in
                // this paragraph or the one before
                let m = &self.mentions[mi];
                let subject = self.mentions[..mi]
                    .iter()
                    .rev()
                    .take_while(|x| x.seg + 1 >= m.seg)
                    .position(|x| {
                        matches!(
                            x.ent,
                            Ent::Org(_) | Ent::Country(_) | Ent::Name(_) | Ent::OrgRef(_) | Ent::It
                        ) && !x.prep
                            && !x.poss
                            && x.speech_after
                    })?;
                self.resolve(mi - 1 - subject, depth + 1)
            }
            Ent::OrgRef(noun) => {
                // `the Foreign Ministry`: the noun is the head of a name, which speaks
                let m = &self.mentions[mi];
                let named = self.mentions[mi + 1..]
                    .iter()
                    .take_while(|x| x.seg == m.seg && x.start < m.end)
                    .find_map(|x| match x.ent {
                        // not the noun alone, capitalised (`The Agency said`)
                        Ent::Org(i) => self
                            .orgs
                            .list
                            .get(i)
                            .filter(|o| !o.0.eq_ignore_ascii_case(noun))
                            .map(|o| (o, i, x.end < m.end)),
                        _ => None,
                    });
                if let Some((o, i, modifier)) = named {
                    // `IOM said ... the UN agency said`: the body it names is a part of one
                    // named just before, in this paragraph or the one before
                    let part = modifier
                        .then(|| {
                            self.mentions[..mi]
                                .iter()
                                .rev()
                                .take_while(|x| x.seg + 1 >= m.seg)
                                .find_map(|x| match x.ent {
                                    Ent::Org(j) if j != i => self.orgs.list.get(j),
                                    _ => None,
                                })
                        })
                        .flatten();
                    return Some(part.unwrap_or(o).0.clone());
                }
                let mut any = None;
                let mut business = None;
                let mut public = None;
                let trade = TRADE_NOUNS.contains(&noun.as_str());
                // not a body named inside a quotation (`"... INEC ...," the group said`)
                let spoken_of = self.mentions[..mi].iter().rev().take(300);
                for x in spoken_of.filter(|x| !self.quoted(x)) {
                    // `Volkswagen said ... the carmaker said`: a body that spoke, nearer than any
                    // company of the list: a name that is no person (under the full name of a
                    // company it is the short form of, `Kesh Gold Ltd.`), or a company of the
                    // list named by one word (`Volkswagen, which ..., urged`), not an acronym
                    if trade && business.is_none() && x.speech_after && !x.prep {
                        match &x.ent {
                            Ent::Name(n) => {
                                return Some(self.full_name_of(n).unwrap_or(n).to_string());
                            }
                            Ent::Org(i) => {
                                if let Some(o) = self.orgs.list.get(*i)
                                    && !o.0.contains(' ')
                                    && o.0.chars().any(char::is_lowercase)
                                {
                                    return Some(o.0.clone());
                                }
                            }
                            _ => {}
                        }
                    }
                    if let Ent::Org(i) = x.ent
                        && let Some(o) = self.orgs.list.get(i)
                    {
                        if o.0.to_lowercase().contains(noun.as_str()) {
                            return Some(o.0.clone());
                        }
                        any = any.or(Some(o.0.clone()));
                        // `Nordia Energy ... the company said`
                        let head = o.0.rsplit(' ').next().unwrap_or("");
                        // `PT Kesh Logam`, `Grupo Kesh`: a company's form that opens its name
                        let lead = o.0.split(' ').next().unwrap_or("");
                        let company = COMPANY_HEADS.has(head) || matches!(lead, "PT" | "Grupo");
                        if trade && o.0.contains(' ') && company {
                            business = business.or(Some(o.0.clone()));
                        }
                        // `the World Health Organization ... the agency said`
                        if noun == "agency" && !COMPANY_HEADS.has(head) {
                            public = public.or(Some(o.0.clone()));
                        }
                    }
                }
                if business.is_some() {
                    return business;
                }
                if public.is_some() {
                    return public;
                }
                // `BYD ... The carmaker said`, `the Korea Exchange ... the bourse operator said`:
                // any organisation named before, for nouns that name no part of one
                let loose = matches!(
                    noun.as_str(),
                    "group"
                        | "organization"
                        | "organisation"
                        | "bloc"
                        | "alliance"
                        | "coalition"
                        | "cartel"
                        | "lender"
                        | "bourse"
                        | "watchdog"
                        | "regulator"
                );
                if loose || (trade && noun != "company" && noun != "firm") {
                    any
                } else {
                    None
                }
            }
            Ent::Role { noun, demonym } => {
                self.resolve_role(mi, noun, demonym.as_deref()).or_else(|| {
                    // `the athlete told TASS`, `the rider wrote`: a noun that no one named
                    // holds stands for the subject last spoken of, as `he` or `she` would
                    (demonym.is_none() && depth == 0)
                        .then(|| self.resolve_pronoun(mi, super::people::noun_gender(noun), depth))
                        .flatten()
                })
            }
            Ent::Pronoun(g) => {
                if depth > 3 {
                    return None;
                }
                self.resolve_pronoun(mi, *g, depth)
            }
        }
    }

    fn resolve_role(&self, mi: usize, noun: &str, demonym: Option<&str>) -> Option<String> {
        let own = [noun];
        let alts: &[&str] = match noun {
            "premier" => &["premier", "prime"],
            "leader" => &[
                "leader",
                "president",
                "premier",
                "prime",
                "king",
                "chancellor",
                "chief",
                "head",
            ],
            // `the central bank chief`: whoever heads it, under any title
            "chief" | "head" => &[
                "chief",
                "head",
                "governor",
                "president",
                "director",
                "chairman",
                "chairwoman",
                "chair",
                "ceo",
            ],
            "diplomat" => &[
                "diplomat",
                "foreign",
                "ambassador",
                "envoy",
                "representative",
                "consul",
                "chargé",
                "charge",
                "d'affaires",
            ],
            "envoy" | "ambassador" => &["envoy", "ambassador", "representative"],
            _ if SPOKES.contains(&noun) => &SPOKES,
            // `the official added`: whoever last held a public post
            "official" => &[
                "official",
                "director",
                "director-general",
                "minister",
                "secretary",
                "commissioner",
                "governor",
                "mayor",
                "administrator",
                "representative",
                "envoy",
                "ambassador",
                "undersecretary",
            ],
            "monarch" | "ruler" => &["king", "queen", "emir", "sultan", "monarch", "ruler"],
            _ => &own,
        };
        let mut fallback = None;
        let mut loose = None;
        // the country the phrase names (`the Nigerian diplomat`)
        let want = demonym.and_then(|d| COUNTRY.of_word(d));
        for x in self.mentions[..mi].iter().rev().take(200) {
            if let Ent::Person(id) = x.ent {
                let p = &self.people.list[id];
                // `Tuvalu's climate envoy` is not `the Nigerian diplomat`
                let other_country = want.is_some()
                    && p.role_words
                        .iter()
                        .any(|r| COUNTRY.of_word(r).is_some_and(|c| Some(c) != want));
                if other_country {
                    continue;
                }
                if loose.is_none() && alts.iter().any(|a| p.role_words.iter().any(|r| r == a)) {
                    loose = Some(p.name.clone());
                }
                // `his Greek counterpart Ana Ruiz ... the Greek minister said`
                let counterpart = demonym.is_some_and(|d| {
                    p.role_heads.iter().any(|r| r == "counterpart")
                        && p.role_words.iter().any(|r| r == d)
                });
                if counterpart {
                    return Some(p.name.clone());
                }
                if alts.iter().any(|a| p.role_heads.iter().any(|r| r == a)) {
                    match demonym {
                        Some(d) if !p.role_words.iter().any(|r| r == d) => {
                            fallback = fallback.or(Some(p.name.clone()));
                        }
                        _ => return Some(p.name.clone()),
                    }
                }
            }
        }
        fallback.or(loose).or_else(|| {
            // `A spokesperson for UNHCR said ...` and later `the spokesperson said`: the
            // organisation the unnamed spokesperson spoke for
            if !SPOKES.contains(&noun) {
                return None;
            }
            let spokes = |seg: &Seg, t: usize| SPOKES.contains(&seg.w(t));
            self.mentions[..mi].iter().rev().take(200).find_map(|x| {
                let Ent::Org(i) = x.ent else { return None };
                let seg = &self.doc.segs[x.seg];
                let det = x.np_start >= 1 && matches!(seg.w(x.np_start - 1), "the" | "The");
                let p = x.np_start - usize::from(det);
                let named = spokes(seg, x.end)
                    || (p >= 2 && matches!(seg.w(p - 1), "for" | "of") && spokes(seg, p - 2));
                named.then(|| self.orgs.list.get(i).map(|o| o.0.clone()))?
            })
        })
    }

    /// `he`/`she`: the subject of the sentence so far, else of the sentences before.
    fn resolve_pronoun(&self, mi: usize, g: Option<Gender>, depth: u8) -> Option<String> {
        let m = &self.mentions[mi];
        let sent = self.doc.segs[m.seg].toks[m.start].sent;
        let sent_of = |x: &Mention| self.doc.segs[x.seg].toks[x.start].sent;
        // `Asked whether he feared a vote, Ana Ruiz was defiant`: a pronoun in a clause before
        // the subject stands for that subject, and gives way to it
        let fronted = |k: usize| {
            let x = &self.mentions[k];
            let seg = &self.doc.segs[x.seg];
            matches!(x.ent, Ent::Pronoun(_))
                && !seg.opens_sentence(x.start)
                && self.mentions.get(k + 1).is_some_and(|y| {
                    y.seg == x.seg
                        && matches!(y.ent, Ent::Person(_))
                        && y.np_start > 0
                        && seg.is_punct(y.np_start - 1, ",")
                        && sent_of(y) == sent_of(x)
                })
        };
        let subject_ok = |x: &Mention| {
            person_type(x) && !x.prep && !x.poss && !self.quoted(x) && self.gender_ok(x, g)
        };
        // the current sentence, before the pronoun
        let mut j = mi;
        while j > 0 && mi - j < 200 {
            let x = &self.mentions[j - 1];
            if sent_of(x) != sent {
                break;
            }
            j -= 1;
        }
        for k in j..mi {
            if subject_ok(&self.mentions[k])
                && let Some(s) = self.resolve(k, depth + 1)
            {
                return Some(s);
            }
        }
        // earlier sentences (body only), nearest first
        let mut k = j;
        let mut sentences = 0;
        while k > 0 && sentences < 8 {
            let s = sent_of(&self.mentions[k - 1]);
            let mut first = k - 1;
            while first > 0 && k - first < 200 && sent_of(&self.mentions[first - 1]) == s {
                first -= 1;
            }
            if self.mentions[first].seg == 0 {
                break;
            }
            for q in first..k {
                if subject_ok(&self.mentions[q])
                    && !fronted(q)
                    && let Some(s) = self.resolve(q, depth + 1)
                {
                    return Some(s);
                }
            }
            k = first;
            sentences += 1;
        }
        None
    }
}

/// The nouns for a spokesperson.
pub(crate) const SPOKES: [&str; 3] = ["spokesperson", "spokesman", "spokeswoman"];

/// Plural nouns and pronouns for people left unnamed, as the subject of a speech verb.
static UNNAMED_GROUPS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "opponents",
        "critics",
        "crowds",
        "crowd",
        "protesters",
        "protestors",
        "demonstrators",
        "supporters",
        "fans",
        "residents",
        "villagers",
        "others",
        "many",
        "some",
        "people",
        "voters",
        "mourners",
        "marchers",
        "students",
        "workers",
        "farmers",
        "families",
        "parents",
        "activists",
    ])
});

/// Last words of the names of businesses, which `the company` or `the firm` can stand for.
static COMPANY_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "Company",
        "Co.",
        "Inc.",
        "Inc",
        "Corp.",
        "Corp",
        "Corporation",
        "Ltd",
        "Ltd.",
        "LLC",
        "PLC",
        "plc",
        "Group",
        "Holdings",
        "Industries",
        "Motors",
        "Airlines",
        "Airways",
        "Energy",
        "Petroleum",
        "Pharmaceuticals",
        "Pharma",
        "Telecom",
        "Steel",
        "Metal",
        "Metals",
        "Mining",
        "Shipping",
        "Maritime",
        "Mines",
        "Railways",
        "Railway",
        "Logistics",
        "Electric",
        "Chemicals",
        "Materials",
        "Foods",
        "Aerospace",
        "Therapeutics",
        "Terminals",
        "Technologies",
        "Systems",
        "Solutions",
        "Capital",
        "Investments",
        "Insurance",
        "Financial",
        "Securities",
        "Partners",
    ])
});

/// Resolution steps allowed per quote.
const RESOLVE_BUDGET: u32 = 48;

fn token_at(seg: &Seg, pos: usize) -> Option<usize> {
    let i = seg.toks.partition_point(|t| t.full_end <= pos);
    (i < seg.toks.len() && seg.toks[i].start <= pos).then_some(i)
}

/// A person introduced by `with` and followed by a participle of speech: `with Ana Ruiz
/// saying ...`, the subject of that clause.
fn with_then_participle(seg: &Seg, m: &Mention) -> bool {
    m.np_start > 0
        && seg.w(m.np_start - 1) == "with"
        && !m.poss
        && seg.is_word(m.end)
        && is_participle(seg.w(m.end))
}

/// Whether mention `m` stands inside a relative clause set off by commas (`NASA, which runs the
/// Webb telescope with Ana Ruiz's team, said`): the clause's words do not speak.
fn in_relative_clause(seg: &Seg, m: &Mention) -> bool {
    let sent = seg.toks[m.start].sent;
    for i in (m.np_start.saturating_sub(24)..m.np_start).rev() {
        let t = &seg.toks[i];
        if t.sent != sent || t.kind != Kind::Word && t.kind != Kind::Punct {
            return false;
        }
        if seg.is_punct(i, ",") {
            return false;
        }
        if i > 0 && matches!(seg.w(i), "which" | "who" | "whose") && seg.is_punct(i - 1, ",") {
            // closed by a comma before any quotation: `, which Ana Ruiz said would cut waits
            // "from days to hours"` has her speak
            return (m.end..(m.end + 24).min(seg.toks.len()))
                .take_while(|&j| {
                    let t = &seg.toks[j];
                    t.sent == sent && matches!(t.kind, Kind::Word | Kind::Punct)
                })
                .any(|j| seg.is_punct(j, ","));
        }
    }
    false
}

/// Whether mention `m` is the subject of reported speech right after its speech verb: in `Ana
/// Ruiz said Oskar Lind had "skated a perfect lap"` she speaks, not he.
fn reported_subject(seg: &Seg, m: &Mention) -> bool {
    // `said Ruiz had`, `told the court that Ruiz had`; not `said that the minister
    // expressed the opinion that "..."`, where the one reported speaks
    let that = m.np_start > 0 && seg.w(m.np_start - 1) == "that";
    if m.np_start == 0
        || !seg.is_word(m.np_start - 1)
        || !(is_finite(seg.w(m.np_start - 1)) || that)
        || (that && speech_verb_at(seg, m.end))
    {
        return false;
    }
    let w = seg.w(m.end);
    seg.is_lower(m.end)
        && (w.ends_with("ed")
            || matches!(
                w,
                "had"
                    | "has"
                    | "have"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "would"
                    | "will"
                    | "could"
                    | "should"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "did"
                    | "does"
            ))
}

/// The subject of a clause that `after`, `as` or the like opens, with its speech verb:
/// `Markets fell after Ana Ruiz said the plan was "a recipe for disaster"`.
fn clause_subject(seg: &Seg, m: &Mention) -> bool {
    m.prep
        && m.speech_after
        && !m.poss
        && m.np_start > 0
        && matches!(
            seg.w(m.np_start - 1),
            "after" | "before" | "as" | "since" | "until" | "while" | "because"
        )
}

fn is_finite(w: &str) -> bool {
    SPEECH_VERBS.finite.contains(w)
}

fn is_participle(w: &str) -> bool {
    SPEECH_VERBS.participle.contains(w)
}

/// Finds and attributes the quotes of the body.
pub fn find(
    doc: &Doc,
    mentions: &[Mention],
    people: &People,
    orgs: &Orgs,
    countries: &Countries,
) -> Vec<Quote> {
    let ctx = Ctx {
        doc,
        mentions,
        people,
        orgs,
        countries,
        budget: std::cell::Cell::new(0),
    };
    let mut out: Vec<Quote> = Vec::new();
    // speaker of a quote left open at the end of the previous paragraph
    let mut carry: Option<Option<String>> = None;
    // speaker of the quote that closed the previous paragraph (`"...," he said.`)
    let mut closing_speaker: Option<String> = None;
    // quotes without a speaker left open at the ends of paragraphs, whose statement runs on
    // into the next paragraph: the speaker named later in it is theirs too
    let mut open_chain: Vec<usize> = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate().skip(1) {
        let para = seg.para.unwrap_or(si - 1);
        let text = seg.text;
        let sp = &seg.spans;
        let mut prev_speaker: Option<(Option<String>, Option<String>)> = None;
        let mut next_carry = None;
        for (k, span) in sp.iter().enumerate() {
            ctx.budget.set(RESOLVE_BUDGET);
            let raw = text.get(span.start..span.end).unwrap_or("");
            let qtext = clean(raw);
            let before = text.get(..span.open).unwrap_or("");
            // `"We will," he said, "never give up."`: the pieces of one split statement are
            // statements however short they are.
            let split_with = |other: Option<&Span>, first_is_this: bool| {
                other.is_some_and(|o| {
                    let (a, b) = if first_is_this { (span, o) } else { (o, span) };
                    let first = text.get(a.start..a.end).unwrap_or("").trim_end();
                    let second = text.get(b.start..b.end).unwrap_or("");
                    let between = a.close.and_then(|c| text.get(c..b.open)).unwrap_or("");
                    first.ends_with(',')
                        && second
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase)
                        && between.split_whitespace().count() <= 8
                        && between
                            .split_whitespace()
                            .any(|w| is_finite(w.trim_matches(|c: char| !c.is_alphabetic())))
                        // the tag is set off by a comma (`, he said, "`); `he said, adding that
                        // Ankara valued Budapest's "principled stance"` quotes something new
                        && between.trim_end().ends_with(',')
                })
            };
            let split = split_with(k.checked_sub(1).and_then(|p| sp.get(p)), false)
                || split_with(sp.get(k + 1), true);
            let scare =
                if (split && qtext.split_whitespace().count() >= 1) || two_word_sentence(raw) {
                    false
                } else {
                    is_scare(qtext, before)
                };
            let open_tok = token_at(seg, span.open).unwrap_or(0);
            let close_tok = span.close.and_then(|c| token_at(seg, c));
            let at_para_start = before.trim().is_empty();
            let last_char = raw.trim_end().chars().next_back();
            let continues =
                last_char.is_some_and(|c| matches!(c, ',' | '?' | '!' | '—' | '–' | '-' | '…'));
            let mut speaker: Option<String> = None;
            let mut cue: Option<String> = None;
            let mut found = false;
            // 1. after the closing mark
            if let Some(ct) = close_tok {
                let mut end = ct + 1;
                while end < seg.toks.len() && end < ct + 22 {
                    let t = &seg.toks[end];
                    if t.kind == Kind::DQuote
                        || (t.kind == Kind::Punct && matches!(seg.w(end), "." | "!" | "?" | ";"))
                    {
                        break;
                    }
                    end += 1;
                }
                let verb = (ct + 1..end).find(|&t| seg.is_word(t) && is_finite(seg.w(t)));
                // After `?` or `!` the quote may end its sentence: only a short tag attributes it.
                let exclaims = last_char.is_some_and(|c| matches!(c, '?' | '!'));
                let short_tag = |v: usize| {
                    let ends_sentence = end >= seg.toks.len() || seg.kind(end) == Some(Kind::Punct);
                    ends_sentence && end - v <= 5
                };
                // `... "a good deal," but Ana Ruiz said`: a conjunction opens another clause,
                // whose speaker is not this quote's
                // ... also after a comma outside the marks (`"...", while the US said`)
                let conj = ct + 1 + usize::from(seg.is_punct(ct + 1, ","));
                let new_clause = seg.is_lower(conj)
                    && matches!(
                        seg.w(conj),
                        "but" | "while" | "whereas" | "although" | "though" | "and" | "yet"
                    );
                // `"...", the agency said`: the comma may stand outside the marks, or be left
                // out before a short tag (`"... today" the company said`)
                let bare_end = last_char.is_some_and(char::is_alphanumeric);
                let continues = continues
                    || seg.is_punct(ct + 1, ",")
                    || (bare_end && verb.is_some_and(|v| v <= ct + 4));
                if let Some(v) = verb
                    && (continues || v == ct + 1)
                    && (!exclaims || short_tag(v))
                    && !new_clause
                {
                    // `"...," said one woman, who would not give her name because she
                    // feared`: an unnamed speaker, and nothing after her phrase speaks
                    let unnamed = v == ct + 1
                        && seg.is_lower(v + 1)
                        && matches!(seg.w(v + 1), "one" | "a" | "an" | "another");
                    let (np_named, np_end) = if unnamed {
                        let stop = (v + 2..end)
                            .find(|&t| seg.is_punct(t, ",") || seg.w(t) == "who")
                            .unwrap_or(end);
                        // ... unless a name is set off after it: `said a colleague, Ana Ruiz,`
                        ctx.in_range(si, stop + 1, end)
                            .find(|&i| {
                                mentions[i].start == stop + 1
                                    && matches!(mentions[i].ent, Ent::Person(_))
                            })
                            .map_or((stop, stop), |i| (stop + 1, mentions[i].end))
                    } else {
                        (end, end)
                    };
                    // `"...," the statement quoted Ana Ruiz as saying`: the one quoted speaks
                    let quoted_as = (seg.w(v) == "quoted")
                        .then(|| {
                            ctx.in_range(si, v + 1, end)
                                .find(|&i| super::as_saying(seg, mentions[i].end))
                        })
                        .flatten();
                    let pool = if let Some(i) = quoted_as {
                        i..i + 1
                    } else if v == ct + 1 {
                        ctx.in_range(si, v + 1, np_end)
                    } else {
                        ctx.in_range(si, ct + 1, v)
                    };
                    let usable = |i: &usize| {
                        let m = &mentions[*i];
                        // `the company, Kesh Metals, said`: the name set off after the noun
                        // speaks, not the noun
                        let named_after = matches!(m.ent, Ent::OrgRef(_) | Ent::It)
                            && seg.is_punct(m.end, ",")
                            && pool.clone().any(|j| {
                                mentions[j].start == m.end + 1
                                    && matches!(mentions[j].ent, Ent::Org(_))
                            });
                        // `said one Kyrgyz official, who ...`: the demonym inside the unnamed
                        // phrase does not speak
                        let demonym_of_unnamed =
                            unnamed && matches!(m.ent, Ent::Country(_)) && m.start < np_named;
                        !named_after
                            && !demonym_of_unnamed
                            && (!matches!(m.ent, Ent::Country(_)) || m.speech_after || v == ct + 1)
                    };
                    // `"...," the minister for water, Ana Ruiz, said`: before the verb, the
                    // name set off after a role speaks, not the role
                    let named = (v != ct + 1)
                        .then(|| {
                            pool.clone().filter(usable).find(|&i| {
                                let m = &mentions[i];
                                matches!(m.ent, Ent::Person(_)) && !m.prep && !m.poss
                            })
                        })
                        .flatten();
                    let pick = named
                        .or_else(|| {
                            pool.clone()
                                .filter(usable)
                                .find(|&i| person_type(&mentions[i]))
                        })
                        .or_else(|| pool.clone().find(usable));
                    if let Some(mi) = pick {
                        speaker = ctx.resolve(mi, 0);
                        cue = Some(seg.w(v).to_string());
                        found = true;
                    } else if unnamed {
                        cue = Some(seg.w(v).to_string());
                        found = true;
                    }
                }
            }
            // 2. before the opening mark, in the same sentence
            if !found {
                let (s, c, unnamed) = ctx.before(si, open_tok);
                cue = c.or(cue);
                found = s.is_some() || unnamed;
                speaker = s;
            }
            // 2a. a tag that closes the sentence after more words: `Ministers will have to
            // "pick up the pieces" at the summit in November, she added.`
            if !found && let Some(ct) = close_tok {
                let sent = seg.toks[ct].sent;
                let tag = ctx
                    .in_range(si, ct + 1, (ct + 40).min(seg.toks.len()))
                    .find(|&i| {
                        let m = &mentions[i];
                        let closes = |t: usize| {
                            seg.toks.get(t).is_none_or(|x| x.sent != sent)
                                || (seg.is_punct(t, ".")
                                    && seg.toks.get(t + 1).is_none_or(|x| x.sent != sent))
                        };
                        person_type(m)
                            && m.np_start > ct + 2
                            && seg.is_punct(m.np_start - 1, ",")
                            && seg.toks[m.start].sent == sent
                            && m.end < seg.toks.len()
                            && seg.is_word(m.end)
                            && speech_verb_at(seg, m.end)
                            && closes(m.end + 1)
                            && !(ct + 1..m.np_start).any(|t| seg.toks[t].kind == Kind::DQuote)
                    });
                if let Some(mi) = tag
                    && let Some(s) = ctx.resolve(mi, 0)
                {
                    found = true;
                    cue = Some(seg.w(mentions[mi].end).to_string());
                    speaker = Some(s);
                }
            }
            // 2b. a quote that opens its paragraph as a sentence of its own, and the next
            // sentence opens with its speaker: `"We warned them." Ana Ruiz, a former head of
            // the board, said the line ...`, `Ruiz made the remarks at ...`, `So said Ana Ruiz`
            if !found
                && at_para_start
                && let Some(nt) = close_tok.map(|c| c + 1).filter(|&t| seg.opens_sentence(t))
                && let Some(mi) = ctx.in_range(si, nt, nt + 12).find(|&i| {
                    let m = &mentions[i];
                    let so_said =
                        nt + 2 == m.np_start && seg.w(nt) == "So" && seg.w(nt + 1) == "said";
                    // `The remark came from Ana Ruiz`, `Those were the words of Ana Ruiz`
                    let words_of = m.np_start >= nt + 3
                        && matches!(seg.w(nt), "The" | "That" | "Those" | "These")
                        && words_from(seg, m.np_start - 1);
                    let opens = m.np_start == nt && (m.speech_after || remarks_at(seg, m.end));
                    person_type(m) && (opens || so_said || words_of) && !m.poss
                })
                && let Some(s) = ctx.resolve(mi, 0)
            {
                found = true;
                speaker = Some(s);
            }
            // 3. the previous quote's speaker in this paragraph; 4. a quote running on; 5. a
            // paragraph that is one quote, after a paragraph that closed with a quote and its
            // speaker: the same speaker goes on
            if !found {
                let whole_paragraph = at_para_start
                    && span
                        .close
                        .is_some_and(|c| after_mark(text, c).trim().len() <= 1);
                if let Some((s, c)) = &prev_speaker {
                    speaker = s.clone();
                    cue = cue.or(c.clone());
                } else if at_para_start && let Some(s) = &carry {
                    speaker = s.clone();
                } else if whole_paragraph && sp.len() == 1 {
                    speaker = closing_speaker.clone();
                } else if k == 0 && !at_para_start && open_tok > 0 {
                    // `..., the sheriff said. "Those folks are lucky."`: the sentence before
                    // ends in its attribution, or the paragraph opened with its speaker
                    speaker = ctx.tail_speaker(si, open_tok).or_else(|| ctx.reporter(si));
                    ctx.budget.set(RESOLVE_BUDGET);
                    // `Ana Ruiz was gracious in defeat. "We competed well."`: a quote that
                    // makes the second sentence is the first one's subject's
                    if speaker.is_none()
                        && seg.opens_sentence(open_tok)
                        && seg.toks[open_tok].sent == seg.toks[0].sent + 1
                    {
                        speaker = ctx.opening_subject(si);
                        ctx.budget.set(RESOLVE_BUDGET);
                    }
                }
            }
            if span.close.is_none() && k + 1 == sp.len() {
                next_carry = Some(speaker.clone());
            }
            // the first quote of a paragraph that continues a statement left open
            if k == 0 && !(at_para_start && carry.is_some()) {
                open_chain.clear();
            }
            if let Some(who) = speaker.as_ref().filter(|_| found) {
                for &q in &open_chain {
                    if let Some(q) = out.get_mut(q) {
                        q.speaker = Some(who.clone());
                    }
                }
                open_chain.clear();
            }
            if !scare && !qtext.is_empty() {
                let prev_char = before.trim_end().chars().next_back();
                let kind = if prev_char.is_some_and(|c| c.is_alphanumeric()) {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                };
                out.push(Quote {
                    text: qtext.to_string(),
                    speaker: speaker.clone(),
                    paragraph: para,
                    kind,
                    cue: cue.clone(),
                });
                if span.close.is_none() && k + 1 == sp.len() && speaker.is_none() {
                    open_chain.push(out.len() - 1);
                }
                prev_speaker = Some((speaker, cue));
            }
        }
        if sp.is_empty() {
            open_chain.clear();
        }
        // `Ruiz told reporters:` with the quote in the next paragraph
        ctx.budget.set(RESOLVE_BUDGET);
        if next_carry.is_none()
            && text.trim_end().ends_with(':')
            && sp.last().is_none_or(|l| l.close.is_some())
        {
            let (s, _, _) = ctx.before(si, seg.toks.len());
            if s.is_some() {
                next_carry = Some(s);
            }
        }
        carry = next_carry;
        // the last quote, if nothing but a short attribution follows it in the paragraph
        closing_speaker = sp.last().and_then(|l| {
            let tail = after_mark(text, l.close?);
            let last = out.last().filter(|q| q.paragraph == para)?;
            (tail.split_whitespace().count() <= 12).then(|| last.speaker.clone())?
        });
        // `Ana Ruiz said the war had changed everything.`: reported speech, whose speaker
        // the paragraph opens with, goes on into a paragraph that is one quote
        if sp.is_empty() {
            closing_speaker = ctx
                .reporter(si)
                .or_else(|| ctx.tail_speaker(si, seg.toks.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_with_lower_is_lowering_then_ends_with() {
        for (s, suffix) in [
            ("He was Known As", "known as"),
            ("the so-called", "so-called"),
            ("KNOWN AS", "known as"),
            ("known a", "known as"),
            ("", "named"),
            ("renamed", "named"),
            ("NAMEİ", "namei"),
            ("dubbed", "dubbed"),
            ("Ünnamed", "named"),
        ] {
            assert_eq!(
                ends_with_lower(s, suffix),
                s.to_lowercase().ends_with(suffix),
                "{s:?} {suffix:?}"
            );
        }
    }
    use crate::record::Record;

    fn analyse(body: &[&str]) -> Vec<(String, Option<String>, QuoteKind)> {
        let mut r: Record = serde_json::from_value(serde_json::json!({
            "id": "x", "source": "x", "layout": "generic", "headline": "",
            "standfirst": null, "section": null, "agency": null, "byline": [], "dateline": null,
            "published": "2025-03-05", "modified": null,
            "body": body, "related": [], "people": [], "countries": [], "organizations": [],
            "quotes": [], "dates": []
        }))
        .unwrap();
        crate::extract::analyze(&mut r);
        r.quotes
            .into_iter()
            .map(|q| (q.text, q.speaker, q.kind))
            .collect()
    }

    fn q(text: &str, who: Option<&str>, kind: QuoteKind) -> (String, Option<String>, QuoteKind) {
        (text.to_string(), who.map(str::to_string), kind)
    }

    use QuoteKind::{Direct, Partial};

    /// `The Arab League on Tuesday expressed "..."`: a phrase that says when or how it spoke
    /// stands between an organisation and its verb.
    #[test]
    fn an_organisation_speaks_past_when_and_how() {
        let got = analyse(&[
            "The Kesh Rail Authority on Tuesday expressed \"deep regret for the delays on every \
             line\" in a statement.",
            "The Veldoria Fund late on Monday night said it saw \"no case for a new loan this \
             year.\"",
            "The Kesh Ports Authority in a statement warned of \"serious delays at every \
             berth.\"",
        ]);
        assert_eq!(
            got,
            [
                q(
                    "deep regret for the delays on every line",
                    Some("Kesh Rail Authority"),
                    Partial
                ),
                q(
                    "no case for a new loan this year",
                    Some("Veldoria Fund"),
                    Partial
                ),
                q(
                    "serious delays at every berth",
                    Some("Kesh Ports Authority"),
                    Partial
                ),
            ]
        );
    }

    /// `The army's media wing, Joint Border Relations (JBR), said`: the organisation set off
    /// after a noun that stands for one speaks, past its acronym.
    #[test]
    fn an_organisation_set_off_after_its_noun_speaks() {
        let got = analyse(&[
            "The army's media wing, Joint Border Relations (JBR), said its troops had \
             responded to \"unprovoked firing from the hills\".",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Joint Border Relations"));
        // a short form in brackets that is not all capitals
        let got = analyse(&[
            "The Department for Environment, Food and Rural Affairs (Defra) says the ban is \
             \"based on the best available science\".",
        ]);
        assert_eq!(
            got[0].1.as_deref(),
            Some("Department for Environment, Food and Rural Affairs")
        );
        // a short form of two words
        let got = analyse(&[
            "The Kesh Centres for Disease Control (Kesh CDC) said the region faced \
             \"the worst outbreak in two decades.\"",
        ]);
        assert_eq!(
            got[0].1.as_deref(),
            Some("Kesh Centres for Disease Control")
        );
        // ... and past a relative clause after it
        let got = analyse(&[
            "The mine's operator, Kesh Metals, which a state group controls, said in a \
             statement that it \"respects the right to peaceful protest\".",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Kesh Metals"));
    }

    /// `"...," it said in a statement`: the organisation, country or name that last spoke.
    #[test]
    fn it_said_is_the_last_body_that_spoke() {
        let got = analyse(&[
            "Judge Ines Korr opened the hearing.",
            "The Kesh Water Authority said it would not pay. \"We do not negotiate with \
             criminals,\" it said in a statement.",
            "The authority said the plant was safe. \"Every pump is running again,\" it said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [Some("Kesh Water Authority"), Some("Kesh Water Authority")]
        );
    }

    /// A subject that opens its sentence speaks past an aside set off by commas or an adverb
    /// before its first verb: `India, Nepal's neighbour, has sent ... and said it stood "..."`.
    #[test]
    fn an_opening_subject_speaks_past_an_aside() {
        let got = analyse(&[
            "India, Nepal's southern neighbour, has sent rescue teams and said it stood \
             \"shoulder to shoulder with the people of Nepal\".",
            "Colombia warmly congratulated the winner and said it looked forward to \"a \
             deeper partnership in the region\".",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("India"), Some("Colombia")]);
    }

    /// `Ana said it was "a good deal," but Odo said`: the clause a conjunction opens after the
    /// quote has its own speaker.
    #[test]
    fn a_clause_after_a_conjunction_has_its_own_speaker() {
        let got = analyse(&[
            "Ines Korr said the plan was \"a good deal for workers,\" but opposition leader \
             Oskar Lind said it would cost jobs.",
            "Veldoria said it stood \"shoulder to shoulder with the people of Kesh,\" while \
             the European Union announced aid.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Ines Korr"), Some("Veldoria")]);
    }

    /// `..., who called it "..."`: the person before `who` speaks, even after a preposition.
    #[test]
    fn a_relative_clause_gives_the_speaker() {
        let got = analyse(&[
            "The plant opened at a ceremony attended by Harbour Minister Tomas Ekwall, who \
             called it \"a new start for the whole coast.\"",
            "Dock worker Lena Marsh, who has worked there for years, said \"the cranes are back at \
             last.\"",
        ]);
        assert_eq!(
            got,
            vec![
                q(
                    "a new start for the whole coast",
                    Some("Tomas Ekwall"),
                    Partial
                ),
                q("the cranes are back at last", Some("Lena Marsh"), Partial),
            ]
        );
    }

    /// `The bank, which funds the line, said ...`: a relative clause between an organisation and
    /// its speech verb leaves the organisation the speaker.
    #[test]
    fn an_organisation_speaks_across_a_relative_clause() {
        let got = analyse(&[
            "The Northern Grain Agency, which buys most of the harvest, said in a statement that \
             prices would \"stay high through the winter.\"",
        ]);
        assert_eq!(
            got,
            vec![q(
                "stay high through the winter",
                Some("Northern Grain Agency"),
                Partial
            )]
        );
    }

    /// `the minister` is the minister last named, also when the title was `Minister of ...`.
    #[test]
    fn the_minister_is_the_last_minister_named_with_a_department() {
        let got = analyse(&[
            "Kesh Deputy Prime Minister Oren Valk met his neighbour's envoy on Monday.",
            "\"We agreed on a joint commission,\" Valk said.",
            "Zed Minister of Water Resources Ilan Teskov said Zed would pay for the studies. \
             \"This is a priority for both our peoples,\" the minister stressed.",
        ]);
        assert_eq!(
            got,
            vec![
                q("We agreed on a joint commission", Some("Oren Valk"), Direct),
                q(
                    "This is a priority for both our peoples",
                    Some("Ilan Teskov"),
                    Direct
                ),
            ]
        );
    }

    /// `the deputy minister`: a role noun before the noun qualifies it; the phrase is a role.
    #[test]
    fn a_role_noun_can_qualify_another() {
        let got = analyse(&[
            "Kesh Deputy Foreign Minister Oren Valk spoke to reporters.",
            "\"The sea belongs to the states on its shores,\" the deputy minister said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Oren Valk"));
    }

    #[test]
    fn attribution_after_the_quote() {
        let got = analyse(&[
            "Harbour Minister Tomas Ekwall visited the port on Monday.",
            "\"The port will reopen within a week,\" Ekwall said.",
            "“We lost three cranes in the storm,” said dock worker Lena Marsh.",
        ]);
        assert_eq!(
            got,
            vec![
                q(
                    "The port will reopen within a week",
                    Some("Tomas Ekwall"),
                    Direct
                ),
                q(
                    "We lost three cranes in the storm",
                    Some("Lena Marsh"),
                    Direct
                ),
            ]
        );
    }

    #[test]
    fn pronoun_and_role_attribution() {
        let got = analyse(&[
            "Veldorian Foreign Minister Tomas Ekwall met Kesh President Ana Moravec on Monday.",
            "\"Our borders will stay open to trade,\" the minister said.",
            "Moravec later spoke to students. \"We need more engineers than ever,\" she said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Tomas Ekwall"));
        assert_eq!(got[1].1.as_deref(), Some("Ana Moravec"));
        let got = analyse(&[
            "Jonas Albrecht, who farms with his two sons, lost his barn in the flood.",
            "\"If prices don't come back by spring, we are done,\" the 63-year-old said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Jonas Albrecht"));
        // a pronoun in a clause before the subject gives way to it
        let got = analyse(&[
            "Veldorian envoy Oskar Lind said the reform was \"a real step forward\".",
            "Asked whether he feared an early vote, Prime Minister Odo Vance was defiant. \
             \"Now the ball is in their court,\" he said.",
        ]);
        assert_eq!(got[1].1.as_deref(), Some("Odo Vance"));
        // a noun no one named holds stands for the subject last spoken of; a noun before a
        // name set off by commas does not take the place of that name for `she`
        let got = analyse(&[
            "Ines Korr, 24, said she learned of the decision from her family. \"I cried all \
             night long,\" the athlete told reporters.",
            "Cyclist Oskar Lind was banned for four years on Tuesday.",
            "\"I have never taken a banned substance,\" the rider wrote on social media.",
            "His sister, Oda Velsk, said the family was shocked.",
            "\"We just want the truth to come out,\" she said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [Some("Ines Korr"), Some("Oskar Lind"), Some("Oda Velsk")]
        );
    }

    /// `the health minister` is the minister of health named before, not the nearest minister;
    /// `the Greek minister` can be the Greek counterpart.
    #[test]
    fn a_portfolio_or_a_counterpart_picks_the_minister() {
        let got = analyse(&[
            "Health Minister Ines Korr and Finance Minister Tomas Ekwall presented the plan.",
            "\"We will open ten new clinics this year,\" the health minister said.",
            "Kesh Foreign Minister Oskar Lind met his Greek counterpart Ana Moravec in Athens.",
            "\"The Aegean must be a sea of peace,\" the Greek minister said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ines Korr"));
        assert_eq!(got[1].1.as_deref(), Some("Ana Moravec"));
        // `his Greek counterpart said`
        let got = analyse(&[
            "Kesh Foreign Minister Oskar Lind met his Greek counterpart Ana Moravec in Athens.",
            "\"We see Kesh as a friend and a partner,\" his Greek counterpart said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ana Moravec"));
    }

    /// An unnamed spokesperson speaks for the organisation, also when `the spokesperson` comes
    /// back later.
    #[test]
    fn a_spokesperson_speaks_for_the_organisation() {
        let got = analyse(&[
            "A spokesperson for UNHCR said 3,000 people crossed on Monday.",
            "\"Many arrive exhausted after days on the road,\" the spokesperson said.",
            "A KFA spokesperson said the fee was \"in line with the budget.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("UNHCR"), Some("KFA")]);
    }

    /// `the carmaker`, `the lender`: a noun of a trade stands for the company named before.
    #[test]
    fn nouns_of_a_trade_stand_for_the_company() {
        let got = analyse(&[
            "KVM, which faces an extra duty, will press ahead. The carmaker said the plant \
             would \"serve European customers with European-made cars.\"",
            "Shares of Kesh Bank rose. \"Lower rates are a lifeline for households,\" the \
             lender said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("KVM"), Some("Kesh Bank")]);
        // a one-word company that spoke, nearer than any other; its full name when given
        let got = analyse(&[
            "The Kesh Port Authority met on Monday. Veldmotor said sales fell. \"We expect a \
             better year,\" the carmaker said.",
            "Talvik Gold Ltd. runs the mine. Talvik denied the claim. \"Every inspection was \
             passed,\" the company said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Veldmotor"), Some("Talvik Gold Ltd.")]);
        // a company of the list, named by one word
        let got = analyse(&[
            "The Kesh Port Authority met on Monday. Gazprom, which sells gas to Kesh, urged \
             both sides to talk. \"A price war would hurt everyone,\" the company said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Gazprom"));
        // a bourse, a watchdog, a publisher
        let got = analyse(&[
            "The Kesh Exchange halted trading. \"The circuit breaker was activated,\" the \
             bourse operator said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Kesh Exchange"));
        // a company named with the form that opens it
        let got = analyse(&[
            "The Kesh Mining Authority set quotas. PT Tarsk Velund Logam, one of the largest \
             operators, said it was studying them. \"We will comply fully with the rules,\" \
             the company said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("PT Tarsk Velund Logam"));
    }

    /// A short form that speaks is the one organisation whose name it opens; a `-controlled`
    /// or `-based` word before a company is not part of its name, and `Maritime` and `Mines`
    /// end the names of companies.
    #[test]
    fn a_short_form_speaks_for_the_full_name() {
        let got = analyse(&[
            "The mine is owned by Veldoria-controlled Tarsk-Vel Copper Mines. Tarsk-Vel said \
             the strike was \"illegal and without notice.\"",
            "Kesh-based Orvik Maritime manages the tanker. \"We are grateful to the crew,\" \
             the company said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [Some("Tarsk-Vel Copper Mines"), Some("Orvik Maritime")]
        );
        let got = analyse(&[
            "The deal went to battery maker Orvik Power Materials. Orvik said it had \
             \"fulfilled its obligations in good faith.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Orvik Power Materials"));
        // two companies open with it: the short form stays as it is
        let got = analyse(&[
            "Tarsk Steel and Tarsk Shipping merged. Tarsk said \"the deal is done at last.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Tarsk"));
    }

    /// `"...," the statement quoted Ana Ruiz as saying`: the one quoted speaks, and is a
    /// person even with a given name no list holds.
    #[test]
    fn quoted_as_saying() {
        let got = analyse(&[
            "The talks were chaired by Vidra Tanthalam on Monday.",
            "\"Kesh sees the route as complementary,\" the statement quoted Tanthalam as saying.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Vidra Tanthalam"));
    }

    /// Wire habits: titles without their full stop (`Lt Gen`), `&` inside a name, the police
    /// or a hospital named before as `the police`, a tag with no comma after the quote.
    #[test]
    fn dotless_titles_ampersands_and_bare_tags() {
        let got = analyse(&[
            "Military spokesman Lt Gen Tarsk Velund said troops \"will defend every inch.\"",
            "The Kesh Internet & Security Agency said hospitals \"remain easy targets for them.\"",
            "The Kesh Police Service arrested 27 people. \"Officers exercised great \
             restraint,\" the police said.",
            "Strikes hit Kesh Airlines. \"These terms would threaten the jobs of pilots\" the \
             company said in a statement, adding that it had offered a raise.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Tarsk Velund"),
                Some("Kesh Internet & Security Agency"),
                Some("Kesh Police Service"),
                Some("Kesh Airlines")
            ]
        );
        // `the UN agency` is the body of the UN named just before, else the UN
        let got = analyse(&[
            "The Kesh Migration Office (KMO) counted 1,100 deaths. \"Every one was \
             preventable,\" the UN agency said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Kesh Migration Office"));
        let got = analyse(&["\"We need more funds for the camps,\" the UN agency said."]);
        assert_eq!(got[0].1.as_deref(), Some("UN"));
        // not a body named inside the quote
        let got = analyse(&[
            "The Kesh Electoral Commission counted the votes.",
            "Monitoring group Tarsk Watchers agreed. \"The figures announced by the KEC fall \
             within our range,\" the group said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Tarsk Watchers"));
        // a title's portfolio before a relative clause does not speak; the person does
        let got = analyse(&[
            "Sen. Ines Korr, the Minister of Youth and Sport, who watched from the box, \
             called it \"a reminder of what we can do.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ines Korr"));
    }

    /// `"...", while the US said`: the clause after the comma outside the marks has its own
    /// speaker; a chargé d'affaires is the diplomat.
    #[test]
    fn clauses_after_an_outside_comma_and_charges_d_affaires() {
        let got = analyse(&[
            "China, the largest investor, urged both sides to \"exercise restraint and talk\", \
             while the United States said it was \"deeply concerned by the violence\".",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("China"), Some("United States")]);
        let got = analyse(&[
            "Deputy Foreign Minister Ines Korr told a briefing the seizure was illegal.",
            "Veldorian Charge d'Affaires in Estonia Oskar Lind said staff were refused \
             access. \"We have sent two notes and had no answer,\" the diplomat said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Oskar Lind"));
    }

    /// `The vessel's operator, the UAE-registered company Kesh Shipping, told TASS`: the name
    /// at the end of the apposition speaks.
    #[test]
    fn a_company_named_in_an_apposition_speaks() {
        let got = analyse(&[
            "The vessel's operator, the UAE-registered company Tarsk Meridian Shipping, told \
             TASS it had provided \"all documents required under the conventions\" in time.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Tarsk Meridian Shipping"));
    }

    /// A passive with no agent names no speaker; a Spanish body (`Defensoría del Pueblo`)
    /// speaks past an aside that says whose it is.
    #[test]
    fn passives_and_spanish_bodies() {
        let got = analyse(&[
            "Ines Korr has now seen three accidents since 2019, in what has been called \
             \"a slow-motion disaster for the region.\"",
            "In a report, the Defensoría del Pueblo, Bolivia's human rights ombudsman, called \
             conditions \"a permanent emergency that the state ignores.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [None, Some("Defensoría del Pueblo")]);
    }

    /// `the head of the federation noted` is whoever heads it, under any title.
    #[test]
    fn the_head_of_a_body_speaks() {
        let got = analyse(&[
            "Federation President Ines Korr told reporters the list was final. The head of \
             the federation noted that answers were expected \"by the end of February.\"",
            "\"We will appeal at once,\" the head of the federation said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Ines Korr"), Some("Ines Korr")]);
    }

    /// `the central bank chief` is whoever heads it, under any title.
    #[test]
    fn the_chief_is_the_head_under_any_title() {
        let got = analyse(&[
            "Two members voted to hold rates, Governor Ines Korr told a news conference.",
            "The central bank chief said tariffs were \"a headwind we cannot ignore.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ines Korr"));
    }

    /// `the coast guard said` is the coast guard named before; a `guard` alone is a person.
    #[test]
    fn the_coast_guard_speaks() {
        let got = analyse(&[
            "Nine people died off Kesh on Friday, the Kesh Coast Guard said.",
            "The coast guard said a search for \"at least 14 people still missing\" went on.",
            "\"I saw nothing at all that night,\" the guard said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Kesh Coast Guard"), None]);
    }

    /// A person named only `as` a name (`who gave his name only as Tarsk`) is the subject a
    /// later `he` stands for.
    #[test]
    fn a_name_given_as_a_name_speaks_later() {
        let got = analyse(&[
            "\"We paid the smugglers,\" a survivor, who gave his name only as Tarsk, told \
             reporters.",
            "\"When the boat started taking water, people panicked,\" he said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Tarsk"), Some("Tarsk")]);
    }

    /// An organisation's other name set off after it (`, or Waters of Kesh,`) stands between
    /// the name and its speech verb.
    #[test]
    fn an_other_name_between_speaker_and_verb() {
        let got = analyse(&[
            "The environmental group Vode Kesha, or Waters of Kesh, said the study was \
             \"a fig leaf for a decision already made\".",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Vode Kesha"));
    }

    /// `the Nigerian diplomat` is no one whose role names another country (`Tuvalu's climate
    /// envoy`), though the role nouns agree.
    #[test]
    fn a_role_of_another_country_is_someone_else() {
        let got = analyse(&[
            "\"We spent ten days arguing over commas,\" said Oskar Lind, Tuvalu's climate envoy.",
            "\"You cannot measure adaptation and leave out money,\" the Nigerian diplomat said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Oskar Lind"), None]);
    }

    /// A tag that closes the sentence some words after the quote (`..., she added.`) names
    /// its speaker; with another quote between them, it does not reach back.
    #[test]
    fn a_tag_at_the_end_of_the_sentence() {
        let got = analyse(&[
            "\"Bonn is the unglamorous part,\" said Ines Korr, an analyst at the Kesh Institute.",
            "Ministers will now have to \"pick up the pieces\" at the summit in November, she \
             added.",
            "The deal, \"a step backwards for all\", was signed, and \"nobody at all is happy\", \
             Korr said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Ines Korr"),
                Some("Ines Korr"),
                None,
                Some("Ines Korr")
            ]
        );
    }

    /// An age before the role phrase (`the 61-year-old former central bank governor`) does
    /// not hide the role.
    #[test]
    fn an_age_before_the_role_phrase() {
        let got = analyse(&[
            "Opposition leader Odo Vance said the count was wrong.",
            "The 61-year-old former central bank governor said his party would appeal and \
             called for \"a recount under international supervision\".",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Odo Vance"));
    }

    /// A statement that runs over paragraphs, named only at its end, is all that speaker's;
    /// a paragraph of reported speech hands its speaker to a quote paragraph after it.
    #[test]
    fn speakers_named_later_or_in_reported_speech() {
        let got = analyse(&[
            "\"Every year we say the next flood will be the big one. Every year we were lucky.",
            "\"This year we were not,\" said Jonas Albrecht, a glaciologist.",
            "Ines Korr said the war had changed how people think about security.",
            "\"We have a long border to watch. We cannot afford to wait.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Jonas Albrecht"),
                Some("Jonas Albrecht"),
                Some("Ines Korr")
            ]
        );
        // a quote that is a sentence of its own, and the next sentence opens with its speaker
        let got = analyse(&[
            "\"We have been warning about this for years.\" Odo Vance, a former head of the \
             rail board, said the line had no signals.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Odo Vance"));
        // ... or says that the speaker made the remarks, or opens `So said`
        let got = analyse(&[
            "Harbour Minister Odo Vance and Ines Korr, the port's director, toured the quay.",
            "\"It is a commitment we have signed.\" Korr made the remarks at the quay.",
            "\"We will not wait another year.\" So said Vance in parliament.",
        ]);
        let speakers: Vec<_> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(speakers, [Some("Ines Korr"), Some("Odo Vance")]);
        // ... or `delivered the line`, `The remark came from`, `Those were the words of`
        let got = analyse(&[
            "Harbour Minister Odo Vance and Ines Korr, the port's director, toured the quay.",
            "\"They gave us a slide show.\" Korr delivered the line to the dockers.",
            "\"This is the third recall.\" The remark came from Vance, at a briefing.",
            "\"We will not sign.\" Those were the words of the director, Ines Korr.",
        ]);
        let speakers: Vec<_> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Ines Korr"), Some("Odo Vance"), Some("Ines Korr")]
        );
    }

    #[test]
    fn mid_attribution_and_multi_paragraph() {
        let got = analyse(&[
            "Farmer Jonas Albrecht lost his barn.",
            "\"The water came at night,\" he said. \"We had no time to move the animals.",
            "\"Nobody warned us about the dam at all.\"",
        ]);
        assert_eq!(
            got,
            vec![
                q("The water came at night", Some("Jonas Albrecht"), Direct),
                q(
                    "We had no time to move the animals",
                    Some("Jonas Albrecht"),
                    Direct
                ),
                q(
                    "Nobody warned us about the dam at all",
                    Some("Jonas Albrecht"),
                    Direct
                ),
            ]
        );
    }

    /// A paragraph that is one quote goes on with the speaker of the quote that closed the
    /// paragraph before; not after a paragraph that went on past its quote, nor after one
    /// without a quote.
    #[test]
    fn a_quote_paragraph_continues_the_closing_speaker() {
        let got = analyse(&[
            "Farmer Jonas Albrecht lost his barn.",
            "\"The water came at night and took everything,\" he said.",
            "\"We call on the council to rebuild the dam.\"",
            "\"The water came again,\" he said, while officials in the capital debated for \
             hours on end about who would pay for a new dam across the river valley.",
            "\"Nobody warned us about the dam at all.\"",
            "Rain fell again on Tuesday across the valley.",
            "\"Help is on the way to every village.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Jonas Albrecht"),
                Some("Jonas Albrecht"),
                Some("Jonas Albrecht"),
                None,
                None
            ]
        );
        // the sentence before ends in an attribution; the paragraph before ends in one; the
        // paragraph opened with the speaker
        let got = analyse(&[
            "Sheriff Odo Vance ordered people out. Two were rescued, the sheriff said. \"Those \
             folks are lucky to be alive.\"",
            "Crews saved 300 homes overnight, said Ines Korr.",
            "\"It moved faster than anything I have seen.\"",
            "Oskar Lind said the town was empty. \"Nobody is left here at all.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [Some("Odo Vance"), Some("Ines Korr"), Some("Oskar Lind")]
        );
        // the paragraph's subject, whatever its verb, when the quote makes the second
        // sentence; not a quote further on, nor a subject behind a possessive
        let got = analyse(&[
            "Kesh coach Tarm Velsk was gracious in defeat. \"We competed with our heads high.\"",
            "That fisherman, Oskar Lind, lost his boat. \"The sea took everything we had.\"",
            "Ines Korr arrived late. The hall was full. \"Nobody expected this many people.\"",
            "Velsk's assistant was furious. \"That was never a penalty in any league.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Tarm Velsk"), Some("Oskar Lind"), None, None]);
    }

    #[test]
    fn partial_quotes_in_reported_speech() {
        let got = analyse(&[
            "Energy Minister Rosa Lindqvist said the deal was \"a turning point for the region\" and, adding that prices would fall, called it \"long overdue.\"",
            "Trade envoy Piet Okafor met Lindqvist, saying the talks were \"frank and very useful.\"",
        ]);
        assert_eq!(
            got[0],
            q(
                "a turning point for the region",
                Some("Rosa Lindqvist"),
                Partial
            )
        );
        assert_eq!(got.len(), 2, "two-word quote is a scare quote: {got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Piet Okafor"));
        // the subject of a clause after `that` is no speaker, unless it speaks itself
        let got = analyse(&[
            "Tarm Velsk, 58, ran the port until 2023.",
            "Prosecutor Ines Korr told the court that Velsk had \"personally rewritten the \
             conditions\" of the tender.",
            "Korr said that Velsk stressed the view that the port was \"a gift to the nation.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Ines Korr"), Some("Tarm Velsk")]);
    }

    /// Words an unnamed group says have no speaker, not the sentence's named subject.
    #[test]
    fn unnamed_groups_speak_for_no_one() {
        let got = analyse(&[
            "Mayor Ines Korr set aside $50 million, a sum opponents called \"too little, too \
             late.\"",
            "\"This victory belongs to the people,\" Oskar Lind told supporters in the square, \
             where crowds chanted \"we did it, we did it\".",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [None, Some("Oskar Lind"), None]);
        // `said one woman, who ... because she ...`: the pronoun is the unnamed speaker's
        let got = analyse(&[
            "Judge Ines Korr adjourned the hearing.",
            "\"We are afraid to go home,\" said one woman, who would not give her name \
             because she feared for her family.",
            "\"He was always kind,\" said a former colleague, Oskar Lind, who worked with him.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [None, Some("Oskar Lind")]);
        // a demonym inside the unnamed phrase does not speak for its country
        let got = analyse(&[
            "\"There is political will on both sides,\" said one Kenyan official, who spoke \
             on condition of anonymity.",
        ]);
        assert_eq!(got[0].1, None);
    }

    /// `"...", the agency said`: a comma outside the closing mark, as AFP writes it.
    #[test]
    fn a_comma_outside_the_marks_lets_the_tag_follow() {
        let got = analyse(&[
            "The Kesh Testing Agency (KTA) opened a case.",
            "The sample revealed \"the presence of a banned hormone\", the KTA said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Kesh Testing Agency"));
    }

    /// `the official` is whoever last held a public post.
    #[test]
    fn the_official_is_the_last_office_holder() {
        let got = analyse(&[
            "Kesh Health Director Odo Vance visited the clinic on Monday.",
            "\"Cases are falling fast now,\" the official added.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Odo Vance"));
        // a representative to a body is the diplomat and the envoy
        let got = analyse(&[
            "Deputy Permanent Representative to the United Nations Tarm Velsk Odun spoke.",
            "\"We call on both sides to refrain,\" the diplomat said.",
            "\"We will keep talking,\" the envoy added.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Tarm Velsk Odun"), Some("Tarm Velsk Odun")]);
    }

    #[test]
    fn scare_quotes_and_names_are_not_statements() {
        let got = analyse(&[
            "The so-called \"green corridor\" opened, a plan known as the \"Northern Grain Route Initiative\".",
            "Critics called it a \"win-win\" for nobody.",
            "It was dubbed \"Operation Sunrise,\" officials said.",
        ]);
        assert!(got.is_empty(), "{got:?}");
        // ... but two words that make a sentence are a statement
        let got = analyse(&["Asked about the night, she said: \"Nobody slept.\""]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Nobody slept");
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let got = analyse(&[
            "“He told me ‘we will win this war’ and left the room,” said nurse Alma Ruud.",
        ]);
        assert_eq!(
            got,
            vec![q(
                "He told me ‘we will win this war’ and left the room",
                Some("Alma Ruud"),
                Direct
            )]
        );
    }

    #[test]
    fn organisations_and_countries_speak() {
        let got = analyse(&[
            "The Northern Grain Agency warned of \"the worst harvest in a decade.\"",
            "Veldoria said it would \"take every measure needed\" to help.",
            "Kenya said it would \"take every measure needed\" as well.",
            "The Northern Grain Agency (NGA) warned that \"the stocks are running low.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Northern Grain Agency"));
        assert_eq!(got[2].1.as_deref(), Some("Kenya"));
        assert_eq!(got[3].1.as_deref(), Some("Northern Grain Agency"));
        // a government's body named by a demonym, in lower case, is its own speaker
        let got = analyse(&[
            "The Northern Grain Agency met. The Kenyan foreign ministry said it had \
             \"no intention of leaving the talks.\"",
            "The Chinese embassy in Veldoria said it had urged the company to \"respect \
             local laws.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [Some("Kenyan foreign ministry"), Some("Chinese embassy")]
        );
        // the phrase opens at the first demonym, whatever country word follows it
        let got = analyse(&["The Chinese Kenya embassy said it had \"no plan to leave now.\""]);
        assert_eq!(got[0].1.as_deref(), Some("Chinese Kenya embassy"));
        let got = analyse(&[
            "A spokesperson for the Northern Grain Agency said it \"complies with every rule.\"",
            "Observers from the Northern Grain Agency said the count was \"fair but slow.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Northern Grain Agency"));
        assert_eq!(got[1].1.as_deref(), Some("Northern Grain Agency"));
        // named for the first time after the quote; where it is between name and verb; the
        // noun of its name standing for it later
        let got = analyse(&[
            "\"The measures are necessary and temporary,\" the Foreign Ministry said.",
            "The Kesh Embassy in Veldoria said it was \"deeply concerned by the reports.\"",
            "\"We stand ready to help our friends,\" the embassy said.",
            "The World Health Organization has recorded 300 cases. The agency said the outbreak \
             was driven by \"conflict, displacement and hunger.\"",
            "The Democratic Party won 40 seats. \"The voters have spoken,\" the party said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Foreign Ministry"),
                Some("Kesh Embassy"),
                Some("Kesh Embassy"),
                Some("World Health Organization"),
                Some("Democratic Party"),
            ]
        );
        // a country inside the name does not speak; a body speaks through its press service
        let got = analyse(&[
            "Bank Indonesia said it would weigh \"further accommodative measures.\"",
            "Kesh Railways carried more freight. \"Loading in January reached a record,\" the \
             company's press service said.",
            "\"The plan is working well,\" the Kesh Health Ministry's spokesperson said.",
            "Kesh Railways' press service said loading had reached \"a record high this \
             January.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Bank Indonesia"),
                Some("Kesh Railways"),
                Some("Kesh Health Ministry"),
                Some("Kesh Railways"),
            ]
        );
        // an aside that says what the organisation is, between it and its verb
        let got = analyse(&[
            "The Kesh Fund, the Veldoria-based lender, said the budget was \
             \"a step in the right direction.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Kesh Fund"));
    }

    /// The body a statement is from speaks, and a relative clause between a subject and its
    /// verb neither hides the verb nor speaks itself.
    #[test]
    fn statements_and_relative_clauses() {
        let got = analyse(&[
            "A statement from the Kesh Foreign Ministry said Kesh was ready to help \"at the \
             first request of our neighbours.\"",
            "A statement from the Northern Grain Agency welcomed the deal and urged both sides \
             to \"refrain from unilateral measures.\"",
            "According to a statement from the Northern Grain Agency, the talks were \"a good \
             start to the process.\"",
            "The European Union, whose fishing deal with Kesh expired last year, has said its \
             boats \"fully respect the rules.\"",
            "The Kesh Fund, which Finance Minister Ines Korr has chaired since May, said the plan \
             was \"sound and well funded.\"",
            "The ministers agreed on a single customs form, which Oskar Lind said would cut \
             waiting times \"from days to hours.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Kesh Foreign Ministry"),
                Some("Northern Grain Agency"),
                Some("Northern Grain Agency"),
                Some("European Union"),
                Some("Kesh Fund"),
                Some("Oskar Lind"),
            ]
        );
    }

    /// The person speaks, not the party of `a lawmaker for the ...` nor the role before the name.
    #[test]
    fn a_person_set_off_by_commas_speaks() {
        let got = analyse(&[
            "Oskar Lind, a lawmaker for the Kesh Freedom Fighters, which voted against the \
             plan, said: \"This is a dark day.\"",
            "\"We cannot keep borrowing,\" the minister for humanitarian affairs, Odo Mavara, \
             said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Oskar Lind"), Some("Odo Mavara")]);
        // the subject of the reported clause does not speak
        let got = analyse(&[
            "Odo Mavara, the reigning champion, said Oskar Lind had \"skated a perfect last \
             lap\" on Sunday.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Odo Mavara"));
    }

    #[test]
    fn unmatched_marks_are_linear_and_safe() {
        let many = "\"a ".repeat(10_000);
        let _ = analyse(&[&many]);
        let many = "“x ".repeat(10_000);
        let _ = analyse(&[&many]);
        let _ = analyse(&["’‘’", "\"", "“", "”"]);
    }

    #[test]
    fn according_to_and_colon_introductions() {
        let got = analyse(&[
            "Ministry spokeswoman Vera Holm briefed reporters on Monday.",
            "According to her, the port has \"never been busier than this spring.\"",
            "Deputy Mayor Ivo Brandt told the council:",
            "\"We will rebuild every bridge before the winter comes.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Vera Holm"));
        assert_eq!(got[1].1.as_deref(), Some("Ivo Brandt"));
        let got = analyse(&[
            "Transport Minister Oskar Lind visited the port on Monday.",
            "In his words, \"the southern route has proved its worth.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Oskar Lind"));
        // the subject of a `with` clause of speech, not the main clause's
        let got = analyse(&[
            "Kesh backed the plan, with Finance Minister Ines Korr saying it was \"a fair deal \
             for everyone.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ines Korr"));
        // the subject of an `after` clause of speech
        let got = analyse(&[
            "Markets fell on Monday after Oskar Lind said the plan was \"a recipe for \
             economic disaster.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Oskar Lind"));
    }

    #[test]
    fn a_person_of_an_organisation_speaks_not_the_organisation() {
        let got = analyse(&[
            "Lotte Verhoeven of the Harbour Workers Union said the strike had \"only just begun.\"",
            // an adjective between the article and the name
            "Rep. Ines Korr of the ruling Kesh Party, who sits on the committee, wrote that the \
             fine was \"still small compared with the profits.\"",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Lotte Verhoeven"));
        assert_eq!(got[1].1.as_deref(), Some("Ines Korr"));
    }

    #[test]
    fn companies_and_parenthetical_speakers() {
        let got = analyse(&[
            "Kestrelon said it had \"secured enough parts for the whole year.\"",
            "Mira Okoye, reporting from the border town, said crowds were growing.",
            "\"Nobody is letting the trucks through today,\" she said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Kestrelon"));
        assert_eq!(got[1].1.as_deref(), Some("Mira Okoye"));
        // `the company` stands for the business last named, not for a ministry
        let got = analyse(&[
            "Nordia Energy said on Monday it would close two plants, and the Labour Ministry \
             said it would help the workers.",
            "\"We have to adapt to a market that has changed,\" the company said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Nordia Energy"));
    }

    /// An organisation or country that opens the sentence with a verb speaks through a speech
    /// verb later in it; one that only qualifies the subject does not.
    #[test]
    fn the_subject_that_opens_the_sentence_speaks() {
        let got = analyse(&[
            "The United Nations welcomed the truce and urged both sides to \"respect it fully \
             and without conditions.\"",
            "Veldoria has repeatedly warned that the dam would be \"a threat to our survival.\"",
            "The NATO summit ended early, and leaders urged calm, calling the strike \"a \
             dangerous escalation.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("United Nations"), Some("Veldoria"), None]);
    }

    /// `the company, Norvik Metals, said`: the name set off after the noun is the speaker,
    /// whether or not it has an organisation's head word.
    #[test]
    fn an_organisation_named_after_the_noun_speaks() {
        let got = analyse(&[
            "Herders won the case on Monday.",
            "\"We are disappointed,\" the company, Norvik Metals, said in a statement.",
            "\"We will appeal,\" the group, Kesh Rights Watch, said.",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(who, [Some("Norvik Metals"), Some("Kesh Rights Watch")]);
    }

    #[test]
    fn according_to_after_the_quote() {
        let got = analyse(&[
            "Port director Helmi Saarinen spoke on Monday.",
            "\"Cargo volumes doubled in a single month,\" according to Saarinen.",
            "\"We expect more ships in the autumn,\" Saarinen was quoted as saying.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Helmi Saarinen"));
        assert_eq!(got[1].1.as_deref(), Some("Helmi Saarinen"));
    }

    #[test]
    fn split_statements_keep_short_pieces() {
        let got =
            analyse(&["Captain Arne Voss met reporters. \"We will,\" he said, \"never give up.\""]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], q("never give up", Some("Arne Voss"), Direct));
        // a second clause after the tag quotes something new: two words are a scare quote
        let got = analyse(&[
            "Captain Arne Voss met reporters. \"Kesh is a reliable partner,\" he said, adding \
             that Veldoria valued its \"principled stance\" on the talks.",
        ]);
        let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(texts, ["Kesh is a reliable partner"]);
    }

    #[test]
    fn capitalised_role_and_org_references() {
        let got = analyse(&[
            "President Ilya Marek of Veldoria met the Northern Grain Agency.",
            "\"The harvest is safe,\" The President said.",
            "\"Exports will resume in June,\" The Agency said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ilya Marek"));
        assert_eq!(got[1].1.as_deref(), Some("Northern Grain Agency"));
    }

    #[test]
    fn gendered_pronouns_skip_the_wrong_person() {
        let got = analyse(&[
            "Speaker Tom Arvid met Senate leader Maria Solberg and Gov. Brian Kessel.",
            "\"The budget keeps our promises,\" Solberg said.",
            "\"I will read every line,\" Kessel told reporters. She said later that the plan was \"a fair compromise for everyone.\"",
            "\"We will sign it,\" the governor said.",
        ]);
        assert_eq!(got[2].1.as_deref(), Some("Maria Solberg"));
        assert_eq!(got[3].1.as_deref(), Some("Brian Kessel"));
    }

    #[test]
    fn marks_of_the_wrong_shape() {
        assert_eq!(spans("He said ”we will stay here” and left.").len(), 1);
        assert_eq!(spans("He said “we will stay here“ and left.").len(), 1);
        assert_eq!(spans("“A “nested” word,” she said.").len(), 1);
    }

    #[test]
    fn single_mark_papers() {
        assert_eq!(spans("He said 'we are ready to go' today.").len(), 1);
        assert_eq!(spans("Brazil's farmers' union met.").len(), 0);
    }
}
