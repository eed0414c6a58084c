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
                                i = super::fast::special(bytes, i);
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
                            b' ' => {
                                while bytes.get(i) == Some(&b' ') {
                                    i += 1;
                                }
                            }
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

/// The elements of a top-level JSON array in `text`, and how deep they nest;
/// `None` unless the text is an array whose elements are separated by commas
/// and white space only, closed, with nothing after it but white space: then
/// each element is a JSON text of its own (if it is valid JSON).
pub(super) fn array_elements(text: &str) -> Option<(Vec<Element>, usize)> {
    let mut scanner = Scanner::new();
    let mut out = Vec::new();
    (scanner.scan(text.as_bytes(), &mut out) && scanner.is_done()).then_some((out, scanner.deepest))
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
