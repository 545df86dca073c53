//! People: capitalised sequences that a cue makes a person, merged with their later short forms.
//!
//! A candidate is a run of capitalised words (name particles such as `al-`, `bin`, `von der`,
//! `da` allowed inside). Titles at its start (`Russian Interior Minister`, `Crown Prince`) are
//! cut off as the role. A run of two or more name words is a person when a cue says so: a title,
//! a position noun just before it (`spokesperson Ana Ruiz`), a common given name, a speech verb
//! right after it, or an appositive (`, a professor at ...`, `, who ...`). Shorter forms that are a
//! contiguous part of a known full name (`Ruiz`, `von der Lind`) are its aliases.

use super::dates::{DAY_NAMES, MONTH_NAMES, SPELLED_MONTHS_BUT_MAY};
use super::lexicon::{
    self, COUNTRY, GIVEN_NAMES, Gender, ORG, ROLE, WordSet, fold, same_folded, with_folded,
    with_lower,
};
use super::tokens::Kind;
use super::{
    Doc, Ent, Mention, Seg, after_preposition, places, speech_follows, speech_verb_at, voice_after,
};
use crate::record::Person;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Lower-case name particles that may stand inside (or at the start of) a name.
static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "bin", "ibn", "bint", "von", "van", "der", "den", "de", "da", "das", "do", "dos", "del",
        "della", "di", "du", "la", "le", "al", "el", "ter", "ten", "abu", "ould", "zu",
    ])
});

/// Capitalised words that start sentences or clauses and are never part of a name.
static STOP: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "By",
        "To",
        "Of",
        "But",
        "And",
        "Or",
        "If",
        "When",
        "While",
        "As",
        "After",
        "Before",
        "Since",
        "During",
        "Meanwhile",
        "However",
        "Earlier",
        "Later",
        "Last",
        "Next",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "There",
        "Here",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
        "Each",
        "Other",
        "Another",
        "More",
        "Such",
        "Speaking",
        "According",
        "Despite",
        "Among",
        "Across",
        "Under",
        "Over",
        "Between",
        "Prior",
        "Noting",
        "Asked",
        "Not",
        "No",
        "Yes",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Unlike",
        "Like",
        "Without",
        "Within",
        "Neither",
        "Either",
        "Only",
        "Even",
        "Also",
        "Still",
        "Yet",
        "So",
        "Then",
        "Now",
        "Today",
        "Tomorrow",
        "Yesterday",
        "Former",
        "Update",
        "Read",
        "Follow",
        "Contact",
        "Recommended",
        "Source",
        "Editing",
        "Reporting",
        "Writing",
        "Additional",
        "Although",
        "Though",
        "Because",
        "Once",
        "Until",
        "Why",
        "What",
        "Who",
        "How",
        "Where",
        "Which",
        "Whether",
        "Instead",
        "Indeed",
        "Overall",
        "Separately",
        "Elsewhere",
        "Further",
        "Moreover",
        "Besides",
        "Regarding",
        "Following",
        "Amid",
        "Against",
        "Through",
        "Throughout",
        "Around",
        "Above",
        "Below",
        "Beyond",
        "Inside",
        "Outside",
        "Near",
        "Every",
        "Any",
        "Few",
        "Several",
        "Much",
        "Let",
        "Please",
        "Dear",
        "Neighboring",
        "Neighbouring",
        "Analysts",
        "Officials",
        "Authorities",
        "Investors",
        "Economists",
        "Residents",
        "Leaders",
        "Critics",
        "Experts",
        "Sources",
        "Police",
        "Troops",
        "Rebels",
        "Protesters",
        "Chief",
        "Ex",
        "Sunday's",
        "Did",
        "Do",
        "Does",
        "Is",
        "Are",
        "Was",
        "Were",
        "Will",
        "Would",
        "Can",
        "Could",
        "Should",
        "May",
        "Might",
        "Must",
        "Thanks",
        "Just",
        "Very",
        "Well",
        "Oh",
        "Already",
        "Again",
    ])
});

static DATE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let words: Vec<&'static str> = DAY_NAMES
        .iter()
        .chain(&SPELLED_MONTHS_BUT_MAY)
        .chain(&[
            "Jan.",
            "Feb.",
            "Aug.",
            "Sept.",
            "Sep.",
            "Oct.",
            "Nov.",
            "Dec.",
            "Christmas",
            "Easter",
            "Ramadan",
            "Eid",
        ])
        .copied()
        .collect();
    WordSet::new(&words)
});

static SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV", "V"]));

static MALE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "Mr.",
        "Mr",
        "King",
        "Prince",
        "Sheikh",
        "Emir",
        "Sultan",
        "Sir",
        "Lord",
        "Father",
        "Spokesman",
        "Congressman",
        "Chairman",
        "Emperor",
        "Pope",
    ])
});
static FEMALE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "Mrs.",
        "Mrs",
        "Ms.",
        "Ms",
        "Queen",
        "Princess",
        "Dame",
        "Lady",
        "Spokeswoman",
        "Congresswoman",
        "Chairwoman",
        "Sheikha",
    ])
});
static MALE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "spokesman",
        "father",
        "brother",
        "husband",
        "son",
        "king",
        "prince",
        "businessman",
        "chairman",
        "grandfather",
        "widower",
    ])
});
static FEMALE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "spokeswoman",
        "mother",
        "sister",
        "wife",
        "daughter",
        "queen",
        "princess",
        "widow",
        "businesswoman",
        "chairwoman",
        "grandmother",
        "actress",
    ])
});

/// Lower-case words that may stand inside a role before a name (`coast guard spokesperson`).
static ROLE_MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "foreign",
        "policy",
        "deputy",
        "former",
        "senior",
        "chief",
        "coast",
        "guard",
        "presidential",
        "top",
        "acting",
        "vice",
        "interior",
        "defense",
        "defence",
        "energy",
        "economy",
        "finance",
        "trade",
        "health",
        "justice",
        "military",
        "security",
        "national",
        "commodities",
        "oil",
        "state",
        "government",
        "party",
        "opposition",
        "rebel",
        "army",
        "police",
        "his",
        "her",
        "their",
        "its",
        "the",
        "a",
        "an",
        "prime",
        "minister",
        "general",
        "assistant",
        "associate",
        "co",
        "lead",
        "head",
        "regional",
        "local",
        "federal",
        "district",
        "opposition",
        "ruling",
        "veteran",
        "longtime",
        "political",
        "independent",
        "market",
        "research",
        "investment",
        "climate",
        "human",
        "rights",
        "legal",
        "press",
        "media",
        "communications",
        "information",
        "news",
        "agency",
        "ministry",
        "office",
        "union",
        "labor",
        "labour",
        "powerful",
        "then",
        "newly",
        "elected",
        "incoming",
        "outgoing",
        "interim",
    ])
});

/// Words of a department named after a title and `of` (`Secretary of State`).
pub(crate) static DEPARTMENTS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "State",
        "Foreign",
        "Affairs",
        "Defense",
        "Defence",
        "Interior",
        "Finance",
        "Health",
        "Justice",
        "Trade",
        "Commerce",
        "Energy",
        "Economy",
        "Education",
        "Agriculture",
        "Labor",
        "Labour",
        "Transport",
        "Transportation",
        "Homeland",
        "Security",
        "Treasury",
        "Industry",
        "Culture",
        "Environment",
        "Home",
        "Public",
        "Works",
        "Information",
        "Communications",
        "Economic",
        "Development",
        "National",
        "Internal",
        "External",
        "Housing",
        "Veterans",
        // portfolios of ministries and departments the world over (`Minister of Water
        // Resources`, `Secretary of Health and Human Services`)
        "Water",
        "Resources",
        "Natural",
        "Mines",
        "Mining",
        "Petroleum",
        "Oil",
        "Gas",
        "Fisheries",
        "Forestry",
        "Forests",
        "Tourism",
        "Sport",
        "Sports",
        "Youth",
        "Women",
        "Family",
        "Social",
        "Welfare",
        "Planning",
        "Investment",
        "Infrastructure",
        "Urban",
        "Rural",
        "Digital",
        // more portfolios (`for European Affairs and Good Governance Policies`)
        "Governance",
        "Policies",
        "Policy",
        "Transformation",
        "Self-Government",
        "Situations",
        "Minorities",
        "Rights",
        "Pensions",
        "Nutrition",
        "Relief",
        "Returnees",
        "Displaced",
        "Peace",
        "Reconciliation",
        "Unity",
        "Intelligence",
        "Good",
        // `Chief of Staff Admiral Ana Ruiz`
        "Staff",
        "Technology",
        "Science",
        "Higher",
        "Emergency",
        "Emergencies",
        "Employment",
        "Immigration",
        "Migration",
        "Climate",
        "Budget",
        "Telecommunications",
        "Aviation",
        "Maritime",
        "Railways",
        "Power",
        "Electricity",
        "Irrigation",
        "Land",
        "Lands",
        "Food",
        "Livestock",
        "Cooperation",
        "International",
        "European",
        "Integration",
        "Administration",
        "Local",
        "Government",
        "Human",
        "Services",
        "Logistics",
        "Equipment",
        "Blue",
        "Wildlife",
        "Heritage",
        "Arts",
        "Consumer",
        "Protection",
        "Sanitation",
        "Hydrocarbons",
        "Reconstruction",
        "Solidarity",
        "Humanitarian",
        "Disaster",
        "Management",
        "Posts",
        "Ports",
        "Shipping",
        "Marine",
        "Ecology",
        "Innovation",
        "Research",
        "Vocational",
        "Training",
        "Civil",
        "Religious",
        "Endowments",
        "Children",
        "Gender",
        "Equality",
        "Population",
        "Regional",
        "Minerals",
        "Mineral",
        "Coal",
        "Customs",
        "Revenue",
        "Taxation",
        "Statistics",
        "Nuclear",
        "Cooperatives",
        "Reform",
        "Reforms",
        "Media",
        "Diaspora",
        "Expatriates",
        "Abroad",
        "Preparedness",
        "Roads",
        "Highways",
        "Knowledge",
        "Settlement",
        "Settlements",
        "Refugees",
        "Relations",
        "Parliamentary",
        "Legal",
        "Constitutional",
        "Equity",
        "Inclusion",
        "Communities",
        "Enterprise",
        "Enterprises",
        "Industrialisation",
        "Industrialization",
        "Small",
        "Medium",
        // `Minister of Natural Resources, Ecology and Technical Supervision`
        "Ecological",
        "Technical",
        "Supervision",
        "Oversight",
        "Construction",
        "Competition",
        "Sciences",
        "Arts",
        "Medicine",
        "Engineering",
        // `Director of Public Prosecutions Ana Ruiz`
        "Prosecutions",
    ])
});

/// A lower-case word that names a portfolio (`health`, `finance`), as [`DEPARTMENTS`] lists
/// them capitalised.
fn is_portfolio(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|f| {
        let cap: String = f.to_uppercase().chain(c).collect();
        DEPARTMENTS.has(&cap)
    })
}

/// Words before a storm's name.
static STORMS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["Hurricane", "Typhoon", "Cyclone", "Storm", "Depression"]));

/// Nouns for a news outlet, whose name follows them (`the daily Le Monde`).
static MEDIA_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "newspaper",
        "daily",
        "weekly",
        "broadcaster",
        "magazine",
        "tabloid",
        "channel",
        "outlet",
        "paper",
        "website",
        "portal",
        "station",
        "network",
        "publication",
    ])
});

/// Honorifics: titles that say nothing about a position.
static HONORIFICS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Sir", "Dame", "Lady", "Lord",
    ])
});

/// A position noun whatever its case (`Chief Executive`); the `-man` rule is left out because
/// capitalised words in `-man` are mostly names (`Osman`, `Abdulrahman`).
pub fn is_cap_role_noun(w: &str) -> bool {
    if w.chars().all(|c| c.is_lowercase() || c == '-') {
        return is_role_noun(w);
    }
    with_lower(w, |lower| {
        ROLE.nouns.contains(lower) || (lower.ends_with("ologist") && lower.len() > 8)
    })
}

