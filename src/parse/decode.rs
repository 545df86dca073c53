//! Bytes to text: byte-order marks, UTF-16, legacy 8-bit encodings, line ends.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// Text decoded from a file, with the name of the encoding when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line ends normalised to `\n`.
    pub text: String,
    /// `Some("UTF-16LE")`, `Some("windows-1252")`... when the bytes were not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Why bytes could not be taken as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but white space.
    Empty,
    /// NUL bytes or control characters: not a text file.
    Binary,
}

/// Decodes `bytes`: UTF-8 (with or without a byte-order mark), UTF-16 (with a byte-order mark,
/// or recognised by its pattern of zero bytes), otherwise Windows-1252, the superset of Latin-1
/// that legacy wire text is written in. CRLF and lone CR become LF.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_cow(bytes).map(|(text, encoding)| Decoded {
        text: text.into_owned(),
        encoding,
    })
}

/// [`decode`] without the copies: plain UTF-8 with LF line ends, as almost every file is, is
/// borrowed as it is.
pub(crate) fn decode_cow(
    bytes: &[u8],
) -> Result<(Cow<'_, str>, Option<&'static str>), DecodeError> {
    let (text, encoding): (Cow<str>, _) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let name = (enc != encoding_rs::UTF_8).then(|| enc.name());
        (text, name)
    } else if let Some(enc) = sniff_utf16(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        (text, Some(enc.name()))
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (Cow::Borrowed(s), None)
    } else if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    } else if mostly_utf8(bytes) {
        // UTF-8 text with a few broken bytes (a bad copy, a cut download): keep the text, mark
        // the broken bytes with U+FFFD rather than misreading every accented letter.
        (
            String::from_utf8_lossy(bytes),
            Some("UTF-8 (invalid bytes replaced with U+FFFD)"),
        )
    } else {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        (text, Some(WINDOWS_1252.name()))
    };
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((normalize_newlines(text), encoding))
}

/// Whether bytes that are not valid UTF-8 still hold more well-formed multi-byte UTF-8 characters
/// than broken sequences: then they are damaged UTF-8, not a legacy 8-bit encoding.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// UTF-16 without a byte-order mark: most ASCII characters leave a zero byte on one side.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    // Without a zero byte both counts below are nought, and that is never UTF-16.
    if !sample.contains(&0) {
        return None;
    }
    let pairs = sample.len() / 2;
    let (even_zero, odd_zero) = sample.chunks_exact(2).fold((0usize, 0usize), |(e, o), p| {
        (e + usize::from(p[0] == 0), o + usize::from(p[1] == 0))
    });
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A text with NUL bytes, or where more than one character in twenty is a control character
/// other than tab, form feed and line ends, is not an article. Only the first 64 KiB are looked at.
fn looks_binary(text: &str) -> bool {
    let mut end = text.len().min(65_536);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text.as_bytes()[..end];
    // Control characters are C0 (one byte each, NUL among them), DEL, and C1 (U+0080 to
    // U+009F: 0xC2 then 0x80..=0x9F in UTF-8). Counted on the bytes, in blocks the compiler
    // vectorises; most texts have none, and then need no count of their characters.
    let mut controls = count_bytes(sample, |b| {
        (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c) | (b == 0x7f)
    });
    if sample.contains(&0xc2) {
        controls += sample
            .windows(2)
            .filter(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1]))
            .count();
    }
    if controls == 0 {
        return false;
    }
    // Characters: every byte but UTF-8 continuation bytes.
    let total = count_bytes(sample, |b| (b as i8) >= -0x40);
    sample.contains(&0) || controls * 20 > total
}

/// How many bytes of `s` satisfy `pred`: in blocks of 32 with a byte-sized count each, which
/// the compiler turns into vector compares.
#[inline(always)]
fn count_bytes(s: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    let mut blocks = s.chunks_exact(32);
    let mut n = 0;
    for block in &mut blocks {
        let mut k = 0u8;
        for &b in block {
            k += u8::from(pred(b));
        }
        n += usize::from(k);
    }
    n + blocks.remainder().iter().filter(|&&b| pred(b)).count()
}

fn normalize_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"Head\nBody").unwrap().text, "Head\nBody");
        let d = decode(b"\xEF\xBB\xBFHead\nBody").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Head\nBody", None));
    }

    #[test]
    fn windows_1252_is_detected() {
        let d = decode(b"Caf\xe9 \x93quoted\x94\r\nBody").unwrap();
        assert_eq!(d.text, "Café \u{201c}quoted\u{201d}\nBody");
        assert_eq!(d.encoding, Some("windows-1252"));
    }

    #[test]
    fn damaged_utf8_keeps_its_good_characters() {
        let d = decode(
            "Doğan said “yes” \u{2014} "
                .as_bytes()
                .iter()
                .copied()
                .chain(*b"\xff\xfe end")
                .collect::<Vec<u8>>()
                .as_slice(),
        )
        .unwrap();
        assert!(
            d.text.starts_with("Doğan said “yes” \u{2014} "),
            "{}",
            d.text
        );
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(
            d.encoding,
            Some("UTF-8 (invalid bytes replaced with U+FFFD)")
        );
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Héadline\r\nBody".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Héadline\nBody", Some("UTF-16LE"))
        );
        let be: Vec<u8> = "Headline\nBody"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().encoding, Some("UTF-16BE"));
    }

    #[test]
    fn a_lone_surrogate_in_utf16_becomes_a_replacement_character() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Head\nBody "
            .encode_utf16()
            .chain([0xD800])
            .chain(" end.".encode_utf16())
        {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "Head\nBody \u{fffd} end.");
        assert!(serde_json::to_string(&d.text).is_ok());
    }

    #[test]
    fn lone_cr_and_crlf_become_lf() {
        assert_eq!(decode(b"a\rb\r\nc").unwrap().text, "a\nb\nc");
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b"  \n\t\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00\xff\xfe"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"\x01\x02\x03\x04\x05abc"), Err(DecodeError::Binary));
    }
}
