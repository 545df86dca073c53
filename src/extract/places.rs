//! Countries (names, short forms, demonyms, acting capitals) and organisations.

use super::dates::{DAY_NAMES, MONTH_NAMES};
use super::lexicon::{
    COUNTRY, Form, ORG, ROLE, WordAutomaton, WordSet, fold, with_folded, with_lower,
};
use super::people::{DEPARTMENTS, ORG_REF_NOUNS, People, hyphen_adjective};
use super::tokens::Kind;
use super::{Doc, Ent, Mention, Seg, after_preposition, speech_follows, voice_after};
use crate::record::{Country, Organization};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Prepositions after which a capital is a place, not the government (`talks in Moscow`).
static LOCATIVE: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "in", "at", "near", "from", "to", "outside", "around", "into", "via", "toward", "towards",
        "across", "through", "inside", "visit", "visited", "visiting", "reached", "left", "leave",
        "arrived",
    ])
});

/// US states by name and by their AP abbreviation (`Pa.`, `N.Y.`), to read `Lebanon,
/// Pennsylvania` as a town. Not Georgia, a country too, nor Washington, the capital.
const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "Ala.",
    "Ariz.",
    "Ark.",
    "Calif.",
    "Colo.",
    "Conn.",
    "Del.",
    "Fla.",
    "Ill.",
    "Ind.",
    "Kan.",
    "Ky.",
    "La.",
    "Md.",
    "Mass.",
    "Mich.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Mont.",
    "Neb.",
    "Nev.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "N.C.",
    "N.D.",
    "Okla.",
    "Ore.",
    "Pa.",
    "R.I.",
    "S.C.",
    "S.D.",
    "Tenn.",
    "Vt.",
    "Va.",
    "W.Va.",
    "Wis.",
    "Wyo.",
    "Tex.",
    "Wash.",
    "Ga.",
    "Utah.",
    "Hawaii.",
];

/// Whether a US state's name or abbreviation starts at token `t`.
fn us_state_at(seg: &Seg, t: usize) -> bool {
    if !seg.is_cap(t) {
        return false;
    }
    let w = seg.w(t);
    let two = seg.span(t, t + 2);
    // a full stop that does not join the word (`Pa.`) is a token of its own
    US_STATES
        .iter()
        .any(|s| *s == w || s.strip_suffix('.') == Some(w) || (s.contains(' ') && *s == two))
}

/// Nouns and verbs after which `from` and a capital name the government, not the place:
/// `pressure from Washington`, `borrowed heavily from Beijing`.
static FROM_GOVERNMENT: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "pressure",
        "support",
        "backing",
        "loan",
        "loans",
        "aid",
        "assistance",
        "funding",
        "financing",
        "credit",
        "borrowed",
        "borrowing",
        "criticism",
        "condemnation",
        "warning",
        "warnings",
        "demands",
        "objections",
        "response",
        "approval",
        "invitation",
        "signal",
        "signals",
        "message",
        "sanctions",
    ])
});

/// Whether `from` before the capital at token `a` follows a word of [`FROM_GOVERNMENT`],
/// maybe with an adverb between (`borrowed heavily from`).
fn from_a_government(seg: &Seg, a: usize) -> bool {
    if a < 2 || seg.w(a - 1) != "from" {
        return false;
    }
    let mut p = a - 2;
    if p > 0 && seg.w(p).ends_with("ly") && seg.is_lower(p) {
        p -= 1;
    }
    let w = seg.w(p);
    if seg.is_cap(p) && seg.opens_sentence(p) {
        return FROM_GOVERNMENT.has(&w.to_lowercase());
    }
    seg.is_lower(p) && FROM_GOVERNMENT.has(w)
}

/// Words after a country word that make it a geographic feature (`Niger River`).
static FEATURE_AFTER: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "River",
        "Sea",
        "Basin",
        "Valley",
        "Ocean",
        "Gulf",
        "Strait",
        "Peninsula",
        "Delta",
        "Lake",
        "Mountains",
        "Desert",
        // `Benin City` is in Nigeria; the capitals named so (`Kuwait City`) are matched whole
        "City",
        "Pipeline",
        // streets, squares and buildings named after a country (`Chad Street`)
        "Street",
        "Avenue",
        "Road",
        "Square",
        "Boulevard",
        "Hotel",
    ])
});

/// Signs that `Georgia` is the US state.
const US_STATE_SIGNS: &[&str] = &[
    "Ga",
    "Ga.",
    "ATLANTA",
    "SAVANNAH",
    "Georgia Gov.",
    "Georgia governor",
    "Georgia Republican",
    "Georgia Democrat",
    "Georgia Senate",
    "Georgia Legislature",
    "Georgia Power",
    "Georgia State",
    "Atlanta",
    "Savannah",
    "Augusta",
    "Macon",
    "Athens, Georgia",
    "Florida",
    "Alabama",
    "South Carolina",
    "North Carolina",
    "Tennessee",
    "Texas",
    "California",
    "Ohio",
    "Ga.",
    "Peach State",
    "governor of Georgia",
    "Georgia Gov.",
    "state of Georgia",
    "Georgia state",
    "Brian Kemp",
    "Fulton County",
    "Columbus, Georgia",
    "U.S. state",
    "US state",
];
/// Signs that `Georgia` is the country.
const GE_SIGNS: &[&str] = &[
    "Tbilisi",
    "Georgian",
    "Caucasus",
    "Abkhazia",
    "Ossetia",
    "Batumi",
    "Kutaisi",
    "Georgian Dream",
];
/// Signs that a bare `Congo` is the Democratic Republic.
const CD_SIGNS: &[&str] = &[
    "Kinshasa",
    "Goma",
    "Kivu",
    "Bukavu",
    "Lubumbashi",
    "Ituri",
    "Kisangani",
    "Katanga",
    "Democratic Republic",
    "DRC",
    "DR Congo",
    "M23",
];

pub struct Countries {
    /// Codes with their mention counts, in first-mention order.
    pub list: Vec<(&'static str, &'static str, u32)>,
    pub mentions: Vec<Mention>,
}

impl Countries {
    pub fn to_records(&self) -> Vec<Country> {
        self.list
            .iter()
            .map(|(code, name, n)| Country {
                code: code.to_string(),
                name: name.to_string(),
                mentions: *n,
            })
            .collect()
    }

    /// The country's common name, for a quote speaker.
    pub fn name(&self, idx: usize) -> Option<&'static str> {
        self.list.get(idx).map(|c| c.1)
    }
}