/// A position noun from the list, or an occupation in `-ist` (`economist`, `meteorologist`).
pub fn is_role_noun(w: &str) -> bool {
    let lower = w.chars().all(|c| c.is_lowercase() || c == '-');
    ROLE.nouns.contains(w)
        // spokesman, congresswoman, chairperson, cameraman
        || (lower
            && w.len() > 6
            && (w.ends_with("man") || w.ends_with("woman") || w.ends_with("person"))
            && !matches!(w, "superman" | "caiman"))
        || (w.len() > 5
            && w.ends_with("ist")
            && w.chars().all(|c| c.is_lowercase())
            && !matches!(
                w,
                "exist"
                    | "insist"
                    | "assist"
                    | "resist"
                    | "persist"
                    | "consist"
                    | "twist"
                    | "whilst"
                    | "amidst"
            ))
}

#[inline]
pub fn is_particle(w: &str) -> bool {
    PARTICLES.has(w)
}

fn is_roman(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) || w == "V"
}

fn is_month(w: &str) -> bool {
    MONTH_NAMES.contains(&w)
}

fn is_date_word(w: &str) -> bool {
    DATE_WORDS.has(w)
}

/// A word that can be part of a name: capitalised, or a particle-prefixed form like `al-Hadi`
/// (worked out once per token, in [`mark_names_like`]).
fn namey(seg: &Seg, i: usize) -> bool {
    seg.toks.get(i).is_some_and(|t| t.namey)
}

/// Marks each token of a segment that can be part of a name (`namey`), and each name
/// particle.
pub fn mark_names_like(seg: &mut Seg) {
    let text = seg.text;
    for t in seg.toks.iter_mut() {
        if t.kind == Kind::Word {
            let w = &text[t.start..t.end];
            t.namey = name_like(w, t.cap);
            t.particle = !t.poss && is_particle(w);
        }
    }
}

/// Whether word `w` (which starts with a capital when `cap`) can be part of a name.
fn name_like(w: &str, cap: bool) -> bool {
    if cap {
        // A capital followed by any small letter (`Ana`, `McKay`): a name word.
        let mut n_letters = 0;
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return true;
            }
            n_letters += 1;
        }
        if n_letters <= 1 {
            return true;
        }
        // all capitals: initials (`J.D.`) are name words; dotted country or body short forms
        // (`U.S.`) are not
        let initials = w.contains('.')
            && n_letters <= 3
            && !COUNTRY.has_word(w)
            && !lexicon::KNOWN_ORG_WORDS.contains(w);
        return is_roman(w) || initials;
    }
    // al-Hadi, el-Sheikh, bin-Zayed (a plain loop: words are too short for memchr to pay)
    if let Some(dash) = w.bytes().position(|b| b == b'-') {
        let (pre, rest) = (&w[..dash], &w[dash + 1..]);
        return is_particle(pre) && rest.chars().next().is_some_and(char::is_uppercase);
    }
    false
}

/// Whether token `i` is a particle that leads (through more particles) to a name word.
fn particle_bridge(seg: &Seg, i: usize) -> bool {
    let mut j = i;
    while j < seg.toks.len() && j < i + 3 {
        if seg.toks[j].particle {
            j += 1;
            continue;
        }
        return j > i && namey(seg, j);
    }
    false
}

/// Runs of name-like tokens in a segment, as token ranges.
pub fn runs(seg: &Seg) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let n = seg.toks.len();
    let mut i = 0;
    while i < n {
        if !(namey(seg, i) || particle_bridge(seg, i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            if seg.toks[j].poss {
                j += 1;
                break;
            }
            let k = j + 1;
            if k < n
                && seg.toks[k].start > seg.toks[j].full_end
                && (namey(seg, k) || particle_bridge(seg, k))
            {
                j = k;
            } else if nickname_at(seg, k) && k + 3 < n && namey(seg, k + 3) {
                // `Rosa "Roz" Ortiz`: a nickname between given name and surname
                j = k + 3;
            } else {
                j += 1;
                break;
            }
        }
        out.push((start, j));
        i = j;
    }
    out
}

/// A run read as a possible person.
#[derive(Debug, Clone)]
pub struct Cand {
    pub seg: usize,
    /// First token of the noun phrase (role words and determiners before the name).
    pub np_start: usize,
    pub name_start: usize,
    pub name_end: usize,
    pub titled: bool,
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// Enough cues for a new person (when it has two or more name words).
    pub cued: bool,
    pub negative: bool,
    /// Set off by a description of a person (`, a 24-year-old graduate,`, `, the deputy
    /// governor,`): enough for a name of one word.
    pub described: bool,
}

/// Hyphenated adjectives that end a capitalised run (`State-linked`, `Kesh-backed`).
const HYPHEN_ADJ: &[&str] = &[
    "-linked",
    "-backed",
    "-designed",
    "-built",
    "-made",
    "-brokered",
    "-sponsored",
    "-administered",
    "-occupied",
    "-flagged",
    "-led",
    "-based",
    "-born",
    "-owned",
    "-run",
    "-allied",
    "-aligned",
    "-funded",
    "-controlled",
    "-style",
    "-era",
    "-speaking",
    "-affiliated",
    "-registered",
    "-listed",
    "-headquartered",
];

/// A word that ends in one of [`HYPHEN_ADJ`]. Each of those has one hyphen, at its start, so
/// only the part from the word's last hyphen on needs comparing.
pub(crate) fn hyphen_adjective(w: &str) -> bool {
    w.rfind('-').is_some_and(|i| HYPHEN_ADJ.contains(&&w[i..]))
}

/// The whole text is a country's name or demonym (`Burkina Faso`).
fn is_country_phrase(s: &str) -> bool {
    COUNTRY.is_phrase(s)
}

