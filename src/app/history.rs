//! Undo and redo: steps are snapshots of the document's small state together with the file it
//! belongs to.

use crate::model::document::DocState;
use std::path::PathBuf;

/// Most undo steps kept.
const MAX_UNDO: usize = 200;

/// One undo step: the state with the file it belongs to, so that undoing an open returns to
/// the previous file as it was (saved or not).
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub(super) state: DocState,
    pub(super) path: Option<PathBuf>,
    /// The fingerprint of the file at `path` as last opened or saved (see
    /// [`super::Session::on_disk`]): undoing an open brings back the file's own.
    pub(super) on_disk: Option<u64>,
    pub(super) saved: Option<DocState>,
    pub(super) opened: DocState,
    pub(super) shipped_index: Option<usize>,
    /// Which opened document the step belongs to: a save updates the steps of its own lineage.
    pub(super) lineage: u64,
}

/// Undo history; a whole slider drag is one step.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The state after the last completed step.
    committed: Option<Snapshot>,
}

impl History {
    /// The state after the last completed step.
    pub(super) fn committed(&self) -> Option<&Snapshot> {
        self.committed.as_ref()
    }

    pub(super) fn set_committed(&mut self, s: Snapshot) {
        self.committed = Some(s);
    }

    /// Record `now` as a completed step if it differs from the last one.
    pub(super) fn commit(&mut self, now: Snapshot) {
        match self.committed.take() {
            Some(c) if c == now => self.committed = Some(c),
            Some(c) => {
                self.undo.push(c);
                if self.undo.len() > MAX_UNDO {
                    self.undo.remove(0);
                }
                self.redo.clear();
                self.committed = Some(now);
            }
            None => self.committed = Some(now),
        }
    }

    /// After a save: `now` is the saved state, and every step of the same document now belongs
    /// to the saved file, so undo after a save shows the unsaved mark and Save after an undo
    /// writes to the file just saved.
    pub(super) fn adopt_save(&mut self, now: Snapshot) {
        for s in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if s.lineage == now.lineage {
                s.path.clone_from(&now.path);
                s.on_disk = now.on_disk;
                s.saved.clone_from(&now.saved);
                s.state.source = now.state.source.clone();
            }
        }
        self.committed = Some(now);
    }

    /// Take the step to go to (undo if `back`, else redo), leaving `now` on the other stack.
    pub(super) fn step(&mut self, back: bool, now: Snapshot) -> Option<Snapshot> {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let target = from.pop()?;
        to.push(now);
        Some(target)
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
