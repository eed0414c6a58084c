//! Finding the elements of a top-level JSON array and their lines, with a
//! scan that tracks strings and nesting only (serde_json keeps no
//! positions), so that each element can be parsed on its own: from one text,
//! or from a file read a block at a time.

/// Where one element of the top-level array stands in the scanned bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Element {
    pub start: usize,
    pub end: usize,
    /// 1-based line of its first character.
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the opening `[`.
    Start,
    /// After `[` (`first`) or a comma: an element or (after `[` only) `]`.
    WantElement { first: bool },
    /// After an element: a comma or `]`.
    WantSeparator,
    /// Inside an element that started at `start`.
    InElement {
        start: usize,
        line: usize,
        depth: usize,
        in_string: bool,
        escaped: bool,
        /// A number or literal: it ends at a separator or white space.
        scalar: bool,
    },
    /// After the closing `]`: white space only.
    Done,
    /// Not a plain array of elements.
    Invalid,
}

/// An incremental scan: feed it the bytes read so far, take the elements it
/// completed, drop the bytes before [`Scanner::keep_from`].
#[derive(Debug, Clone)]
pub(super) struct Scanner {
    state: State,
    /// Where the scan stands in the bytes.
    pos: usize,
    line: usize,
    /// How deep the elements nest, at most.
    pub deepest: usize,
}

