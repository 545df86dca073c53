//! A tokenizer that keeps byte offsets, marks possessives and numbers sentences.

use super::lexicon::WordSet;
use std::sync::LazyLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
    /// A double quotation mark, straight or typographic.
    DQuote,
    /// A single quotation mark standing apart from a word.
    SQuote,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    pub start: usize,
    /// End of the token without a possessive `'s`.
    pub end: usize,
    /// End with the possessive.
    pub full_end: usize,
    pub kind: Kind,
    pub poss: bool,
    /// Sentence number, counted over the whole document.
    pub sent: usize,
    /// A word whose first letter is upper case.
    pub cap: bool,
    /// A word whose first letter is lower case.
    pub lower: bool,
    /// Stands between quotation marks (set by `quotes::mark_quoted`).
    pub quoted: bool,
    /// Can be part of a name (set by `people::mark_names_like`).
    pub namey: bool,
    /// A name particle (`al`, `de`, `bin`) without a possessive (set by
    /// `people::mark_names_like`).
    pub particle: bool,
}

/// Abbreviations that keep their full stop (and so do not end a sentence).
static ABBREV: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Gen", "Lt", "Col", "Sgt", "Rep", "Sen", "Gov", "St",
        "Prof", "Capt", "Maj", "Adm", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep",
        "Oct", "Nov", "Dec", "Co", "Inc", "Corp", "Ltd", "vs", "Mt", "Ft", "Gens", "Reps", "Sens",
        "Cmdr", "Cdr", "Brig",
    ])
});

pub fn is_dquote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

fn is_squote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛')
}

/// The character that starts at byte `p` (which is on a character boundary), if any.
fn char_at(text: &str, p: usize) -> Option<char> {
    let b = *text.as_bytes().get(p)?;
    if b.is_ascii() {
        return Some(b as char);
    }
    text.get(p..)?.chars().next()
}

/// Where the word whose first character ends at `p` ends: it runs on over letters, digits and
/// a combining acute, and over `.`, `-` and apostrophes that stand between two of them.
#[inline]
fn word_end(text: &str, mut p: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // the common case, a run of ASCII letters and digits, without decoding characters
        while bytes.get(p).is_some_and(u8::is_ascii_alphanumeric) {
            p += 1;
        }
        let Some(d) = char_at(text, p) else {
            return p;
        };
        let dl = d.len_utf8();
        let joins = matches!(d, '.' | '-' | '\'' | '’' | '‑')
            && char_at(text, p + dl).is_some_and(char::is_alphanumeric);
        if joins || (!d.is_ascii() && (d.is_alphanumeric() || d == '\u{301}')) {
            p += dl;
        } else {
            return p;
        }
    }
}