/// The context signs, in one automaton: (pattern, which list).
static SIGNS: LazyLock<(WordAutomaton, Vec<u8>)> = LazyLock::new(|| {
    let mut pats = Vec::new();
    let mut kinds = Vec::new();
    for (k, list) in [US_STATE_SIGNS, GE_SIGNS, CD_SIGNS].iter().enumerate() {
        for p in list.iter() {
            pats.push(*p);
            kinds.push(k as u8);
        }
    }
    (WordAutomaton::new(&pats, "sign"), kinds)
});

/// How many distinct signs of each list (US state, Georgia, DR Congo) the texts hold.
fn count_signs(texts: &[&str]) -> [usize; 3] {
    let (ac, kinds) = &*SIGNS;
    let mut seen = vec![false; kinds.len()];
    for t in texts {
        for m in ac.find_words(t) {
            seen[m.pattern().as_usize()] = true;
        }
    }
    let mut out = [0; 3];
    for (i, s) in seen.iter().enumerate() {
        if *s {
            out[kinds[i] as usize] += 1;
        }
    }
    out
}

/// `needle` in `hay` on word boundaries.
fn word_contains(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = hay.get(from..).and_then(|h| h.find(needle)) {
        let s = from + pos;
        let e = s + needle.len();
        let before = hay[..s].chars().next_back();
        let after = hay[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = e;
    }
    false
}

/// Index of the token that holds byte `pos`.
fn token_at(seg: &Seg, pos: usize) -> Option<usize> {
    let i = seg.toks.partition_point(|t| t.full_end <= pos);
    (i < seg.toks.len() && seg.toks[i].start <= pos).then_some(i)
}

/// Finds the countries a document refers to.
/// `context` is more text that may tell which Georgia or Congo is meant (the dateline), but
/// whose own countries are not counted.
pub fn find_countries(doc: &Doc, people: &People, context: &[&str]) -> Countries {
    let texts: Vec<&str> = doc
        .segs
        .iter()
        .map(|s| s.text)
        .chain(context.iter().copied())
        .collect();
    // The context signs are counted only when a `Georgia` or a `Congo` needs them.
    let signs = std::cell::OnceCell::new();
    let signs = || *signs.get_or_init(|| count_signs(&texts));
    let georgia_is_state = || {
        let [us_signs, ge_signs, _] = signs();
        us_signs > ge_signs
    };
    // Which Congo a bare `Congo` is: worked out only when the text has one.
    let congo_code = std::cell::OnceCell::new();
    let congo = || {
        *congo_code.get_or_init(|| {
            let cg = texts.iter().any(|t| {
                (word_contains(t, "Republic of Congo") || word_contains(t, "Republic of the Congo"))
                    && !word_contains(t, "Democratic Republic")
            }) || texts.iter().any(|t| t.contains("Brazzaville"));
            if cg && signs()[2] == 0 { "CG" } else { "CD" }
        })
    };
    let mut list: Vec<(&'static str, &'static str, u32)> = Vec::new();
    let mut mentions = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate() {
        let text = seg.text;
        // end token of the last capital read as a place, for `in Moscow and Kyiv`
        let mut last_place_end: Option<usize> = None;
        // end token of the last demonym read as a language, for `in Spanish and German`
        let mut last_language_end: Option<usize> = None;
        for m in COUNTRY.ac.find_words(text) {
            let (s, e) = (m.start(), m.end());
            let (ci, form) = COUNTRY.forms[m.pattern().as_usize()];
            let info = &COUNTRY.list[ci];
            if info.code == "-" {
                continue;
            }
            let (Some(a), Some(b)) = (token_at(seg, s), token_at(seg, e.saturating_sub(1))) else {
                continue;
            };
            if (a..=b).any(|t| people.name_tokens(si).get(t).copied().unwrap_or(false)) {
                continue;
            }
            let b = b + 1;
            if seg.is_word(b) && FEATURE_AFTER.has(seg.w(b)) {
                continue;
            }
            // a currency (`US$206,000`, `NZ$5`), not the country
            if text[e..].starts_with('$') {
                continue;
            }
            // the Americas, not the United States: `Organization of American States`,
            // `Inter-American Development Bank`, `Pan American Health Organization`
            if &text[s..e] == "American"
                && (text[..s].ends_with("Inter-")
                    || text[..s].ends_with("Pan-")
                    || text[..s].ends_with("Pan ")
                    || (text[..s].ends_with("of ") && text[e..].starts_with(" States")))
            {
                continue;
            }
            if a > 0 && seg.is_word(a - 1) && matches!(seg.w(a - 1), "Lake" | "Gulf" | "Mount") {
                continue;
            }
            // `Santiago de Cuba`: a city named after its country (a bank, `Banco de Mexico`, is
            // the country's)
            if a >= 2
                && matches!(seg.w(a - 1), "de" | "del" | "da" | "do" | "du")
                && seg.is_cap(a - 2)
                && !ORG.heads.contains(seg.w(a - 2))
            {
                continue;
            }
            let matched = &text[s..e];
            let mut code = info.code;
            let mut name = info.name;
            if code == "CONGO" {
                code = congo();
                name = COUNTRY.by_code(code).map_or(name, |c| c.name);
            }
            if code == "GE" && matched == "Georgia" && georgia_is_state() {
                continue;
            }
            // `Lebanon, Pennsylvania`, `Peru, Ind.`: a town of a US state
            if seg.is_punct(b, ",") && us_state_at(seg, b + 1) {
                continue;
            }
            // `Lima said`, but not `Sofia Lima`, `Mayor Lima`, `in Lima` or `Lima's mayor`
            if form == Form::NameLikeCapital
                && ((a > 0 && seg.is_cap(a - 1)) || seg.toks[b - 1].poss || !speech_follows(seg, b))
            {
                continue;
            }
            if form == Form::Capital {
                // part of a longer name (`Paris Agreement`, `Moscow Exchange`) or `-based`
                if text[e..].starts_with("-based") || (seg.is_cap(b) && !is_date(seg.w(b))) {
                    continue;
                }
                // `the Baku-Tbilisi-Ceyhan pipeline`: a stop on a route
                let joined = text[e..].starts_with('-') || text[..s].ends_with('-');
                if joined && seg.is_lower(b) && ROUTES.contains(&seg.w(b)) {
                    continue;
                }
                // `San Juan de Lurigancho`, `Santiago del Estero`: a longer place name
                if matches!(seg.w(b), "de" | "del" | "da" | "do" | "di")
                    && (seg.is_cap(b + 1)
                        || (matches!(seg.w(b + 1), "la" | "las" | "los") && seg.is_cap(b + 2)))
                {
                    continue;
                }
                // `Seoul's offer` is the government even after a preposition
                let locative = a > 0
                    && seg.is_word(a - 1)
                    && LOCATIVE.has(seg.w(a - 1))
                    && !seg.toks[b - 1].poss
                    && !from_a_government(seg, a);
                let coordinated = a >= 2
                    && matches!(seg.w(a - 1), "and" | "or" | ",")
                    && last_place_end == Some(a - 1);
                if locative || coordinated || in_place_list(seg, a, b) {
                    last_place_end = Some(b);
                    continue;
                }
            }
            if form == Form::Demonym && names_language(seg, text, a, b, e, last_language_end) {
                last_language_end = Some(b);
                continue;
            }
            let idx = match list.iter().position(|c| c.0 == code) {
                Some(i) => {
                    list[i].2 += 1;
                    i
                }
                None => {
                    list.push((code, name, 1));
                    list.len() - 1
                }
            };
            let poss = seg.toks[b - 1].poss;
            mentions.push(Mention {
                seg: si,
                np_start: a,
                start: a,
                end: b,
                ent: Ent::Country(idx),
                prep: after_preposition(seg, a),
                poss,
                speech_after: !poss && form != Form::Demonym && speech_follows(seg, b),
            });
        }
    }
    Countries { list, mentions }
}

/// `races in New York, Chicago, London and Tokyo`: whether the capital at tokens `[a, b)` is
/// an item of a list of capitalised places that a locative word opens. An item ends the list
/// (`and Tokyo`) or another follows it (`London,`), so `In talks in Geneva, Washington pushed`
/// is no list.
fn in_place_list(seg: &Seg, a: usize, b: usize) -> bool {
    let and = |t: usize| seg.is_word(t) && matches!(seg.w(t), "and" | "or");
    let listed = seg.is_punct(b, ",") || and(b) || (a > 0 && and(a - 1));
    if !listed || seg.toks[b - 1].poss {
        return false;
    }
    let mut i = a;
    for _ in 0..8 {
        // the separator before item `i`: `,`, `and`, `, and`
        let Some(mut sep) = i.checked_sub(1) else {
            return false;
        };
        if and(sep) && sep > 0 && seg.is_punct(sep - 1, ",") {
            sep -= 1;
        } else if !(and(sep) || seg.is_punct(sep, ",")) {
            return false;
        }
        // the item before it: one to three capitalised words
        let mut k = sep;
        while k > 0 && sep - k < 3 && seg.is_cap(k - 1) && !seg.toks[k - 1].poss {
            k -= 1;
        }
        if k == sep || k == 0 {
            return false;
        }
        if seg.is_word(k - 1) && LOCATIVE.has(seg.w(k - 1)) {
            return true;
        }
        i = k;
    }
    false
}

/// Whether the demonym at tokens `[a, b)` (ending at byte `e`) names a language, not its
/// country: `Chinese-language`, `French-speaking`, `its French initials`, `spoke in Spanish`,
/// and one joined to such a language by `and` or `or` (`in Spanish and German`).
fn names_language(
    seg: &Seg,
    text: &str,
    a: usize,
    b: usize,
    e: usize,
    last_language_end: Option<usize>,
) -> bool {
    if text[e..].starts_with("-language") || text[e..].starts_with("-speaking") {
        return true;
    }
    let next = seg.w(b);
    if seg.is_word(b)
        && matches!(
            next,
            "initials" | "acronym" | "abbreviation" | "translation" | "subtitles" | "dialect"
        )
    {
        return true;
    }
    // after `in`, with nothing after it that it could qualify (`in Chinese and Japanese
    // firms` qualifies `firms`)
    let free = |t: usize| {
        !seg.is_word(t)
            || matches!(
                seg.w(t),
                "and" | "or" | "to" | "with" | "as" | "on" | "at" | "by" | "for" | "from" | "while"
            )
    };
    let ends = free(b)
        && !(matches!(next, "and" | "or") && COUNTRY.is_demonym(seg.w(b + 1)) && !free(b + 2));
    let joined = a >= 1 && matches!(seg.w(a - 1), "and" | "or") && last_language_end == Some(a - 1);
    ends && (joined || a >= 1 && matches!(seg.w(a - 1), "in" | "In"))
}

/// A company's name without the legal form that ends it (`Kesh Steel` for `Kesh Steel
/// Corp.`), when a name of at least one word is left.
fn company_stem(name: &str) -> Option<&str> {
    const FORMS: [&str; 10] = [
        " Corp.", " Corp", " Inc.", " Inc", " Ltd.", " Ltd", " Co.", " PLC", " plc", " LLC",
    ];
    FORMS
        .iter()
        .find_map(|f| name.strip_suffix(f))
        .map(|st| st.trim_end_matches(','))
        .filter(|st| !st.is_empty())
}

pub struct Orgs {
    /// Canonical names with mention counts, first-mention order.
    pub list: Vec<(String, u32)>,
    pub mentions: Vec<Mention>,
}

impl Orgs {
    pub fn to_records(&self) -> Vec<Organization> {
        self.list
            .iter()
            .map(|(name, n)| Organization {
                name: name.clone(),
                mentions: *n,
            })
            .collect()
    }
}

pub(crate) static KNOWN_AC: LazyLock<WordAutomaton> =
    LazyLock::new(|| WordAutomaton::new(&ORG.known, "organisation"));

/// Upper-case tokens that are not organisations.
static ACRONYM_STOP: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "GMT", "UTC", "CEO", "AM", "PM", "GDP", "LNG", "EDT", "EST", "TV", "CFA", "II", "III",
        "IV", "OK", "LEAD", "ATTN", "ADDS", "END", "URGENT", "UPDATE", "BREAKING", "PHOTO",
        "VIDEO", "AP", "US", "UK", "UAE", "DRC", "USA", "PRC", "DPRK", "ROK", "A.M.", "P.M.",
        "U.S.", "U.K.", "X", "BPD", "KM", "MW", "GW", "ID", "FM", "CO2", "COVID", "AI", "IT",
        "BRP", "EU's",
    ])
});

