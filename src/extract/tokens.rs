//! A tokenizer that keeps byte offsets, marks possessives and numbers sentences.

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

#[derive(Debug, Clone)]
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
}

/// Abbreviations that keep their full stop (and so do not end a sentence).
const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Gen", "Lt", "Col", "Sgt", "Rep", "Sen", "Gov", "St",
    "Prof", "Capt", "Maj", "Adm", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "Co", "Inc", "Corp", "Ltd", "vs", "Mt", "Ft", "Gens", "Reps", "Sens",
];

pub fn is_dquote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

fn is_squote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛')
}

/// Cuts `text` into tokens; sentences are numbered from `sent_base`. Returns the tokens and
/// the next free sentence number.
pub fn tokenize(text: &str, sent_base: usize) -> (Vec<Tok>, usize) {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let at = |i: usize| if i < n { cs[i].0 } else { text.len() };
    let mut toks = Vec::new();
    let mut sent = sent_base;
    let mut pending = false;
    let mut i = 0;
    while i < n {
        let c = cs[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = cs[i].0;
        let (kind, mut j) = if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < n {
                let d = cs[j].1;
                let next_alnum = j + 1 < n && cs[j + 1].1.is_alphanumeric();
                if d.is_alphanumeric()
                    || d == '\u{301}'
                    || (matches!(d, '.' | '-' | '\'' | '’' | '‑') && next_alnum)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Word
            };
            (kind, j)
        } else if is_dquote(c) {
            (Kind::DQuote, i + 1)
        } else if is_squote(c) {
            (Kind::SQuote, i + 1)
        } else {
            (Kind::Punct, i + 1)
        };
        if kind == Kind::Word && j < n {
            let core = &text[start..at(j)];
            let d = cs[j].1;
            let abbrev = d == '.'
                && (ABBREV.contains(&core)
                    || core.contains('.')
                    || (core.chars().count() == 1 && c.is_uppercase()));
            let plus = d == '+'
                && core.chars().all(|x| x.is_ascii_uppercase())
                && !(j + 1 < n && cs[j + 1].1.is_alphanumeric());
            if abbrev || plus {
                j += 1;
            }
        }
        let full_end = at(j);
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
        });
        if kind == Kind::Punct && matches!(c, '.' | '!' | '?') {
            pending = true;
        }
        i = j;
    }
    (toks, sent + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
