//! Fills an archive with N generated, analysed records, for the archive's benchmarks.
//!
//!     cargo run --release --example gen-archive -- N ARCHIVE [SEED]
//!
//! Records are built directly (people, countries, quotes and a body of about 300 words each,
//! drawn from the lists below with a skewed distribution, so a few names dominate as in real
//! news), then stored through the library in batches of 1024, as `ingest` stores them. Prints the
//! store rate. Use it to measure `search`, `list` and `people` on a large archive:
//!
//!     cargo run --release --example gen-archive -- 100000 /tmp/bench.db
//!     time target/release/newsarc search 'sanctions NEAR/5 oil' --archive /tmp/bench.db

use newsarc::archive::{Archive, Mode};
use newsarc::record::{Country, Person, Quote, QuoteKind, Record};
use std::sync::LazyLock;
use std::time::Instant;

#[path = "common/names.rs"]
mod names;

static GIVEN: LazyLock<Vec<&str>> = LazyLock::new(|| [names::GIVEN, MORE_GIVEN].concat());
static SURNAMES: LazyLock<Vec<&str>> = LazyLock::new(|| [names::SURNAMES, MORE_SURNAMES].concat());

/// Names beyond the shared lists, so that some people share a given name or a surname.
const MORE_GIVEN: &[&str] = &["Vadim", "Li", "Ali", "Maria", "Jean"];
const MORE_SURNAMES: &[&str] = &[
    "Perrin", "Qiang", "Veli", "Lopez", "Martin", "Schmidt", "Rossi", "Kaminski", "Singh", "Cohen",
];
const ROLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "spokesperson",
    "governor",
    "CEO",
];
const COUNTRIES: &[(&str, &str)] = &[
    ("US", "United States"),
    ("CN", "China"),
    ("RU", "Russia"),
    ("TR", "Turkey"),
    ("CU", "Cuba"),
    ("DE", "Germany"),
    ("FR", "France"),
    ("UA", "Ukraine"),
    ("IR", "Iran"),
    ("BR", "Brazil"),
    ("IN", "India"),
    ("JP", "Japan"),
    ("KR", "South Korea"),
    ("EG", "Egypt"),
    ("NG", "Nigeria"),
    ("MX", "Mexico"),
    ("GB", "United Kingdom"),
    ("IT", "Italy"),
    ("ES", "Spain"),
    ("PL", "Poland"),
];
const AGENCIES: &[(&str, &str)] = &[
    ("Anadolu Agency", "anadolu"),
    ("Reuters", "reuters"),
    ("Associated Press", "ap"),
    ("Agence France-Presse", "afp"),
    ("Xinhua", "xinhua"),
    ("TASS", "tass"),
    ("Yonhap", "yonhap"),
    ("Al Jazeera", "aljazeera"),
];
/// Topics and their words: each article is about one or two, as news is.
const TOPICS: &[&[&str]] = &[
    &[
        "oil", "gas", "pipeline", "barrel", "refinery", "crude", "fuel", "opec", "energy",
    ],
    &[
        "sanctions",
        "embassy",
        "envoy",
        "diplomat",
        "summit",
        "treaty",
        "talks",
        "ministry",
    ],
    &[
        "election",
        "vote",
        "ballot",
        "parliament",
        "candidate",
        "campaign",
        "polls",
        "coalition",
    ],
    &[
        "ceasefire",
        "troops",
        "army",
        "shelling",
        "drone",
        "offensive",
        "frontline",
        "casualties",
    ],
    &[
        "inflation",
        "bank",
        "rates",
        "currency",
        "bonds",
        "markets",
        "investors",
        "recession",
    ],
    &[
        "drought", "harvest", "grain", "wheat", "farmers", "crops", "rainfall", "famine",
    ],
    &[
        "flood",
        "storm",
        "earthquake",
        "rescue",
        "evacuation",
        "landslide",
        "cyclone",
        "damage",
    ],
    &[
        "ferry",
        "port",
        "shipping",
        "cargo",
        "vessel",
        "canal",
        "freight",
        "containers",
    ],
    &[
        "court",
        "ruling",
        "judge",
        "appeal",
        "verdict",
        "trial",
        "prosecutors",
        "lawyers",
    ],
    &[
        "protest",
        "police",
        "demonstrators",
        "rally",
        "arrests",
        "strike",
        "union",
        "workers",
    ],
    &[
        "vaccine", "hospital", "outbreak", "virus", "patients", "doctors", "health", "cases",
    ],
    &[
        "football",
        "league",
        "coach",
        "match",
        "championship",
        "goals",
        "stadium",
        "season",
    ],
    &[
        "exports", "imports", "tariffs", "trade", "deficit", "customs", "quota", "goods",
    ],
    &[
        "refugees",
        "migrants",
        "border",
        "asylum",
        "camp",
        "aid",
        "humanitarian",
        "displaced",
    ],
    &[
        "satellite",
        "launch",
        "rocket",
        "space",
        "orbit",
        "mission",
        "station",
        "astronauts",
    ],
    &[
        "chip",
        "semiconductor",
        "factory",
        "technology",
        "software",
        "startup",
        "data",
        "cyber",
    ],
    &[
        "climate",
        "emissions",
        "carbon",
        "renewable",
        "solar",
        "wind",
        "warming",
        "pollution",
    ],
    &[
        "school",
        "students",
        "teachers",
        "university",
        "exams",
        "education",
        "tuition",
        "campus",
    ],
    &[
        "budget", "tax", "spending", "debt", "deficit", "revenue", "finance", "reform",
    ],
    &[
        "bridge",
        "railway",
        "highway",
        "airport",
        "construction",
        "tunnel",
        "project",
        "metro",
    ],
];
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "for",
    "that",
    "with",
    "was",
    "by",
    "at",
    "from",
    "is",
    "as",
    "it",
    "its",
    "their",
    "be",
    "has",
    "have",
    "were",
    "after",
    "which",
    "will",
    "would",
    "officials",
    "government",
    "minister",
    "president",
    "country",
    "year",
    "week",
    "on",
    "monday",
    "tuesday",
    "new",
    "more",
    "than",
    "also",
    "told",
    "reporters",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "re", "tan", "vo", "shi", "ber", "nu", "dra", "po", "lin", "zer", "ma", "ko",
    "ti", "gal", "run", "se", "fa", "mor", "del", "qui", "sta",
];

