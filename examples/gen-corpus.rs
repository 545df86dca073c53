//! Writes a corpus of generated wire articles for benchmarks and load tests.
//!
//!     cargo run --release --example gen-corpus -- N DIR [SEED]
//!
//! N articles spread over every layout newsarc knows, in DIR/<layout>/NNNNNN.txt, with people,
//! countries, organisations and quotes drawn from the lists below, so any machine can make the
//! same corpus (same N and SEED, same bytes) without a real article.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "common/names.rs"]
mod names;
use names::{GIVEN, SURNAMES};
use newsarc::extract::dates::{DAY_NAMES, MONTH_NAMES};

const ROLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Finance Minister",
    "Defense Minister",
    "central bank governor",
    "Trade Minister",
    "Energy Minister",
    "government spokesperson",
    "opposition leader",
];
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("India", "Indian", "New Delhi"),
    ("Canada", "Canadian", "Ottawa"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Poland", "Polish", "Warsaw"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Nigeria", "Nigerian", "Abuja"),
];
const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Bank",
    "the IMF",
    "OPEC",
    "the African Union",
];
const TOPICS: &[&str] = &[
    "trade",
    "energy",
    "security",
    "climate",
    "migration",
    "debt relief",
    "food prices",
    "shipping",
];
/// Month and day names: the extractor's own lists, so that every generated date is one it reads.
const MONTHS: &[&str] = &MONTH_NAMES;
const DAYS: &[&str] = &DAY_NAMES;
const LAYOUTS: &[&str] = &[
    "anadolu",
    "reuters",
    "ap",
    "afp",
    "xinhua",
    "tass",
    "yonhap",
    "aljazeera",
    "generic",
];

/// xorshift64*: enough randomness for varied text, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

struct Story {
    headline: String,
    paragraphs: Vec<String>,
    byline: String,
    year: usize,
    month: usize,
    day: usize,
    hour: usize,
    minute: usize,
    place: String,
}

fn story(rng: &mut Rng) -> Story {
    let (c1, d1, cap1) = *rng.pick(COUNTRIES);
    let (c2, d2, _) = *rng.pick(COUNTRIES);
    let p1 = (*rng.pick(GIVEN), *rng.pick(SURNAMES), *rng.pick(ROLES));
    let p2 = (*rng.pick(GIVEN), *rng.pick(SURNAMES), *rng.pick(ROLES));
    let topic = *rng.pick(TOPICS);
    let org = *rng.pick(ORGS);
    let day = *rng.pick(DAYS);
    let headline = format!("{c1} and {c2} agree to deepen {topic} ties as {org} urges restraint");
    let mut paragraphs = vec![
        format!(
            "{d1} {} {} {} and {d2} {} {} {} agreed on {day} to deepen cooperation on {topic}, officials said after talks in {cap1}.",
            p1.2, p1.0, p1.1, p2.2, p2.0, p2.1
        ),
        format!(
            "\"We have opened a new chapter in relations between our two countries, and we intend to build on it quickly,\" {} told reporters after the meeting.",
            p1.1
        ),
        format!(
            "{} said the agreement would \"bring concrete benefits to people on both sides\" within two years, adding that {org} had been kept informed.",
            p2.1
        ),
    ];
    let extra = 6 + rng.below(8);
    for i in 0..extra {
        let para = match rng.below(5) {
            0 => format!(
                "Trade between {c1} and {c2} reached ${}.{} billion last year, according to official figures, up {}% from the year before.",
                2 + rng.below(40),
                rng.below(10),
                1 + rng.below(30)
            ),
            1 => format!(
                "\"This is not the end of the process but the beginning,\" {} said. \"There is a great deal of work ahead for both governments.\"",
                p2.1
            ),
            2 => format!(
                "Analysts said the deal reflected growing concern in {cap1} about {topic}, which has dominated talks at {org} meetings since {}.",
                2015 + rng.below(10)
            ),
            3 => format!(
                "The {} {} last visited {c2} in {}, when the two sides signed a memorandum on {topic} and agreed to hold talks every year.",
                d1.to_lowercase(),
                p1.2.to_lowercase(),
                MONTHS[rng.below(12)]
            ),
            _ => format!(
                "Officials from both countries will meet again in {} to review progress on the {} points agreed, a statement said after paragraph {i} of the talks.",
                MONTHS[rng.below(12)],
                3 + rng.below(12)
            ),
        };
        paragraphs.push(para);
    }
    Story {
        headline,
        paragraphs,
        byline: format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES)),
        year: 2020 + rng.below(7),
        month: 1 + rng.below(12),
        day: 1 + rng.below(28),
        hour: rng.below(24),
        minute: rng.below(60),
        place: cap1.to_uppercase(),
    }
}

