//! Record text to analysis: people, countries, organisations, quotes, dates.
//!
//! Everything is rules and gazetteers (`data/`): the headline and body are tokenized with
//! offsets ([`tokens`]), capitalised sequences become people when a cue says so ([`people`]),
//! a country automaton finds names, demonyms and acting capitals ([`places`]), organisations come
//! from head words, acronyms and a list ([`places`]), quotation marks are paired and each quote is
//! attributed from the wire-style patterns around it ([`quotes`]), and date phrases are placed on
//! the calendar against the publication date ([`dates`]).
//!
//! Work is linear in the input: every look-around is bounded by a fixed window.

pub mod dates;
pub mod lexicon;
pub mod people;
pub mod places;
pub mod quotes;
pub mod tokens;

use crate::record::Record;
use lexicon::{Gender, WordSet};
use std::sync::LazyLock;
use tokens::{Kind, Tok};

/// One piece of text: the headline (`para` None) or a body paragraph.
pub struct Seg<'a> {
    pub text: &'a str,
    pub para: Option<usize>,
    /// The tokens, marked as quoted ([`quotes::mark_quoted`]) and name-like
    /// ([`people::mark_names_like`]).
    pub toks: Vec<Tok>,
    /// The paragraph's pairs of quotation marks.
    pub spans: Vec<quotes::Span>,
    /// Runs of name-like tokens ([`people::runs`]), found once for every pass that needs them.
    pub runs: Vec<(usize, usize)>,
}

impl<'a> Seg<'a> {
    /// The token's text without a possessive `'s`.
    pub fn w(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| self.text.get(t.start..t.end).unwrap_or(""))
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// A word that starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    pub fn is_lower(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.lower)
    }

    /// Whether token `i` is the first of its sentence.
    pub fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.toks.get(i - 1).map(|t| t.sent) != self.toks.get(i).map(|t| t.sent)
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.w(i) == c
    }

    /// Source text from the start of token `a` to the end of token `b - 1` (possessive dropped).
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[a].start..self.toks[b - 1].end)
            .unwrap_or("")
    }
}

/// The headline and body, tokenized.
pub struct Doc<'a> {
    pub segs: Vec<Seg<'a>>,
}

impl<'a> Doc<'a> {
    pub fn new(headline: &'a str, body: &'a [String]) -> Doc<'a> {
        let mut segs = Vec::with_capacity(body.len() + 1);
        let mut sent = 0;
        let pieces = std::iter::once((headline, None))
            .chain(body.iter().enumerate().map(|(i, p)| (p.as_str(), Some(i))));
        for (text, para) in pieces {
            let (mut toks, next) = tokens::tokenize(text, sent);
            sent = next;
            let spans = quotes::spans(text);
            quotes::mark_quoted(&spans, &mut toks);
            let mut seg = Seg {
                text,
                para,
                toks,
                spans,
                runs: Vec::new(),
            };
            people::mark_names_like(&mut seg);
            seg.runs = people::runs(&seg);
            segs.push(seg);
        }
        Doc { segs }
    }
}

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ent {
    Person(usize),
    Org(usize),
    /// Index into the article's countries.
    Country(usize),
    Pronoun(Option<Gender>),
    /// `the minister`, `the Spanish premier`: a role noun and maybe a demonym before it.
    Role {
        noun: String,
        demonym: Option<String>,
    },
    /// `the group`, `the organisation`: the organisation last named.
    OrgRef(String),
    /// `it` before a speech verb: the organisation, country or other name that last spoke.
    It,
    /// A capitalised name that speaks but is neither a known person nor an organisation, or a
    /// government's body named by its country (`the Chinese embassy`).
    Name(String),
}

/// One mention of an entity, with what the quote attribution needs to know about its place.
#[derive(Debug, Clone)]
pub struct Mention {
    pub seg: usize,
    /// First token of the noun phrase (titles, roles and determiners included).
    pub np_start: usize,
    pub start: usize,
    pub end: usize,
    pub ent: Ent,
    /// The noun phrase is the object of a preposition.
    pub prep: bool,
    /// The mention is possessive (`Russia's`).
    pub poss: bool,
    /// A speech verb follows (allowing a few adverbs or auxiliaries between).
    pub speech_after: bool,
}

/// Words after which a noun phrase is an object, never the subject that speaks: prepositions,
/// and a few verbs whose object is another person (`thanked Ana`, `accused Ana of`).
pub(crate) static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "of",
        "with",
        "by",
        "to",
        "for",
        "from",
        "in",
        "on",
        "at",
        "against",
        "between",
        "among",
        "over",
        "about",
        "into",
        "toward",
        "towards",
        "after",
        "before",
        "during",
        "under",
        "including",
        "like",
        "than",
        "via",
        "behind",
        "near",
        "without",
        "within",
        "despite",
        "alongside",
        "upon",
        "through",
        "across",
        "around",
        "beside",
        "besides",
        "amid",
        "onto",
        "as",
        "thanked",
        "congratulated",
        "met",
        "accused",
        "urged",
        "asked",
        "named",
        "called",
    ])
});