/// The gender `w` marks, if it is in the list of male or of female words.
fn gender_in(w: &str, male: &WordSet, female: &WordSet) -> Option<Gender> {
    if male.has(w) {
        Some(Gender::Male)
    } else if female.has(w) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn title_gender(w: &str) -> Option<Gender> {
    gender_in(w, &MALE_TITLES, &FEMALE_TITLES)
}

pub(crate) fn noun_gender(w: &str) -> Option<Gender> {
    gender_in(w, &MALE_NOUNS, &FEMALE_NOUNS)
}

/// The appositive after a name: `, a senior analyst at X,` gives (role, is_person_cue).
fn appositive(seg: &Seg, end: usize) -> (Option<String>, bool, bool) {
    if !seg.is_punct(end, ",") {
        return (None, false, false);
    }
    let k = end + 1;
    let w = seg.w(k);
    match w {
        "who" | "whose" => return (None, true, false),
        "which" | "where" | "when" => return (None, false, true),
        _ => {}
    }
    if seg.kind(k) == Some(super::tokens::Kind::Num) && seg.is_punct(k + 1, ",") {
        return (None, true, false);
    }
    // `Ana Ruiz, head of the agency,` / `chief economist at Kesh Bank`: no determiner, but a
    // role noun among the first lower-case words
    // `Ana Ruiz, Kesh's trade minister,`: an owner's possessive stands as a determiner
    let det = matches!(w, "a" | "an" | "the")
        || (seg.is_cap(k)
            && seg.toks.get(k).is_some_and(|t| t.poss)
            && (k + 1..k + 4)
                .take_while(|&t| seg.is_word(t) && !seg.toks[t].poss)
                .any(|t| is_cap_role_noun(seg.w(t))));
    let bare = !det
        && (k..k + 3)
            .take_while(|&t| seg.is_lower(t))
            .any(|t| is_role_noun(seg.w(t)));
    if !det && !bare {
        return (None, false, false);
    }
    // the owner stays in the role (`Kesh's trade minister`), an article does not
    let first = if bare || !matches!(w, "a" | "an" | "the") {
        k
    } else {
        k + 1
    };
    let mut j = k + 1;
    let mut stop = j;
    while stop < seg.toks.len() && stop < k + 14 {
        if seg.is_punct(stop, ",")
            || matches!(seg.w(stop), "who" | "which" | "that" | "whose")
            || seg.is_punct(stop, ".")
            || seg.is_punct(stop, "(")
            || !seg.is_word(stop) && seg.kind(stop) != Some(super::tokens::Kind::Num)
        {
            break;
        }
        stop += 1;
    }
    let mut cue = false;
    while j < stop && j < k + 8 {
        let x = seg.w(j);
        if is_role_noun(x) || x.ends_with("-year-old") {
            cue = true;
            break;
        }
        j += 1;
    }
    // `near Kesh Valley, fire service spokeswoman Ana Ruiz told`: a role noun right before
    // a name opens a new subject, and describes that name, not the one before the comma
    let bare_noun = (k..k + 3)
        .take_while(|&t| seg.is_lower(t))
        .find(|&t| is_role_noun(seg.w(t)));
    let noun_at = if cue { Some(j) } else { bare_noun };
    if noun_at.is_some_and(|n| seg.is_cap(n + 1) && namey(seg, n + 1)) {
        return (None, false, false);
    }
    if cue || bare {
        (Some(seg.span(first, stop).to_string()), true, false)
    } else {
        (None, false, false)
    }
}

/// Where the title stands whose department the run starting at `a` may begin (`Cabinet
/// Secretary for Energy`): `of` or `for` right before the run, or further back when the run
/// starts after `and` (`Minister of Youth and Sports`), with a title before that word.
fn title_before_department(seg: &Seg, a: usize) -> Option<usize> {
    let of_or_for = |i: usize| matches!(seg.w(i), "of" | "for");
    // portfolio words, joined by `and`, `&` or commas (`Science, Technology and Innovation`)
    let portfolio = |i: usize| {
        matches!(seg.w(i), "and" | "&") || seg.is_punct(i, ",") || DEPARTMENTS.has(seg.w(i))
    };
    // `Secretary for the National Treasury`: past the article
    let mut of_at = if a >= 3 && seg.w(a - 1) == "the" && of_or_for(a - 2) {
        a - 1
    } else {
        a
    };
    loop {
        while of_at >= 2 && !of_or_for(of_at - 1) && portfolio(of_at - 1) {
            of_at -= 1;
        }
        if of_at < 2 || !of_or_for(of_at - 1) {
            return None;
        }
        if ROLE.titles.contains(seg.w(of_at - 2)) {
            return Some(of_at - 2);
        }
        // `President of the Russian Academy of Sciences`: the field of a body named before,
        // which is the title's object
        if ORG.heads.contains(seg.w(of_at - 2)) {
            let mut k = of_at - 2;
            while k > 0 && seg.is_cap(k - 1) && !ROLE.titles.contains(seg.w(k - 1)) {
                k -= 1;
            }
            let k = if k >= 1 && seg.w(k - 1) == "the" {
                k - 1
            } else {
                k
            };
            return (k >= 2 && of_or_for(k - 1) && ROLE.titles.contains(seg.w(k - 2)))
                .then(|| k - 2);
        }
        // `Minister of State for Energy`: another portfolio phrase before this one
        if of_at >= 4 && DEPARTMENTS.has(seg.w(of_at - 2)) {
            of_at -= 1;
            continue;
        }
        return None;
    }
}

/// A test of one word.
type WordTest = fn(&str) -> bool;

/// The title whose object begins at run start `a`, and which words of the run belong to that
/// object: departments after `of` or `for` (`Minister of Foreign Affairs Ana Ruiz`), a country
/// after `to` (`Ambassador to Japan Ana Ruiz`).
fn title_before_object(seg: &Seg, a: usize) -> Option<(usize, WordTest)> {
    // `President of the National Assembly Ana Ruiz`: a body's head word ends the object too
    if let Some(title) = title_before_department(seg, a) {
        // ... and a country the body is of (`Governor of the Central Bank of Kenya Ana Ruiz`)
        return Some((title, |w| {
            DEPARTMENTS.has(w) || ORG.heads.contains(w) || COUNTRY.has_word(w)
        }));
    }
    title_before_to(seg, a).map(|title| (title, (|w| COUNTRY.has_word(w)) as WordTest))
}

/// Where the title stands before `to` or `to the` right before run start `a` (`Ambassador to
/// Japan`, `Envoy to the United Nations`).
fn title_before_to(seg: &Seg, a: usize) -> Option<usize> {
    let to = if a >= 1 && seg.w(a - 1) == "the" {
        a - 1
    } else {
        a
    };
    // `Ambassador to Japan`, `Charge d'Affaires in Estonia`
    (to >= 2 && matches!(seg.w(to - 1), "to" | "in") && ROLE.titles.contains(seg.w(to - 2)))
        .then(|| to - 2)
}

/// `Ambassador to the United Nations Ana Ruiz`, `Envoy to NATO Ana Ruiz`: where the known
/// organisation that opens run `(a, b)` ends, when it is the object of a title's `to` and two
/// or more words of the run are left for the name; with the title's place.
fn organisation_after_to(seg: &Seg, a: usize, b: usize) -> Option<(usize, usize)> {
    // the quick test first: a `to` just before the run, or before an acronym that is
    if !(a.saturating_sub(5)..a).any(|t| matches!(seg.w(t), "to" | "in")) {
        return None;
    }
    // an acronym (`UN`) is not name-like, and so stands before the run rather than in it
    let before = (a.saturating_sub(3)..a).find(|&o| {
        places::KNOWN_AC
            .starts_at(seg.text, seg.toks[o].start)
            .is_some_and(|m| m.end() == seg.toks[a - 1].end)
    });
    if let Some(o) = before {
        return title_before_to(seg, o).map(|title| (a, title));
    }
    let title = title_before_to(seg, a)?;
    // ... or a country of more than one word (`Ambassador to Papua New Guinea Lu Wen`)
    let m = places::KNOWN_AC
        .starts_at(seg.text, seg.toks[a].start)
        .or_else(|| COUNTRY.ac.starts_at(seg.text, seg.toks[a].start))?;
    let t = (a + 1..b).find(|&t| seg.toks[t].start >= m.end())?;
    (seg.toks[t - 1].end == m.end() && b - t >= 2).then_some((t, title))
}

/// Reads run `(a, b)` of segment `si` as a candidate.
pub fn read_run(seg: &Seg, si: usize, a: usize, b: usize) -> Option<Cand> {
    let mut s = a;
    // `Oh Se-ri`, `An Ji-hoon`: a Korean family name that is also an English word
    while s < b
        && (STOP.has(seg.w(s)) || is_date_word(seg.w(s)))
        && !(s + 1 < b && lexicon::korean_name(seg.w(s), seg.w(s + 1)))
        // ... and alone before a speech verb (`Oh said`), where no interjection stands
        && !(s + 1 == b
            && lexicon::KOREAN_FAMILY_NAMES.has(seg.w(s))
            && speech_follows(seg, b))
    {
        s += 1;
    }
    // `Secretary of State Ana Ruiz`, `Minister of Foreign Affairs Ana Ruiz`: the department
    // belongs to the title (at `dept_title`) before it.
    let mut dept_title = None;
    if s == a
        && let Some((title, belongs)) = title_before_object(seg, a)
    {
        let mut t = s;
        while t + 2 <= b && belongs(seg.w(t)) {
            t += 1;
        }
        // a country word the name needs is the name's (`Foreign Affairs Georgia Orlov`)
        while t > s && b - t < 2 && COUNTRY.has_word(seg.w(t - 1)) {
            t -= 1;
        }
        // `Vice President of the Russian Academy of Sciences Ana Ruiz`, `President of the Kesh
        // Institute Ana Ruiz`: a body's name, to its last head word and what that is `of`
        if t == s {
            let object = |w: &str| DEPARTMENTS.has(w) || COUNTRY.has_word(w);
            if let Some(h) = (s..b).rev().find(|&h| ORG.heads.contains(seg.w(h))) {
                let mut e = h + 1;
                while e + 1 < b && seg.w(e) == "of" && object(seg.w(e + 1)) {
                    e += 2;
                    while e < b && object(seg.w(e)) {
                        e += 1;
                    }
                }
                if b >= e + 2 {
                    t = e;
                }
            }
        }
        if t > s && b - t >= 2 {
            s = t;
            dept_title = Some(title);
        }
    }
    if s == a
        && dept_title.is_none()
        && let Some((t, title)) = organisation_after_to(seg, a, b)
    {
        s = t;
        dept_title = Some(title);
    }
    if s >= b {
        return None;
    }
    // Titles: everything up to the last title word is the role.
    let mut name_start = s;
    let mut titled = dept_title.is_some();
    let mut gender = None;
    for t in s..b.saturating_sub(1) {
        let w = seg.w(t);
        // `Farmer Ana Ruiz`, `Chief Executive Ana Ruiz`: a capitalised position noun before a
        // name of two or more words
        let sentence_role = (t == s || t + 2 < b) && is_cap_role_noun(w);
        // `Son Se-ri`: a Korean family name, not the noun
        let korean = t + 2 == b && lexicon::korean_name(w, seg.w(t + 1));
        if (ROLE.titles.contains(w) || sentence_role) && !korean {
            name_start = t + 1;
            titled = true;
            gender = gender.or(title_gender(w));
        }
    }
    // A country word or demonym before a longer name belongs to the context
    // (`Congo Anne Mbemba`), not to the name.
    if !titled {
        while name_start + 2 < b
            && (COUNTRY.has_word(seg.w(name_start)) || COUNTRY.is_demonym(seg.w(name_start)))
        {
            name_start += 1;
        }
    }
    // `Minister for the Far East and the Arctic Oleg Varin`, `Minister of State for Displaced
    // Affairs Walid Khalil`: after `the`, `for`, `of` or `and`, words before a given name end
    // a title's portfolio or a place, and do not start the name; the title they end is the role
    let mut title_role = None;
    if name_start > 0
        && matches!(seg.w(name_start - 1), "the" | "The" | "for" | "of" | "and")
        && b >= name_start + 3
        && !with_folded(seg.w(name_start), |f| GIVEN_NAMES.contains_key(f))
        && let Some(k) = (name_start + 1..b - 1)
            .find(|&k| with_folded(seg.w(k), |f| GIVEN_NAMES.contains_key(f)))
    {
        let title = (name_start.saturating_sub(12)..name_start)
            .rev()
            .take_while(|&t| seg.is_word(t) && !seg.toks[t].poss)
            .find(|&t| seg.is_cap(t) && ROLE.titles.contains(seg.w(t)));
        if let Some(mut t) = title {
            // `Deputy Minister`: the titles before it too
            while t > 0 && seg.is_cap(t - 1) && ROLE.titles.contains(seg.w(t - 1)) {
                t -= 1;
            }
            title_role = Some(seg.span(t, k).to_string());
            name_start = k;
        } else if seg.w(name_start - 1) != "and" {
            // ... but with no title, `and` joins names (`Jodian Blake and Kirk Anthony Vance`)
            name_start = k;
        }
    }
    let first = seg.w(name_start);
    // the gender of the given name that opens the name, if it opens with one
    let given = lexicon::with_folded(first, |f| GIVEN_NAMES.get(f).copied());
    // `Peter King`, `Mary Bishop`, `Angela March`: after a given name, a title or a month is
    // a surname.
    let surname_like = b == name_start + 2
        && (ROLE.titles.contains(seg.w(b - 1)) || is_month(seg.w(b - 1)))
        && given.is_some();
    // Trailing date words (`Ana Ruiz Monday`) are not part of a name.
    let mut name_end = b;
    while !surname_like && name_end > name_start && is_date_word(seg.w(name_end - 1)) {
        name_end -= 1;
    }
    if name_end <= name_start {
        return None;
    }
    let name_words = || (name_start..name_end).map(|i| seg.w(i));
    let korean_pair = name_end == name_start + 2
        && lexicon::korean_name(seg.w(name_start), seg.w(name_start + 1));
    let last_word = seg.w(name_end - 1);
    let mut negative = name_end - name_start > 6
        || ORG.places.contains(last_word)
        // `Seattle City Light`, `Kesh County Council`: a place word inside the run
        || (name_start + 1..name_end.saturating_sub(1)).any(|t| ORG.places.contains(seg.w(t)))
        || is_country_phrase(seg.span(name_start, name_end))
        || name_words().take(if surname_like { 1 } else { usize::MAX }).any(|w| {
            ORG.heads.contains(w)
                || hyphen_adjective(w)
                || lexicon::KNOWN_ORG_WORDS.contains(w)
                || is_date_word(w)
                || COUNTRY.is_demonym(w)
                || (STOP.has(w) && !titled && !korean_pair)
                || ROLE.titles.contains(w)
        })
        || name_words().all(|w| COUNTRY.has_word(w) || is_particle(w))
        // `Santiago de Cuba`: a place of the country named after the particle
        || (name_end - name_start >= 3
            && is_particle(seg.w(name_end - 2))
            && COUNTRY.has_word(last_word))
        // `Minister of Inclusion, Social Security and Migration`: portfolios of a list
        || (s == name_start
            && s > 0
            && seg.is_punct(s - 1, ",")
            && name_words().all(|w| DEPARTMENTS.has(w) || ROLE_MODIFIERS.has(w) || w == "and"))
        // `Hosts Morocco, who beat Kesh`, `Holders Senegal`: a team called by its country
        || (name_end == name_start + 2
            && !titled
            && COUNTRY.has_word(last_word)
            && first.ends_with('s')
            && given.is_none())
        // `Inter-Services Public Relations (ISPR)`: a name that defines an acronym is an
        // organisation's, unless a given name opens it
        || (seg.is_punct(name_end, "(")
            && seg.is_punct(name_end + 2, ")")
            && places::is_acronym(seg.w(name_end + 1))
            && given.is_none())
        // `The National Treasury said`, `Public Health Kesh`: a body named by its portfolio
        || (name_end - name_start >= 2
            && !titled
            && name_words().all(|w| DEPARTMENTS.has(w) || COUNTRY.has_word(w))
            && name_words().any(|w| DEPARTMENTS.has(w) && !COUNTRY.has_word(w)))
        // `Hurricane Delia`, `Typhoon Mawar`: a storm
        || (s..name_end).any(|t| STORMS.has(seg.w(t)))
        // `Institute for Fiscal Studies`, `Committee to Protect Journalists`: the rest of an
        // organisation's name
        || (s == name_start && object_of_a_name(seg, s))
        // `newspaper Folha de S.Paulo reported`, `the daily Le Monde`
        // ... and `the anti-corruption watchdog Kesh Watch`, `the energy company Kesh Oil`
        || (s == name_start
            && s > 0
            && seg.is_lower(s - 1)
            && (MEDIA_NOUNS.has(seg.w(s - 1)) || ORG_REF_NOUNS.has(seg.w(s - 1))))
        // `Morgan Stanley said`, `Boko Haram said`: an organisation of the list
        || places::KNOWN_AC
            .starts_at(seg.text, seg.toks[name_start].start)
            .is_some_and(|m| m.end() >= seg.toks[name_end - 1].end);
    // Role words just before the run: `spokesperson Ana Ruiz`, `his Cuban counterpart ...`.
    let mut np_start = s;
    let mut role_noun_before = false;
    let mut role_of_before = None;
    if s == name_start && s > 0 && seg.is_lower(s - 1) && is_role_noun(seg.w(s - 1)) {
        role_noun_before = true;
        gender = gender.or(noun_gender(seg.w(s - 1)));
    } else if s == name_start
        && s > 0
        && seg.is_lower(s - 1)
        && let Some(noun) = role_of_before_name(seg, s - 1)
    {
        // `Kesh's special representative for Arctic development Ana Ruiz`
        role_noun_before = true;
        let phrase = role_phrase_before(seg, noun);
        let from = phrase.as_ptr() as usize - seg.text.as_ptr() as usize;
        role_of_before = seg.text.get(from..seg.toks[s - 1].end).map(str::to_owned);
        gender = gender.or(noun_gender(seg.w(noun)));
    }
    // `the company's chief, Ana Ruiz, said`: a name set off after a position noun.
    let mut role_before_comma = None;
    if s == name_start
        && s >= 2
        && seg.is_punct(s - 1, ",")
        && seg.is_lower(s - 2)
        && is_role_noun(seg.w(s - 2))
    {
        role_noun_before = true;
        role_before_comma = Some(role_phrase_before(seg, s - 2).to_string());
        gender = gender.or(noun_gender(seg.w(s - 2)));
    } else if let Some(noun) = role_of_before_comma(seg, s).filter(|_| s == name_start) {
        // `The chair of the panel, Ana Ruiz, said`, `the minister for humanitarian affairs,`
        role_noun_before = true;
        // from where the noun's phrase starts to the end of what qualifies it
        let phrase = role_phrase_before(seg, noun);
        let from = phrase.as_ptr() as usize - seg.text.as_ptr() as usize;
        role_before_comma = seg.text.get(from..seg.toks[s - 2].end).map(str::to_owned);
        gender = gender.or(noun_gender(seg.w(noun)));
    }
    // `Kesh's Minister of Interior, Ana Ruiz, said`, `the Finance Minister, Ana Ruiz,`: a name
    // set off after a capitalised title, with its portfolio.
    if role_before_comma.is_none() && s == name_start && s >= 2 && seg.is_punct(s - 1, ",") {
        let comma = s - 1;
        let title = if seg.is_cap(comma - 1) && ROLE.titles.contains(seg.w(comma - 1)) {
            Some(comma - 1)
        } else {
            title_before_department(seg, comma)
        };
        if let Some(t) = title.filter(|&t| !HONORIFICS.has(seg.w(t))) {
            let mut a = t;
            while a > 0
                && seg.is_cap(a - 1)
                && !seg.toks[a - 1].poss
                && !matches!(seg.w(a - 1), "The" | "A" | "An")
            {
                a -= 1;
            }
            role_noun_before = true;
            role_before_comma = Some(seg.span(a, comma).to_string());
            gender = gender.or(title_gender(seg.w(t)));
        }
    }
    // `Uzbek Minister of Water Resources Ana Ruiz`: the title and `of` are part of the role.
    if let Some(title) = dept_title {
        np_start = title;
    }
    // Walk back over the role phrase to find where the noun phrase starts.
    while np_start > 0 {
        let p = np_start - 1;
        let w = seg.w(p);
        let ok = seg.is_word(p)
            && !seg.toks[p].poss
            && (seg.is_cap(p) && !STOP.has(w) && !is_particle(w)
                || ROLE.nouns.contains(w)
                || ROLE_MODIFIERS.has(w));
        let is_det = matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its");
        if !ok {
            break;
        }
        np_start = p;
        if is_det {
            break;
        }
    }
    let role_text = if np_start < name_start {
        let mut a = np_start;
        while a < name_start
            && matches!(
                seg.w(a),
                "the" | "The" | "his" | "her" | "their" | "its" | "a" | "an"
            )
        {
            a += 1;
        }
        let has_role = (a..name_start).any(|t| {
            let w = seg.w(t);
            (ROLE.titles.contains(w) && !HONORIFICS.has(w)) || is_cap_role_noun(w)
        });
        has_role.then(|| seg.span(a, name_start).to_string())
    } else {
        role_before_comma.or(role_of_before)
    }
    .or(title_role);
    if gender.is_none() {
        gender = given;
    }
    let (app_role, mut app_cue, app_neg) = appositive(seg, name_end);
    // the description's last word is a position noun, or it gives an age
    // ... or `Sudarmo, who chairs the forum, said`: a relative clause for a person, then
    // a speech verb
    let described = app_role
        .as_deref()
        .is_some_and(|r| r.rsplit(' ').next().is_some_and(is_role_noun) || r.contains("-year-old"))
        || (seg.is_punct(name_end, ",")
            && seg.w(name_end + 1) == "who"
            && !seg.toks[name_end - 1].poss
            // not the portfolio of a title (`the Minister of Youth and Sport, who`), nor a place
            // (`a survivor from Darfur, who`)
            && !(name_start > 0
                && matches!(seg.w(name_start - 1), "of" | "and" | "for" | "from" | "in"))
            && speech_follows(seg, name_end));
    // `Ana Ruiz, reporting from Kesh, said`: a parenthetical, then a speech verb
    if !app_neg && seg.is_punct(name_end, ",") {
        let mut t = name_end + 1;
        while t < seg.toks.len()
            && t < name_end + 16
            && !seg.is_punct(t, ",")
            && !seg.is_punct(t, ".")
        {
            t += 1;
        }
        if t > name_end + 1 && seg.is_punct(t, ",") && speech_follows(seg, t + 1) {
            app_cue = true;
        }
    }
    // `Ana Ruiz of the Kesh Institute`: a person speaking for an organisation
    if seg.is_word(name_end) && seg.w(name_end) == "of" {
        let mut t = name_end + 1;
        if matches!(seg.w(t), "the" | "The") {
            t += 1;
        }
        let mut heads = false;
        while t < seg.toks.len()
            && t < name_end + 9
            && (seg.is_cap(t) || matches!(seg.w(t), "of" | "for" | "and"))
        {
            heads |= ORG.heads.contains(seg.w(t));
            t += 1;
        }
        app_cue |= heads;
    }
    if app_neg {
        negative = true;
    }
    let said_before = s > 0
        && seg.is_word(s - 1)
        && matches!(
            seg.w(s - 1),
            "said" | "says" | "added" | "wrote" | "noted" | "asked"
        );
    // `the statement quoted Ruiz as saying`
    let quoted_as = s > 0 && seg.w(s - 1) == "quoted" && super::as_saying(seg, name_end);
    let named_as = super::named_as(seg, s);
    let speech_after = !seg.toks[name_end - 1].poss && speech_follows(seg, name_end);
    // `Boxill, dropped twice in the nineties, raised his bat`: the subject that opens the
    // sentence owns the `his` or `her` later in it, before any other name
    // (a scan of the sentence, so asked last, for runs no other cue names)
    let owns_pronoun = || {
        s == name_start
            && seg.opens_sentence(s)
            && !seg.toks[name_end - 1].poss
            && name_end - name_start <= 3
            && {
                let sent = seg.toks[s].sent;
                (name_end..(name_end + 25).min(seg.toks.len()))
                    .take_while(|&t| {
                        seg.toks[t].sent == sent && !seg.toks[t].quoted && !namey(seg, t)
                    })
                    .any(|t| {
                        matches!(seg.w(t), "his" | "her")
                            && seg.is_lower(t + 1)
                            && !super::PREPOSITIONS.has(seg.w(t + 1))
                            && !matches!(seg.w(t + 1), "and" | "or" | "that" | "as")
                    })
            }
    };
    // A speech verb alone is a weak cue after `and`/`of` (`Immigration and Customs Enforcement said`).
    let coordinated = s > 0 && seg.is_word(s - 1) && matches!(seg.w(s - 1), "and" | "of" | "&");
    let strong = titled || role_noun_before || app_cue;
    if ORG.places.contains(first) && !strong {
        negative = true;
    }
    // `PT Kesh Logam`: an Indonesian company's form before the name
    if s == name_start && s > 0 && seg.w(s - 1) == "PT" {
        negative = true;
    }
    // `the Santa Bárbara Chica mine`, `San Miguel Los Lotes`: a place named after a saint
    let saint = |t: usize| {
        matches!(
            seg.w(t),
            "San" | "Santa" | "Santo" | "São" | "Sao" | "Saint" | "Sainte" | "St." | "Ste."
        )
    };
    if saint(name_start) || (name_start > 0 && saint(name_start - 1)) {
        negative = true;
    }
    let cued = strong
        || given.is_some()
        || korean_pair
        || said_before
        || quoted_as
        || named_as
        || (speech_after && !coordinated)
        || owns_pronoun();
    let role = role_text.or(app_role);
    Some(Cand {
        seg: si,
        np_start,
        name_start,
        name_end,
        titled,
        role,
        gender,
        cued,
        negative,
        described: described || named_as,
    })
}

/// The role phrase that ends with the role noun at `noun`, set off before a name by a comma:
/// `Peru's mining minister, Ana Ruiz` gives `Peru's mining minister`, `the bank's chief
/// economist, Ana Ruiz` gives `chief economist`. The lower-case words before the noun belong
/// to it only when a possessive or a determiner closes the phrase within three words; a named
/// possessor (`Peru's`) is kept. Anything else gives the noun alone.
fn role_phrase_before<'a>(seg: &Seg<'a>, noun: usize) -> &'a str {
    for a in (noun.saturating_sub(3)..noun).rev() {
        let w = seg.w(a);
        let t = &seg.toks[a];
        if t.kind == Kind::Word && t.poss {
            let start = if t.cap { a } else { a + 1 };
            return seg.span(start, noun + 1);
        }
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its") {
            return seg.span(a + 1, noun + 1);
        }
        if !seg.is_lower(a) {
            break;
        }
    }
    seg.w(noun)
}