fn render(layout: &str, s: &Story) -> String {
    let mut t = String::new();
    let month = MONTHS[s.month - 1];
    let mon = &month[..3];
    let (h12, ampm) = match s.hour {
        0 => (12, "AM"),
        h if h < 12 => (h, "AM"),
        12 => (12, "PM"),
        h => (h - 12, "PM"),
    };
    let body = |t: &mut String, sep: &str| {
        for p in &s.paragraphs[1..] {
            let _ = writeln!(t, "{sep}{p}");
        }
    };
    match layout {
        "anadolu" => {
            let _ = write!(
                t,
                "{}\n- World\n- Anadolu Agency\n- Published Date: {:02}:{:02} | {} {month} {}\n",
                s.headline, s.hour, s.minute, s.day, s.year
            );
            let _ = write!(t, "By {}\n{}\n{}\n", s.byline, s.place, s.paragraphs[0]);
            body(&mut t, "");
            t.push_str("- Related talks end without agreement\n- Ministers meet again next month");
        }
        "reuters" => {
            let _ = write!(
                t,
                "World\n{}\nBy {}\n{month} {}, {} {}:{:02} {ampm} GMT+1\n3 minute read\n\n{}, {mon} {} (Reuters) - {}\n",
                s.headline, s.byline, s.day, s.year, h12, s.minute, s.place, s.day, s.paragraphs[0]
            );
            body(&mut t, "\n");
            let _ = write!(t, "\n(Reporting by {}; Editing by Jane Doe)\n", s.byline);
        }
        "ap" => {
            let _ = write!(
                t,
                "{}\nBy {}\nUpdated {}:{:02} {ampm} EDT, {month} {}, {}\n\n{} (AP) — {}\n",
                s.headline,
                s.byline.to_uppercase(),
                h12,
                s.minute,
                s.day,
                s.year,
                s.place,
                s.paragraphs[0]
            );
            body(&mut t, "\n");
            t.push_str("\n___\nAssociated Press writer Sam Lee contributed to this report.\n");
        }
        "afp" => {
            let _ = write!(
                t,
                "World\n{}\nBy {}\nPublished on: {:02}/{:02}/{} - {:02}:{:02}\n\n{} (AFP) - {}\n",
                s.headline,
                s.byline,
                s.day,
                s.month,
                s.year,
                s.hour,
                s.minute,
                s.place,
                s.paragraphs[0]
            );
            body(&mut t, "\n");
            let _ = write!(t, "\nabc/xy\n\n© {} AFP\n", s.year);
        }
        "xinhua" => {
            let _ = write!(
                t,
                "{}\nSource: Xinhua| {}-{:02}-{:02} {:02}:{:02}:00|Editor: huaxia\n\n{}, {mon}. {} (Xinhua) -- {}\n",
                s.headline,
                s.year,
                s.month,
                s.day,
                s.hour,
                s.minute,
                s.place,
                s.day,
                s.paragraphs[0]
            );
            body(&mut t, "\n");
            t.push_str("\nEnditem\n");
        }
        "tass" => {
            let _ = write!(
                t,
                "World\n{}\nThe sides agreed to meet again\n{} {} {}, {:02}:{:02}\n{}, {month} {}. /TASS/. {}\n",
                s.headline,
                s.day,
                mon.to_uppercase(),
                s.year,
                s.hour,
                s.minute,
                s.place,
                s.day,
                s.paragraphs[0]
            );
            body(&mut t, "");
            t.push_str("Read also\nMinisters meet again next month\n");
        }
        "yonhap" => {
            let _ = write!(
                t,
                "Diplomacy\n{}\nAll News {:02}:{:02} {month} {:02}, {}\nBy {}\n{}, {mon}. {} (Yonhap) -- {}\n",
                s.headline,
                s.hour,
                s.minute,
                s.day,
                s.year,
                s.byline,
                s.place,
                s.day,
                s.paragraphs[0]
            );
            body(&mut t, "");
            t.push_str("reporter@yna.co.kr\n(END)\n");
        }
        "aljazeera" => {
            let _ = write!(
                t,
                "News|Politics\n{}\nThe two sides pledge closer cooperation.\nBy {}\nPublished On {} {mon} {}\nSave\nShare\n\n{}\n",
                s.headline, s.byline, s.day, s.year, s.paragraphs[0]
            );
            body(&mut t, "\n");
            t.push_str("\nSource: Al Jazeera and news agencies\n");
        }
        _ => {
            let _ = write!(
                t,
                "World\n{}\nBy {}\nPublished {}:{:02} {} ET {mon}. {}, {}\n\n{}\n",
                s.headline,
                s.byline,
                h12,
                s.minute,
                if ampm == "AM" { "a.m." } else { "p.m." },
                s.day,
                s.year,
                s.paragraphs[0]
            );
            body(&mut t, "\n");
        }
    }
    t
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen-corpus N DIR [SEED]");
        std::process::exit(2);
    };
    let seed = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15u64)
        | 1;
    let mut rng = Rng(seed);
    let dir = PathBuf::from(dir);
    for layout in LAYOUTS {
        if let Err(e) = std::fs::create_dir_all(dir.join(layout)) {
            eprintln!("gen-corpus: {}: {e}", dir.display());
            std::process::exit(2);
        }
    }
    let mut bytes = 0usize;
    for i in 0..n {
        let layout = LAYOUTS[i % LAYOUTS.len()];
        let text = render(layout, &story(&mut rng));
        bytes += text.len();
        let path = dir.join(layout).join(format!("{i:07}.txt"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("gen-corpus: {}: {e}", path.display());
            std::process::exit(2);
        }
    }
    eprintln!(
        "gen-corpus: wrote {n} articles, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
