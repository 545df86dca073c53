//! Matching what people type (`harlan`, `Viktor Harlan`, `anadolu`) against stored names.

/// The lowercase words of a name, split at anything that is not a letter or a digit.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `query`'s words appear, in order and next to each other, among `name`'s words
/// (case-insensitive): `harlan` and `Viktor Harlan` match `Viktor Harlan`; `lad` does not.
pub fn matches(name: &str, query: &str) -> bool {
    let q = words(query);
    if q.is_empty() {
        return false;
    }
    let n = words(name);
    n.windows(q.len()).any(|w| w == q.as_slice())
}

/// A `LIKE` pattern that finds every candidate `matches` could accept (then filtered by it).
pub fn like_pattern(query: &str) -> String {
    // LIKE folds ASCII case only: anchor on the longest ASCII word, or take every name.
    let longest = words(query)
        .into_iter()
        .filter(|w| w.is_ascii())
        .max_by_key(|w| w.len())
        .unwrap_or_default();
    let escaped: String = longest
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_matching() {
        let cases = [
            ("Viktor Harlan", "Harlan", true),
            ("Viktor Harlan", "viktor harlan", true),
            ("Viktor Harlan", "Viktor  Harlan", true),
            ("Viktor Harlan", "Lad", false),
            ("Viktor Harlan", "Harlan Viktor", false),
            ("Anadolu Agency", "anadolu", true),
            ("Selim Kaya Doğan", "doğan", true),
            ("Li Qiang", "Li", true),
            ("Ali Khamenei", "Li", false),
            ("Anyone", "", false),
        ];
        for (name, query, want) in cases {
            assert_eq!(matches(name, query), want, "{name} / {query}");
        }
    }

    #[test]
    fn like_patterns_escape() {
        assert_eq!(like_pattern("Viktoria Harlan"), "%viktoria%");
        assert_eq!(like_pattern("O'Neil"), "%neil%");
        assert_eq!(like_pattern("Ömer Çelik"), "%%");
    }
}