/// Whether run start `s` follows `for`, `to` or `of` after an organisation's head word, or
/// `for` or `to` after another capitalised word inside a sentence (`Solidarity for
/// Participatory Democracy`): words of one name.
fn object_of_a_name(seg: &Seg, s: usize) -> bool {
    if s < 2 || !seg.is_cap(s - 2) {
        return false;
    }
    let head = seg.w(s - 2);
    match seg.w(s - 1) {
        "of" | "on" => ORG.heads.contains(head),
        "for" | "to" => {
            ORG.heads.contains(head)
                || (!seg.opens_sentence(s - 2)
                    && !ROLE.titles.contains(head)
                    && !seg.toks[s - 2].poss
                    && !COUNTRY.has_word(head))
        }
        _ => false,
    }
}

/// `The chair of the panel, Ana Ruiz,`: the position noun that a phrase of `of`, `for` or
/// `at` qualifies right before the comma before run start `s` (lower-case words, the
/// article and capitalised names only).
fn role_of_before_comma(seg: &Seg, s: usize) -> Option<usize> {
    if s < 4 || !seg.is_punct(s - 1, ",") {
        return None;
    }
    role_of_before_name(seg, s - 2)
}

/// The position noun that a phrase of `of`, `for` or `at` ending at token `last` qualifies:
/// `representative for Arctic development`, `chair of the panel`.
fn role_of_before_name(seg: &Seg, last: usize) -> Option<usize> {
    let mut t = last;
    while t > 0 && last - t < 6 {
        let w = seg.w(t);
        if !seg.is_word(t) || seg.toks[t].poss {
            return None;
        }
        // `envoy for the Horn of Africa`: an `of` inside the phrase's object walks on
        if matches!(w, "of" | "for" | "at") {
            let noun = t - 1;
            if t < last && seg.is_lower(noun) && is_role_noun(seg.w(noun)) {
                return Some(noun);
            }
            if w != "of" || !seg.is_cap(noun) {
                return None;
            }
            t -= 1;
            continue;
        }
        // `a mother of five displaced from Kesh`: a verb or another preposition ends the phrase
        if seg.is_lower(t) && (super::PREPOSITIONS.has(w) || w.ends_with("ed")) {
            return None;
        }
        t -= 1;
    }
    None
}

/// The folded name words of a document, each stored once and known by its number, so that
/// keys are short lists of numbers: cheap to build, hash and compare.
#[derive(Default)]
struct Words {
    ids: HashMap<String, u32>,
    /// Per word number: the word is a particle (`al`, `de`, `bin`).
    particle: Vec<bool>,
}

impl Words {
    fn id(&mut self, w: &str) -> u32 {
        with_folded(w, |f| {
            if let Some(&id) = self.ids.get(f) {
                return id;
            }
            let id = self.particle.len() as u32;
            self.ids.insert(f.to_owned(), id);
            self.particle.push(is_particle(f));
            id
        })
    }
}

/// Folded name words without generational suffixes: the key for matching forms of a name,
/// appended to `out`.
fn key_words(seg: &Seg, a: usize, b: usize, words: &mut Words, out: &mut Vec<u32>) {
    out.extend(
        (a..b)
            .filter(|&i| !in_nickname(seg, i))
            .map(|i| seg.w(i))
            .filter(|w| !SUFFIXES.has(w) || is_roman(w))
            .map(|w| words.id(w)),
    );
}

fn name_word_count(seg: &Seg, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| {
            !in_nickname(seg, i)
                && !is_particle(seg.w(i))
                && (!SUFFIXES.has(seg.w(i)) || is_roman(seg.w(i)))
        })
        .count()
}

/// Whether a nickname in quotation marks starts at token `k`: a mark, one capitalised word,
/// a mark, each set off by a space from the words around (`Rosa "Roz" Ortiz`).
fn nickname_at(seg: &Seg, k: usize) -> bool {
    let toks = &seg.toks;
    k >= 1
        && k + 3 < toks.len()
        && toks[k].kind == Kind::DQuote
        && toks[k + 2].kind == Kind::DQuote
        && seg.is_cap(k + 1)
        && toks[k].start > toks[k - 1].full_end
        && toks[k + 1].start == toks[k].full_end
        && toks[k + 2].start == toks[k + 1].full_end
        && toks[k + 3].start > toks[k + 2].full_end
}