/// Cuts `text` into tokens; sentences are numbered from `sent_base`. Returns the tokens and
/// the next free sentence number.
pub fn tokenize(text: &str, sent_base: usize) -> (Vec<Tok>, usize) {
    let n = text.len();
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(n / 5 + 1);
    let mut sent = sent_base;
    let mut pending = false;
    let mut p = 0;
    while let Some(c) = char_at(text, p) {
        let start = p;
        p += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphanumeric() {
            p = word_end(text, p);
            if c.is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Word
            }
        } else if is_dquote(c) {
            Kind::DQuote
        } else if is_squote(c) {
            Kind::SQuote
        } else {
            Kind::Punct
        };
        if kind == Kind::Word {
            // a full stop kept by an abbreviation or an initial, the `+` of `OPEC+`
            let core = &text[start..p];
            let kept = match bytes.get(p) {
                Some(b'.') => {
                    ABBREV.has(core)
                        || core.contains('.')
                        || (core.len() == c.len_utf8() && c.is_uppercase())
                }
                Some(b'+') => {
                    core.bytes().all(|x| x.is_ascii_uppercase())
                        && !char_at(text, p + 1).is_some_and(char::is_alphanumeric)
                }
                _ => false,
            };
            if kept {
                p += 1;
            }
        }
        let mut full_end = p;
        let mut end = full_end;
        let mut poss = false;
        if kind == Kind::Word && bytes[full_end - 1] == b's' {
            let s = &text[start..full_end];
            for suf in ["'s", "’s"] {
                if s.len() > suf.len() + 1 && s.ends_with(suf) {
                    end = full_end - suf.len();
                    poss = true;
                }
            }
            // a capitalised plural's possessive before another word: `Kesh Railways' chief`
            if !poss && c.is_uppercase() {
                let rest = &text[full_end..];
                let mark = ["' ", "’ "].iter().find(|m| rest.starts_with(*m));
                if let Some(m) = mark
                    && rest[m.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                {
                    full_end += m.len() - 1;
                    p = full_end;
                    poss = true;
                }
            }
        }
        // Sentence boundaries: after . ! ? (a closing mark stuck to them stays in the sentence).
        if pending {
            let glued = toks.last().is_some_and(|t: &Tok| {
                t.full_end == start && matches!(kind, Kind::DQuote | Kind::SQuote)
            });
            if !glued {
                let lower = kind == Kind::Word && c.is_lowercase();
                if !lower {
                    sent += 1;
                }
                pending = false;
            }
        }
        toks.push(Tok {
            start,
            end,
            full_end,
            kind,
            poss,
            sent,
            cap: kind == Kind::Word && c.is_uppercase(),
            lower: kind == Kind::Word && c.is_lowercase(),
            quoted: false,
            namey: false,
            particle: false,
        });
        if kind == Kind::Punct && matches!(c, '.' | '!' | '?') {
            pending = true;
        }
    }
    (toks, sent + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, character by character: the oracle of [`tokenize`].
    fn tokenize_reference(text: &str, sent_base: usize) -> (Vec<Tok>, usize) {
        let n = text.len();
        let mut toks: Vec<Tok> = Vec::with_capacity(n / 5 + 1);
        let mut sent = sent_base;
        let mut pending = false;
        let mut p = 0;
        while let Some(c) = char_at(text, p) {
            let start = p;
            p += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_alphanumeric() {
                // A word runs on over letters, digits and a combining acute, and over `.`, `-` and
                // apostrophes that stand between two of them.
                let bytes = text.as_bytes();
                while let Some(d) = char_at(text, p) {
                    // the common case: an ASCII letter or digit
                    if bytes[p].is_ascii_alphanumeric() {
                        p += 1;
                        continue;
                    }
                    let dl = d.len_utf8();
                    let joins = matches!(d, '.' | '-' | '\'' | '’' | '‑')
                        && char_at(text, p + dl).is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || d == '\u{301}' || joins {
                        p += dl;
                    } else {
                        break;
                    }
                }
                if c.is_ascii_digit() {
                    Kind::Num
                } else {
                    Kind::Word
                }
            } else if is_dquote(c) {
                Kind::DQuote
            } else if is_squote(c) {
                Kind::SQuote
            } else {
                Kind::Punct
            };
            if kind == Kind::Word && p < n {
                let core = &text[start..p];
                let d = text.as_bytes()[p];
                let abbrev = d == b'.'
                    && (ABBREV.has(core)
                        || core.contains('.')
                        || (core.chars().nth(1).is_none() && c.is_uppercase()));
                let plus = d == b'+'
                    && core.bytes().all(|x| x.is_ascii_uppercase())
                    && !char_at(text, p + 1).is_some_and(char::is_alphanumeric);
                if abbrev || plus {
                    p += 1;
                }
            }
            let mut full_end = p;
            let mut end = full_end;
            let mut poss = false;
            if kind == Kind::Word {
                let s = &text[start..full_end];
                for suf in ["'s", "’s"] {
                    if s.len() > suf.len() + 1 && s.ends_with(suf) {
                        end = full_end - suf.len();
                        poss = true;
                    }
                }
                let rest: Vec<char> = text[full_end..].chars().take(3).collect();
                if !poss
                    && c.is_uppercase()
                    && s.ends_with('s')
                    && rest.len() == 3
                    && is_squote(rest[0])
                    && rest[0] != '‘'
                    && rest[0] != '‚'
                    && rest[0] != '‛'
                    && rest[1] == ' '
                    && rest[2].is_alphabetic()
                {
                    full_end += rest[0].len_utf8();
                    p = full_end;
                    poss = true;
                }
            }
            // Sentence boundaries: after . ! ? (a closing mark stuck to them stays in the sentence).
            if pending {
                let glued = toks.last().is_some_and(|t: &Tok| {
                    t.full_end == start && matches!(kind, Kind::DQuote | Kind::SQuote)
                });
                if !glued {
                    let lower = kind == Kind::Word && c.is_lowercase();
                    if !lower {
                        sent += 1;
                    }
                    pending = false;
                }
            }
            toks.push(Tok {
                start,
                end,
                full_end,
                kind,
                poss,
                sent,
                cap: kind == Kind::Word && c.is_uppercase(),
                lower: kind == Kind::Word && c.is_lowercase(),
                quoted: false,
                namey: false,
                particle: false,
            });
            if kind == Kind::Punct && matches!(c, '.' | '!' | '?') {
                pending = true;
            }
        }
        (toks, sent + 1)
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .0
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_hyphens_and_possessives() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. envoy Ana Ruiz-Lopez said",
                &["U.S.", "envoy", "Ana", "Ruiz-Lopez", "said"],
            ),
            ("Tom Hale Jr. told", &["Tom", "Hale", "Jr.", "told"]),
            ("Brazil’s output", &["Brazil", "output"]),
            // a capitalised plural's possessive; a closing mark after a plural stays a mark
            (
                "Kesh Railways' chief and the Workers’ Party",
                &[
                    "Kesh", "Railways", "chief", "and", "the", "Workers", "Party",
                ],
            ),
            ("the 'Lions'.", &["the", "'", "Lions", "'", "."]),
            ("OPEC+ said", &["OPEC+", "said"]),
            (
                "“Yes,” he said.",
                &["“", "Yes", ",", "”", "he", "said", "."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }

    #[test]
    fn numbers_sentences() {
        let text = "Ann left. “We won.” Bob said. Then U.S. forces came";
        let (toks, _) = tokenize(text, 0);
        let sent_of = |w: &str| {
            toks.iter()
                .find(|t| &text[t.start..t.end] == w)
                .unwrap()
                .sent
        };
        assert_eq!(sent_of("Ann"), 0);
        assert_eq!(sent_of("We"), 1);
        assert_eq!(sent_of("Bob"), 2);
        assert_eq!(sent_of("forces"), 3);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "'", "“", "é.", "a.b.", "‘’‘", "s's", "’s"] {
            let _ = tokenize(text, 0);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]
        /// The byte-wise tokenizer cuts every text as the character-wise one does, with the
        /// characters that decide a cut mixed in: joiners, quotation marks, full stops after
        /// abbreviations and initials, possessives, `+`, non-ASCII letters and spaces.
        #[test]
        fn tokenize_agrees_with_the_reference(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "7", "é", "É", "ß", "\u{301}", "ж", "中", " ", "\u{a0}", "\n", ".", "-",
                "‑", "'", "’", "‘", "\"", "“", "”", "«", "+", ",", "!", "?", "(", "s", "'s", "’s",
                "Mr", "U.S", "OPEC", "Jan", "No", "Ana", "said", "x.y", "—",
            ]),
            0..40,
        )) {
            let text = parts.concat();
            proptest::prop_assert_eq!(tokenize(&text, 3), tokenize_reference(&text, 3));
        }
    }
}