pub(crate) fn is_acronym(w: &str) -> bool {
    // the cheap tests first: most words fail on their first or second letter
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && w.len() <= 8
        && w.bytes().all(|c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'+' || c == b'&' || c == b'.'
        })
        && w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
        && !ACRONYM_STOP.has(w)
        && !COUNTRY.has_word(w)
}

static ORG_CONNECT: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["of", "for", "and", "on", "the", "de", "des", "du", "del"]));

/// Where the name `a..b` starts once the capitalised words before it that spell the first
/// letters of `acronym` (with `and`, `of`, `for` or `&` between) are taken in; `a` when the
/// name's own initials already spell it or the words before do not.
fn extend_to_acronym(seg: &Seg, a: usize, b: usize, acronym: &str) -> usize {
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    let initials: Vec<char> = (a..b)
        .filter(|&t| seg.is_cap(t))
        .filter_map(|t| seg.w(t).chars().next())
        .collect();
    if letters.len() <= initials.len() || !letters.ends_with(&initials) {
        return a;
    }
    let mut need = letters.len() - initials.len();
    let mut s = a;
    while need > 0 && s > 0 {
        let p = s - 1;
        if seg.is_cap(p) && seg.w(p).starts_with(letters[need - 1]) {
            need -= 1;
            s = p;
        } else if s > 1 && (matches!(seg.w(p), "and" | "of" | "for") || seg.is_punct(p, "&")) {
            s = p;
        } else {
            break;
        }
    }
    if need == 0 { s } else { a }
}