/// Whether token `i` is a mark or the word of a nickname inside a name.
fn in_nickname(seg: &Seg, i: usize) -> bool {
    seg.toks[i].kind == Kind::DQuote || (i > 0 && nickname_at(seg, i - 1))
}

/// Whether `part` stands contiguously inside `whole`; where (index) if so.
fn sub_position(part: &[u32], whole: &[u32]) -> Option<usize> {
    if part.is_empty() || part.len() > whole.len() {
        return None;
    }
    (0..=whole.len() - part.len()).find(|&i| whole[i..i + part.len()] == *part)
}

#[derive(Debug, Clone)]
pub struct PersonEnt {
    pub name: String,
    /// Folded name words, by number (`Words`).
    key: Vec<u32>,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: u32,
    pub gender: Option<Gender>,
    /// Lower-case words of the roles, for `the minister` and the like.
    pub role_words: Vec<String>,
    /// The head (last) word of each role, folded.
    pub role_heads: Vec<String>,
}

impl PersonEnt {
    fn new(name: String, key: &[u32], gender: Option<Gender>) -> PersonEnt {
        PersonEnt {
            name,
            key: key.to_vec(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: 0,
            gender,
            role_words: Vec::new(),
            role_heads: Vec::new(),
        }
    }
}

pub struct People {
    pub list: Vec<PersonEnt>,
    pub mentions: Vec<Mention>,
    /// Per token, segment after segment: part of a person's name.
    name_flags: Vec<bool>,
    /// Where each segment's tokens start in `name_flags`.
    seg_starts: Vec<usize>,
}

impl People {
    /// Per token of segment `si`: part of a person's name.
    pub fn name_tokens(&self, si: usize) -> &[bool] {
        let start = self.seg_starts.get(si).copied().unwrap_or(0);
        let end = self
            .seg_starts
            .get(si + 1)
            .copied()
            .unwrap_or(self.name_flags.len());
        self.name_flags.get(start..end).unwrap_or(&[])
    }

    pub fn to_records(&self) -> Vec<Person> {
        self.list
            .iter()
            .filter(|p| p.mentions > 0)
            .map(|p| Person {
                name: p.name.clone(),
                aliases: p.aliases.clone(),
                roles: p.roles.clone(),
                mentions: p.mentions,
            })
            .collect()
    }
}

/// Abbreviated titles spelled out, so `the governor` finds `Gov. Ana Ruiz`.
fn unabbreviate(w: &str) -> &str {
    match w {
        "gov." | "gov" => "governor",
        "sen." | "sen" => "senator",
        "rep." | "rep" => "representative",
        "gen." | "gen" => "general",
        "lt." => "lieutenant",
        "col." => "colonel",
        "capt." => "captain",
        "adm." => "admiral",
        "prof." => "professor",
        "dr." | "dr" => "doctor",
        "sgt." => "sergeant",
        _ => w,
    }
}

/// Adds `role` to `p`'s roles, with its head word and its words, folded; a word is copied
/// only when it is new to the person.
fn add_role(p: &mut PersonEnt, role: &Option<String>) {
    let Some(r) = role else { return };
    let r = r.trim().trim_end_matches(',').trim();
    if r.is_empty() || p.roles.iter().any(|x| same_folded(x, r)) || p.roles.len() >= 8 {
        return;
    }
    p.roles.push(r.to_string());
    if let Some(h) = r
        .split(" of ")
        .next()
        .and_then(|h| h.split_whitespace().last())
    {
        with_folded(h, |f| {
            let head = unabbreviate(f);
            if !head.is_empty() && !p.role_heads.iter().any(|x| x == head) {
                p.role_heads.push(head.to_owned());
            }
        });
    }
    for w in r.split_whitespace() {
        with_folded(w, |f| {
            let w = unabbreviate(f).trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            // `kesh's`: the owner's word, for the country a role names
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            if !w.is_empty() && !p.role_words.iter().any(|x| x == w) {
                p.role_words.push(w.to_owned());
            }
        });
    }
}

/// `eight others: Romario Kesh, Tashana Lind and Andre Vance`: names listed with a person
/// (joined by commas and `and`) are people too, when each is a plain name of two to four
/// capitalised words, none of them a body's head word or a country's.
fn cue_lists(doc: &Doc, cands: &mut [Cand]) {
    let plain = |c: &Cand| {
        let seg = &doc.segs[c.seg];
        !c.negative
            && c.np_start == c.name_start
            && (2..=4).contains(&(c.name_end - c.name_start))
            && !seg.toks[c.name_end - 1].poss
            && (c.name_start..c.name_end).all(|t| {
                seg.is_cap(t) && !ORG.heads.contains(seg.w(t)) && !COUNTRY.has_word(seg.w(t))
            })
    };
    let joined = |a: &Cand, b: &Cand| {
        let seg = &doc.segs[a.seg];
        a.seg == b.seg
            && match b.np_start.checked_sub(a.name_end) {
                Some(1) => seg.is_punct(a.name_end, ",") || seg.w(a.name_end) == "and",
                Some(2) => seg.is_punct(a.name_end, ",") && seg.w(a.name_end + 1) == "and",
                _ => false,
            }
    };
    // forwards, then backwards, so that one person cues a whole list
    for i in 1..cands.len() {
        let (a, b) = (&cands[i - 1], &cands[i]);
        if a.cued && !a.negative && !b.cued && plain(b) && joined(a, b) {
            cands[i].cued = true;
        }
    }
    for i in (1..cands.len()).rev() {
        let (a, b) = (&cands[i - 1], &cands[i]);
        if b.cued && !b.negative && !a.cued && plain(a) && joined(a, b) {
            cands[i - 1].cued = true;
        }
    }
}

/// Finds the people of a document.
pub fn find(doc: &Doc) -> People {
    // Every segment's candidates in one list, in document order.
    let mut cands: Vec<Cand> = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate() {
        for (a, b) in seg.runs.iter().copied() {
            if b - a > 12 {
                continue;
            }
            if let Some(c) = read_run(seg, si, a, b) {
                cands.push(c);
            }
        }
    }
    cue_lists(doc, &mut cands);
    let mut list: Vec<PersonEnt> = Vec::new();
    // Index: folded word -> people whose key holds it (bounded lists keep lookups cheap).
    let mut index: HashMap<u32, Vec<usize>> = HashMap::default();
    // Each candidate's key, made once for both passes: all keys in one list, and each
    // candidate's range of it.
    let mut words = Words::default();
    let mut key_pool: Vec<u32> = Vec::new();
    let key_ranges: Vec<(usize, usize)> = cands
        .iter()
        .map(|c| {
            let start = key_pool.len();
            key_words(
                &doc.segs[c.seg],
                c.name_start,
                c.name_end,
                &mut words,
                &mut key_pool,
            );
            (start, key_pool.len())
        })
        .collect();
    let keyed = || {
        cands
            .iter()
            .zip(&key_ranges)
            .map(|(c, &(a, b))| (c, &key_pool[a..b]))
    };
    // Names of two words or more that some mention shows are no person's (`domestic carrier
    // Kesh Air Link`): the same name cued elsewhere (`Kesh Air Link said`) is not one either,
    // unless a title stands before it
    let not_people: HashSet<&[u32]> = keyed()
        .filter(|(c, key)| c.negative && key.len() >= 2)
        .map(|(_, key)| key)
        .collect();
    // Pass 1: full names from the body (the headline only confirms names).
    for (c, key) in keyed().filter(|(c, _)| c.seg > 0) {
        let seg = &doc.segs[c.seg];
        let words = name_word_count(seg, c.name_start, c.name_end);
        let roman = c.name_end - c.name_start == 2 && is_roman(seg.w(c.name_end - 1));
        if c.negative || !c.cued || (words < 2 && !roman) {
            continue;
        }
        if !c.titled && not_people.contains(key) {
            continue;
        }
        let surface = || seg.span(c.name_start, c.name_end).to_string();
        let found = key.first().and_then(|k0| {
            index.get(k0).and_then(|ids| {
                ids.iter().copied().find(|&id| {
                    sub_position(key, &list[id].key).is_some()
                        || sub_position(&list[id].key, key).is_some()
                })
            })
        });
        let found = found.or_else(|| {
            key.last().and_then(|kl| {
                index.get(kl).and_then(|ids| {
                    ids.iter()
                        .copied()
                        .find(|&id| sub_position(&list[id].key, key).is_some())
                })
            })
        });
        let id = match found {
            Some(id) => {
                if key.len() > list[id].key.len() {
                    let old = std::mem::replace(&mut list[id].name, surface());
                    list[id].key = key.to_vec();
                    if !list[id].aliases.contains(&old) {
                        list[id].aliases.push(old);
                    }
                }
                id
            }
            None => {
                list.push(PersonEnt::new(surface(), key, None));
                list.len() - 1
            }
        };
        for k in key {
            let e = index.entry(*k).or_default();
            if !e.contains(&id) && e.len() < 32 {
                e.push(id);
            }
        }
        if list[id].gender.is_none() {
            list[id].gender = c.gender;
        }
    }
    // Pass 1b: `Dale Orbach walked his fields ... said Orbach, a grower`: a full name with no
    // cue of its own is a person when its last word alone, with a cue, names nobody else.
    let cued_surnames: Vec<u32> = keyed()
        .filter(|(c, key)| c.seg > 0 && c.cued && !c.negative && key.len() == 1)
        .map(|(_, key)| key[0])
        .filter(|k| !index.contains_key(k))
        .collect();
    if !cued_surnames.is_empty() {
        for (c, key) in keyed().filter(|(c, _)| c.seg > 0) {
            let seg = &doc.segs[c.seg];
            let n = name_word_count(seg, c.name_start, c.name_end);
            // the last word, or any word after the first (`Yuliana Cárcamo Restrepo` ... `Cárcamo
            // said`: a first surname of two)
            let Some(surname) = key.iter().skip(1).rev().find(|k| cued_surnames.contains(k)) else {
                continue;
            };
            if c.cued || c.negative || !(2..=3).contains(&n) || index.contains_key(surname) {
                continue;
            }
            list.push(PersonEnt::new(
                seg.span(c.name_start, c.name_end).to_string(),
                key,
                c.gender,
            ));
            let id = list.len() - 1;
            for k in key {
                index.entry(*k).or_default().push(id);
            }
        }
    }
    // Pass 2: every run in document order becomes a mention of a person, if it names one.
    let mut mentions = Vec::new();
    let mut seg_starts = Vec::with_capacity(doc.segs.len());
    let mut n_toks = 0;
    for seg in &doc.segs {
        seg_starts.push(n_toks);
        n_toks += seg.toks.len();
    }
    let mut name_flags = vec![false; n_toks];
    let mut last_seen: Vec<(usize, usize)> = vec![(0, 0); list.len()];
    for (c, key) in keyed() {
        let seg = &doc.segs[c.seg];
        if key.is_empty() || key.iter().all(|&k| words.particle[k as usize]) {
            continue;
        }
        let single = key.len() == 1;
        // a country's name alone is the country, unless it is the surname of a person of the
        // text and stands as a name does (`Montenegro said`, not `in Montenegro`)
        let surname_only = single && COUNTRY.has_word(seg.w(c.name_start)) && !c.titled;
        if surname_only
            && (after_preposition(seg, c.np_start)
                || c.np_start > 0 && matches!(seg.w(c.np_start - 1), "the" | "The")
                || !index.get(&key[0]).is_some_and(|ids| {
                    ids.iter()
                        .any(|&id| list[id].key.len() > 1 && list[id].key.last() == key.last())
                }))
        {
            continue;
        }
        let mut best: Option<(usize, (u8, usize, usize))> = None;
        let probe = key[key.len() - 1];
        if let Some(ids) = index.get(&key[0]).or_else(|| index.get(&probe)) {
            for &id in ids {
                if let Some(pos) = sub_position(key, &list[id].key) {
                    let ends = (pos + key.len() == list[id].key.len()) as u8;
                    let score = (ends, last_seen[id].0, last_seen[id].1);
                    if best.is_none_or(|(_, b)| score > b) {
                        best = Some((id, score));
                    }
                }
            }
        }
        let id = match best {
            Some((id, _)) => id,
            None => {
                // A lone name after a title (`President Ana`) is a person of its own.
                if !((c.titled || c.described) && single && !c.negative && c.seg > 0) {
                    continue;
                }
                let surface = seg.span(c.name_start, c.name_end).to_string();
                list.push(PersonEnt::new(surface, key, c.gender));
                last_seen.push((0, 0));
                let id = list.len() - 1;
                index.entry(key[0]).or_default().push(id);
                id
            }
        };
        let surface = seg.span(c.name_start, c.name_end);
        let p = &mut list[id];
        p.mentions += 1;
        if !same_folded(surface, &p.name) && !p.aliases.iter().any(|a| same_folded(a, surface)) {
            p.aliases.push(surface.to_owned());
        }
        if p.gender.is_none() {
            p.gender = c.gender;
        }
        add_role(p, &c.role);
        last_seen[id] = (c.seg, c.name_start);
        let base = seg_starts[c.seg];
        for flag in &mut name_flags[base + c.name_start..base + c.name_end] {
            *flag = true;
        }
        let end = c.name_end;
        mentions.push(Mention {
            seg: c.seg,
            np_start: c.np_start,
            start: c.name_start,
            end,
            ent: Ent::Person(id),
            prep: after_preposition(seg, c.np_start),
            poss: seg.toks[end - 1].poss,
            speech_after: !seg.toks[end - 1].poss && speech_follows(seg, end),
        });
    }
    // An alias that is the full name's own first word but also the start of the name is fine;
    // drop aliases that merely repeat the name.
    for p in &mut list {
        let name = &p.name;
        p.aliases.retain(|a| !same_folded(a, name));
    }
    People {
        list,
        mentions,
        name_flags,
        seg_starts,
    }
}

/// Nouns that refer back to the organisation last named.
pub(crate) static ORG_REF_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    const BODIES: &[&str] = &[
        "group",
        "organization",
        "organisation",
        "agency",
        "ministry",
        "bloc",
        "alliance",
        "coalition",
        "cartel",
        "council",
        "commission",
        "union",
        "bank",
        "court",
        "embassy",
        "party",
        "federation",
        "committee",
        "association",
        "authority",
        "foundation",
        "institute",
        "tribunal",
        "board",
        "lender",
        "bourse",
        "watchdog",
        "regulator",
        "police",
        "hospital",
        "university",
    ];
    BODIES.iter().chain(TRADE_NOUNS).copied().collect()
});

