//! Gazetteers: the data files under `data/`, parsed once into lookup tables and automatons.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const COUNTRIES: &str = include_str!("../../data/countries.txt");
const ROLES: &str = include_str!("../../data/roles.txt");
const SPEECH: &str = include_str!("../../data/speech_verbs.txt");
const GIVEN: &str = include_str!("../../data/given_names.txt");
const ORGS: &str = include_str!("../../data/organizations.txt");

/// A fixed set of words, checked often: a word's length and first two bytes rule out most words
/// before the hash lookup.
#[derive(Default)]
pub struct WordSet {
    /// Bit `n` set when some word is `n` bytes long (longer words all share bit 63).
    lens: u64,
    /// Bit [`pair_bit`] set for the first two bytes of every word.
    pairs: [u64; 4],
    /// Words of up to [`SHORT`] bytes, as numbers ([`short_key`]): a number hashes and compares
    /// in an instruction or two, and most words looked up are short.
    short: HashSet<u64>,
    /// The longer words.
    long: HashSet<&'static str>,
}

/// A word's first two bytes (the second 0 for a one-byte word), mixed into 0..256: words
/// whose bit is not set in [`WordSet::pairs`] are not in the set.
#[inline]
fn pair_bit(w: &[u8]) -> usize {
    let first = usize::from(w.first().copied().unwrap_or(0));
    let second = usize::from(w.get(1).copied().unwrap_or(0));
    ((first << 3) ^ second) & 255
}

/// The longest word that [`short_key`] turns into a number.
const SHORT: usize = 7;

/// A word of at most [`SHORT`] bytes as a number: its length, then its bytes, in base 256 (so
/// no two words share a number: the length sets the range the number falls in).
#[inline]
fn short_key(w: &[u8]) -> u64 {
    w.iter()
        .fold(w.len() as u64, |k, &b| (k << 8) | u64::from(b))
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        words.iter().copied().collect()
    }

    pub fn insert(&mut self, w: &'static str) {
        self.lens |= 1 << w.len().min(63);
        if !w.is_empty() {
            let bit = pair_bit(w.as_bytes());
            self.pairs[bit >> 6] |= 1 << (bit & 63);
        }
        if w.len() <= SHORT {
            self.short.insert(short_key(w.as_bytes()));
        } else {
            self.long.insert(w);
        }
    }

    #[inline]
    pub fn has(&self, w: &str) -> bool {
        if w.is_empty() {
            return false;
        }
        let bit = pair_bit(w.as_bytes());
        self.lens & (1 << w.len().min(63)) != 0
            && self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
            && if w.len() <= SHORT {
                self.short.contains(&short_key(w.as_bytes()))
            } else {
                self.long.contains(w)
            }
    }

    /// [`WordSet::has`], named as a set's test is, for the gazetteer sets.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.has(w)
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let mut ws = WordSet::default();
        for w in words {
            ws.insert(w);
        }
        ws
    }
}

/// Calls `f` with `w` folded ([`fold`]); short ASCII words are folded on the stack.
#[inline]
pub fn with_folded<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lowered(w, f, fold)
}

/// Calls `f` with `w` in lower case (`str::to_lowercase`); short ASCII words are lowered on
/// the stack.
#[inline]
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lowered(w, f, str::to_lowercase)
}

/// Calls `f` with `w` lowered: short ASCII words on the stack (for ASCII, folding and lower
/// case are both ASCII lower case), anything else by `slow`.
#[inline]
fn with_lowered<R>(w: &str, f: impl FnOnce(&str) -> R, slow: fn(&str) -> String) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out: always valid UTF-8
        if let Ok(s) = std::str::from_utf8(b) {
            return f(s);
        }
    }
    f(&slow(w))
}

/// Lines of a data file that carry facts (no comments, no blank lines).
fn fact_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Folds a string to a matching key: no diacritics, lower case, ASCII apostrophes.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two strings fold ([`fold`]) to the same key; ASCII strings are compared in place.
pub fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        fold(a) == fold(b)
    }
}

/// What a surface form in the country automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A name or short name of the country.
    Name,
    /// A demonym or adjective (`Cuban`).
    Demonym,
    /// A capital city, which stands for the country only where it acts.
    Capital,
}

/// One country of the gazetteer.
#[derive(Debug)]
pub struct CountryInfo {
    /// ISO alpha-2, or `-` for a blocked geographic name, `CONGO` for a bare `Congo`.
    pub code: &'static str,
    pub name: &'static str,
}