/// A long tail of rare words (names of places, things), the same for a given index.
fn rare_word(i: usize) -> String {
    let mut w = String::new();
    let mut k = i + 7;
    for _ in 0..3 {
        w.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    w
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small indexes (a few names dominate).
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b).min(self.below(n))
    }
}

fn record(i: usize, rng: &mut Rng) -> Record {
    let (agency, layout) = AGENCIES[rng.below(AGENCIES.len())];
    let first = rng.below(TOPICS.len());
    let second = rng.below(TOPICS.len());
    let topics: Vec<&[&str]> = if rng.below(3) == 0 {
        vec![TOPICS[first], TOPICS[second]]
    } else {
        vec![TOPICS[first]]
    };
    let word = |rng: &mut Rng| -> String {
        match rng.below(20) {
            0..=10 => FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_owned(),
            11..=15 => {
                let t = topics[rng.below(topics.len())];
                t[rng.skewed(t.len())].to_owned()
            }
            _ => rare_word(rng.skewed(13_000)),
        }
    };
    let sentence = |rng: &mut Rng, words: usize| -> String {
        let mut s: Vec<String> = (0..words).map(|_| word(rng)).collect();
        s[0] = "Officials".into();
        s.join(" ") + "."
    };
    let body: Vec<String> = (0..6).map(|_| sentence(rng, 50)).collect();
    let topic = topics[0];
    let headline = format!(
        "{} {} {} in {} {i}",
        topic[rng.below(topic.len())],
        ["talks", "deal", "crisis", "plan", "report"][rng.below(5)],
        topic[rng.below(topic.len())],
        rare_word(rng.below(13_000))
    );
    let mut people = Vec::new();
    for _ in 0..1 + rng.below(5) {
        let name = format!(
            "{} {}",
            GIVEN[rng.skewed(GIVEN.len())],
            SURNAMES[rng.skewed(SURNAMES.len())]
        );
        if people.iter().any(|p: &Person| p.name == name) {
            continue;
        }
        people.push(Person {
            name,
            aliases: vec![],
            roles: vec![ROLES[rng.below(ROLES.len())].to_owned()],
            mentions: 1 + rng.below(4) as u32,
        });
    }
    let mut countries = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let (code, name) = COUNTRIES[rng.skewed(COUNTRIES.len())];
        if countries.iter().any(|c: &Country| c.code == code) {
            continue;
        }
        countries.push(Country {
            code: code.into(),
            name: name.into(),
            mentions: 1 + rng.below(3) as u32,
        });
    }
    let quotes = vec![Quote {
        text: sentence(rng, 12),
        speaker: Some(people[0].name.clone()),
        paragraph: 1,
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
    }];
    let day = 1 + i % 28;
    let month = 1 + (i / 28) % 12;
    Record {
        id: format!("{:016x}", rng.next()),
        source: format!("gen/{layout}/{i:07}.txt"),
        layout: layout.into(),
        headline,
        standfirst: None,
        section: Some("World".into()),
        agency: Some(agency.into()),
        byline: vec![],
        dateline: None,
        published: Some(format!(
            "2025-{month:02}-{day:02}T{:02}:{:02}:00+03:00",
            i % 24,
            i % 60
        )),
        modified: None,
        body,
        related: vec![],
        people,
        countries,
        organizations: vec![],
        quotes,
        dates: vec![],
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(path)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen-archive N ARCHIVE [SEED]");
        std::process::exit(2);
    };
    let seed = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_u64)
        | 1;
    let mut rng = Rng(seed);
    let mut archive = match Archive::open(std::path::Path::new(path), Mode::Write) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen-archive: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let mut building = std::time::Duration::ZERO;
    let mut i = 0;
    while i < n {
        let t = Instant::now();
        let batch: Vec<Record> = (i..(i + 1024).min(n))
            .map(|k| record(k, &mut rng))
            .collect();
        building += t.elapsed();
        let refs: Vec<&Record> = batch.iter().collect();
        if let Err(e) = archive.store(&refs) {
            eprintln!("gen-archive: {e}");
            std::process::exit(2);
        }
        i += batch.len();
    }
    let storing = started.elapsed() - building;
    eprintln!(
        "gen-archive: stored {n} records in {:.2} s ({:.0} records/s, generation excluded)",
        storing.as_secs_f64(),
        n as f64 / storing.as_secs_f64()
    );
}
