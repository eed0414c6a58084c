//! Byte scans shared by the CSL-JSON readers and writers (the element
//! splitter, the one-pass item reader, the compact printer): eight bytes at
//! a time, since most of a large file is string text and indentation.
//! Written by hand: serde_json's scanner is private, and memchr finds one
//! to three given bytes, not "a quote, a backslash or any control byte".

use std::ops::Range;

/// The first byte at or after `from` that is a quote, a backslash or a
/// control character (`b.len()` when none), eight bytes at a time: most of
/// an item's text is in strings.
pub(super) fn special(b: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(word) = b.get(i..i + 8) {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let w = u64::from_le_bytes(word);
        // A byte below 0x20, or equal to '"' or '\\' (the lowest flagged
        // byte of each test is a true one).
        let below = w.wrapping_sub(ONES * 0x20) & !w;
        let quote = w ^ (ONES * u64::from(b'"'));
        let quote = quote.wrapping_sub(ONES) & !quote;
        let slash = w ^ (ONES * u64::from(b'\\'));
        let slash = slash.wrapping_sub(ONES) & !slash;
        let found = (below | quote | slash) & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

/// Appends `from[range]`: a short run by a copy of constant length, cut
/// to size (no call for the many runs of a few bytes).
#[inline]
pub(super) fn append(out: &mut Vec<u8>, from: &[u8], range: Range<usize>) {
    let end = out.len() + range.len();
    match from.get(range.start..range.start + 16) {
        Some(chunk) if range.len() <= 16 => {
            out.extend_from_slice(chunk);
            out.truncate(end);
        }
        _ => out.extend_from_slice(&from[range]),
    }
}

/// The first byte at or after `from` that is not a space (`b.len()` when
/// none), eight bytes at a time: pretty-printed JSON is indented.
pub(super) fn skip_spaces(b: &[u8], from: usize) -> usize {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut i = from;
    while let Some(word) = b.get(i..i + 8) {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let other = u64::from_le_bytes(word) ^ SPACES;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_bytes_are_found_as_a_byte_loop_finds_them() {
        let mut seed = 7u64;
        let mut bytes = Vec::new();
        for _ in 0..4000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Mostly letters and UTF-8 lead/continuation bytes, a few specials.
            let b = match (seed >> 33) % 40 {
                0 => b'"',
                1 => b'\\',
                2 => (seed >> 40) as u8 % 0x20,
                3..=10 => 0x80 | ((seed >> 40) as u8 & 0x7f),
                _ => b'a' + ((seed >> 40) as u8 % 26),
            };
            bytes.push(b);
        }
        let spaced: Vec<u8> = bytes
            .iter()
            .map(|&b| if b.is_ascii_lowercase() { b' ' } else { b })
            .collect();
        for from in 0..spaced.len() {
            let naive = (from..spaced.len())
                .find(|&i| spaced[i] != b' ')
                .unwrap_or(spaced.len());
            assert_eq!(skip_spaces(&spaced, from), naive, "from {from}");
        }
        for from in 0..bytes.len() {
            let naive = (from..bytes.len())
                .find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f))
                .unwrap_or(bytes.len());
            assert_eq!(special(&bytes, from), naive, "from {from}");
        }
    }
}