/// Nouns for a route named by its ends (`the Baku-Tbilisi-Ceyhan pipeline`).
const ROUTES: &[&str] = &[
    "pipeline",
    "railway",
    "railroad",
    "rail",
    "corridor",
    "highway",
    "motorway",
    "road",
    "route",
    "line",
    "flight",
    "flights",
    "link",
    "ferry",
    "canal",
    "expressway",
];

fn is_date(w: &str) -> bool {
    DAY_NAMES.contains(&w) || MONTH_NAMES.contains(&w)
}

/// Finds organisations: known names, capitalised runs with an organisation head word, acronyms.
/// From the comma at `comma`: the last token of a list of portfolios ending in `and`
/// (`, Industry and Energy`, `, Sports, and Tourism`), if one stands there.
fn department_list(seg: &Seg, comma: usize) -> Option<usize> {
    let portfolio = |t: usize| seg.is_cap(t) && DEPARTMENTS.has(seg.w(t));
    let mut t = comma;
    while seg.is_punct(t, ",") && portfolio(t + 1) {
        let next = t + 2;
        let and = if seg.is_punct(next, ",") {
            next + 1
        } else {
            next
        };
        if seg.is_word(and) && seg.w(and) == "and" && portfolio(and + 1) {
            return Some(and + 1);
        }
        t = next;
    }
    None
}