fn blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Scanner {
    pub fn new() -> Self {
        Scanner {
            state: State::Start,
            pos: 0,
            line: 1,
            deepest: 0,
        }
    }

    /// Scans `bytes` (everything kept so far, the scan continuing where it
    /// stopped) and appends the completed elements to `out`. Returns `false`
    /// once the bytes are not a plain array.
    pub fn scan(&mut self, bytes: &[u8], out: &mut Vec<Element>) -> bool {
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            match &mut self.state {
                State::Invalid => return false,
                State::Start | State::Done | State::WantSeparator | State::WantElement { .. }
                    if blank(b) =>
                {
                    self.line += usize::from(b == b'\n');
                    self.pos += 1;
                }
                State::Start => {
                    self.state = if b == b'[' {
                        State::WantElement { first: true }
                    } else {
                        State::Invalid
                    };
                    self.pos += 1;
                }
                State::Done => self.state = State::Invalid,
                State::WantSeparator => {
                    self.state = match b {
                        b',' => State::WantElement { first: false },
                        b']' => State::Done,
                        _ => State::Invalid,
                    };
                    self.pos += 1;
                }
                State::WantElement { first } => {
                    if b == b']' {
                        self.state = if *first { State::Done } else { State::Invalid };
                        self.pos += 1;
                    } else if b == b',' {
                        self.state = State::Invalid;
                    } else {
                        // The element's first byte is scanned in its own state.
                        self.state = State::InElement {
                            start: self.pos,
                            line: self.line,
                            depth: 0,
                            in_string: false,
                            escaped: false,
                            scalar: !matches!(b, b'{' | b'[' | b'"'),
                        };
                    }
                }
                State::InElement {
                    start,
                    line,
                    depth,
                    in_string,
                    escaped,
                    scalar,
                } => {
                    if *scalar {
                        if b == b',' || b == b']' || blank(b) {
                            out.push(Element {
                                start: *start,
                                end: self.pos,
                                line: *line,
                            });
                            self.state = State::WantSeparator;
                        } else {
                            self.pos += 1;
                        }
                        continue;
                    }
                    // The inner loop runs over the element's bytes without
                    // going back to the state machine for each.
                    let mut closed = false;
                    let mut i = self.pos;
                    while i < bytes.len() && !closed {
                        let c = bytes[i];
                        i += 1;
                        if *in_string {
                            if *escaped {
                                *escaped = false;
                                continue;
                            }
                            // Skip to the next quote, backslash or control
                            // character (a newline is one).
                            if c != b'"' && c != b'\\' {
                                self.line += usize::from(c == b'\n');
                                i = super::scan::special(bytes, i);
                                continue;
                            }
                            if c == b'\\' {
                                *escaped = true;
                            } else {
                                *in_string = false;
                                closed = *depth == 0;
                            }
                            continue;
                        }
                        match c {
                            // Indentation: a run of spaces at once.
                            b' ' => i = super::scan::skip_spaces(bytes, i),
                            b'\n' => self.line += 1,
                            b'"' => *in_string = true,
                            b'[' | b'{' => {
                                *depth += 1;
                                self.deepest = self.deepest.max(*depth);
                            }
                            b']' | b'}' => match depth.checked_sub(1) {
                                Some(d) => {
                                    *depth = d;
                                    closed = d == 0;
                                }
                                None => {
                                    self.state = State::Invalid;
                                    return false;
                                }
                            },
                            _ => {}
                        }
                    }
                    self.pos = i;
                    if closed {
                        out.push(Element {
                            start: *start,
                            end: self.pos,
                            line: *line,
                        });
                        self.state = State::WantSeparator;
                    }
                }
            }
        }
        self.state != State::Invalid
    }

    /// A scan that starts at `pos` (on line `line`), after a comma: where
    /// another scan is expected to stand when it gets there.
    fn after_comma(pos: usize, line: usize) -> Self {
        Scanner {
            state: State::WantElement { first: false },
            pos,
            line,
            deepest: 0,
        }
    }

    /// [`scan`](Self::scan) on two threads, when `bytes` are long enough:
    /// the second takes the bytes from an element start found after the
    /// middle (an opening brace at the start of a line whose line before
    /// ends in a comma; a raw newline is never inside a JSON string) and is
    /// kept only when the first one's scan stops there between elements;
    /// otherwise the first scans on. What it gives is what `scan` gives.
    pub fn scan_parallel(&mut self, bytes: &[u8], out: &mut Vec<Element>) -> bool {
        let from = self.pos.min(bytes.len());
        let Some(split) = (bytes.len() - from >= 1 << 16)
            .then(|| element_start_after(bytes, from + (bytes.len() - from) / 2))
            .flatten()
        else {
            return self.scan(bytes, out);
        };
        let halves = crate::parallel::map_each(&[false, true], |&second| {
            let mut found = Vec::new();
            if second {
                let line = self.line + count_newlines(&bytes[from..split]);
                let mut scanner = Scanner::after_comma(split, line);
                let ok = scanner.scan(bytes, &mut found);
                (scanner, found, ok)
            } else {
                let mut scanner = self.clone();
                let ok = scanner.scan(&bytes[..split], &mut found);
                (scanner, found, ok)
            }
        });
        let mut halves = halves.into_iter();
        let (Some((first, mut found, ok)), Some((second, more, ok2))) =
            (halves.next(), halves.next())
        else {
            return self.scan(bytes, out);
        };
        *self = first;
        out.append(&mut found);
        if !ok {
            return false;
        }
        if self.state == (State::WantElement { first: false }) && self.pos == split {
            let deepest = self.deepest.max(second.deepest);
            *self = second;
            self.deepest = deepest;
            out.extend(more);
            return ok2;
        }
        self.scan(bytes, out)
    }

    /// Whether the bytes scanned so far are a whole, closed array.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// The first byte still needed: the start of an unfinished element, or
    /// where the scan stands.
    pub fn keep_from(&self) -> usize {
        match self.state {
            State::InElement { start, .. } => start,
            _ => self.pos,
        }
    }

    /// The bytes before `n` were dropped: positions move down by `n`.
    pub fn drop_front(&mut self, n: usize) {
        self.pos -= n;
        if let State::InElement { start, .. } = &mut self.state {
            *start -= n;
        }
    }
}

/// Where a line at or after `from` starts with an opening brace (after
/// indentation) and the line before it ends in a comma: most likely an
/// element of the top-level array.
fn element_start_after(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i += bytes.get(i..)?.iter().position(|&b| b == b'\n')?;
        let before = bytes[..i]
            .iter()
            .rev()
            .find(|&&b| !matches!(b, b' ' | b'\t' | b'\r'));
        let start = i
            + 1
            + bytes[i + 1..]
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t'))?;
        if before == Some(&b',') && bytes.get(start) == Some(&b'{') {
            return Some(start);
        }
        i += 1;
    }
}

/// The number of newline bytes, eight at a time.
fn count_newlines(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'\n'));
        // A byte of x is zero where a newline was: count those exactly.
        let zero =
            !(((x & 0x7f7f_7f7f_7f7f_7f7f) + 0x7f7f_7f7f_7f7f_7f7f) | x | 0x7f7f_7f7f_7f7f_7f7f);
        n += zero.count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// The elements of a top-level JSON array in `text`, and how deep they nest;