static AUXILIARIES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "also",
        "further",
        "later",
        "then",
        "has",
        "have",
        "had",
        "was",
        "is",
        "would",
        "will",
        "previously",
        "repeatedly",
        "earlier",
        "again",
        "had",
        "recently",
        "once",
        "separately",
        "reportedly",
        "publicly",
        "personally",
        "has",
        "always",
        "often",
        "already",
        "since",
    ])
});

/// `as saying` (`telling`, `stating`) at token `end`: `quoted Ana Ruiz as saying`.
pub(crate) fn as_saying(seg: &Seg, end: usize) -> bool {
    seg.w(end) == "as" && matches!(seg.w(end + 1), "saying" | "telling" | "stating")
}

/// Whether a speech verb follows token `end` (with at most two auxiliaries or adverbs between),
/// or follows a relative clause set off by commas there (`The bank, which funds the line, said`).
pub fn speech_follows(seg: &Seg, end: usize) -> bool {
    // `The Arab League on Tuesday expressed`: when it spoke stands between
    if let Some(after) = time_phrase_end(seg, end) {
        return speech_follows(seg, after);
    }
    // `The World Food Programme (WFP) warned`, `The Department for Environment (Defra)
    // says`: a short form in brackets stands between
    // ... or of two or three words (`(Africa CDC)`)
    if seg.is_punct(end, "(")
        && let Some(close) = (end + 2..end + 5).find(|&c| seg.is_punct(c, ")"))
        && (end + 1..close).all(|t| places::is_acronym(seg.w(t)) || seg.is_cap(t))
    {
        return speech_follows(seg, close + 1);
    }
    // `The U.S. Embassy in Nairobi said`: where it is stands between
    if seg.is_word(end) && seg.w(end) == "in" && seg.is_cap(end + 1) {
        let place_end = if seg.is_cap(end + 2) {
            end + 3
        } else {
            end + 2
        };
        return speech_verb_at(seg, place_end);
    }
    // `The IMF, the Washington-based lender, said`: an aside that names what it is
    // ... or whose it is (`the Defensoría, Bolivia's ombudsman, called`)
    // ... or its other name (`Vode Kesha, or Waters of Kesh, said`)
    let owner = |t: usize| seg.is_cap(t) && seg.toks.get(t).is_some_and(|x| x.poss);
    let other_name = |t: usize| seg.w(t) == "or" && seg.is_cap(t + 1);
    if seg.is_punct(end, ",")
        && (matches!(seg.w(end + 1), "a" | "an" | "the") || owner(end + 1) || other_name(end + 1))
    {
        let sent = seg.toks[end].sent;
        let close = (end + 2..(end + 10).min(seg.toks.len()))
            .take_while(|&i| {
                let t = &seg.toks[i];
                t.sent == sent && !t.quoted && matches!(t.kind, Kind::Word | Kind::Punct)
            })
            .find(|&i| seg.is_punct(i, ","));
        if close.is_some_and(|c| speech_verb_at(seg, c + 1)) {
            return true;
        }
    }
    if seg.is_punct(end, ",") && matches!(seg.w(end + 1), "which" | "who" | "whose") {
        let sent = seg.toks[end].sent;
        // the clause ends at a comma in the same sentence, before any quotation
        let close = (end + 2..(end + 30).min(seg.toks.len()))
            .take_while(|&i| {
                let t = &seg.toks[i];
                t.sent == sent && !t.quoted && !matches!(t.kind, Kind::DQuote | Kind::SQuote)
            })
            .find(|&i| seg.is_punct(i, ","));
        return close.is_some_and(|c| speech_verb_at(seg, c + 1));
    }
    speech_verb_at(seg, end)
}

/// Where a phrase that says when or how something was said ends, if one starts at token `i`:
/// `on Tuesday`, `late on Monday night`, `in a statement`, `last week`, `earlier this month`.
pub fn time_phrase_end(seg: &Seg, i: usize) -> Option<usize> {
    if !seg.is_lower(i) {
        return None;
    }
    let mut j = i;
    if matches!(seg.w(j), "late" | "early" | "earlier") && seg.is_lower(j + 1) {
        j += 1;
    }
    let end = match seg.w(j) {
        "on" if dates::DAY_NAMES.contains(&seg.w(j + 1)) => {
            let k = j + 2;
            if matches!(seg.w(k), "night" | "morning" | "afternoon" | "evening") {
                k + 1
            } else {
                k
            }
        }
        "in" if matches!(seg.w(j + 1), "a" | "its" | "their")
            && matches!(seg.w(j + 2), "statement" | "communique" | "communiqué") =>
        {
            j + 3
        }
        "last" | "this" if matches!(seg.w(j + 1), "week" | "month" | "year") => j + 2,
        _ => return None,
    };
    (end > i && end <= seg.toks.len()).then_some(end)
}

