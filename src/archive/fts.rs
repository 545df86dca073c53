//! Search queries as people type them, to FTS5 query syntax.
//!
//! Words, `"quoted phrases"`, `AND`, `OR`, `NOT`, parentheses, `prefix*`, and column filters
//! (`headline:word`) pass through. Two additions make everyday queries work:
//! - `a NEAR/5 b` (the older FTS3 form, which people know) becomes `NEAR(a b, 5)`, and a bare
//!   `a NEAR b` becomes `NEAR(a b)`;
//! - a word FTS5 would reject as it stands (`U.S.`, `al-Assad`, `Doğan's`) is searched as a
//!   phrase of its parts.
//!
//! What is still malformed (an unclosed parenthesis, a dangling `AND`) is left to FTS5, whose
//! complaint the archive turns into a "bad search query" error.

/// Rewrites a user's query into FTS5 syntax (see the module docs).
pub fn translate(query: &str) -> String {
    let tokens = tokenize(query);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let tok = &tokens[i];
        if let Some(dist) = near_operator(tok) {
            // `a NEAR/n b [NEAR/m c ...]`: fold into the NEAR group with the previous term.
            if let (Some(prev), Some(next)) = (out.last().cloned(), tokens.get(i + 1))
                && is_term(&prev)
                && is_term(&phrase(next))
            {
                let mut terms = vec![prev];
                let mut max = dist;
                terms.push(phrase(next));
                i += 2;
                while let (Some(op), Some(n)) = (tokens.get(i), tokens.get(i + 1)) {
                    match near_operator(op) {
                        Some(d) if is_term(&phrase(n)) => {
                            max = max.max(d);
                            terms.push(phrase(n));
                            i += 2;
                        }
                        _ => break,
                    }
                }
                out.pop();
                out.push(match max {
                    Some(d) => format!("NEAR({}, {d})", terms.join(" ")),
                    None => format!("NEAR({})", terms.join(" ")),
                });
                continue;
            }
        }
        out.push(phrase(tok));
        i += 1;
    }
    out.join(" ")
}

/// `NEAR` → `Some(None)`; `NEAR/5` → `Some(Some(5))`; anything else → `None`.
fn near_operator(tok: &str) -> Option<Option<u32>> {
    if tok == "NEAR" {
        return Some(None);
    }
    tok.strip_prefix("NEAR/")
        .and_then(|n| n.parse().ok())
        .map(Some)
}

/// A term NEAR can group: a bareword, a quoted phrase, or a prefix query.
fn is_term(s: &str) -> bool {
    !s.is_empty()
        && !matches!(s, "AND" | "OR" | "NOT" | "(" | ")")
        && !s.contains(':')
        && !s.starts_with("NEAR(")
}

fn is_bare_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || !c.is_ascii()
}

/// One token as FTS5 should see it.
fn phrase(tok: &str) -> String {
    if tok.starts_with('"') || matches!(tok, "AND" | "OR" | "NOT" | "(" | ")") {
        return tok.to_owned();
    }
    // Column filter: `headline:word` or `headline:"a phrase"`.
    if let Some((col, rest)) = tok.split_once(':')
        && !col.is_empty()
        && col.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return if rest.is_empty() {
            format!("{col}:")
        } else {
            format!("{col}:{}", phrase(rest))
        };
    }
    let (core, star) = match tok.strip_suffix('*') {
        Some(c) if !c.is_empty() => (c, "*"),
        _ => (tok, ""),
    };
    if core.chars().all(is_bare_char) {
        return format!("{core}{star}");
    }
    format!("\"{}\"{star}", core.replace('"', "\"\""))
}

/// Splits a query into quoted phrases, parentheses and words.
fn tokenize(query: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = query.chars().peekable();
    let mut cur = String::new();
    let flush = |cur: &mut String, tokens: &mut Vec<String>| {
        if !cur.is_empty() {
            tokens.push(std::mem::take(cur));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // A phrase runs to the closing quote (`""` inside is a literal quote); it may
                // follow a column filter prefix already in `cur`, and take a trailing `*`.
                let mut p = String::from('"');
                let mut closed = false;
                while let Some(d) = chars.next() {
                    p.push(d);
                    if d == '"' {
                        if chars.peek() == Some(&'"') {
                            p.push(chars.next().unwrap_or('"'));
                        } else {
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    p.push('"');
                }
                if chars.peek() == Some(&'*') {
                    p.push(chars.next().unwrap_or('*'));
                }
                cur.push_str(&p);
                flush(&mut cur, &mut tokens);
            }
            '(' | ')' => {
                flush(&mut cur, &mut tokens);
                tokens.push(c.to_string());
            }
            c if c.is_whitespace() => flush(&mut cur, &mut tokens),
            c => cur.push(c),
        }
    }
    flush(&mut cur, &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn translations() {
        let cases = [
            ("sanctions", "sanctions"),
            ("sanctions NEAR/5 oil", "NEAR(sanctions oil, 5)"),
            ("sanctions NEAR oil", "NEAR(sanctions oil)"),
            ("a NEAR/2 b NEAR/7 c", "NEAR(a b c, 7)"),
            ("\"oil price\" NEAR/3 cap", "NEAR(\"oil price\" cap, 3)"),
            ("U.S. sanctions", "\"U.S.\" sanctions"),
            ("al-Assad", "\"al-Assad\""),
            ("Doğan", "Doğan"),
            ("sanct*", "sanct*"),
            ("headline:ferry", "headline:ferry"),
            ("headline:U.S.", "headline:\"U.S.\""),
            ("(oil OR gas) AND NOT coal", "( oil OR gas ) AND NOT coal"),
            ("\"unclosed phrase", "\"unclosed phrase\""),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(translate(input), want, "{input}");
        }
    }
}
