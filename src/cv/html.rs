//! HTML → blocks (placeholder).
use super::blocks::Block;
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    super::text::blocks(text)
}
