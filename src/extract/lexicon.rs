//! Gazetteers: the data files under `data/`, parsed once into lookup tables and automatons.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const COUNTRIES: &str = include_str!("../../data/countries.txt");
const ROLES: &str = include_str!("../../data/roles.txt");
const SPEECH: &str = include_str!("../../data/speech_verbs.txt");
const GIVEN: &str = include_str!("../../data/given_names.txt");
const ORGS: &str = include_str!("../../data/organizations.txt");
const FAMILY: &str = include_str!("../../data/family_names.txt");

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

/// Whether the character that ends at byte `i` of `text` is a letter or digit (false at the
/// start). `i` is on a character boundary.
#[inline]
pub fn alnum_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| text.as_bytes()[j]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether the character that starts at byte `i` of `text` is a letter or digit (false at the
/// end). `i` is on a character boundary.
#[inline]
pub fn alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// Where the pair of bytes `a b` is in [`WordAutomaton::pairs`].
fn pair_index(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// Phrases looked for as whole words: a leftmost-longest automaton whose matches count only
/// where no letter or digit stands right before or after them.
///
/// A match can only start at a word start, and its first byte is one of the few that begin a
/// pattern, so the text is not run through the automaton byte by byte: an anchored search is
/// started at each word start whose bytes can begin a pattern. Finding those takes about 10
/// instructions a byte, where the unanchored DFA took about 18. The answers are those of the
/// unanchored scan (`find_iter`, then the boundary check), with one difference on odd text:
/// there, a match that starts inside a word (and is then dropped) can cover a word start and
/// hide a match that starts there (`XSouth Korea`); here the later word is found (`Korea`).
pub struct WordAutomaton {
    /// Anchored searches only: an anchored DFA is a plain trie, smaller and quicker to build.
    ac: AhoCorasick,
    /// The bytes that start some pattern.
    first: [bool; 256],
    /// Bit `256 * a + b` set when some pattern starts with the bytes `a b` (a pattern of one
    /// byte `a` sets every `b`): most word starts that pass `first` (`the`, `in`, `and`) fail
    /// here for much less than a search costs.
    pairs: Vec<u64>,
    /// The patterns, for the tests' oracles.
    #[cfg(test)]
    patterns: Vec<String>,
}

impl WordAutomaton {
    pub fn new<P: AsRef<str>>(patterns: &[P], what: &str) -> WordAutomaton {
        let mut first = [false; 256];
        let mut pairs = vec![0u64; 256 * 256 / 64];
        for p in patterns {
            let p = p.as_ref().as_bytes();
            let Some(&a) = p.first() else { continue };
            first[usize::from(a)] = true;
            let seconds = match p.get(1) {
                Some(&b) => b..=b,
                None => 0..=255,
            };
            for b in seconds {
                let i = pair_index(a, b);
                pairs[i / 64] |= 1 << (i % 64);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            // A full DFA: the fastest walk from each word start.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(AsRef::as_ref))
            .unwrap_or_else(|e| panic!("{what} automaton: {e}"));
        WordAutomaton {
            ac,
            first,
            pairs,
            #[cfg(test)]
            patterns: patterns.iter().map(|p| p.as_ref().to_owned()).collect(),
        }
    }

    /// The longest pattern that `text` holds from byte `at` on (which is on a character
    /// boundary); of equal ones, the first given.
    #[inline]
    pub fn longest_at(&self, text: &str, at: usize) -> Option<Match> {
        let input = Input::new(text)
            .span(at..text.len())
            .anchored(Anchored::Yes);
        self.ac.find(input)
    }

    /// [`Self::longest_at`], after the quick tests of the first two bytes.
    #[inline]
    pub fn starts_at(&self, text: &str, at: usize) -> Option<Match> {
        let bytes = text.as_bytes();
        let a = *bytes.get(at)?;
        let i = pair_index(a, bytes.get(at + 1).copied().unwrap_or(0));
        if !self.first[usize::from(a)] || self.pairs[i / 64] & (1 << (i % 64)) == 0 {
            return None;
        }
        self.longest_at(text, at)
    }

    /// The matches that stand as whole words, in order, none overlapping: at each word start
    /// (from the end of the last match on, accepted or not) the longest pattern, kept when no
    /// letter or digit follows it.
    pub fn find_words<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Match> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let p = at;
                at += 1;
                // a byte that starts a pattern is never inside a character
                if !self.first[usize::from(bytes[p])] || alnum_before(text, p) {
                    continue;
                }
                // past the text's end the second byte reads as 0, which only a one-byte pattern
                // allows
                let i = pair_index(bytes[p], bytes.get(p + 1).copied().unwrap_or(0));
                if self.pairs[i / 64] & (1 << (i % 64)) == 0 {
                    continue;
                }
                if let Some(m) = self.longest_at(text, p) {
                    at = m.end();
                    if !alnum_at(text, m.end()) {
                        return Some(m);
                    }
                }
            }
            None
        })
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
    /// A capital that is also a common given name or surname (`Lima`, `Sofia`, written `?Lima`
    /// in the data): it stands for the country only as the subject of a speech verb.
    NameLikeCapital,
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
    pub ac: WordAutomaton,
    /// Folded single words that are country names, demonyms or capitals, with the country
    /// each stands for.
    words: HashMap<String, usize>,
    /// Folded demonyms (single or several words).
    pub demonyms: HashSet<String>,
    /// Every pattern of the automaton, exactly as written.
    phrases: HashSet<String>,
}

pub static COUNTRY: LazyLock<Countries> = LazyLock::new(|| {
    let mut list = Vec::new();
    let mut pats: Vec<String> = Vec::new();
    let mut forms = Vec::new();
    let mut words = HashMap::default();
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
            // a name-like capital is no country word for the other passes: `Sofia` is first
            // of all a given name
            if form == Form::NameLikeCapital {
                return;
            }
            if f[0] != "-" && !s.contains(' ') {
                words.insert(fold(s), idx);
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
            match c.trim().strip_prefix('?') {
                Some(name_like) => add(name_like, Form::NameLikeCapital),
                None => add(c, Form::Capital),
            }
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
        words.insert(fold(s), congo);
        if form == Form::Demonym {
            demonyms.insert(fold(s));
        }
    }
    let ac = WordAutomaton::new(&pats, "country");
    let phrases = pats
        .into_iter()
        .zip(&forms)
        .filter(|(_, (_, form))| *form != Form::NameLikeCapital)
        .map(|(p, _)| p)
        .collect();
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
        with_folded(w, |f| self.words.contains_key(f))
    }

    /// The country a single word names, stands for as demonym, or is the capital of.
    pub fn of_word(&self, w: &str) -> Option<usize> {
        with_folded(w, |f| self.words.get(f).copied())
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

/// Korean family names, which come before a hyphenated given name (`Kim Min-jae`).
pub static KOREAN_FAMILY_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    fact_lines(FAMILY)
        .filter_map(|l| l.strip_prefix("ko "))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Whether `a b` has the shape of a Korean name: a family name of the list, then a given name
/// of two syllables joined by a hyphen, the second in lower case (`Kim Min-jae`, `Seo Da-eun`).
pub fn korean_name(a: &str, b: &str) -> bool {
    let Some((x, y)) = b.split_once('-') else {
        return false;
    };
    let syllable =
        |s: &str| (1..=6).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_lowercase());
    let mut x = x.chars();
    x.next().is_some_and(|c| c.is_ascii_uppercase())
        && syllable(x.as_str())
        && syllable(y)
        // `Lee County-based`, `Park Avenue-style`: a compound adjective
        && !y.ends_with("ed")
        && !matches!(y, "run" | "born" | "style" | "like" | "made" | "wide" | "free" | "era")
        && KOREAN_FAMILY_NAMES.has(a)
}

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
    fn korean_name_shapes() {
        assert!(korean_name("Kim", "Min-jae"));
        assert!(korean_name("Seo", "Da-eun"));
        assert!(korean_name("Jeong", "Kyeong-hwan"));
        // the given name's second syllable is in lower case; the family name is of the list
        assert!(!korean_name("Kim", "Min-Jae"));
        assert!(!korean_name("Kesh", "Min-jae"));
        assert!(!korean_name("Kim", "Minjae"));
        // compound adjectives
        assert!(!korean_name("Lee", "County-based"));
        assert!(!korean_name("Park", "Avenue-style"));
    }

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

    type Found = Vec<(usize, usize, usize)>;

    fn found(it: impl Iterator<Item = Match>) -> Found {
        it.map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    /// The search `find_words` replaced: an unanchored leftmost-longest scan of the whole text,
    /// then the word-boundary check on each match.
    fn by_scan(patterns: &[String], text: &str) -> Found {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("oracle automaton");
        let bounded = |m: &Match| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        found(ac.find_iter(text).filter(bounded))
    }

    /// The rule `find_words` follows, written out: at each word start, from the end of the last
    /// match on, the longest pattern the text goes on with (the first given of equal ones),
    /// kept when no letter or digit follows it.
    fn by_rule(patterns: &[String], text: &str) -> Found {
        let mut out = Vec::new();
        let mut from = 0;
        for p in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
            let before = text[..p].chars().next_back();
            if p < from || before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let mut best: Option<(usize, usize)> = None;
            for (i, pat) in patterns.iter().enumerate() {
                if text[p..].starts_with(pat.as_str()) && best.is_none_or(|b| pat.len() > b.1) {
                    best = Some((i, pat.len()));
                }
            }
            if let Some((i, len)) = best {
                from = p + len;
                if !text[from..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                {
                    out.push((i, p, from));
                }
            }
        }
        out
    }

    /// The one case where the unanchored scan differs: a match of it that starts inside a word
    /// (dropped) and covers a later word start, where a match may hide.
    fn scan_hides_a_word_start(patterns: &[String], text: &str) -> bool {
        let ac = AhoCorasick::new(patterns).expect("oracle automaton");
        ac.find_overlapping_iter(text).any(|m| {
            alnum_before(text, m.start())
                && (m.start() + 1..m.end())
                    .any(|q| text.is_char_boundary(q) && !alnum_before(text, q))
        })
    }

    /// Checks `find_words` against both oracles; says whether the old scan was comparable.
    fn check_words(wa: &WordAutomaton, text: &str) -> bool {
        let got = found(wa.find_words(text));
        assert_eq!(got, by_rule(&wa.patterns, text), "{text:?}");
        let comparable = !scan_hides_a_word_start(&wa.patterns, text);
        if comparable {
            assert_eq!(got, by_scan(&wa.patterns, text), "{text:?}");
        }
        comparable
    }

    /// The surfaces `find_words` finds in `text` with the country automaton.
    fn country_words(text: &str) -> Vec<&str> {
        COUNTRY
            .ac
            .find_words(text)
            .map(|m| &text[m.start()..m.end()])
            .collect()
    }

    #[test]
    fn whole_words_at_the_edges() {
        let cases: &[(&str, &[&str])] = &[
            // hyphenated words, possessives, the text's start and end
            ("Russia-Ukraine talks", &["Russia", "Ukraine"]),
            ("Russia's and Kenya’s", &["Russia", "Kenya"]),
            ("Kenya", &["Kenya"]),
            ("in Kenya", &["Kenya"]),
            ("Kenya.", &["Kenya"]),
            // letters, digits and non-ASCII letters join a word; marks do not
            ("Kenyan Kenyas XKenya Kenya5 ÉKenya Kenyaé", &["Kenyan"]),
            (
                "«Kenya» (Kenya) “Kenya” ‑Kenya",
                &["Kenya", "Kenya", "Kenya", "Kenya"],
            ),
            // the longest match wins, and a longer one that runs into a word hides the shorter
            (
                "South Korean and South Korea",
                &["South Korean", "South Korea"],
            ),
            (
                "Guinea-Bissau, Guinea and Equatorial Guinea",
                &["Guinea-Bissau", "Guinea", "Equatorial Guinea"],
            ),
            ("Nigeria Niger Nigerien", &["Nigeria", "Niger", "Nigerien"]),
            ("South Koreanx Korea", &["Korea"]),
            // a pattern in lower case, and one the data blocks
            (
                "the Congo and inter-Korean talks",
                &["the Congo", "inter-Korean"],
            ),
            ("Côte d’Ivoire and Türkiye", &["Côte d’Ivoire", "Türkiye"]),
        ];
        for (text, want) in cases {
            assert_eq!(country_words(text), *want, "{text}");
            assert!(check_words(&COUNTRY.ac, text));
        }
    }

    /// The first two bytes rule out a word start only where no pattern can start: a pattern of
    /// one byte starts before any byte, and at the text's end.
    #[test]
    fn one_byte_patterns_and_the_text_end() {
        let wa = WordAutomaton::new(&["X", "Xy", "the Congo", "th"], "test");
        for text in [
            "X",
            "a X",
            "Xy",
            "Xz X",
            "X.",
            "the",
            "th",
            "t",
            "the Congo",
            "x th",
        ] {
            assert!(check_words(&wa, text), "{text}");
        }
        let words = |text| found(wa.find_words(text));
        assert_eq!(words("a X"), [(0, 2, 3)]);
        assert_eq!(words("Xy th"), [(1, 0, 2), (3, 3, 5)]);
        assert_eq!(words("the Congo"), [(2, 0, 9)]);
        assert!(words("Xz the").is_empty());
    }

    /// Where the old scan and `find_words` differ: the scan's match `South Korea` starts
    /// inside `XSouth` and is dropped, and hides `Korea`, which `find_words` finds.
    #[test]
    fn a_match_inside_a_word_hides_nothing() {
        let text = "XSouth Korea";
        assert_eq!(country_words(text), ["Korea"]);
        assert!(by_scan(&COUNTRY.ac.patterns, text).is_empty());
        assert!(!check_words(&COUNTRY.ac, text));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// `find_words` finds what the rule says, and what the old scan found wherever that
        /// scan had no match starting inside a word over a later word start; over texts made of
        /// the patterns' pieces, for the country and organisation automatons.
        #[test]
        fn find_words_is_the_old_scan(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Korea", "South Korea", "South Korean", "South", "North Korea", "N. Korea",
                    "Guinea", "Guinea-Bissau", "Bissau", "Niger", "Nigeria", "Nigerian",
                    "Congo", "the Congo", "the", "inter-Korean", "inter", "U.S.", "US", "U.S",
                    "UK", "Russia", "Ukraine", "Côte d’Ivoire", "Côte", "Türkiye", "Lake Chad",
                    "Chad", "Georgia", "Seoul", "UN", "U.N.", "UN Security Council",
                    "Security Council", "OPEC", "OPEC+", "al-Qaeda", "al", "G7", "G20", "M23",
                    "European Union", "Red Cross", "-", "'s", "’s", "'", "’", "‑", " ", " ",
                    "", "X", "x", "n", "é", "É", "\u{301}", ".", ",", "(", "5", "based",
                ]),
                0..24,
            ),
            glue in proptest::collection::vec(
                proptest::sample::select(vec![" ", " ", "", "", "-", "\n", "é"]),
                24,
            ),
        ) {
            let mut text = String::new();
            for (p, g) in parts.iter().zip(&glue) {
                text.push_str(p);
                text.push_str(g);
            }
            check_words(&COUNTRY.ac, &text);
            check_words(&ORGS_AC, &text);
        }
    }

    /// The organisation names, in an automaton built as the organisation pass builds its own.
    static ORGS_AC: LazyLock<WordAutomaton> =
        LazyLock::new(|| WordAutomaton::new(&ORG.known, "organisation"));

    /// `is_phrase` answers what a search with the automaton answers: whether its match covers
    /// the whole text. Checked on every pattern, and on each with a piece cut off or added.
    #[test]
    fn is_phrase_is_a_whole_match() {
        let whole = |s: &str| {
            COUNTRY
                .ac
                .longest_at(s, 0)
                .is_some_and(|m| m.end() == s.len())
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