pub fn find_orgs(doc: &Doc, people: &People) -> Orgs {
    // (seg, start tok, end tok, surface): the surfaces borrowed from the text, copied only
    // for the organisations of the list
    let mut found: Vec<(usize, usize, usize, &str)> = Vec::new();
    let mut acronyms: HashMap<&str, &str> = HashMap::default();
    // tokens already in an organisation, one buffer for every segment
    let mut taken = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate() {
        let n = seg.toks.len();
        taken.clear();
        taken.resize(n, false);
        let name_toks = people.name_tokens(si);
        // capitalised runs with connectors
        let mut i = 0;
        while i < n {
            if !seg.is_cap(i) || name_toks.get(i).copied().unwrap_or(false) {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i;
            while j < n {
                // `the Ombudsman's Office`, `the People's Party`: a possessive before a head
                // word is inside the name (not a country's or a person's)
                let inner_poss = seg.toks[j].poss
                    && j + 1 < n
                    && seg.is_cap(j + 1)
                    && ORG.heads.contains(seg.w(j + 1))
                    && !name_toks[j]
                    && !COUNTRY.has_word(seg.w(j))
                    && !COUNTRY.is_demonym(seg.w(j));
                if inner_poss {
                    j += 1;
                    continue;
                }
                if seg.toks[j].poss {
                    j += 1;
                    break;
                }
                let k = j + 1;
                if k < n && seg.is_cap(k) && !name_toks[k] && !is_date(seg.w(k)) {
                    j = k;
                    continue;
                }
                // connectors followed by a capital (`and` only inside an `of` phrase)
                let has_of = (start..=j).any(|t| matches!(seg.w(t), "of" | "for"));
                // `Ministry of Trade, Industry and Energy`: a list of portfolios after `of`
                if has_of && let Some(last) = department_list(seg, k) {
                    j = last;
                    continue;
                }
                // `Food and Agriculture Organization`, `Securities and Exchange Commission`:
                // `and` after a word or two that are neither an organisation nor a place
                let and_joins = || {
                    let first = start + usize::from(matches!(seg.w(start), "The" | "A" | "An"));
                    // a country word may open a name of three words (`Kesh Garment Makers and
                    // Exporters Association`), not stand alone (`Turkey and Egypt Air`)
                    let from = if j == first + 2 && COUNTRY.has_word(seg.w(first)) {
                        first + 1
                    } else {
                        first
                    };
                    j <= first + 2
                        && !(from..=j).any(|t| {
                            ORG.heads.contains(seg.w(t))
                                || COUNTRY.has_word(seg.w(t))
                                || COUNTRY.is_demonym(seg.w(t))
                        })
                };
                let mut c = k;
                // `Korea Internet & Security Agency`
                if seg.is_punct(c, "&") && c + 1 < n && seg.is_cap(c + 1) {
                    c += 1;
                }
                while c < n
                    && c < k + 2
                    && seg.is_word(c)
                    && ORG_CONNECT.has(seg.w(c))
                    && (!matches!(seg.w(c), "and" | "the")
                        || has_of
                        || c > k
                        || (seg.w(c) == "and" && and_joins()))
                {
                    c += 1;
                }
                if c > k
                    && c < n
                    && seg.is_cap(c)
                    && !name_toks[c]
                    && !COUNTRY.is_demonym(seg.w(c))
                    && !is_date(seg.w(c))
                {
                    j = c;
                    continue;
                }
                j += 1;
                break;
            }
            let end = j.min(n);
            if end - start > 12 {
                i = end;
                continue;
            }
            // trim leading stop words and trailing connectors
            let mut s = start;
            while s < end
                && (matches!(
                    seg.w(s),
                    "The"
                        | "A"
                        | "An"
                        | "In"
                        | "On"
                        | "At"
                        | "But"
                        | "And"
                        | "For"
                        | "From"
                        | "By"
                        | "With"
                        | "As"
                        | "After"
                        | "While"
                ) || !seg.is_cap(s))
            {
                s += 1;
            }
            // the head word must be the last word (or followed only by a connector phrase)
            while s < end && hyphen_adjective(seg.w(s)) {
                s += 1;
            }
            // `Ana Ruiz of the Kesh Institute`: before a connector there must be a head word,
            // else the organisation starts after the connector.
            while let Some(c) = (s..end).find(|&t| !seg.is_cap(t) && !seg.is_punct(t, "&")) {
                if (s..c).any(|t| ORG.heads.contains(seg.w(t))) {
                    break;
                }
                // the `and` of `Food and Agriculture Organization`, let in above
                if seg.w(c) == "and" && c <= s + 3 && seg.is_cap(c + 1) {
                    break;
                }
                let mut t = c;
                while t < end && !seg.is_cap(t) {
                    t += 1;
                }
                s = t;
            }
            let mut head_at = (s..end).rev().find(|&t| ORG.heads.contains(seg.w(t)));
            // `Cabinet Secretary for Energy`: a head word after a title's `of` or `for` is the
            // title's portfolio; the organisation's head, if any, comes before the title.
            if let Some(h) = head_at
                && let Some(title) = (s..h).find(|&t| {
                    ROLE.titles.contains(seg.w(t)) && matches!(seg.w(t + 1), "of" | "for")
                })
            {
                head_at = (s..title).rev().find(|&t| ORG.heads.contains(seg.w(t)));
            }
            // looked up only for a run with a head word
            let last_place = || {
                end > s
                    && (ORG.places.contains(seg.w(end - 1)) || ROLE.titles.contains(seg.w(end - 1)))
            };
            if let Some(h) = head_at
                && !last_place()
                && h >= s
            {
                // `Kesh Cabinet Secretary for Energy Ana Ruiz`: a title after the head word
                // begins a person's role; the organisation ends at the head.
                let org_end = if h + 1 < end && ROLE.titles.contains(seg.w(h + 1)) {
                    h + 1
                } else {
                    end
                };
                // `Aid agencies say`, `Rescue crews used`: a head word alone, capitalised only
                // because it starts the sentence, qualifies the common noun after it.
                if org_end == s + 1 && seg.opens_sentence(s) && seg.is_lower(s + 1) {
                    i = end.max(i + 1);
                    continue;
                }
                found.push((si, s, org_end, seg.span(s, org_end)));
                for t in taken.iter_mut().take(org_end).skip(s) {
                    *t = true;
                }
            } else if s < end
                && (apposition_close(seg, s, end).is_some()
                    || spokesperson_of(seg, s, end)
                    || named_after_its_noun(seg, s, end))
            {
                found.push((si, s, end, seg.span(s, end)));
                for t in taken.iter_mut().take(end).skip(s) {
                    *t = true;
                }
            }
            i = end.max(i + 1);
        }
        // known organisations
        let text = seg.text;
        for m in KNOWN_AC.find_words(text) {
            let (s, e) = (m.start(), m.end());
            let (Some(a), Some(b)) = (token_at(seg, s), token_at(seg, e.saturating_sub(1))) else {
                continue;
            };
            if (a..=b).any(|t| taken[t]) {
                // a name of the list that holds one read from a run (`Organization for
                // Security and Co-operation` in `... in Europe`) replaces it
                // ... and so does one that a run has only put the UN's name before (`the UN
                // World Food Programme`)
                let un_prefix = a >= 1 && matches!(seg.w(a - 1), "UN" | "U.N.");
                let inside = |f: &(usize, usize, usize, &str)| {
                    f.0 == si
                        && ((a <= f.1 && f.2 <= b + 1 && f.2 - f.1 < b + 1 - a)
                            || (un_prefix && f.1 == a - 1 && f.2 == b + 1))
                };
                let overlaps = |f: &(usize, usize, usize, &str)| f.0 == si && f.1 <= b && a < f.2;
                if !found
                    .iter()
                    .rev()
                    .take_while(|f| f.0 == si)
                    .filter(|f| overlaps(f))
                    .all(inside)
                {
                    continue;
                }
                found.retain(|f| !inside(f));
            }
            found.push((si, a, b + 1, &text[s..e]));
            for t in taken.iter_mut().take(b + 1).skip(a) {
                *t = true;
            }
        }
        // acronyms, and their definitions `Full Name (FN)`; not in a wire tag that opens the
        // text, Yonhap's `(2nd LD)` or `(LEAD)`
        let tag_end = if seg.is_punct(0, "(") {
            (1..n.min(6)).find(|&t| seg.is_punct(t, ")")).unwrap_or(0)
        } else {
            0
        };
        #[allow(clippy::needless_range_loop)]
        for t in tag_end..n {
            if seg.kind(t) != Some(Kind::Word) {
                continue;
            }
            let w = seg.w(t);
            if !is_acronym(w) {
                continue;
            }
            if t > 0 && seg.is_punct(t - 1, "(") && seg.is_punct(t + 1, ")") && t >= 2 {
                // definition: the org or capitalised run ending right before the parenthesis
                if let Some(k) = found
                    .iter()
                    .rposition(|f| f.0 == si && f.2 == t - 1)
                    .filter(|&k| k + 8 >= found.len())
                {
                    // `Disaster Management and Mitigation Unit (DMMU)`: words before the name
                    // that give the acronym's first letters belong to it
                    let s = extend_to_acronym(seg, found[k].1, t - 1, w);
                    if s < found[k].1 {
                        found[k] = (si, s, t - 1, seg.span(s, t - 1));
                        // a shorter name inside it (`Disaster Management`) goes
                        found.retain(|f| !(f.0 == si && f.1 >= s && f.2 < t - 1));
                        for x in &mut taken[s..t - 1] {
                            *x = true;
                        }
                    }
                    let def = found.iter().rev().find(|f| f.0 == si && f.2 == t - 1);
                    acronyms.insert(w, def.map_or("", |f| f.3));
                    continue;
                }
                let mut s = t - 1;
                while s > 0
                    && (seg.is_cap(s - 1)
                        || (seg.is_word(s - 1)
                            && ORG_CONNECT.has(seg.w(s - 1))
                            && s >= 2
                            && seg.is_cap(s - 2)))
                {
                    s -= 1;
                }
                while s < t - 1
                    && (matches!(seg.w(s), "The" | "the" | "of" | "and")
                        || !seg.is_cap(s)
                        || hyphen_adjective(seg.w(s)))
                {
                    s += 1;
                }
                if s < t - 1 {
                    let def = seg.span(s, t - 1);
                    acronyms.insert(w, def);
                    found.push((si, s, t - 1, def));
                }
                continue;
            }
            let initials = w.contains('.') && seg.is_cap(t + 1);
            if !taken[t] && !initials {
                found.push((si, t, t + 1, w));
            }
        }
    }
    found.sort_by_key(|f| (f.0, f.1));
    let mut list: Vec<(String, u32)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    let mut mentions = Vec::new();
    for (si, a, b, surface) in found {
        let seg = &doc.segs[si];
        let surface = surface.trim_end_matches(['’', '\'']);
        let canon = acronyms.get(surface).copied().unwrap_or(surface);
        // `Kesh Steel Corp.` and then `Kesh Steel`: one company, under its fuller name
        let stem = company_stem(canon);
        let found_at = with_folded(canon, |key| index.get(key).copied())
            .or_else(|| stem.and_then(|st| with_folded(st, |key| index.get(key).copied())));
        let idx = match found_at {
            Some(i) => {
                list[i].1 += 1;
                if stem.is_some() && !with_folded(canon, |key| index.contains_key(key)) {
                    list[i].0 = canon.to_string();
                    index.insert(fold(canon), i);
                }
                i
            }
            None => {
                list.push((canon.to_string(), 1));
                index.insert(fold(canon), list.len() - 1);
                if let Some(st) = stem {
                    index.entry(fold(st)).or_insert(list.len() - 1);
                }
                list.len() - 1
            }
        };
        let mut poss = seg.toks[b - 1].poss;
        let prev_the = a > 0 && matches!(seg.w(a - 1), "the" | "The");
        let np_start = if prev_the { a - 1 } else { a };
        // `the company, Kesh Metals, said`: the name set off after the noun speaks for it
        let close = apposition_close(seg, a, b);
        let appositive = close.is_some();
        let mut verb_at = close.map_or(b, |c| c + 1);
        // `Kesh Rail's press service said`, `A KFA spokesperson said`: the organisation
        // speaks through it
        if let Some(v) = voice_after(seg, b) {
            poss = false;
            verb_at = v;
        }
        mentions.push(Mention {
            seg: si,
            np_start,
            start: a,
            end: b,
            ent: Ent::Org(idx),
            prep: after_preposition(seg, np_start) && !appositive,
            poss,
            // `The mine's operator, Kesh Metals, which ..., said`: a relative clause after
            // the closing comma
            speech_after: !poss
                && (speech_follows(seg, verb_at) || close.is_some_and(|c| speech_follows(seg, c))),
        });
    }
    Orgs { list, mentions }
}

/// `A World Athletics spokesperson told`: a name that has a spokesperson speaking for it is
/// an organisation's, unless it is a country's or its people's (`Kenya`, `Kenyan`) or holds a
/// title (`Interior Minister spokesman`).
fn spokesperson_of(seg: &Seg, a: usize, b: usize) -> bool {
    seg.is_lower(b)
        && super::quotes::SPOKES.contains(&seg.w(b))
        && !seg.toks[b - 1].poss
        && could_be_a_body(seg, a, b)
}

/// `the election monitoring group Kesh Watch said`: a name right after a noun for an
/// organisation is that organisation's.
fn named_after_its_noun(seg: &Seg, a: usize, b: usize) -> bool {
    a > 0
        && seg.is_lower(a - 1)
        && ORG_REF_NOUNS.has(seg.w(a - 1))
        && !(a..b).any(|t| is_date(seg.w(t)))
        && could_be_a_body(seg, a, b)
}

/// Capitalised words `a..b` that could name a body: no title among them, and not only a
/// country's name or its people's (`Kenya`, `Kenyan`).
fn could_be_a_body(seg: &Seg, a: usize, b: usize) -> bool {
    (a..b).all(|t| seg.is_cap(t) && !ROLE.titles.contains(seg.w(t)))
        && (a..b).any(|t| !(COUNTRY.has_word(seg.w(t)) || COUNTRY.is_demonym(seg.w(t))))
}

/// Where the comma that closes tokens `a..b` is, when they are set off by commas right after
/// `the company`, `the group` or another noun that stands for an organisation: `the company,
/// Kesh Metals, said`, `the military's media wing, Kesh Public Relations (KPR), said`.
fn apposition_close(seg: &Seg, a: usize, b: usize) -> Option<usize> {
    if a < 3 {
        return None;
    }
    // `The vessel's operator, the UAE-registered company Kesh Shipping, said`: the name
    // closes an apposition that opens with its noun
    let set_off_with_noun = seg.is_lower(a - 1) && ORG_REF_NOUNS.has(seg.w(a - 1)) && {
        let mut t = a - 2;
        while t + 4 > a && t > 1 && seg.is_word(t) && hyphen_adjective(seg.w(t)) {
            t -= 1;
        }
        matches!(seg.w(t), "the" | "a" | "an") && seg.is_punct(t - 1, ",")
    };
    if !set_off_with_noun && (!seg.is_punct(a - 1, ",") || !seg.is_word(a - 2)) {
        return None;
    }
    let close = if seg.is_punct(b, "(")
        && seg.is_punct(b + 2, ")")
        && is_acronym(seg.w(b + 1))
        && seg.is_punct(b + 3, ",")
    {
        b + 3
    } else if seg.is_punct(b, ",") {
        b
    } else {
        return None;
    };
    let noun = with_lower(seg.w(a - 2), |l| {
        ORG_REF_NOUNS.has(l)
            || matches!(
                l,
                "wing" | "arm" | "regulator" | "watchdog" | "operator" | "subsidiary" | "affiliate"
            )
    });
    // the noun's phrase opens with `the` or an owner's possessive
    let det = matches!(seg.w(a - 3), "the" | "The")
        || (a.saturating_sub(5)..a - 2).any(|t| seg.toks[t].poss);
    (set_off_with_noun || (noun && det)).then_some(close)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people;

    fn codes(headline: &str, body: &[&str]) -> Vec<&'static str> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new(headline, &body);
        let p = people::find(&doc);
        find_countries(&doc, &p, &[])
            .list
            .iter()
            .map(|c| c.0)
            .collect()
    }

    #[test]
    fn country_cases() {
        let cases: &[(&str, &[&str])] = &[
            // names, short forms and demonyms
            (
                "Kenyan and U.S. officials met in Britain.",
                &["KE", "US", "GB"],
            ),
            (
                "Türkiye and Turkey are one; so are UK and United Kingdom.",
                &["TR", "GB"],
            ),
            // Niger is not Nigeria
            (
                "Floods hit Niger and Nigeria; Nigerien and Nigerian teams helped.",
                &["NE", "NG"],
            ),
            // the two Koreas
            (
                "North Korea fired a missile; South Korean troops watched.",
                &["KP", "KR"],
            ),
            ("N. Korea warned Seoul.", &["KP", "KR"]),
            (
                "North Korea's state media and inter-Korean talks since the Korean War.",
                &["KP"],
            ),
            // Guinea variants
            (
                "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea met.",
                &["GN", "GW", "GQ", "PG"],
            ),
            // features and regions are not countries
            (
                "Boats crossed Lake Chad and the South China Sea to Latin America.",
                &[],
            ),
            // a capital acting stands for the country; a capital as a place does not
            (
                "Moscow said it would reply. Talks were held in Dushanbe.",
                &["RU"],
            ),
            // capitals in a list of places that a locative word opens; a capital that acts
            // after a place set off by a comma
            (
                "Races are run in Kesh City, Chicago, London, Berlin and Tokyo.",
                &[],
            ),
            (
                "In talks in Geneva, Washington pushed for a truce.",
                &["US"],
            ),
            // a square, a street named after a country
            ("Crowds filled Place du Luxembourg and Chad Street.", &[]),
            // a stop on a route named by its ends; not a pair of governments
            ("Oil flows through the Baku-Tbilisi-Ceyhan pipeline.", &[]),
            ("The Moscow-Beijing axis worries Kesh.", &["RU", "CN"]),
            // a town of a US state
            (
                "The plant in Lebanon, Pennsylvania, shut; she grew up in Peru, Ind., and \
                 then in Jordan.",
                &["JO"],
            ),
            // `from` a capital names the government after `pressure`, `borrowed heavily`
            (
                "Kesh borrowed heavily from Beijing. Loans from Tokyo and pressure from \
                 Washington followed. She flew in from Moscow.",
                &["CN", "JP", "US"],
            ),
            // a person called Jordan or Chad
            ("Jordan Pell and Chad Ferris, two analysts, said it.", &[]),
            ("Jordan's king met Chad's president.", &["JO", "TD"]),
            // a currency is not the country
            (
                "Exports rose to US$61.2 billion, and Kiwi buyers paid NZ$5 more.",
                &[],
            ),
            ("The US dollar and U.S. bonds rose.", &["US"]),
            // a city named after a country, a capital's name inside a longer place name
            (
                "Traders from Benin City and San Juan de Lurigancho came. Kuwait City sent aid.",
                &["KW"],
            ),
            (
                "Panama City and Djibouti City hotels were full.",
                &["PA", "DJ"],
            ),
            (
                "Storms hit Santiago de Cuba, and Banco de Mexico held rates.",
                &["MX"],
            ),
            // a pipeline named after a river
            (
                "Attacks on the Trans Niger Pipeline and the Niger Pipeline cut output.",
                &[],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(codes("", &[text]), *want, "{text}");
        }
    }

    #[test]
    fn bodies_of_the_americas_are_not_the_united_states() {
        assert_eq!(
            codes(
                "",
                &[
                    "The Organization of American States, the Inter-American Development Bank \
                   and the Pan American Health Organization met."
                ]
            ),
            Vec::<&str>::new()
        );
        assert_eq!(codes("", &["American troops left."]), ["US"]);
    }

    /// A demonym that names a language is not its country; one that qualifies a noun is.
    #[test]
    fn languages_are_not_countries() {
        assert_eq!(
            codes(
                "",
                &[
                    "She spoke in Russian. The group, known by its French initials, briefed \
                     crowds in Spanish and German at the Chinese-language school.",
                ]
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes(
                "",
                &["They invested in Chinese and Japanese firms; he is held in French custody."]
            ),
            ["CN", "JP", "FR"]
        );
    }

    /// A country's name that is the surname of a person of the text, standing as a name,
    /// is the person.
    #[test]
    fn a_surname_like_a_country_is_the_person() {
        assert_eq!(
            codes(
                "",
                &[
                    "Lucia Montenegro, a hydrologist, said the glacier was shrinking. \
                   \"It is gone,\" Montenegro said."
                ]
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes(
                "",
                &["Lucia Montenegro, a hydrologist, flew to Montenegro on Monday."]
            ),
            ["ME"]
        );
    }

    /// A capital that is also a personal name counts only where it speaks as the government.
    #[test]
    fn name_like_capital_only_as_a_speaker() {
        assert_eq!(
            codes("", &["Lima said on Tuesday it would not sign the accord."]),
            ["PE"]
        );
        for text in [
            "Officials in Lima declined to comment.",
            "Lima's mayor opened the fair.",
            "Ines Lima said prices would rise.",
            "Lima is a busy port, and Sofia has grown fast.",
        ] {
            assert_eq!(codes("", &[text]), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn georgia_state_or_country() {
        assert_eq!(
            codes(
                "",
                &["Workers at a plant in Georgia flew home from Atlanta, near the Florida line."]
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes(
                "",
                &["Georgia and Armenia met; Tbilisi said talks went well."]
            ),
            vec!["GE", "AM"]
        );
    }

    #[test]
    fn georgia_by_dateline() {
        let body = vec!["Storms hit Georgia overnight.".to_string()];
        let doc = Doc::new("", &body);
        let p = people::find(&doc);
        assert!(find_countries(&doc, &p, &["SAVANNAH, Ga."]).list.is_empty());
        assert_eq!(find_countries(&doc, &p, &["TBILISI"]).list.len(), 1);
    }

    #[test]
    fn the_two_congos() {
        // Kinshasa and Goma make a bare Congo the Democratic Republic
        assert_eq!(
            codes(
                "",
                &["Fighting in eastern Congo reached Goma; the Republic of Congo watched."]
            ),
            vec!["CD", "CG"]
        );
        // without such signs, after the Republic of the Congo, a bare Congo is that republic
        assert_eq!(
            codes(
                "Congolese leader visits",
                &["The President of the Republic of the Congo arrived; the Congo signed."]
            ),
            vec!["CG"]
        );
        assert_eq!(
            codes("", &["The DRC and Congo-Brazzaville met."]),
            vec!["CD", "CG"]
        );
    }

    fn orgs(body: &[&str]) -> Vec<String> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new("", &body);
        let p = people::find(&doc);
        find_orgs(&doc, &p).list.into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn organisations() {
        assert_eq!(
            orgs(&["The National Water Authority (NWA) said the NWA and NATO agreed."]),
            vec!["National Water Authority", "NATO"]
        );
        assert_eq!(
            orgs(&["The Council of Elders met."]),
            vec!["Council of Elders"]
        );
        // a name with a spokesperson, not a country's people or a title's holder
        assert_eq!(
            orgs(&["A Tarsk Athletics spokesperson told reporters the list was final."]),
            vec!["Tarsk Athletics"]
        );
        assert!(
            orgs(&["A Kenyan spokesman and the Interior Minister spokesman spoke."]).is_empty()
        );
        // the words before a name that spell its acronym's first letters belong to it
        assert_eq!(
            orgs(&["Aid went to the Flood Management and Relief Unit (FMRU) on Monday."]),
            vec!["Flood Management and Relief Unit"]
        );
        assert_eq!(
            orgs(&["Aid went to Kesh and the Relief Unit (RU) on Monday."]),
            vec!["Relief Unit"]
        );
        // a name right after a noun for a body; not a date or a country after it
        assert_eq!(
            orgs(&["The monitoring group Tarsk Watch said the rating agency Fitch agreed."]),
            vec!["Tarsk Watch", "Fitch"]
        );
        assert!(orgs(&["The group Monday met the alliance Kenya joined."]).is_empty());
        // what describes a name is not part of it
        assert_eq!(
            orgs(&["The Abuja-based Economic Community of Tarsa Valley States (ECOTVS) met."]),
            vec!["Economic Community of Tarsa Valley States"]
        );
        // a name of the list replaces a shorter one read from a run inside it
        assert_eq!(
            orgs(&[
                "Observers from the Organization for Security and Co-operation in Europe \
                    watched."
            ]),
            vec!["Organization for Security and Co-operation in Europe"]
        );
        // `and` joins a word to the rest of one name, not two organisations or places
        assert_eq!(
            orgs(&[
                "The Water and Sanitation Authority met the Finance Ministry and Central Bank."
            ]),
            vec![
                "Water and Sanitation Authority",
                "Finance Ministry",
                "Central Bank"
            ]
        );
        assert_eq!(
            orgs(&["The Independent Electoral and Boundaries Commission met."]),
            vec!["Independent Electoral and Boundaries Commission"]
        );
        assert_eq!(
            orgs(&["Kenya and Uganda Railways Corporation trains run."]),
            vec!["Uganda Railways Corporation"]
        );
        // the UN's name before a name of the list is not part of it
        assert_eq!(
            orgs(&["The UN World Food Programme and the UN Security Council met."]),
            vec!["World Food Programme", "UN Security Council"]
        );
        // a country word may open a longer name joined by `and`
        assert_eq!(
            orgs(&["The Kenya Garment Makers and Exporters Association met."]),
            vec!["Kenya Garment Makers and Exporters Association"]
        );
        // a possessive before a head word is inside the name
        assert_eq!(
            orgs(&["The Ombudsman’s Office and the People's Party spoke; Kenya's Parliament met."]),
            vec!["Ombudsman’s Office", "People's Party", "Parliament"]
        );
        // a wire tag that opens the text is no acronym
        assert_eq!(
            orgs(&["(2nd LD) Kesh exports rise, the KTA says (in full)."]),
            vec!["KTA"]
        );
        // a title after the head word begins a person's role: the organisation ends there
        assert_eq!(
            orgs(&[
                "Veldorian Cabinet Secretary for Energy Ostin Mavara said the plants would open."
            ]),
            vec!["Veldorian Cabinet"]
        );
        assert_eq!(
            orgs(&["The Cabinet Office said the plan was ready."]),
            vec!["Cabinet Office"]
        );
        // a list of portfolios after `of`, with or without a comma before `and`
        assert_eq!(
            orgs(&["The Ministry of Trade, Industry and Energy said exports rose."]),
            vec!["Ministry of Trade, Industry and Energy"]
        );
        assert_eq!(
            orgs(&[
                "The Ministry of Culture, Sports, and Tourism agreed.",
                "The Ministry of Agriculture, Food and Rural Affairs met."
            ]),
            vec![
                "Ministry of Culture, Sports, and Tourism",
                "Ministry of Agriculture, Food and Rural Affairs"
            ]
        );
        // places after a comma are not portfolios
        assert_eq!(
            orgs(&["The Ministry of Defence, Veldoria and Kesh agreed."]),
            vec!["Ministry of Defence"]
        );
        // a head word alone at a sentence's start, before a common noun, names nothing; in
        // the sentence, or after `The`, it still does
        assert_eq!(
            orgs(&[
                "Rescue crews reached the town. Aid agencies say food is short.",
                "Monday's vote was delayed. The Parliament said it would meet.",
                "Officials from Relief said the convoy left."
            ]),
            vec!["Parliament", "Relief"]
        );
    }

    /// Mentions count under the first name written: an acronym under its definition, and
    /// names that differ only in case or a trailing apostrophe under one.
    #[test]
    fn organisation_mentions_are_counted_under_one_name() {
        let body = vec![
            "The National Water Authority (NWA) said the NWA and NATO agreed.".to_string(),
            "NATO and the NWA met; Hamas and HAMAS’ envoys and the Greenpeace' boat.".to_string(),
        ];
        let doc = Doc::new("", &body);
        let p = people::find(&doc);
        let list = find_orgs(&doc, &p).list;
        assert_eq!(
            list,
            [
                ("National Water Authority".to_string(), 3),
                ("NATO".to_string(), 2),
                ("Hamas".to_string(), 2),
                ("Greenpeace".to_string(), 1),
            ]
        );
        // a company's name with and without its legal form, under the fuller one
        let body = vec![
            "Kesh Steel Corp. said it would appeal, and Kesh Steel shares fell.".to_string(),
            "Veldor Mining said output fell; Veldor Mining Ltd. cut jobs.".to_string(),
        ];
        let doc = Doc::new("", &body);
        let list = find_orgs(&doc, &people::find(&doc)).list;
        assert_eq!(
            list,
            [
                ("Kesh Steel Corp.".to_string(), 2),
                ("Veldor Mining Ltd.".to_string(), 2),
            ]
        );
    }
}