/// Bodies of a government that a demonym names (`the Chinese embassy`).
const STATE_BODIES: &[&str] = &["ministry", "embassy", "consulate"];

/// Nouns of a trade that stand for the company last named (`the carmaker said`).
pub(crate) const TRADE_NOUNS: &[&str] = &[
    "company",
    "firm",
    "carmaker",
    "automaker",
    "chipmaker",
    "drugmaker",
    "insurer",
    "retailer",
    "airline",
    "carrier",
    "publisher",
    "operator",
    "utility",
    "conglomerate",
];

/// Pronouns (`he`, `she`) and definite role phrases (`the minister`, `the group`).
pub fn pronouns_and_roles(doc: &Doc) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate() {
        let n = seg.toks.len();
        for (i, t) in seg.toks.iter().enumerate() {
            // every word this pass starts from is short: `he`, `she`, `him`, `her`, `the`
            if t.kind != Kind::Word || t.end - t.start > 3 {
                continue;
            }
            let w = seg.w(i);
            let according = || {
                i >= 2 && seg.w(i - 1) == "to" && matches!(seg.w(i - 2), "according" | "According")
            };
            // `In his words, "..."`, `In her view, ...`: the owner of the words speaks
            let in_words = || {
                i >= 1
                    && matches!(seg.w(i - 1), "in" | "In")
                    && matches!(seg.w(i + 1), "words" | "view" | "opinion")
            };
            let pron = match w {
                "he" | "He" => Some(Gender::Male),
                "she" | "She" => Some(Gender::Female),
                "him" if according() => Some(Gender::Male),
                "her" if according() || in_words() => Some(Gender::Female),
                "his" if in_words() => Some(Gender::Male),
                _ => None,
            };
            if let Some(g) = pron {
                out.push(Mention {
                    seg: si,
                    np_start: i,
                    start: i,
                    end: i + 1,
                    ent: Ent::Pronoun(Some(g)),
                    prep: false,
                    poss: false,
                    speech_after: speech_follows(seg, i + 1),
                });
                continue;
            }
            // `"...," it said in a statement`: the organisation or country last speaking
            if matches!(w, "it" | "It") && speech_follows(seg, i + 1) {
                out.push(Mention {
                    seg: si,
                    np_start: i,
                    start: i,
                    end: i + 1,
                    ent: Ent::It,
                    prep: false,
                    poss: false,
                    speech_after: true,
                });
                continue;
            }
            if !matches!(w, "the" | "The" | "his" | "His" | "her" | "Her") {
                continue;
            }
            // `"...," the 63-year-old said`: the person the text was about, as `he` or `she`
            if seg.w(i + 1).ends_with("-year-old") && speech_follows(seg, i + 2) {
                out.push(Mention {
                    seg: si,
                    np_start: i,
                    start: i,
                    end: i + 2,
                    ent: Ent::Pronoun(None),
                    prep: after_preposition(seg, i),
                    poss: false,
                    speech_after: true,
                });
                continue;
            }
            let after_comma = i > 0 && seg.is_punct(i - 1, ",");
            // the [Demonym|modifier]{0,3} NOUN
            let mut demonym = None;
            // where a demonym stands in the phrase (`the Chinese embassy`)
            let mut demonym_at = None;
            let mut j = i + 1;
            let mut last = i + 4;
            while j < n && j <= last {
                let x = seg.w(j);
                // `the 61-year-old former central bank governor`: an age before the phrase
                if j == i + 1 && x.ends_with("-year-old") {
                    last += 1;
                    j += 1;
                    continue;
                }
                if !seg.is_word(j) {
                    break;
                }
                // `the company's press service said`: the company speaks through it
                let voice = voice_after(seg, j + 1).filter(|_| seg.toks[j].poss);
                if seg.toks[j].poss && voice.is_none() {
                    break;
                }
                // `the coast guard said`: a service named by its compound (a `guard` alone is
                // a person)
                let guard = x == "guard" && j > i + 1 && matches!(seg.w(j - 1), "coast" | "border");
                if (guard || with_lower(x, |l| ORG_REF_NOUNS.has(l))) && !namey(seg, j + 1) {
                    // `the central bank chief`: the noun qualifies a role noun after it
                    if voice.is_none() && seg.is_lower(j + 1) && is_role_noun(seg.w(j + 1)) {
                        j += 1;
                        continue;
                    }
                    if !seg.is_word(j + 1) || seg.w(j + 1) != "of" {
                        // `the Chinese embassy`, `the Ethiopian foreign ministry`: a
                        // government's own body, named by the phrase
                        let ent = match demonym_at {
                            Some(d) if seg.is_lower(j) && STATE_BODIES.contains(&x) => {
                                Ent::Name(seg.span(d, j + 1).to_string())
                            }
                            _ => Ent::OrgRef(x.to_lowercase()),
                        };
                        out.push(Mention {
                            seg: si,
                            np_start: i,
                            start: i,
                            end: j + 1,
                            ent,
                            prep: after_preposition(seg, i),
                            poss: false,
                            speech_after: speech_follows(seg, voice.unwrap_or(j + 1)),
                        });
                    }
                    break;
                }
                if voice.is_some() {
                    break;
                }
                if is_cap_role_noun(x) {
                    let next_of = seg.is_word(j + 1) && seg.w(j + 1) == "of";
                    // `the deputy minister`: a role noun before another qualifies it
                    if !next_of
                        && !namey(seg, j + 1)
                        && seg.is_word(j + 1)
                        && ROLE.nouns.contains(seg.w(j + 1))
                    {
                        j += 1;
                        continue;
                    }
                    let next_name = namey(seg, j + 1) || ROLE.nouns.contains(seg.w(j + 1));
                    // `the head of the federation noted`: the noun and what it is of speak
                    let of_speaks = next_of && !after_comma && {
                        let k = j + 2 + usize::from(matches!(seg.w(j + 2), "the" | "its"));
                        (k + 1..k + 4)
                            .take_while(|&e| seg.is_word(e - 1) && !seg.toks[e - 1].poss)
                            .any(|e| speech_verb_at(seg, e))
                    };
                    let plain =
                        !next_of && !next_name && (!after_comma || speech_follows(seg, j + 1));
                    if of_speaks || plain {
                        out.push(Mention {
                            seg: si,
                            np_start: i,
                            start: i,
                            end: j + 1,
                            ent: Ent::Role {
                                noun: x.to_lowercase(),
                                demonym: demonym.clone(),
                            },
                            prep: after_preposition(seg, i),
                            poss: false,
                            speech_after: of_speaks || speech_follows(seg, j + 1),
                        });
                    }
                    break;
                }
                if COUNTRY.is_demonym(x) || COUNTRY.has_word(x) {
                    demonym = Some(fold(x));
                    if demonym_at.is_none() && COUNTRY.is_demonym(x) {
                        demonym_at = Some(j);
                    }
                } else if demonym.is_none() && ROLE_MODIFIERS.has(x) && is_portfolio(x) {
                    // `the health minister`: the portfolio tells ministers apart as a
                    // demonym does
                    demonym = Some(x.to_owned());
                } else if seg.is_cap(j) {
                    // `the European Commission president` is fine, `the Daily Mail` is not a role
                } else if !ROLE_MODIFIERS.has(x) && !x.ends_with("al") && !x.ends_with("ic") {
                    break;
                }
                j += 1;
            }
        }
    }
    out
}

/// Whether a mention of `sorted` (ordered by segment and start) overlaps tokens `[a, b)`.
fn overlaps(sorted: &[Mention], si: usize, a: usize, b: usize) -> bool {
    // mentions are short, so only those starting a few tokens before `a` can reach into it
    let lo = sorted.partition_point(|m| (m.seg, m.start) < (si, a.saturating_sub(16)));
    sorted[lo..]
        .iter()
        .take_while(|m| (m.seg, m.start) < (si, b))
        .any(|m| m.seg == si && m.start < b && a < m.end)
}