pub struct Countries {
    pub list: Vec<CountryInfo>,
    /// Patterns of the automaton: (country index, kind of form).
    pub forms: Vec<(usize, Form)>,
    pub ac: AhoCorasick,
    /// Folded single words that are country names, demonyms or capitals.
    pub words: HashSet<String>,
    /// Folded demonyms (single or several words).
    pub demonyms: HashSet<String>,
    /// Every pattern of the automaton, exactly as written.
    phrases: HashSet<String>,
}

pub static COUNTRY: LazyLock<Countries> = LazyLock::new(|| {
    let mut list = Vec::new();
    let mut pats: Vec<String> = Vec::new();
    let mut forms = Vec::new();
    let mut words = HashSet::default();
    let mut demonyms = HashSet::default();
    for line in fact_lines(COUNTRIES) {
        let f: Vec<&'static str> = line.split('|').collect();
        if f.len() < 5 {
            continue;
        }
        let idx = list.len();
        list.push(CountryInfo {
            code: f[0],
            name: f[1],
        });
        let mut add = |s: &str, form: Form| {
            let s = s.trim();
            if s.is_empty() {
                return;
            }
            pats.push(s.to_string());
            forms.push((idx, form));
            if f[0] != "-" && !s.contains(' ') {
                words.insert(fold(s));
                if form == Form::Demonym {
                    demonyms.insert(fold(s));
                }
            }
        };
        add(f[1], Form::Name);
        for a in f[2].split(';') {
            add(a, Form::Name);
        }
        for d in f[3].split(';') {
            add(d, Form::Demonym);
        }
        for c in f[4].split(';') {
            add(c, Form::Capital);
        }
    }
    // The two Congos share their bare name and demonym; the article decides which one.
    let congo = list.len();
    list.push(CountryInfo {
        code: "CONGO",
        name: "Congo",
    });
    for (s, form) in [
        ("Congo", Form::Name),
        ("the Congo", Form::Name),
        ("Congolese", Form::Demonym),
    ] {
        pats.push(s.to_string());
        forms.push((congo, form));
        words.insert(fold(s));
        if form == Form::Demonym {
            demonyms.insert(fold(s));
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        // A full DFA: a few hundred KiB, and the fastest search over every paragraph.
        .kind(Some(AhoCorasickKind::DFA))
        .build(&pats)
        .expect("country automaton");
    let phrases = pats.into_iter().collect();
    Countries {
        list,
        forms,
        ac,
        words,
        demonyms,
        phrases,
    }
});

impl Countries {
    pub fn by_code(&self, code: &str) -> Option<&CountryInfo> {
        self.list.iter().find(|c| c.code == code)
    }

    /// A single word that is a country's name, demonym or capital, in any case.
    pub fn has_word(&self, w: &str) -> bool {
        with_folded(w, |f| self.words.contains(f))
    }

    /// The whole of `s` is one of the automaton's patterns (`Burkina Faso`, `South Korean`),
    /// in the case it is written in: what a search of `s` finds when its leftmost-longest match
    /// covers all of `s`, for the price of one hash lookup.
    pub fn is_phrase(&self, s: &str) -> bool {
        self.phrases.contains(s)
    }

    /// A demonym (`Cuban`), in any case.
    pub fn is_demonym(&self, w: &str) -> bool {
        with_folded(w, |f| self.demonyms.contains(f))
    }
}

pub struct Roles {
    /// Capitalised titles that stand before a name (`President`, `Dr.`).
    pub titles: WordSet,
    /// Position nouns, lower case (`spokesperson`, `analyst`).
    pub nouns: WordSet,
}

/// The words of a data file whose lines read `<kind> <word>`, split by the two kinds.
fn two_kinds(text: &'static str, a: &str, b: &str) -> [WordSet; 2] {
    let mut out = [WordSet::default(), WordSet::default()];
    for line in fact_lines(text) {
        if let Some((kind, w)) = line.split_once(' ') {
            if kind == a {
                out[0].insert(w.trim());
            } else if kind == b {
                out[1].insert(w.trim());
            }
        }
    }
    out
}

pub static ROLE: LazyLock<Roles> = LazyLock::new(|| {
    let [titles, nouns] = two_kinds(ROLES, "title", "noun");
    Roles { titles, nouns }
});

pub struct Speech {
    pub finite: WordSet,
    pub participle: WordSet,
}

pub static SPEECH_VERBS: LazyLock<Speech> = LazyLock::new(|| {
    let [finite, participle] = two_kinds(SPEECH, "finite", "participle");
    Speech { finite, participle }
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Folded given name to its usual gender.
pub static GIVEN_NAMES: LazyLock<HashMap<String, Gender>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in fact_lines(GIVEN) {
        let mut words = line.split_whitespace();
        let gender = match words.next() {
            Some("M") => Gender::Male,
            Some("F") => Gender::Female,
            _ => continue,
        };
        for w in words {
            map.entry(fold(w)).or_insert(gender);
        }
    }
    map
});

pub struct Orgs {
    pub known: Vec<&'static str>,
    pub heads: WordSet,
    pub places: WordSet,
}

pub static ORG: LazyLock<Orgs> = LazyLock::new(|| {
    let mut known = Vec::new();
    let mut heads = WordSet::default();
    let mut places = WordSet::default();
    for line in fact_lines(ORGS) {
        match line.split_once(' ') {
            Some(("org", w)) => known.push(w.trim()),
            Some(("head", w)) => {
                heads.insert(w.trim());
            }
            Some(("place", w)) => {
                places.insert(w.trim());
            }
            _ => {}
        }
    }
    Orgs {
        known,
        heads,
        places,
    }
});

/// Known organisation names that are a single token (`NATO`, `Hamas`).
pub static KNOWN_ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    ORG.known
        .iter()
        .copied()
        .filter(|k| !k.contains(' '))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_hold_exactly_their_words() {
        let words = [
            "a",
            "de",
            "al-",
            "ibn",
            "seven77",
            "eightchr",
            "a much longer word",
            "é",
        ];
        let set = WordSet::new(&words);
        for w in words {
            assert!(set.has(w), "{w}");
        }
        for w in [
            "",
            "b",
            "d",
            "dee",
            "de\0",
            "a\0",
            "ibn\0\0\0\0",
            "seven7",
            "seven777",
            "eightch",
            "eightchrs",
            "a much longer wor",
            "e",
            "É",
            "A",
        ] {
            assert!(!set.has(w), "{w:?}");
        }
    }

    #[test]
    fn data_files_load() {
        assert!(COUNTRY.list.len() > 190);
        assert!(COUNTRY.by_code("CI").is_some());
        assert!(ROLE.titles.contains("President"));
        assert!(ROLE.nouns.contains("spokesperson"));
        assert!(SPEECH_VERBS.finite.contains("said"));
        assert!(SPEECH_VERBS.participle.contains("adding"));
        assert_eq!(GIVEN_NAMES.get("maria"), Some(&Gender::Female));
        assert!(ORG.heads.contains("Agency"));
    }

    #[test]
    fn fold_drops_marks_and_case() {
        assert_eq!(fold("Doğan"), "dogan");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert!(same_folded("Ana RUIZ", "ana ruiz"));
        assert!(same_folded("Doğan", "dogan"));
        assert!(!same_folded("Ana Ruiz", "Ana Ruis"));
        with_folded("Kesh", |f| assert_eq!(f, "kesh"));
        with_folded("Doğan", |f| assert_eq!(f, "dogan"));
        with_lower("Doğan", |f| assert_eq!(f, "doğan"));
        with_lower("ÉLYSÉE", |f| assert_eq!(f, "élysée"));
        with_lower("MINISTER", |f| assert_eq!(f, "minister"));
        let long = "A".repeat(40);
        with_lower(&long, |f| assert_eq!(f, "a".repeat(40)));
    }

    /// `is_phrase` answers what a search with the automaton answers: whether its match covers
    /// the whole text. Checked on every pattern, and on each with a piece cut off or added.
    #[test]
    fn is_phrase_is_a_whole_match() {
        let whole = |s: &str| {
            COUNTRY
                .ac
                .find(s)
                .is_some_and(|m| m.start() == 0 && m.end() == s.len())
        };
        let mut checked = 0;
        for p in COUNTRY.phrases.iter() {
            let cut = &p[..p.char_indices().last().map_or(0, |(i, _)| i)];
            for s in [
                p.clone(),
                cut.to_owned(),
                format!("{p}n"),
                format!("The {p}"),
                p.to_lowercase(),
            ] {
                assert_eq!(COUNTRY.is_phrase(&s), whole(&s), "{s:?}");
                checked += 1;
            }
        }
        assert!(checked > 1000);
        assert!(COUNTRY.is_phrase("Burkina Faso") && !COUNTRY.is_phrase("Burkina"));
    }
}