/// `None` unless the text is an array whose elements are separated by commas
/// and white space only, closed, with nothing after it but white space: then
/// each element is a JSON text of its own (if it is valid JSON).
pub(super) fn array_elements(text: &str) -> Option<(Vec<Element>, usize)> {
    let mut scanner = Scanner::new();
    let mut out = Vec::new();
    (scanner.scan_parallel(text.as_bytes(), &mut out) && scanner.is_done())
        .then_some((out, scanner.deepest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices(text: &str) -> Option<Vec<(usize, &str)>> {
        array_elements(text)
            .map(|(v, _)| v.iter().map(|e| (e.line, &text[e.start..e.end])).collect())
    }

    #[test]
    fn elements_of_an_array() {
        let text = "[\n  {\"a\": \"x,]}\\\"\"},\n  {\"b\": [1, {\"c\": 2}]}\n, 3 ,\"s\"]\n";
        assert_eq!(
            slices(text).unwrap(),
            [
                (2, "{\"a\": \"x,]}\\\"\"}"),
                (3, "{\"b\": [1, {\"c\": 2}]}"),
                (4, "3"),
                (4, "\"s\"")
            ]
        );
        assert_eq!(slices(" [ ] ").unwrap(), []);
        assert_eq!(slices("[{}]").unwrap(), [(1, "{}")]);
        assert_eq!(array_elements("[{\"a\": [[1]]}]").unwrap().1, 3);
    }

    #[test]
    fn not_a_plain_array() {
        for text in [
            "{\"id\": \"a\"}",
            "[{}, ]",
            "[, {}]",
            "[{} {}]",
            "[{}",
            "[{\"a\": \"unclosed}]",
            "[{}] trailing",
            "[{}}]",
            "[]]",
        ] {
            assert_eq!(slices(text), None, "{text}");
        }
    }

    #[test]
    fn scanned_on_two_threads_as_on_one() {
        let item =
            |k: usize| format!("{{\n    \"id\": \"k{k}\",\n    \"t\": \"a,\\\"\\n{{\"\n  }}");
        let mut text = String::from("[\n  ");
        for k in 0..3000 {
            if k > 0 {
                text.push_str(",\n  ");
            }
            text.push_str(&item(k));
            // Something that looks like an element start inside one.
            if k % 7 == 0 {
                text.push_str(",\n  {\"nested\": [1,\n {\"x\": 2}]}");
            }
        }
        text.push_str("\n]\n");
        let mut one = Scanner::new();
        let mut a = Vec::new();
        assert!(one.scan(text.as_bytes(), &mut a));
        for from in [0, 1, 2, 5000, 100_000] {
            let mut two = Scanner::new();
            let mut b = Vec::new();
            if from > 0 {
                assert!(two.scan(&text.as_bytes()[..from], &mut b));
            }
            assert!(two.scan_parallel(text.as_bytes(), &mut b));
            assert_eq!(a, b, "from {from}");
            assert_eq!(
                (one.line, one.deepest, one.is_done()),
                (two.line, two.deepest, two.is_done())
            );
        }
        assert_eq!(count_newlines(text.as_bytes()), text.matches('\n').count());
        // Broken after the middle: the same verdict.
        let broken = text.replace("k2900\"", "k2900\" x");
        let (mut one, mut two) = (Scanner::new(), Scanner::new());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert_eq!(
            one.scan(broken.as_bytes(), &mut a),
            two.scan_parallel(broken.as_bytes(), &mut b)
        );
    }

    #[test]
    fn fed_a_block_at_a_time() {
        let text = "[\n{\"a\": \"x\\\"y\"},\n{\"b\": [1, 2]},\n42\n]\n";
        let whole = slices(text).unwrap();
        for block in 1..8 {
            let mut scanner = Scanner::new();
            let (mut kept, mut dropped) = (Vec::new(), 0);
            let mut got = Vec::new();
            for chunk in text.as_bytes().chunks(block) {
                kept.extend_from_slice(chunk);
                let mut out = Vec::new();
                assert!(scanner.scan(&kept, &mut out));
                for e in out {
                    let s = std::str::from_utf8(&kept[e.start..e.end]).unwrap();
                    got.push((e.line, s.to_string()));
                }
                let keep = scanner.keep_from();
                kept.drain(..keep);
                scanner.drop_front(keep);
                dropped += keep;
            }
            assert!(scanner.is_done());
            assert_eq!(dropped + kept.len(), text.len());
            let want: Vec<(usize, String)> =
                whole.iter().map(|(l, s)| (*l, s.to_string())).collect();
            assert_eq!(got, want, "blocks of {block}");
        }
    }
}