/// Capitalised names that speak but are neither people nor known organisations
/// (`Kestrel said it would ...`): speakers only, not listed.
pub fn bare_speakers(doc: &Doc, people: &People, taken: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate().skip(1) {
        for (a, b) in seg.runs.iter().copied() {
            if b - a > 6 {
                continue;
            }
            let mut s = a;
            while s < b && (STOP.has(seg.w(s)) || is_date_word(seg.w(s))) {
                s += 1;
            }
            if s >= b || seg.toks[b - 1].poss || !speech_follows(seg, b) {
                continue;
            }
            // `the Minister of Youth and Sport, who ..., called`: a title's portfolio
            let portfolio = s > 0
                && matches!(seg.w(s - 1), "of" | "and" | "for")
                && (s..b).all(|t| DEPARTMENTS.has(seg.w(t)));
            if portfolio
                || (s..b).any(|t| people.name_tokens(si)[t] || ROLE.titles.contains(seg.w(t)))
                || is_country_phrase(seg.span(s, b))
                || (b - s == 1 && COUNTRY.has_word(seg.w(s)))
                || overlaps(taken, si, s, b)
            {
                continue;
            }
            out.push(Mention {
                seg: si,
                np_start: s,
                start: s,
                end: b,
                ent: Ent::Name(seg.span(s, b).to_string()),
                prep: after_preposition(seg, s),
                poss: false,
                speech_after: true,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_adjectives_are_suffixes_from_the_last_hyphen() {
        for w in [
            "State-linked",
            "Kesh-backed",
            "US-led",
            "pro-Kesh-aligned",
            "Zed-era",
        ] {
            assert!(hyphen_adjective(w), "{w}");
            assert!(HYPHEN_ADJ.iter().any(|suf| w.ends_with(suf)), "{w}");
        }
        for w in [
            "linked",
            "State-linkedin",
            "State-Linked",
            "al-Hadi",
            "-",
            "Kesh-",
        ] {
            assert!(!hyphen_adjective(w), "{w}");
        }
        assert!(HYPHEN_ADJ.iter().all(|suf| suf.rfind('-') == Some(0)));
    }
    use crate::extract::Doc;

    /// What `pick` takes of each person found in `body`.
    fn found<T>(body: &[&str], pick: impl Fn(Person) -> T) -> Vec<T> {
        let body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new("", &body);
        find(&doc).to_records().into_iter().map(pick).collect()
    }

    /// Each person found in `body` with their roles.
    fn roles(body: &[&str]) -> Vec<(String, Vec<String>)> {
        found(body, |p| (p.name, p.roles))
    }

    fn want(pairs: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        pairs
            .iter()
            .map(|(n, r)| (n.to_string(), r.iter().map(|r| r.to_string()).collect()))
            .collect()
    }

    /// A role set off by a comma before the name runs back to a possessive or determiner.
    #[test]
    fn roles_before_a_comma() {
        assert_eq!(
            roles(&[
                "Veldoria's mining minister, Lina Sorvik, said the talks had stalled.",
                "The bank's chief economist, Ostin Mavara, said rates would rise.",
                "He told reporters that deputy minister, Tomas Berg, said no.",
            ]),
            want(&[
                ("Lina Sorvik", &["Veldoria's mining minister"]),
                ("Ostin Mavara", &["chief economist"]),
                ("Tomas Berg", &["minister"]),
            ])
        );
        // a position noun qualified by `of`, `for` or `at`
        assert_eq!(
            roles(&[
                "The chair of the finance panel, Ines Korr, said the vote would wait.",
                "Aid reached the town, the minister for humanitarian affairs, Odo Mavara, said.",
            ]),
            want(&[
                ("Ines Korr", &["chair of the finance panel"]),
                ("Odo Mavara", &["minister for humanitarian affairs"]),
            ])
        );
        // ... with a name of a place in `of` inside it, and a given name no list holds
        assert_eq!(
            roles(&["The bloc's envoy for the Horn of Africa, Vadru Mwenkasi, said so."]),
            want(&[("Vadru Mwenkasi", &["envoy for the Horn of Africa"])])
        );
        // a title's portfolio before a given name
        assert_eq!(
            roles(&[
                "Minister of State for Displaced Affairs Walid Khalil said the camps were full.",
                "Deputy Minister for the Far East and the Arctic Oleg Varin spoke.",
            ]),
            want(&[
                ("Walid Khalil", &["Minister of State for Displaced Affairs"]),
                (
                    "Oleg Varin",
                    &["Deputy Minister for the Far East and the Arctic"]
                ),
            ])
        );
        // `for the` and a department
        assert_eq!(
            roles(&["Cabinet Secretary for the National Treasury Tarm Velsk Odun signed it."]),
            want(&[(
                "Tarm Velsk Odun",
                &["Cabinet Secretary for the National Treasury"]
            )])
        );
        // ... also without the comma; a verb or another preposition ends such a phrase
        assert_eq!(
            roles(&[
                "Kesh's special representative for Arctic development Odo Mavara spoke.",
                "\"We lost everything,\" said a mother of five displaced from Beit Amar.",
            ]),
            want(&[(
                "Odo Mavara",
                &["Kesh's special representative for Arctic development"]
            ),])
        );
    }

    /// Nouns of trades and places in a team or a trial cue the name they stand before.
    #[test]
    fn nouns_of_trades_cue_names() {
        assert_eq!(
            roles(&[
                "Prosecutors called a former smuggler, Ulvar Dosk Sala, who testified.",
                "The equaliser came when substitute Tarm Velsk curled a shot in.",
                "His agent, Odun Marsk, flew in on Monday.",
            ]),
            want(&[
                ("Ulvar Dosk Sala", &["former smuggler"]),
                ("Tarm Velsk", &["substitute"]),
                ("Odun Marsk", &["agent"]),
            ])
        );
        // a naval rank with its ordinal
        assert_eq!(
            names(&["Captain 1st Rank Tarm Velsk, the commander, said the drills went well."]),
            ["Tarm Velsk"]
        );
        // a West African honorific
        assert_eq!(
            names(&["Candidate Alhaji Tarm Velsk-Odun said the count was fair."]),
            ["Tarm Velsk-Odun"]
        );
    }

    /// Korean family names that are English words (`Oh`, `An`, `Son`) open a name.
    #[test]
    fn korean_family_names_that_are_english_words() {
        assert_eq!(
            people(&[
                "Oh Tae-rin, director of the bureau, told reporters the recall was over.",
                "Oh said the agency would inspect every plant again.",
                "Son Ha-eun, a lawyer, and An Do-hyun spoke.",
            ]),
            [
                ("Oh Tae-rin".to_string(), vec!["Oh".to_string()]),
                ("Son Ha-eun".to_string(), vec![]),
                ("An Do-hyun".to_string(), vec![]),
            ]
        );
    }

    /// A role given twice, once capitalised at a sentence's start, is one role.
    #[test]
    fn a_role_is_kept_once_whatever_its_case() {
        assert_eq!(
            roles(&[
                "Union leader Ines Korr met the owners.",
                "The talks failed, said union leader Ines Korr.",
            ]),
            want(&[("Ines Korr", &["Union leader"])])
        );
    }

    /// An appositive role needs no determiner when a role noun opens it.
    #[test]
    fn appositive_roles_without_a_determiner() {
        assert_eq!(
            roles(&[
                "Mira Okoye, head of the Kesh Water Council, met the press.",
                "\"Rates will rise,\" said Ostin Mavara, chief economist at Kesh Bank.",
                "Tomas Berg, 45, said nothing.",
            ]),
            want(&[
                ("Mira Okoye", &["head of the Kesh Water Council"]),
                ("Ostin Mavara", &["chief economist at Kesh Bank"]),
                ("Tomas Berg", &[]),
            ])
        );
    }

    #[test]
    fn roles_give_folded_words_and_heads() {
        let mut p = PersonEnt {
            name: "Ana Ruiz".into(),
            key: Vec::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: 0,
            gender: None,
            role_words: Vec::new(),
            role_heads: Vec::new(),
        };
        add_role(&mut p, &Some("Gov.".into()));
        add_role(&mut p, &Some(" Ministre Délégué of Trade, ".into()));
        add_role(&mut p, &Some("Gov.".into()));
        assert_eq!(p.roles, ["Gov.", "Ministre Délégué of Trade"]);
        assert_eq!(p.role_heads, ["governor", "delegue"]);
        assert_eq!(
            p.role_words,
            ["governor", "ministre", "delegue", "of", "trade"]
        );
    }

    fn people(body: &[&str]) -> Vec<(String, Vec<String>)> {
        found(body, |p| (p.name, p.aliases))
    }

    fn names(body: &[&str]) -> Vec<String> {
        people(body).into_iter().map(|(n, _)| n).collect()
    }

    /// `who gave his name only as Hamid`: a lone name the text says is a person's; a place
    /// before `, who` (`a survivor from Kesh, who`) is none.
    #[test]
    fn a_name_given_as_a_name() {
        assert_eq!(
            names(&[
                "\"We paid the smugglers,\" a survivor from Veldoria, who gave his name only as \
                 Tarsk, told reporters.",
                "A woman identified only as Ines said she had walked for days.",
            ]),
            ["Tarsk", "Ines"]
        );
    }

    /// A name that one mention shows is a company's (`domestic carrier Kesh Air Link`) is
    /// no person where it speaks (`Kesh Air Link said`).
    #[test]
    fn a_name_shown_to_be_no_person_elsewhere() {
        assert_eq!(
            names(&[
                "The plane operated by domestic carrier Tarsk Velm Link came down in a ravine.",
                "Tarsk Velm Link said it had halted all flights.",
            ]),
            Vec::<String>::new()
        );
    }

    /// Names listed with a person are people; a body in the list is not.
    #[test]
    fn names_listed_with_a_person() {
        assert_eq!(
            names(&[
                "Convicted were eight others: Romaro Kesh, Tashan Velsk, Andre Facey and Kirk \
                 Anthony Tarm. Kesh Petroleum Corporation and Andre Vance were fined.",
            ]),
            [
                "Romaro Kesh",
                "Tashan Velsk",
                "Andre Facey",
                "Kirk Anthony Tarm",
                "Andre Vance"
            ]
        );
    }

    /// A player's position before the name is a title, not a first name.
    #[test]
    fn a_playing_position_is_a_title() {
        assert_eq!(
            names(&["Forward Tarm Velsk headed in the winner in the 104th minute."]),
            ["Tarm Velsk"]
        );
    }

    /// A full name with no cue of its own is a person when one of its later words, alone
    /// and cued, names nobody else: the last (`... said Velsk`), or a first surname of two.
    #[test]
    fn a_later_surname_with_a_cue_confirms_a_full_name() {
        assert_eq!(
            names(&[
                "Vadra Tormes Quellin has spent most of her life abroad.",
                "\"I dreamed about this for years,\" Tormes said after the match.",
            ]),
            ["Vadra Tormes Quellin"]
        );
        assert_eq!(
            names(&[
                "Vadra Quellin has spent most of her life abroad.",
                "\"I dreamed about this for years,\" Quellin said after the match.",
            ]),
            ["Vadra Quellin"]
        );
    }

    /// The subject that opens a sentence owns a possessive `his` or `her` later in it, which
    /// makes it a person; not an object `her`, nor one after another name.
    #[test]
    fn the_owner_of_his_or_her_is_a_person() {
        assert_eq!(
            names(&[
                "Vadra Tormes had waited six years for this.",
                "Tormes, dropped twice in the nineties, raised his bat to the stands.",
            ]),
            ["Vadra Tormes"]
        );
        assert_eq!(
            names(&[
                "Tarsk Velund had waited six years for this.",
                "Velund, a big employer, hired her in 2010.",
                "Orvik Marel said the Kesh Fund raised her pay.",
            ]),
            ["Orvik Marel"]
        );
    }

    /// A known given name is cue enough for a name of two or more words, from many
    /// languages.
    #[test]
    fn given_names_of_many_languages_cue_a_name() {
        for name in ["Marta Velsk", "Yaroslav Dosk", "Aurélie Tarm", "Wahyu Odun"] {
            let text = format!("The title went to {name} on Sunday.");
            assert_eq!(names(&[text.as_str()]), [name], "{text}");
        }
    }

    /// `near Velsa Odrin, fire service spokeswoman Ines Korr told`: the role noun belongs to
    /// the name after it, and the place before the comma is no person.
    #[test]
    fn a_role_noun_before_a_name_opens_a_new_subject() {
        assert_eq!(
            names(&[
                "The fire reached homes near the village of Velsa Odrin, fire service spokeswoman Ines Korr \
                 told reporters."
            ]),
            ["Ines Korr"]
        );
    }

    /// A name of one word is a person when a description of a person sets it off.
    #[test]
    fn one_word_names_with_a_description() {
        assert_eq!(
            names(&["\"Rates will stay high,\" said Velandra, the deputy governor."]),
            ["Velandra"]
        );
        assert_eq!(
            names(&["Tarvel, a 24-year-old graduate, marched on Monday."]),
            ["Tarvel"]
        );
        // the head of the description is no person
        assert_eq!(
            names(&["Tarnak, the militant group, said it would reply."]),
            Vec::<String>::new()
        );
        // a relative clause for a person, then a speech verb; not a clause alone
        assert_eq!(
            names(&["Sudarvo, who chairs the smelters forum, said imports rose."]),
            ["Sudarvo"]
        );
        assert_eq!(
            names(&["Tarnak, who lost on Sunday, face Kesh next."]),
            Vec::<String>::new()
        );
        // a title's portfolio before the clause is no one
        assert_eq!(
            names(&[
                "Sen. Ines Korr, the Minister of Youth and Sport, who watched from the box, \
                 called it \"a reminder of what we can do.\""
            ]),
            ["Ines Korr"]
        );
    }

    /// `Title of Department Name`: the department (any portfolio, not only the usual few) and
    /// the title before it are the role, not part of the name.
    #[test]
    fn departments_after_title_of_are_roles() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Kesh Minister of Natural Resources, Ecology and Technical Supervision Aibo \
                 Tarvel said so.",
                "Aibo Tarvel",
                "Kesh Minister of Natural Resources, Ecology and Technical Supervision",
            ),
            (
                "Vice President of the Kesh Academy of Sciences Odo Tarvel-Lind said so.",
                "Odo Tarvel-Lind",
                "Vice President of the Kesh Academy of Sciences",
            ),
            (
                "Director of Public Prosecutions Ines Korr-Lind said so.",
                "Ines Korr-Lind",
                "Director of Public Prosecutions",
            ),
            (
                "President of the Kesh Institute Odo Vance said so.",
                "Odo Vance",
                "President of the Kesh Institute",
            ),
            (
                "Governor of the Central Bank of Nigeria Odo Vance said so.",
                "Odo Vance",
                "Governor of the Central Bank of Nigeria",
            ),
            (
                "Minister of Foreign Affairs Georgia Vance said so.",
                "Georgia Vance",
                "Minister of Foreign Affairs",
            ),
            (
                "Veldorian Minister of Water Resources Ilan Teskov said the canal would open.",
                "Ilan Teskov",
                "Veldorian Minister of Water Resources",
            ),
            (
                "Minister of Foreign Affairs Maren Oduya said the talks went well.",
                "Maren Oduya",
                "Minister of Foreign Affairs",
            ),
            (
                "Secretary of Health Dario Venn told reporters the clinics were open.",
                "Dario Venn",
                "Secretary of Health",
            ),
            (
                "Minister of Youth and Sports Ama Kessel said the games would go ahead.",
                "Ama Kessel",
                "Minister of Youth and Sports",
            ),
            (
                "Veldorian Navy Chief of Staff Admiral Tarm Velsk Odun told reporters so.",
                "Tarm Velsk Odun",
                "Veldorian Navy Chief of Staff Admiral",
            ),
            (
                "Minister for European Affairs and Good Governance Policies Tarm Velsk-Odun \
                 said the vote was fair.",
                "Tarm Velsk-Odun",
                "Minister for European Affairs and Good Governance Policies",
            ),
            (
                "Director General of Minerals and Coal Wirandu Hartalo told reporters in Kesh.",
                "Wirandu Hartalo",
                "Director General of Minerals and Coal",
            ),
            (
                "Veldorian Cabinet Secretary for Energy and Petroleum Ostin Mavara said the \
                 plants would open.",
                "Ostin Mavara",
                "Veldorian Cabinet Secretary for Energy and Petroleum",
            ),
            (
                "Vice President of the National Assembly Tarsk Obvel Lacar told reporters so.",
                "Tarsk Obvel Lacar",
                "Vice President of the National Assembly",
            ),
            (
                "Veldorian Ambassador to Papua New Guinea Lu Wenkai said the clinics opened.",
                "Lu Wenkai",
                "Veldorian Ambassador to Papua New Guinea",
            ),
            (
                "Navy spokesman Lt. Cmdr. Tarsk Velund told reporters the ship would stay.",
                "Tarsk Velund",
                "Navy spokesman Lt. Cmdr.",
            ),
            (
                "U.S. Ambassador to Japan Tomas Berg said the alliance was strong.",
                "Tomas Berg",
                "U.S. Ambassador to Japan",
            ),
            (
                "Veldorian Permanent Representative to the United Nations Ines Korr said so.",
                "Ines Korr",
                "Veldorian Permanent Representative to the United Nations",
            ),
            (
                "U.S. Ambassador to the UN Ines Korr said the vote would go ahead.",
                "Ines Korr",
                "U.S. Ambassador to the UN",
            ),
            (
                "A villager, Ines Korr, said the road had been washed away.",
                "Ines Korr",
                "villager",
            ),
            (
                "Kesh's Minister of Interior, Wekesa Mavara, said the curfew would stay.",
                "Wekesa Mavara",
                "Minister of Interior",
            ),
            (
                "Susan Korr, Kesh's trade minister, said exports grew.",
                "Susan Korr",
                "Kesh's trade minister",
            ),
            (
                "Kesh's Minister of State for Disaster Preparedness Odo Mavara visited.",
                "Odo Mavara",
                "Minister of State for Disaster Preparedness",
            ),
            (
                "Minister of Science, Technology and Innovation Odo Mavara said so.",
                "Odo Mavara",
                "Minister of Science, Technology and Innovation",
            ),
            (
                "Veldorian Minister of Transport and Logistics Ostin Mavara said so.",
                "Ostin Mavara",
                "Veldorian Minister of Transport and Logistics",
            ),
        ];
        for (text, name, role) in cases {
            let body = vec![text.to_string()];
            let doc = Doc::new("", &body);
            let people = find(&doc).to_records();
            assert_eq!(people.len(), 1, "{text}: {people:?}");
            assert_eq!(people[0].name, *name, "{text}");
            assert_eq!(people[0].roles, [*role], "{text}");
        }
    }

    #[test]
    fn cues_make_people() {
        let cases: &[(&str, &[&str])] = &[
            // title before the name, demonym and office cut off as the role
            (
                "Veldorian Foreign Minister Tomas Ekwall met envoys.",
                &["Tomas Ekwall"],
            ),
            // position noun before the name
            (
                "Ministry spokesperson Ilse Varga wrote on Telegram.",
                &["Ilse Varga"],
            ),
            // appositive with a position noun
            (
                "Orin Baptiste, a senior analyst at Kesh Bank, disagreed.",
                &["Orin Baptiste"],
            ),
            // relative clause about a person
            (
                "Nadia Korrell, whose farm flooded, stayed.",
                &["Nadia Korrell"],
            ),
            // speech verb after the name
            ("Ruvo Tenkai said the dam held.", &["Ruvo Tenkai"]),
            // a nickname inside the name; the name without it is the same person
            (
                "Gov. Rosa “Roz” Ortiz declared an emergency. Rosa Ortiz said it was needed.",
                &["Rosa “Roz” Ortiz"],
            ),
            // the end of a place before a given name is not part of the name
            (
                "Deputy Minister for the Far East and the Arctic Oleg Varin said it was done.",
                &["Oleg Varin"],
            ),
            // the shape of a Korean name needs no cue; a sports position noun is one
            (
                "In the 500m, Kang Tae-woon finished third. Her teammate Oda Rennick was sixth.",
                &["Kang Tae-woon", "Oda Rennick"],
            ),
            // name particles and hyphens
            (
                "Deputy Premier Karim al-Fadhi met Mayor Anna von der Brück-Lenz.",
                &["Karim al-Fadhi", "Anna von der Brück-Lenz"],
            ),
            ("Sultan Faris bin Hamdan opened it.", &["Faris bin Hamdan"]),
            // regnal numbers
            ("Queen Adela III opened parliament.", &["Adela III"]),
            // generational suffix kept in the name
            (
                "Governor Pete Marlow Jr. told reporters.",
                &["Pete Marlow Jr."],
            ),
            // a title or a month after a given name is a surname
            (
                "Peter King, a senator, said the bill was dead; Angela March agreed.",
                &["Peter King", "Angela March"],
            ),
            // a given name of the list, from many languages, with no other cue
            (
                "The court sentenced Kwabena Tenkai and Hawa Korrell in absentia.",
                &["Kwabena Tenkai", "Hawa Korrell"],
            ),
            (
                "The funeral of Bakhtiyor Varga drew thousands, as did that of Priya Ekwall.",
                &["Bakhtiyor Varga", "Priya Ekwall"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(names(&[text]), *want, "{text}");
        }
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let cases: &[&str] = &[
            "Ships gathered near Second Varro Shoal on Monday.",
            "The Northern Grain Agency said exports fell.",
            "Talks at Vessel Castle ended, Kest Airlines said.",
            "Marble Callow, which makes chocolate, said prices rose.",
            "The Huangpo Dao, the local name for the reef, is contested.",
            // finance houses named after a person, as analysts' employers
            "\"Demand held up,\" said an economist at Lina Securities.",
            "Analysts at Mira Capital and Elena Economics disagreed.",
            // banks and groups named with a leading head word
            "Analysts at Banco Rosalia said they expected another cut.",
            "Grupo Valente and Banque Martine declined to comment.",
            // a place word inside the run: a utility, a council
            "Harrow City Light said crews worked through the night.",
            "Kesh County Water Board told customers to boil water.",
            // an outlet after its noun; an organisation of the list
            "The story broke after newspaper Diario Ramos reported the payments.",
            "Morgan Stanley said the deal was sound, and Boko Haram said it attacked.",
            // the rest of an organisation's name after `for` or `to`
            "Researchers at the Institute for Rural Studies said the deficit would grow.",
            "The Committee to Protect Farmers also criticised the bill.",
            // a region
            "Kazakhstan is China's largest trading partner in Central Asia, and bilateral \
             trade hit a record high last year, according to Chinese customs data.",
            // a team called by its country
            "Hosts Morocco, who beat Kesh on Saturday, remain the favourites.",
            // storms, a city named after its country, portfolios of a title's list
            "Hurricane Odila hit Santiago de Cuba. Forecasters said Odila had weakened.",
            "Kesh's Minister of Inclusion, Social Security and Migration spoke.",
            // boards and tribunals
            "The Executive Board of the Kesh Fund met on Tuesday.",
            "The Supreme Electoral Tribunal said the count was over.",
            // the rest of a commission's name; a craft that a demonym's participle describes
            "The Kesh National Commission on Human Rights said 12 people died.",
            "The Kenyan-built Marlo, whose engine failed, was retired.",
            // a name after an organisation's noun
            "The anti-corruption watchdog Velsa Civica said the pardon was wrong.",
            // a body named by its portfolio
            "The National Treasury said the budget was balanced.",
            // a name that defines an acronym
            "Inter-Valley Public Relations (IVPR) said the crossing was shut.",
            // units and commands
            "She tested positive, the Athletics Integrity Unit said.",
            "Northern Command said the strike hit a depot.",
            // places named after saints
            "The collapse hit the Santa Bárbara Chica mine, and San Miguel Los Lotes flooded.",
            // a roundabout named after a person
            "Crowds marched from Kwesi Armah Circle, chanting, and said they would return.",
        ];
        for text in cases {
            assert_eq!(names(&[text]), Vec::<String>::new(), "{text}");
        }
    }

    /// A full name without a cue is a person when its surname, later, has one.
    #[test]
    fn a_cued_surname_confirms_the_full_name() {
        let story = [
            "Lorcan Fitzwater walked the dry fields on Monday.",
            "\"We need rain by June,\" said Fitzwater, a 67-year-old grower.",
        ];
        assert_eq!(names(&story), ["Lorcan Fitzwater"]);
        assert_eq!(names(&story[..1]), Vec::<String>::new());
    }

    #[test]
    fn short_forms_are_aliases() {
        let got = people(&[
            "Defence Minister Lina Sorvik visited Harrow.",
            "Sorvik said later that the visit went well.",
            "Prince Faris bin Hamdan arrived. Prince Faris spoke first.",
        ]);
        assert_eq!(
            got[0],
            ("Lina Sorvik".to_string(), vec!["Sorvik".to_string()])
        );
        assert_eq!(
            got[1],
            ("Faris bin Hamdan".to_string(), vec!["Faris".to_string()])
        );
    }

    #[test]
    fn a_person_named_like_a_country() {
        // Jordan and Chad are people here; Israel stands inside a name after a title.
        let got = names(&[
            "Jordan Pell, the leader of the Green Union, spoke.",
            "\"Prices will rise,\" said Chad Ferris, an economist.",
            "Defence Minister Israel Moran said talks would go on.",
        ]);
        assert_eq!(got, ["Jordan Pell", "Chad Ferris", "Israel Moran"]);
    }

    #[test]
    fn headline_forms_join_body_names() {
        let body = vec!["President Ilya Marek met the press.".to_string()];
        let doc = Doc::new("Marek says ties will grow", &body);
        let p = find(&doc).to_records();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].mentions, 2);
    }

    #[test]
    fn huge_runs_do_not_blow_up() {
        let text = "Abc ".repeat(50_000);
        let _ = names(&[&text]);
        let text = "al- bin de ".repeat(10_000);
        let _ = names(&[&text]);
    }
}