/// Whether a speech verb stands at token `end` (after at most two auxiliaries or adverbs).
pub(crate) fn speech_verb_at(seg: &Seg, end: usize) -> bool {
    let sv = &*lexicon::SPEECH_VERBS;
    for i in end..end + 3 {
        if !seg.is_word(i) {
            return false;
        }
        let w = seg.w(i);
        if sv.finite.contains(w) || sv.participle.contains(w) {
            return true;
        }
        if !AUXILIARIES.has(w) {
            return false;
        }
    }
    false
}

/// `the company's press service said`, `Kesh Rail's spokesperson told`: after an
/// organisation's possessive (ending at token `end`), where the words for its voice end.
pub fn voice_after(seg: &Seg, end: usize) -> Option<usize> {
    match seg.w(end) {
        "press" if matches!(seg.w(end + 1), "service" | "office" | "department") => Some(end + 2),
        "spokesperson" | "spokesman" | "spokeswoman" | "statement" | "representative" => {
            Some(end + 1)
        }
        _ => None,
    }
}

/// Whether the words before token `s` say that what starts there is a person's name: `who
/// gave his name only as Hamid`, `identified only as Hamid`.
pub fn named_as(seg: &Seg, s: usize) -> bool {
    s >= 2 && seg.w(s - 1) == "as" && {
        let only = usize::from(seg.w(s - 2) == "only");
        s >= 2 + only
            && matches!(
                seg.w(s - 2 - only),
                "name" | "identified" | "himself" | "herself"
            )
    }
}

/// Whether the noun phrase starting at `np_start` is the object of a preposition.
pub fn after_preposition(seg: &Seg, np_start: usize) -> bool {
    if np_start == 0 {
        return false;
    }
    let mut p = np_start - 1;
    // `of the ruling Kesh Party`, `for the main opposition party`: past one or two lower-case
    // words (no verbs, no prepositions) after an article
    let article = |t: usize| matches!(seg.w(t), "the" | "The" | "a" | "an");
    if seg.is_lower(p) && !article(p) {
        let q = if p >= 1 && article(p - 1) {
            Some(p - 1)
        } else if p >= 2 && seg.is_lower(p - 1) && article(p - 2) {
            Some(p - 2)
        } else {
            None
        };
        let plain = |t: usize| {
            let w = seg.w(t);
            !(lexicon::SPEECH_VERBS.finite.contains(w) || AUXILIARIES.has(w) || PREPOSITIONS.has(w))
        };
        if let Some(q) = q.filter(|&q| (q + 1..=p).all(plain)) {
            p = q;
        }
    }
    // `for the Economic Freedom Fighters`: past the article
    if p > 0 && article(p) {
        p -= 1;
    }
    // `according to Ana Ruiz` names a source, not an object; nor is a name given `as` one
    if (seg.w(p) == "to" && p > 0 && matches!(seg.w(p - 1), "according" | "According"))
        || named_as(seg, p + 1)
    {
        return false;
    }
    seg.is_punct(p, "(") || (seg.is_word(p) && PREPOSITIONS.has(seg.w(p)))
}

/// Fills the analysis keys of `record` from its headline and body.
pub fn analyze(record: &mut Record) {
    let doc = Doc::new(&record.headline, &record.body);
    let mut people = people::find(&doc);
    let mut orgs = places::find_orgs(&doc, &people);
    let dateline: Vec<&str> = record.dateline.as_deref().into_iter().collect();
    let mut countries = places::find_countries(&doc, &people, &dateline);
    // Every pass's mentions in one list, in text order (the passes have no more use for theirs).
    let mut mentions: Vec<Mention> = std::mem::take(&mut people.mentions);
    mentions.append(&mut orgs.mentions);
    mentions.append(&mut countries.mentions);
    mentions.extend(people::pronouns_and_roles(&doc));
    mentions.sort_by_key(|m| (m.seg, m.start, m.end));
    // `Bank Indonesia said`: a country inside an organisation's name does not speak
    let mut org_span: Option<(usize, usize, usize)> = None;
    mentions.retain(|m| {
        let inside = org_span.is_some_and(|(s, a, b)| m.seg == s && a <= m.start && m.end <= b);
        if matches!(m.ent, Ent::Org(_)) {
            org_span = Some((m.seg, m.start, m.end));
        }
        !(inside && matches!(m.ent, Ent::Country(_)))
    });
    let bare = people::bare_speakers(&doc, &people, &mentions);
    mentions.extend(bare);
    mentions.sort_by_key(|m| (m.seg, m.start, m.end));
    let quotes = quotes::find(&doc, &mentions, &people, &orgs, &countries);
    // Relative dates are placed against the publication time, or, where a page prints only
    // when it was updated (AP's `Updated 9:47 PM EDT, ...`), against that.
    let reference = record.published.as_deref().or(record.modified.as_deref());
    let dates = dates::find(&record.body, reference);
    record.people = people.to_records();
    record.countries = countries.to_records();
    record.organizations = orgs.to_records();
    record.quotes = quotes;
    record.dates = dates;
}

#[cfg(test)]
mod fixtures;
